"""Invisible characters in terms: "EC2", "EC2\u200b" and "E\u200dC2" are one term, in the parser
and in a deck imported with the real `anki` library."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
from anki_client import import_deck, open_collection
from conftest import FIXTURES, run

from flashcards.terms import clean_term, heading_name, visible

GRAMMAR = FIXTURES / "grammar"
SHEETS = ("invisible_characters.md", "invisible_headings.md")


def invisible(text: str) -> list[str]:
    return [c for c in text if unicodedata.category(c) == "Cf"]


# The fixtures must keep their bytes: an editor that drops the characters tests nothing.


@pytest.mark.parametrize("name", SHEETS)
def test_the_fixtures_really_hold_invisible_characters(name: str) -> None:
    assert invisible((GRAMMAR / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("name", "terms"),
    [
        ("invisible_characters.md", ["EC2", "S3", "SQS", "What is S3?"]),
        ("invisible_headings.md", ["TCP"]),
    ],
)
def test_a_deck_holds_each_term_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, terms: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    shutil.copyfile(GRAMMAR / name, tmp_path / name)
    result = run("build", name, "-o", "deck.apkg")
    assert result.exit_code == 0, result.output
    assert "duplicate term" in result.stderr
    col = open_collection(tmp_path / "anki")
    try:
        import_deck(col, tmp_path / "deck.apkg")
        found = [col.get_note(nid) for nid in col.find_notes("")]
        assert sorted(note["Term"] for note in found) == sorted(terms)
        for note in found:
            assert not invisible(note["Term"] + note["Short"] + note["Category"])
    finally:
        col.close()


@pytest.mark.parametrize(
    "text", ["EC2\u200b", "E\u200dC2", "\u2060EC2", "EC\u00ad2", "\ufeffEC2", "EC2\u200b:"]
)
def test_a_term_drops_its_format_characters(text: str) -> None:
    assert clean_term(text) == "EC2"
    assert heading_name(f"1. {text}") == "EC2"


def test_visible_keeps_every_other_character() -> None:
    text = "자연어 처리 (NLP) — ★ EC2\u00a0x"
    assert visible(text) == text
    assert visible("a\u200bb\u200cc\u200dd\u2060e\ufefff") == "abcdef"
