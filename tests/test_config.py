"""Config errors: each names decks.yaml and its line, and exits 1."""

from __future__ import annotations

from pathlib import Path

import pytest
from anki_client import import_deck, notes_by_short, open_collection
from conftest import run

GOOD = """\
tag_root: aws
categories:
  compute:
    ko: 컴퓨팅 서비스
decks:
  - key: k
    name: K
    language: ko
    source: s.md
    output: out/k.apkg
"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "s.md").write_text("# 1. 컴퓨팅 서비스\n* **EC2**: vm\n", encoding="utf-8")
    return tmp_path


def fails_with(folder: Path, config: str, line: str) -> None:
    (folder / "decks.yaml").write_text(config, encoding="utf-8")
    result = run("build", "--config", "decks.yaml")
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [line]
    assert not (folder / "out").exists()


def test_the_good_config_builds(folder: Path) -> None:
    (folder / "decks.yaml").write_text(GOOD, encoding="utf-8")
    result = run("build", "--config", "decks.yaml")
    assert result.exit_code == 0, result.output
    assert result.stdout == "out/k.apkg: 1 notes\n"


def test_bad_yaml(folder: Path) -> None:
    fails_with(
        folder,
        GOOD.replace("name: K", "name: [K"),
        "decks.yaml:8: not valid YAML: expected ',' or ']', but got ':'",
    )


def test_an_unknown_key_lists_the_valid_ones(folder: Path) -> None:
    fails_with(
        folder,
        GOOD.replace("name: K", "title: K"),
        "decks.yaml:7: unknown key 'title' in a deck;"
        " valid keys: cloze, description, key, language, name, output, source, sources,"
        " subdecks, terms",
    )


def test_an_unknown_top_level_key(folder: Path) -> None:
    fails_with(
        folder,
        "theme: dark\n" + GOOD,
        "decks.yaml:1: unknown key 'theme' in the config; valid keys: categories, decks, history,"
        " tag_root",
    )


def test_a_key_given_twice(folder: Path) -> None:
    fails_with(
        folder,
        GOOD.replace("name: K", "name: K\n    name: L"),
        "decks.yaml:8: key 'name' given twice in a deck",
    )


def test_a_missing_required_key(folder: Path) -> None:
    fails_with(
        folder,
        GOOD.replace("    name: K\n", ""),
        "decks.yaml:6: a deck lacks the required key 'name'",
    )


def test_a_missing_source_file(folder: Path) -> None:
    fails_with(
        folder,
        GOOD.replace("source: s.md", "source: gone.md"),
        "decks.yaml:9: source file 'gone.md' does not exist",
    )


def test_two_decks_with_one_key(folder: Path) -> None:
    second = GOOD.split("decks:\n")[1].replace("out/k.apkg", "out/other.apkg")
    fails_with(folder, GOOD + second, "decks.yaml:11: deck key 'k' is also used at line 6")


def test_two_decks_with_one_output(folder: Path) -> None:
    second = GOOD.split("decks:\n")[1].replace("key: k", "key: j")
    fails_with(
        folder,
        GOOD + second,
        "decks.yaml:11: deck 'j' writes the same output as 'k' (line 6)",
    )


def test_a_heading_the_category_map_does_not_know(folder: Path) -> None:
    (folder / "s.md").write_text(
        "# 1. 컴퓨팅 서비스\n* **EC2**: vm\n# 기타\n* **SQS**: q\n", encoding="utf-8"
    )
    fails_with(
        folder, GOOD, 's.md:3: heading "기타" is not in the category map; known: 컴퓨팅 서비스'
    )


def test_a_config_that_is_not_a_mapping(folder: Path) -> None:
    fails_with(folder, "- just\n- a list\n", "decks.yaml:1: the config must be a mapping")


def test_an_empty_config(folder: Path) -> None:
    fails_with(folder, "", "decks.yaml:1: empty config: it needs 'decks'")


def test_a_missing_config(folder: Path) -> None:
    result = run("build")
    assert result.exit_code == 1
    assert result.stderr == "source/decks.yaml:1: cannot read: No such file or directory\n"


def test_source_and_sources_together(folder: Path) -> None:
    fails_with(
        folder,
        GOOD.replace("source: s.md", "source: s.md\n    sources:\n      ko: s.md"),
        "decks.yaml:6: a deck needs either 'source' (a file or folder)"
        " or 'sources' (language: file)",
    )


def test_sources_without_the_decks_own_language(folder: Path) -> None:
    fails_with(
        folder,
        GOOD.replace("source: s.md", "sources:\n      en: s.md"),
        "decks.yaml:10: 'sources' has no 'ko' source, the deck's own language",
    )


def test_a_category_with_a_display_name(folder: Path) -> None:
    config = GOOD.replace(
        "ko: 컴퓨팅 서비스", "ko:\n      heading: 컴퓨팅 서비스\n      name: 컴퓨팅"
    )
    (folder / "decks.yaml").write_text(config, encoding="utf-8")
    assert run("build", "--config", "decks.yaml").exit_code == 0
    col = open_collection(folder / "anki")
    import_deck(col, folder / "out/k.apkg")
    assert notes_by_short(col)["EC2"]["Category"] == "컴퓨팅"
    assert notes_by_short(col)["EC2"]["_tags"] == "aws::compute"


def lint_says(folder: Path, config: str) -> list[str]:
    (folder / "decks.yaml").write_text(config, encoding="utf-8")
    result = run("lint", "--config", "decks.yaml")
    assert "Traceback" not in result.output
    return result.stderr.splitlines()


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        (
            "tag_root: aws",
            'tag_root: "a b"',
            "decks.yaml:1: tag_root 'a b' must be a tag: no spaces or quotes, and no empty"
            " level around '::' (Anki splits tags at spaces)",
        ),
        (
            "tag_root: aws",
            "tag_root: a::::b",
            "decks.yaml:1: tag_root 'a::::b' must be a tag: no spaces or quotes, and no empty"
            " level around '::' (Anki splits tags at spaces)",
        ),
        (
            "name: K",
            'name: "K\\0"',
            "decks.yaml:7: name holds a NUL or an unpaired surrogate, which no text may hold",
        ),
        (
            "name: K",
            'name: "K\\ud800"',
            "decks.yaml:7: name holds a NUL or an unpaired surrogate, which no text may hold",
        ),
        (
            "output: out/k.apkg",
            'output: "out/\\0.apkg"',
            "decks.yaml:10: output holds a NUL or an unpaired surrogate, which no text may hold",
        ),
        (
            "name: K",
            "name: A::::B",
            "decks.yaml:7: deck name 'A::::B' has an empty level around '::'",
        ),
        (
            "output: out/k.apkg",
            "output: s.md",
            "decks.yaml:6: deck 'k' would write its output over the sheet s.md",
        ),
        (
            "output: out/k.apkg",
            "output: decks.yaml",
            "decks.yaml:6: deck 'k' would write its output over the config itself",
        ),
    ],
)
def test_a_config_string_no_deck_can_use_fails_in_build_and_lint(
    folder: Path, old: str, new: str, line: str
) -> None:
    config = GOOD.replace(old, new)
    before = (folder / "s.md").read_bytes()
    fails_with(folder, config, line)
    assert lint_says(folder, config) == [line]
    assert (folder / "s.md").read_bytes() == before
    assert (folder / "decks.yaml").read_text(encoding="utf-8") == config


def test_a_history_folder_reached_through_a_link_is_still_the_history(folder: Path) -> None:
    (folder / "history").mkdir()
    (folder / "alias").symlink_to(folder / "history")
    config = GOOD.replace("tag_root: aws", "tag_root: aws\nhistory: history").replace(
        "output: out/k.apkg", "output: alias/k.lock.json"
    )
    fails_with(
        folder, config, "decks.yaml:7: deck 'k' writes its output over the history file of 'k'"
    )


@pytest.mark.parametrize(
    ("output", "line"),
    [
        ("..", "..:1: cannot write: is a directory"),
        ("'x' * 300 + '.apkg'", "{}:1: cannot write: File name too long"),
    ],
)
def test_an_output_no_file_can_have_fails_in_build_and_lint(
    folder: Path, output: str, line: str
) -> None:
    path = eval(output) if output.startswith("'") else output  # a name too long to write out
    config = GOOD.replace("output: out/k.apkg", f"output: {path}")
    expected = line.format(path)
    fails_with(folder, config, expected)
    assert lint_says(folder, config) == [expected, "Error: 1 error"]


def test_a_deck_name_that_nests_is_said_by_lint(folder: Path) -> None:
    config = GOOD.replace("name: K", "name: AWS::Compute")
    assert lint_says(folder, config) == [
        "decks.yaml:6: info: deck name 'AWS::Compute' puts the deck 'Compute' inside 'AWS' in"
        " Anki, which reads '::' as a level"
    ]
    (folder / "decks.yaml").write_text(config, encoding="utf-8")
    assert run("build", "--config", "decks.yaml").exit_code == 0
    col = open_collection(folder / "anki")
    import_deck(col, folder / "out/k.apkg")
    assert "AWS::Compute" in [d.name for d in col.decks.all_names_and_ids()]


def test_a_description_in_the_config_is_sanitized_like_an_intro(folder: Path) -> None:
    description = '<b>Bold</b> &amp; <script>alert(1)</script><img src=x onerror="alert(1)">'
    config = GOOD + f"    description: '{description}'\n"
    (folder / "decks.yaml").write_text(config, encoding="utf-8")
    assert run("build", "--config", "decks.yaml").exit_code == 0
    col = open_collection(folder / "anki")
    import_deck(col, folder / "out/k.apkg")
    deck = col.decks.by_name("K")
    assert deck is not None
    assert deck["desc"] == "<b>Bold</b> &amp; "
