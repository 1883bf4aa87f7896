"""A learner's history in every case: decks built, studied and re-imported with the real `anki`
library, while the deck's history file is moved, lost, damaged, shared or cut short by a kill."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from anki.collection import Collection
from anki_client import answer_all, import_deck, notes_by_short, open_collection, review_history
from conftest import ROOT, run

from flashcards.history.file import FLOOR

SHEET = """# Storage

* **S3 (Simple Storage Service)**
  * Object storage.
* **Glacier**
  * Archive storage, cheap and slow.
* **EBS**
  * Block storage for `EC2`.
"""


EDITED = "Object storage for any file."


@pytest.fixture
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(FLOOR + 1000))
    (tmp_path / "s.md").write_text(SHEET, encoding="utf-8")
    return tmp_path


def later(monkeypatch: pytest.MonkeyPatch, seconds: int = 1000) -> None:
    """Time passes between two builds (a test runs them within one second)."""
    now = int(os.environ["SOURCE_DATE_EPOCH"])
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(now + seconds))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build(*args: str | Path) -> str:
    result = run("build", *args)
    assert result.exit_code == 0, result.output
    return result.stderr


def studied(cwd: Path, output: str = "a.apkg") -> tuple[Collection, dict[int, int]]:
    """A learner's collection with the deck imported and every card answered once."""
    col = open_collection(cwd / "anki")
    import_deck(col, cwd / output)
    answer_all(col)
    return col, review_history(col)


def studied_then_edited(
    cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Collection, dict[int, int]]:
    """Built to a.apkg and studied; then, later, S3's definition edited in the sheet."""
    build("s.md", "-o", "a.apkg")
    col, reviews = studied(cwd)
    later(monkeypatch)
    edit(cwd / "s.md", "Object storage.", EDITED)
    return col, reviews


def arrives(col: Collection, deck: Path, reviews: dict[int, int]) -> None:
    """Importing `deck` brings the edit, and every review stays."""
    import_deck(col, deck)
    assert notes_by_short(col)["S3"]["Definition"] == EDITED
    assert review_history(col) == reviews


def intervals(col: Collection) -> dict[int, int]:
    return {cid: col.get_card(cid).ivl for cid in col.find_cards("")}


def kept(col: Collection, reviews: dict[int, int], ivls: dict[int, int]) -> None:
    """Every reviewed card is still there, with its reviews and its interval."""
    assert review_history(col) == reviews
    now = intervals(col)
    assert {cid: now[cid] for cid in ivls} == ivls


# 1. Building to another file name


