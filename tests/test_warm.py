"""Rebuilds from the build cache: the same bytes as a first build, whatever happened in
between (an edit, an insertion, a deletion, a killed build, a damaged cache)."""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from anki_client import import_deck, notes_by_short, open_collection
from conftest import FIXTURES, ROOT, run

from flashcards import cache as cache_key
from flashcards import collection, parse
from flashcards.cache import FOLDER, UNUSED_DAYS, Cache, digest
from flashcards.read import read_text
from flashcards.walk import Job, Walk

EPOCH = "1800000000"
CLOZE_DECK = """
  - key: aws-cloze
    name: AWS cloze
    language: ko
    source: aws.ko.md
    output: ../decks/aws-cloze.apkg
    cloze: true
"""
EC2 = "필요에 따라 인스턴스 유형을 선택하고"
NEW_NOTE = " * **Batch**\n   * `배치 작업`을 대규모로 실행하는 서비스이다.\n\n"
SHEETS = {
    Path("source/aws.ko.md"): NEW_NOTE,
    Path("source/aws.en.md"): " * **Batch**\n   * Runs `batch jobs` at any scale.\n\n",
}
"""A note to add to each sheet, by its path from the project."""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The project's sources with a cloze deck added, built once (cold, the cache made)."""
    shutil.copytree(ROOT / "source", tmp_path / "source")
    with (tmp_path / "source" / "decks.yaml").open("a", encoding="utf-8") as config:
        config.write(CLOZE_DECK)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    build()
    return tmp_path


class Counts:
    """How much work a build did: pieces of sheets parsed, notes written by genanki."""

    def __init__(self) -> None:
        self.pieces = 0
        self.notes = 0


@pytest.fixture
def counts(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counts]:
    with counted(monkeypatch) as found:
        yield found


@contextmanager
def counted(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counts]:
    """Counts of the work done by the builds run meanwhile."""
    found = Counts()
    walk, write = parse._walk_piece, collection._StampedNote.write_to_db

    def counted_walk(job: Job) -> tuple[Walk, bool]:
        found.pieces += 1
        return walk(job)

    def counted_write(note: collection._StampedNote, *args: object) -> None:
        found.notes += 1
        write(note, *args)

    with monkeypatch.context() as patch:
        patch.setattr(parse, "_walk_piece", counted_walk)
        patch.setattr(collection._StampedNote, "write_to_db", counted_write)
        yield found


def build(*args: str) -> None:
    result = run("build", *args)
    assert result.exit_code == 0, result.output


def outputs(folder: Path) -> dict[str, bytes]:
    """Every deck and history file the build wrote, by name."""
    decks = folder / "decks"
    return {p.name: p.read_bytes() for p in [*decks.glob("*.apkg"), *decks.glob("*.lock.json")]}


def cold_twin(project: Path, twin: Path) -> None:
    """A copy of the project as it stands (sheets, decks, histories), without the cache."""
    shutil.copytree(project / "source", twin / "source")
    shutil.copytree(project / "decks", twin / "decks", ignore=shutil.ignore_patterns(FOLDER))


