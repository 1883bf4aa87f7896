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
        " valid keys: cloze, description, key, language, name, output, source, sources, terms",
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
    fails_with(folder, "", "decks.yaml:1: empty config: it needs 'categories' and 'decks'")


def test_a_missing_config(folder: Path) -> None:
    result = run("build")
    assert result.exit_code == 1
    assert result.stderr == "source/decks.yaml:1: cannot read: No such file or directory\n"


def test_source_and_sources_together(folder: Path) -> None:
    fails_with(
        folder,
        GOOD.replace("source: s.md", "source: s.md\n    sources:\n      ko: s.md"),
        "decks.yaml:6: a deck needs either 'source' (one file) or 'sources' (language: file)",
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