def test_an_edit_arrives_whatever_file_the_deck_is_built_to(
    cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    col, reviews = studied_then_edited(cwd, monkeypatch)
    ivls = intervals(col)
    build("s.md", "-o", "b.apkg")
    arrives(col, cwd / "b.apkg", reviews)
    assert len(notes_by_short(col)) == 3
    kept(col, reviews, ivls)
    assert sorted(p.name for p in cwd.glob("*.lock.json")) == ["s.lock.json"]


def test_a_sheet_named_in_nfd_is_one_deck_with_its_nfc_name(
    cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nfc = "운영체제"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc
    (cwd / f"{nfd}.md").write_text(SHEET, encoding="utf-8")
    build(f"{nfd}.md")  # as macOS, a zip or Dropbox names it
    assert sorted(p.name for p in cwd.iterdir() if p.is_file() and p.suffix != ".md") == [
        f"{nfc}.apkg",
        f"{nfc}.lock.json",
    ]
    col, reviews = studied(cwd, f"{nfc}.apkg")
    guids = {short: fields["_guid"] for short, fields in notes_by_short(col).items()}
    assert [d.name for d in col.decks.all_names_and_ids() if d.name != "Default"] == [nfc]
    # The same sheet, its name composed by another system; then an edit.
    (cwd / f"{nfd}.md").rename(cwd / f"{nfc}.md")
    later(monkeypatch)
    edit(cwd / f"{nfc}.md", "Object storage.", EDITED)
    build(f"{nfc}.md")
    arrives(col, cwd / f"{nfc}.apkg", reviews)
    assert {short: fields["_guid"] for short, fields in notes_by_short(col).items()} == guids
    assert notes_by_short(col)["S3"]["Source"] == f"{nfc}.md:3"
    assert sorted(p.name for p in cwd.glob("*.lock.json")) == [f"{nfc}.lock.json"]


# 2. A damaged history, and the advice it gives


CONFLICT = "<<<<<<< HEAD\n=======\n>>>>>>> theirs\n"


def test_a_history_with_conflict_markers_names_its_line_and_recovers_when_deleted(
    cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    col, reviews = studied_then_edited(cwd, monkeypatch)
    history = cwd / "s.lock.json"
    lines = history.read_text(encoding="utf-8").splitlines(keepends=True)
    history.write_text("".join(lines[:3]) + CONFLICT + "".join(lines[3:]), encoding="utf-8")

    result = run("build", "s.md", "-o", "a.apkg")
    assert result.exit_code == 1
    assert result.stderr == (
        "s.lock.json:4: not valid JSON (Expecting property name enclosed in double quotes);"
        " mend it (after a merge: keep one side), or delete it and the next build recovers"
        " the history from the deck file\n"
    )
    history.unlink()
    build("s.md", "-o", "a.apkg")
    arrives(col, cwd / "a.apkg", reviews)
    # The recovered history now holds the edit: the next build changes nothing.
    assert run("build", "s.md", "-o", "a.apkg", "--check").exit_code == 0


def test_with_no_history_and_no_deck_file_every_note_is_stamped_now(
    cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    col, reviews = studied_then_edited(cwd, monkeypatch)
    (cwd / "s.lock.json").unlink()
    (cwd / "a.apkg").unlink()
    build("s.md", "-o", "a.apkg")
    arrives(col, cwd / "a.apkg", reviews)
    mods = {e["mod"] for e in json.loads((cwd / "s.lock.json").read_text())["notes"].values()}
    assert mods == {int(os.environ["SOURCE_DATE_EPOCH"])}


@pytest.mark.parametrize(
    ("entry", "shown"),
    [('"soon"', "'soon'"), ("null", "None"), (str(10**30), str(10**30)), ("1.5", "1.5")],
)
def test_a_history_entry_with_a_bad_time_names_its_line(cwd: Path, entry: str, shown: str) -> None:
    build("s.md", "-o", "a.apkg")
    history = cwd / "s.lock.json"
    text = history.read_text(encoding="utf-8")
    line = text[: text.index('"term:glacier"')].count("\n") + 1
    start = text.index('"mod"', text.index('"term:glacier"'))
    end = text.index(",", start)
    history.write_text(text[:start] + f'"mod": {entry}' + text[end:], encoding="utf-8")
    result = run("build", "s.md", "-o", "a.apkg")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.stderr == (
        f"s.lock.json:{line}: entry 'term:glacier' has mod {shown}; it must be a time in whole"
        " seconds; mend it (after a merge: keep one side), or delete it and the next build"
        " recovers the history from the deck file\n"
    )


def test_a_history_of_a_newer_version_is_refused(cwd: Path) -> None:
    build("s.md", "-o", "a.apkg")
    history = cwd / "s.lock.json"
    history.write_text(history.read_text().replace('"version": 3', '"version": 99'))
    line = history.read_text().splitlines().index(' "version": 99,') + 1
    result = run("build", "s.md", "-o", "a.apkg")
    assert result.exit_code == 1
    assert result.stderr == (
        f"s.lock.json:{line}: history version 99 is not one this tool reads (1, 2 or 3);"
        " is it from a newer version of flashcards?\n"
    )


def test_a_version_1_lock_beside_the_output_is_still_read(
    cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build("s.md", "-o", "a.apkg")
    col, reviews = studied(cwd)
    raw = json.loads((cwd / "s.lock.json").read_text())
    v1 = {
        "version": 1,
        "notetypes": raw["notetypes"],
        "notes": {k.removeprefix("term:"): {"hash": v["hash"], "mod": v["mod"]}
                  for k, v in raw["notes"].items()},
    }  # fmt: skip
    (cwd / "a.lock.json").write_text(json.dumps(v1))
    (cwd / "s.lock.json").unlink()
    (cwd / "a.apkg").unlink()  # nothing to recover from: only the old lock knows
    later(monkeypatch)
    build("s.md", "-o", "a.apkg")
    import_deck(col, cwd / "a.apkg")
    assert review_history(col) == reviews
    # The old lock's times, not the current one: the learner's copy is already up to date.
    mods = {e["mod"] for e in json.loads((cwd / "s.lock.json").read_text())["notes"].values()}
    assert mods == {FLOOR + 1000}


# 3. Histories that collided


def config(folder: Path, decks: str, cloze: bool = False) -> None:
    (folder / "decks.yaml").write_text(
        "categories:\n  storage:\n    en: Storage\ndecks:\n" + decks, encoding="utf-8"
    )


def deck(key: str, output: str, extra: str = "") -> str:
    return (
        f"  - key: {key}\n    name: {key}\n    language: en\n    source: s.md\n"
        f"    output: {output}\n{extra}"
    )


def test_two_decks_whose_outputs_share_a_stem_keep_their_own_histories(cwd: Path) -> None:
    config(cwd, deck("one", "out/a.apkg") + deck("two", "out/a.zip"))
    build("--config", "decks.yaml")
    assert sorted(p.name for p in cwd.glob("*.lock.json")) == ["one.lock.json", "two.lock.json"]
    check = run("build", "--config", "decks.yaml", "--check")
    assert check.exit_code == 0, check.output
    assert build("--config", "decks.yaml") == ""
    assert run("build", "--config", "decks.yaml").stdout == (
        "out/a.apkg: 3 notes, unchanged\nout/a.zip: 3 notes, unchanged\n"
    )


def test_an_output_over_another_decks_history_is_a_config_error(cwd: Path) -> None:
    config(cwd, deck("a", "a.apkg") + deck("b", "a.lock.json"))
    result = run("build", "--config", "decks.yaml")
    assert result.exit_code == 1
    assert (
        result.stderr == "decks.yaml:10: deck 'b' writes its output over the history file of 'a'\n"
    )


def test_decks_whose_keys_differ_in_case_only_are_a_config_error(cwd: Path) -> None:
    config(cwd, deck("aws", "a.apkg") + deck("AWS", "b.apkg"))
    result = run("build", "--config", "decks.yaml")
    assert result.exit_code == 1
    assert result.stderr == (
        "decks.yaml:10: deck 'AWS' would share its history file with 'aws' (line 5):"
        " keys that differ only in case name one file\n"
    )


def test_an_output_that_is_the_decks_own_history_is_refused(cwd: Path) -> None:
    result = run("build", "s.md", "-o", "s.lock.json")
    assert result.exit_code == 1
    assert (
        result.stderr == "s.lock.json:1: this is the deck's history file; choose another output\n"
    )


def test_a_cloze_note_and_a_term_named_cloze_keep_apart(cwd: Path) -> None:
    (cwd / "s.md").write_text(
        "# Storage\n\n* **EC2**\n  * A `virtual server`.\n"
        "* **Cloze EC2**\n  * A made-up `service`.\n",
        encoding="utf-8",
    )
    config(cwd, deck("c", "c.apkg", "    cloze: true\n"))
    build("--config", "decks.yaml")
    keys = sorted(json.loads((cwd / "c.lock.json").read_text())["notes"])
    assert keys == ["cloze:cloze ec2", "cloze:ec2", "term:cloze ec2", "term:ec2"]
    assert run("build", "--config", "decks.yaml", "--check").exit_code == 0
    col = open_collection(cwd / "anki")
    import_deck(col, cwd / "c.apkg")
    assert col.note_count() == 4


# 4. Renames


def renamed(
    cwd: Path, monkeypatch: pytest.MonkeyPatch, change: Callable[[], object], old: str, new: str
) -> dict[str, dict[str, str]]:
    """Build, study, `change` the sheet so that `old` is renamed `new`, build again: the build
    says so, and the note keeps its GUID, reviews and intervals. The notes after."""
    build("s.md", "-o", "a.apkg")
    col, reviews = studied(cwd)
    ivls = intervals(col)
    guid = notes_by_short(col)[old]["_guid"]
    later(monkeypatch)
    change()
    said = build("s.md", "-o", "a.apkg")
    assert said == f's.md:5: note: "{old}" renamed to "{new}"; history kept\n'
    import_deck(col, cwd / "a.apkg")
    notes = notes_by_short(col)
    assert notes[new]["_guid"] == guid
    kept(col, reviews, ivls)
    return notes


def test_a_renamed_term_with_its_definition_keeps_its_history(
    cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rename = partial(edit, cwd / "s.md", "**Glacier**", "**S3 Glacier**")
    notes = renamed(cwd, monkeypatch, rename, "Glacier", "S3 Glacier")
    assert sorted(notes) == ["EBS", "S3", "S3 Glacier"]
    assert build("s.md", "-o", "a.apkg") == ""  # said once


def test_highlight_markers_read_as_markup_keep_the_terms_history(
    cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Earlier versions kept `==Glacier==` as text, markers and all; escaped, it still is.
    (cwd / "s.md").write_text(SHEET.replace("**Glacier**", "**\\=\\=Glacier\\=\\=**"))
    marked = SHEET.replace("**Glacier**", "==Glacier==")
    notes = renamed(
        cwd, monkeypatch, lambda: (cwd / "s.md").write_text(marked), "==Glacier==", "Glacier"
    )
    assert sorted(notes) == ["EBS", "Glacier", "S3"]


VOCABULARY = """# 빠른호흡 (Tachypnea)

숨을 빠르게 쉬는 것.

# 신세포암종 (Renal cell carcinoma)

# 심장비대 (Cardiomegaly)

심장의 크기가 정상보다 비대해진 상태.

# 빈맥 (Tachycardia)

심장이 분당 100번보다 빨리 뛰는 상태.
"""


def test_a_word_and_its_other_name_keeps_its_history_once_text_is_written_under_it(
    cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (cwd / "s.md").write_text(VOCABULARY, encoding="utf-8")
    build("s.md", "-o", "a.apkg")
    col, reviews = studied(cwd)
    ivls = intervals(col)
    word = notes_by_short(col)["신세포암종"]
    assert (word["Term"], word["Definition"]) == ("신세포암종", "<p>Renal cell carcinoma</p>")
    later(monkeypatch)
    edit(
        cwd / "s.md",
        "(Renal cell carcinoma)\n",
        "(Renal cell carcinoma)\n\n신장에 생기는 암이다.\n",
    )
    assert build("s.md", "-o", "a.apkg") == ""
    import_deck(col, cwd / "a.apkg")
    notes = notes_by_short(col)
    assert notes["신세포암종"]["_guid"] == word["_guid"]
    assert "신장에 생기는 암이다." in notes["신세포암종"]["Definition"]
    kept(col, reviews, ivls)


def test_a_declared_rename_keeps_history_when_the_definition_changes_too(
    cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build("s.md", "-o", "a.apkg")
    col, reviews = studied(cwd)
    guid = notes_by_short(col)["Glacier"]["_guid"]
    later(monkeypatch)
    text = (cwd / "s.md").read_text(encoding="utf-8")
    text = text.replace("**Glacier**", "**S3 Glacier**").replace("cheap and slow", "cheap")
    (cwd / "s.md").write_text(
        "---\nflashcards:\n  renamed:\n    S3 Glacier: Glacier\n---\n" + text, encoding="utf-8"
    )
    assert build("s.md", "-o", "a.apkg") == (
        's.md:10: note: "Glacier" renamed to "S3 Glacier"; history kept\n'
    )
    import_deck(col, cwd / "a.apkg")
    notes = notes_by_short(col)
    assert notes["S3 Glacier"]["_guid"] == guid
    assert notes["S3 Glacier"]["Definition"] == "Archive storage, cheap."
    assert len(notes) == 3
    assert review_history(col) == reviews


def test_a_rename_to_a_term_the_sheet_lacks_is_a_warning(cwd: Path) -> None:
    (cwd / "s.md").write_text("---\nflashcards:\n  renamed:\n    Nope: Glacier\n---\n" + SHEET)
    assert build("s.md", "-o", "a.apkg") == (
        's.md:1: warning: renamed: "Nope" is not a term of this sheet; ignored\n'
    )


def test_two_removed_terms_with_one_definition_are_not_guessed(
    cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (cwd / "s.md").write_text("# A\n\n* **X**\n  * same\n\n# B\n\n* **Y**\n  * same\n")
    build("s.md", "-o", "a.apkg")
    later(monkeypatch)
    (cwd / "s.md").write_text("# A\n\n* **Z**\n  * same\n")
    assert build("s.md", "-o", "a.apkg") == ""
    col = open_collection(cwd / "anki")
    import_deck(col, cwd / "a.apkg")
    assert list(notes_by_short(col)) == ["Z"]


def test_a_term_that_comes_back_after_a_rename_is_a_new_note(
    cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build("s.md", "-o", "a.apkg")
    col, _ = studied(cwd)
    later(monkeypatch)
    edit(cwd / "s.md", "**Glacier**", "**S3 Glacier**")
    build("s.md", "-o", "a.apkg")
    later(monkeypatch)
    with (cwd / "s.md").open("a", encoding="utf-8") as sheet:
        sheet.write("* **Glacier**\n  * A slow river of ice.\n")
    build("s.md", "-o", "a.apkg")
    import_deck(col, cwd / "a.apkg")
    notes = notes_by_short(col)
    assert len(notes) == 4
    assert notes["Glacier"]["_guid"] != notes["S3 Glacier"]["_guid"]


def guids_and_reviews(col: Collection) -> dict[str, tuple[str, int]]:
    """Each note's GUID and the reviews logged on its cards, by Short field."""
    reviews = review_history(col)
    found = {}
    for short, fields in notes_by_short(col).items():
        cards = col.find_cards(f"nid:{fields['_id']}")
        found[short] = (fields["_guid"], sum(reviews.get(c, 0) for c in cards))
    return found


def rebuilt_with(cwd: Path, monkeypatch: pytest.MonkeyPatch, sheet: str) -> str:
    later(monkeypatch)
    (cwd / "s.md").write_text(sheet, encoding="utf-8")
    return build("s.md", "-o", "a.apkg")


@pytest.mark.parametrize("answer", ["Yes.", "No.", "O", "N/A", "가상 서버", "Object storage."])
def test_a_short_definition_never_carries_reviews_to_another_term(
    cwd: Path, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    (cwd / "s.md").write_text(f"# A\n\n- **Is TCP reliable**: {answer}\n", encoding="utf-8")
    build("s.md", "-o", "a.apkg")
    col, _ = studied(cwd)
    before = guids_and_reviews(col)
    assert rebuilt_with(cwd, monkeypatch, f"# A\n\n- **Is UDP fast**: {answer}\n") == ""
    import_deck(col, cwd / "a.apkg")
    after = guids_and_reviews(col)
    assert after["Is TCP reliable"] == before["Is TCP reliable"]  # its reviews stay its own
    assert after["Is UDP fast"][0] != before["Is TCP reliable"][0]
    assert after["Is UDP fast"][1] == 0


def test_a_question_never_carries_reviews_to_another_question(
    cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = "It depends on the workload, the budget and the team that runs it."
    qa = "# A\n\n<details>\n<summary>{}</summary>\n\n{}\n\n</details>\n"
    (cwd / "s.md").write_text(qa.format("Which database?", answer), encoding="utf-8")
    build("s.md", "-o", "a.apkg")
    col, _ = studied(cwd)
    before = guids_and_reviews(col)
    assert rebuilt_with(cwd, monkeypatch, qa.format("Which cloud?", answer)) == ""
    import_deck(col, cwd / "a.apkg")
    after = guids_and_reviews(col)
    assert after["Which database?"] == before["Which database?"]
    assert after["Which cloud?"][0] != before["Which database?"][0]
    assert after["Which cloud?"][1] == 0


def test_a_term_removed_by_an_earlier_build_is_never_taken_for_a_renamed_one(
    cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build("s.md", "-o", "a.apkg")
    col, _ = studied(cwd)
    before = guids_and_reviews(col)
    rebuilt_with(
        cwd, monkeypatch, SHEET.replace("* **Glacier**\n  * Archive storage, cheap and slow.\n", "")
    )
    months_later = SHEET.replace("**Glacier**", "**Ice Age**")
    assert rebuilt_with(cwd, monkeypatch, months_later) == ""
    import_deck(col, cwd / "a.apkg")
    after = guids_and_reviews(col)
    assert after["Glacier"] == before["Glacier"]
    assert after["Ice Age"][0] != before["Glacier"][0]
    assert after["Ice Age"][1] == 0


def version_2(history: Path) -> None:
    """The history as version 2 wrote it: no word of which notes the last build left out."""
    raw = json.loads(history.read_text(encoding="utf-8"))
    raw["version"] = 2
    for entry in raw["notes"].values():
        entry.pop("gone", None)
    history.write_text(json.dumps(raw, ensure_ascii=False, indent=1), encoding="utf-8")


def test_a_version_2_history_tells_the_removed_terms_from_its_deck_file(
    cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build("s.md", "-o", "a.apkg")
    col, _ = studied(cwd)
    before = guids_and_reviews(col)
    rebuilt_with(cwd, monkeypatch, SHEET.replace("* **EBS**\n  * Block storage for `EC2`.\n", ""))
    version_2(cwd / "s.lock.json")
    renamed = SHEET.replace("* **EBS**\n  * Block storage for `EC2`.\n", "").replace(
        "**Glacier**", "**S3 Glacier**"
    )
    # Glacier, in the deck file the history names, was removed by this build: a rename.
    assert rebuilt_with(cwd, monkeypatch, renamed) == (
        's.md:5: note: "Glacier" renamed to "S3 Glacier"; history kept\n'
    )
    later_sheet = renamed + "* **Elastic Block Store**\n  * Block storage for `EC2`.\n"
    version_2(cwd / "s.lock.json")
    # EBS was removed two builds ago: not in that deck file, so never a rename.
    assert rebuilt_with(cwd, monkeypatch, later_sheet) == ""
    import_deck(col, cwd / "a.apkg")
    after = guids_and_reviews(col)
    assert after["S3 Glacier"] == before["Glacier"]
    assert after["Elastic Block Store"][0] != before["EBS"][0]
    assert json.loads((cwd / "s.lock.json").read_text())["version"] == 3


TERMS_UNDER_HEADINGS = """# Compute

- **EC2**: Virtual servers in the cloud.
- **Lambda**: Functions run on events.

# Storage

- **S3**: Objects by bucket and key.
- **EBS**: Blocks for one server.
"""
WITH_A_LABEL_WORD = TERMS_UNDER_HEADINGS.replace("**Lambda**", "**Summary**").replace(
    "- **EBS**", "- **Summary**: Storage keeps data.\n- **EBS**"
)


def duplicate(line: int, term: str, first: int) -> str:
    message = f'duplicate term "{term}": "{term}" is at line {first}; the first is kept'
    return f"s.md:{line}: warning: {message}"


@pytest.mark.parametrize(
    ("sheet", "added", "warnings"),
    [
        (
            TERMS_UNDER_HEADINGS,
            "- **EC2**: Servers again.\n- **Lambda**: Functions again.\n",
            [duplicate(10, "EC2", 3), duplicate(11, "Lambda", 4)],
        ),
        (
            WITH_A_LABEL_WORD,
            "- **EC2**: Servers again.\n",
            [duplicate(9, "Summary", 4), duplicate(11, "EC2", 3)],
        ),
    ],
    ids=["two terms written twice", "a term written twice beside a label word"],
)
def test_a_duplicate_term_never_turns_headings_into_terms(
    cwd: Path, monkeypatch: pytest.MonkeyPatch, sheet: str, added: str, warnings: list[str]
) -> None:
    (cwd / "s.md").write_text(sheet, encoding="utf-8")
    build("s.md", "-o", "a.apkg")
    col, _ = studied(cwd)
    before = guids_and_reviews(col)
    definitions = {s: f["Definition"] for s, f in notes_by_short(col).items()}
    assert len(definitions) == 4
    assert rebuilt_with(cwd, monkeypatch, sheet + added).splitlines() == warnings
    import_deck(col, cwd / "a.apkg")
    assert guids_and_reviews(col) == before
    assert {s: f["Definition"] for s, f in notes_by_short(col).items()} == definitions


# 5. An expansion removed


def test_removing_an_expansion_warns_about_the_blank_card(
    cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build("s.md", "-o", "a.apkg")
    col, reviews = studied(cwd)
    later(monkeypatch)
    edit(cwd / "s.md", "**S3 (Simple Storage Service)**", "**S3**")
    assert build("s.md", "-o", "a.apkg") == (
        's.md:3: warning: "S3" no longer has an expansion: learners who have its expansion'
        " card keep it with a blank front until they run Tools > Empty Cards in Anki\n"
    )
    import_deck(col, cwd / "a.apkg")
    assert notes_by_short(col)["S3"]["Expansion"] == ""
    assert review_history(col) == reviews
    assert build("s.md", "-o", "a.apkg") == ""  # told once
    edit(cwd / "s.md", "**S3**", "**S3 (Simple Storage Service)**")
    later(monkeypatch)
    edit(cwd / "s.md", "**S3 (Simple Storage Service)**", "**S3**")
    assert run("build", "s.md", "-o", "a.apkg", "--strict").exit_code == 0  # nothing to tell


# 7. Kills


KILLER = """
import os, signal, sys
real, calls = os.replace, []
def replace(src, dst):
    if ".flashcards-cache" in str(dst):  # the build cache: not the outputs counted here
        return real(src, dst)
    calls.append(dst)
    if len(calls) == int(os.environ["KILL_AT_RENAME"]):
        os.kill(os.getpid(), signal.SIGKILL)
    real(src, dst)
os.replace = replace
from flashcards.cli import main
main(sys.argv[1:], prog_name="flashcards")
"""


def killed_build(cwd: Path, at: int, *args: str) -> None:
    """`flashcards build ARGS`, killed with SIGKILL just before its `at`-th rename."""
    env = {**os.environ, "KILL_AT_RENAME": str(at), "TMPDIR": str(cwd / "tmp")}
    (cwd / "tmp").mkdir(exist_ok=True)
    done = subprocess.run([sys.executable, "-c", KILLER, "build", *args], cwd=cwd, env=env)
    assert done.returncode == -signal.SIGKILL


def test_a_build_killed_between_its_renames_is_repaired_by_the_next(
    cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    col, reviews = studied_then_edited(cwd, monkeypatch)
    killed_build(cwd, 2, "s.md", "-o", "a.apkg")  # the deck renamed, its history not
    arrives(col, cwd / "a.apkg", reviews)  # a learner took the new deck at once

    check = run("build", "s.md", "-o", "a.apkg", "--check")
    assert check.exit_code == 1  # never "current" on a mismatched pair
    later(monkeypatch)
    deck = (cwd / "a.apkg").read_bytes()
    build("s.md", "-o", "a.apkg")
    # The deck file is what learners may have: its times are kept, not stamped anew (which
    # would overwrite a learner's own edit of that note once more).
    assert (cwd / "a.apkg").read_bytes() == deck
    assert run("build", "s.md", "-o", "a.apkg", "--check").exit_code == 0
    later(monkeypatch)
    edit(cwd / "s.md", EDITED, "Object storage, any size.")
    build("s.md", "-o", "a.apkg")
    import_deck(col, cwd / "a.apkg")
    assert notes_by_short(col)["S3"]["Definition"] == "Object storage, any size."
    assert review_history(col) == reviews


def test_what_a_killed_build_staged_is_ignored_by_git_and_removed_next_time(cwd: Path) -> None:
    killed_build(cwd, 1, "s.md", "-o", "a.apkg")
    litter = sorted(p.name for p in cwd.glob(".*.tmp"))
    assert len(litter) == 2  # the deck and its history, staged, neither renamed
    ignored = subprocess.run(
        ["git", "check-ignore", "--no-index", "-q", f"decks/{litter[0]}"], cwd=ROOT
    )
    assert ignored.returncode == 0
    [scratch] = (cwd / "tmp").iterdir()  # a kill runs no clean-up
    assert scratch.name.startswith("flashcards-")
    env = {**os.environ, "TMPDIR": str(cwd / "tmp")}
    done = subprocess.run([sys.executable, "-m", "flashcards", "build", "s.md"], cwd=cwd, env=env)
    assert done.returncode == 0
    assert list(cwd.glob(".*.tmp")) == []
    assert list((cwd / "tmp").iterdir()) == []


def test_a_scratch_folder_left_by_a_kill_is_removed_by_the_next_build(cwd: Path) -> None:
    killer = KILLER.replace("os.replace = replace", "os.replace = replace\nimport flashcards")
    env = {**os.environ, "TMPDIR": str(cwd / "tmp")}
    (cwd / "tmp").mkdir()
    # Killed while it writes the deck: its scratch folder stays behind.
    code = killer.replace(
        "from flashcards.cli import main",
        "import flashcards.package as d\n"
        "d._write_apkg = lambda *a: os.kill(os.getpid(), signal.SIGKILL)\n"
        "from flashcards.cli import main",
    )
    env["KILL_AT_RENAME"] = "99"
    done = subprocess.run([sys.executable, "-c", code, "build", "s.md"], cwd=cwd, env=env)
    assert done.returncode == -signal.SIGKILL
    assert [p.name.startswith("flashcards-") for p in (cwd / "tmp").iterdir()] == [True]
    done = subprocess.run([sys.executable, "-m", "flashcards", "build", "s.md"], cwd=cwd, env=env)
    assert done.returncode == 0
    assert list((cwd / "tmp").iterdir()) == []


def test_sigterm_cleans_up_the_scratch_folder_and_staged_files(cwd: Path) -> None:
    code = KILLER.replace("signal.SIGKILL", "signal.SIGTERM")
    env = {**os.environ, "KILL_AT_RENAME": "2", "TMPDIR": str(cwd / "tmp")}
    (cwd / "tmp").mkdir()
    done = subprocess.run([sys.executable, "-c", code, "build", "s.md"], cwd=cwd, env=env)
    assert done.returncode == 128 + signal.SIGTERM
    assert list((cwd / "tmp").iterdir()) == []
    assert list(cwd.glob(".*.tmp")) == []


# 9. and 10. Messages


def test_a_full_temporary_folder_is_a_message(cwd: Path) -> None:
    lines = "".join(f"* **T{n}**\n  * definition number {n} of many\n" for n in range(3000))
    (cwd / "s.md").write_text("# A\n\n" + lines)
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))\n"
        "from flashcards.cli import main\n"
        "main(sys.argv[1:], prog_name='flashcards')\n"
    )
    env = {**os.environ, "TMPDIR": str(cwd / "tmp")}
    (cwd / "tmp").mkdir()
    done = subprocess.run(
        [sys.executable, "-c", code, "build", "s.md", "-o", "a.apkg"],
        cwd=cwd, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith(
        f"a.apkg:1: cannot build in the temporary folder {cwd / 'tmp'}/flashcards-"
    )
    assert not (cwd / "a.apkg").exists()
    assert list((cwd / "tmp").iterdir()) == []


def test_an_output_folder_in_a_symlink_loop_is_a_message(cwd: Path) -> None:
    (cwd / "loop").symlink_to(cwd / "loop")
    result = run("build", "s.md", "-o", "loop/a.apkg")
    assert result.exit_code == 1
    assert result.stderr == "loop/a.apkg:1: cannot write: Too many levels of symbolic links\n"


def test_python_dash_m_flashcards_is_the_command(cwd: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "flashcards", "build", "s.md", "-o", "a.apkg"],
        cwd=cwd, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout == "a.apkg: 3 notes\n"
    usage = subprocess.run([sys.executable, "-m", "flashcards", "--help"], capture_output=True)
    assert usage.stdout.startswith(b"Usage: flashcards ")


def test_the_history_file_is_plain_sorted_json(cwd: Path) -> None:
    (cwd / "s.md").write_text(SHEET.replace("**EBS**", "**EBS (Elastic Block Store)**"))
    config(cwd, deck("c", "c.apkg", "    cloze: true\n"))
    build("--config", "decks.yaml")
    text = (cwd / "c.lock.json").read_text(encoding="utf-8")
    raw = json.loads(text)
    assert text == json.dumps(raw, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    assert sorted(raw["notes"]) == ["cloze:ebs", "term:ebs", "term:glacier", "term:s3"]
    assert raw["written"]["path"] == "c.apkg"