def warm_equals_cold(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Build in `project` with its cache, and in a cold twin of it: the same bytes."""
    twin = tmp_path / f"twin-{len(list(tmp_path.glob('twin-*')))}"
    cold_twin(project, twin)
    build()
    monkeypatch.chdir(twin)
    build()
    monkeypatch.chdir(project)
    warm, cold = outputs(project), outputs(twin)
    assert warm.keys() == cold.keys()
    assert [name for name in warm if warm[name] != cold[name]] == []


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_rebuild_after_an_edit_writes_one_note_and_gives_a_first_builds_bytes(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counts: Counts
) -> None:
    edit(project / "source" / "aws.ko.md", EC2, EC2 + " 요금은 초 단위로 낸다,")
    warm_equals_cold(project, tmp_path, monkeypatch)
    # The warm build parsed the one piece that changed and wrote EC2's note in each deck of
    # aws.ko.md (its term note and its cloze note in the cloze deck); the twin did it all.
    sheets = len(parse.markup.pieces(read_text(project / "source" / "aws.ko.md")))
    sheets += len(parse.markup.pieces(read_text(project / "source" / "aws.en.md")))
    notes = len(every_note(project / "decks", tmp_path / "count"))
    assert (counts.pieces, counts.notes) == (1 + sheets, 4 + notes)
    col = open_collection(tmp_path / "learner")
    import_deck(col, project / "decks" / "aws-ko.apkg")
    assert "요금은 초 단위로 낸다" in notes_by_short(col)["EC2"]["Definition"]


def every_note(decks: Path, folder: Path) -> list[int]:
    """Every note of every deck in `decks` (term and cloze notes), imported into a collection."""
    col = open_collection(folder)
    for deck in sorted(decks.glob("*.apkg")):
        import_deck(col, deck)
    return list(col.find_notes(""))


def test_the_rebuild_after_a_first_build_by_workers_writes_only_the_edited_note(
    cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Workers send their notes back pickled, the cache gives them back unmarshalled: the
    # same notes, with their strings shared differently. Only the edited note is written.
    monkeypatch.setattr(parse, "PARALLEL_FROM", 0)
    monkeypatch.setattr(parse, "_usable_cores", lambda: 2)
    sections = (
        f"# Part {s}\n\n"
        + "".join(f"* **T{s}-{n}**\n  * `Key {n}` of part {s}.\n" for n in range(20))
        for s in range(30)
    )
    sheet = cwd / "s.md"
    sheet.write_text("\n".join(sections), encoding="utf-8")
    build("s.md", "-o", "a.apkg")  # by two worker processes
    edit(sheet, "`Key 3` of part 17.", "`Key 3` of part 17, edited.")
    with counted(monkeypatch) as counts:  # a function run by workers cannot be a local one
        build("s.md", "-o", "a.apkg")
    assert (counts.pieces, counts.notes) == (1, 1)


def test_an_insertion_a_deletion_and_a_heading_moved_give_a_first_builds_bytes(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for sheet, note in SHEETS.items():
        edit(sheet, " * **Lambda**", note + " * **Lambda**")  # every later line moves down
    warm_equals_cold(project, tmp_path, monkeypatch)
    for sheet in SHEETS:
        # One card fewer: every later note's IDs move, its position does not.
        edit(sheet, " * **EKS (Elastic Kubernetes Service)**", " * **EKS**")
    warm_equals_cold(project, tmp_path, monkeypatch)
    for sheet in SHEETS:
        text = sheet.read_text(encoding="utf-8")
        start, end = text.index(" * **ECS (Elastic"), text.index(" * **EKS**")
        sheet.write_text(text[:start] + text[end:], encoding="utf-8")  # ECS deleted
    warm_equals_cold(project, tmp_path, monkeypatch)
    edit(
        project / "source" / "aws.ko.md",
        "# 2. 스토리지 서비스",
        "# 2. 스토리지 서비스\n\n여기부터.",
    )
    warm_equals_cold(project, tmp_path, monkeypatch)
    col = open_collection(tmp_path / "learner")
    import_deck(col, project / "decks" / "aws-ko.apkg")
    shorts = set(notes_by_short(col))
    assert "Batch" in shorts and "ECS" not in shorts


KILLER = """
import marshal, os, signal, sys
import flashcards.collection as collection
owner, name = os.environ["KILL_IN"].split(".")
owner = {"Store": collection.Store, "_Stale": collection._Stale, "collection": collection,
         "marshal": marshal}[owner]
real, calls = getattr(owner, name), []
def killed(*args, **kwargs):
    calls.append(name)
    if len(calls) == int(os.environ.get("KILL_BEFORE", 0)):
        os.kill(os.getpid(), signal.SIGKILL)
    result = real(*args, **kwargs)
    if len(calls) == int(os.environ.get("KILL_AFTER", 0)):
        os.kill(os.getpid(), signal.SIGKILL)
    return result
setattr(owner, name, killed)
from flashcards.cli import main
main(sys.argv[1:], prog_name="flashcards")
"""


@pytest.mark.parametrize(
    ("where", "when"),
    [
        ("_Stale._remove", "KILL_AFTER"),  # an old note deleted, its new one not yet written
        ("collection._write_notes", "KILL_AFTER"),  # the cached database changed, uncommitted
        ("Store.keep", "KILL_BEFORE"),  # committed, its rows not yet saved
        ("marshal.dumps", "KILL_BEFORE"),  # the parse cache half written
    ],
)
def test_a_killed_rebuild_leaves_a_cache_that_gives_a_first_builds_bytes(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, when: str
) -> None:
    sheet = project / "source" / "aws.ko.md"
    edit(sheet, EC2, EC2 + " 요금은 초 단위로 낸다,")
    before = outputs(project)
    env = {**os.environ, "KILL_IN": where, when: "3" if where == "marshal.dumps" else "1"}
    done = subprocess.run([sys.executable, "-c", KILLER, "build"], cwd=project, env=env)
    assert done.returncode == -signal.SIGKILL
    assert outputs(project) == before  # a killed build changes no deck and no history
    for path, note in SHEETS.items():
        edit(path, " * **Lambda**", note + " * **Lambda**")
    warm_equals_cold(project, tmp_path, monkeypatch)


def test_a_damaged_cache_is_ignored(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = project / "decks" / FOLDER
    for path in cache.iterdir():
        if path.name.startswith(("deck-", "pieces-")) and path.suffix != ".rows":
            path.write_bytes(b"not what it was" * 100)
    edit(project / "source" / "aws.ko.md", EC2, EC2 + " 요금은 초 단위로 낸다,")
    warm_equals_cold(project, tmp_path, monkeypatch)


def entries(project: Path, prefix: str) -> list[Path]:
    return sorted((project / "decks" / FOLDER).glob(f"{prefix}*"))


@pytest.mark.parametrize("prefix", ["pieces-", "deck-"])
@pytest.mark.parametrize("cut", ["empty", "half"])
def test_an_empty_or_truncated_cache_file_is_a_miss(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, prefix: str, cut: str
) -> None:
    for path in entries(project, prefix):
        data = path.read_bytes()
        path.write_bytes(b"" if cut == "empty" else data[: len(data) // 2])
    edit(project / "source" / "aws.ko.md", EC2, EC2 + " 요금은 초 단위로 낸다,")
    result = run("build")
    assert result.exit_code == 0, result.output
    warm_equals_cold(project, tmp_path, monkeypatch)


def test_a_changed_byte_in_the_cache_never_reaches_a_card(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said, changed = "가상 서버".encode(), "가상 시계".encode()
    touched = 0
    for path in entries(project, "pieces-"):
        data = path.read_bytes()
        touched += said in data
        path.write_bytes(data.replace(said, changed))
    assert touched
    edit(project / "source" / "aws.ko.md", "# 7.", "# 7. ")  # a rebuild, the same notes
    warm_equals_cold(project, tmp_path, monkeypatch)
    col = open_collection(tmp_path / "learner")
    import_deck(col, project / "decks" / "aws-ko.apkg")
    definitions = " ".join(fields["Definition"] for fields in notes_by_short(col).values())
    assert "가상 서버" in definitions and "가상 시계" not in definitions


def signed_elsewhere(project: Path, scratch: Path, found: dict[str, list[object]]) -> None:
    """The cache entries `found` (name -> values), each note's HTML given a script, signed as
    a build under another account (a shared CI cache) signs them."""
    cache = Cache(project / "decks" / FOLDER, scratch)
    for name, records in found.items():
        with cache.writing(name) as put:
            for value in records:
                put(_with_script(value))
    for path in entries(project, "deck-"):
        path.unlink()  # only the parse cache is poisoned here; the decks are written anew
    cache.commit()
    cache.release()


def _with_script(value: object) -> object:
    if isinstance(value, str) and value.startswith("<") and "</" in value:
        return value + "<script>alert(1)</script>"
    if isinstance(value, tuple):
        return tuple(_with_script(v) for v in value)
    return value


def test_a_cache_signed_under_another_account_is_never_trusted(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ours = os.environ["XDG_CACHE_HOME"]
    cache = Cache(project / "decks" / FOLDER, tmp_path)
    found = {path.name: cache.records(path.name) for path in entries(project, "pieces-")}
    cache.release()
    assert all(found.values())
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "elsewhere"))
    cache_key._secret.cache_clear()
    try:
        (tmp_path / "scratch-folder").mkdir()
        signed_elsewhere(project, tmp_path / "scratch-folder", found)
    finally:
        monkeypatch.setenv("XDG_CACHE_HOME", ours)
        cache_key._secret.cache_clear()
    edit(project / "source" / "aws.ko.md", EC2, EC2 + " 요금은 초 단위로 낸다,")
    warm_equals_cold(project, tmp_path, monkeypatch)
    for deck in (project / "decks").glob("*.apkg"):
        col = open_collection(tmp_path / f"learner-{deck.stem}")
        import_deck(col, deck)
        for nid in col.find_notes(""):
            assert not any("<script" in value for value in col.get_note(nid).fields)
        col.close()


def test_a_build_while_another_holds_the_cache_goes_without_it(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counts: Counts
) -> None:
    cache = project / "decks" / FOLDER
    before = {p.name: p.read_bytes() for p in cache.iterdir() if p.is_file()}
    edit(project / "source" / "aws.ko.md", EC2, EC2 + " 요금은 초 단위로 낸다,")
    with (cache / ".lock").open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # another build, still running
        warm_equals_cold(project, tmp_path, monkeypatch)
        assert {p.name: p.read_bytes() for p in cache.iterdir() if p.is_file()} == before
    total = len(every_note(project / "decks", tmp_path / "count"))
    assert counts.notes == 2 * total  # neither build had a cache to take notes from
    build()  # the cache is free again, and still right
    warm_equals_cold(project, tmp_path, monkeypatch)


def test_entries_no_build_used_for_a_month_are_removed(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = project / "decks" / FOLDER
    used = sorted(p.name for p in cache.iterdir())
    month = time.time() - (UNUSED_DAYS + 1) * 86_400
    for name in ("pieces-0123", "deck-4567.anki2", "deck-4567.rows"):  # a sheet and deck gone
        (cache / name).write_bytes(b"old")
        os.utime(cache / name, (month, month))
    recent = time.time() - (UNUSED_DAYS - 1) * 86_400
    (cache / "pieces-89ab").write_bytes(b"used this month")
    os.utime(cache / "pieces-89ab", (recent, recent))
    for path in cache.iterdir():  # the entries of this project's decks, unused for a month too
        if path.name in used:
            os.utime(path, (month, month))
    build()
    assert sorted(p.name for p in cache.iterdir()) == sorted([*used, "pieces-89ab"])


def test_the_cache_is_ignored_by_git_and_check_writes_none(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = project / "decks" / FOLDER
    assert {p.name for p in cache.iterdir()} >= {".gitignore", "CACHEDIR.TAG"}
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=project, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert FOLDER not in status and "decks/aws-ko.apkg" in status
    shutil.rmtree(cache)
    assert run("build", "--check").exit_code == 0
    assert not cache.exists()


@pytest.mark.parametrize(
    "path", sorted(FIXTURES.rglob("*.md")), ids=lambda p: p.relative_to(FIXTURES).as_posix()
)
def test_a_parse_from_the_cache_is_the_parse_itself(path: Path, tmp_path: Path) -> None:
    text = read_text(path)
    # Lines added at the top: every piece after the first is taken from the cache, moved.
    moved = text.replace("\n", "\n\n\n", 1)
    taken = 0
    for source in (text, text, moved):
        cache = Cache(tmp_path / FOLDER, tmp_path)
        assert cache.usable  # each build holds the cache in turn
        taken += len(cache.records(f"pieces-{digest(str(path))}"))
        assert parse.parse(source, str(path), cache=cache) == parse.parse(source, str(path))
        cache.commit()
        cache.release()
    assert taken > 0  # the later parses took pieces from the cache
