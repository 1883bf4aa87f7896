"""Sheets in the shapes people write, built by the CLI and imported with the real `anki` library.

The parser goldens pin the notes of each shape; these tests follow them into a collection: the
cards each note makes, its tags, its language, and what its raw HTML looks like on a card in
a real browser.
"""

from __future__ import annotations

import html
import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from anki.collection import Collection
from anki_client import import_deck, open_collection
from browser import new_phone_page, wrap_card
from conftest import FIXTURES, run

if TYPE_CHECKING:  # Playwright is needed by the browser tests only
    from playwright.sync_api import Browser, Page

SHEETS = FIXTURES / "sheets"
GRAMMAR = FIXTURES / "grammar"


@contextmanager
def built(cwd: Path, sheet: Path, *args: str) -> Iterator[Collection]:
    """The sheet built by the CLI into a deck, imported into a new collection."""
    shutil.copyfile(sheet, cwd / sheet.name)
    result = run("build", sheet.name, "-o", "deck.apkg", *args)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    col = open_collection(cwd / "anki")
    try:
        import_deck(col, cwd / "deck.apkg")
        yield col
    finally:
        col.close()


def notes_by_term(col: Collection) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        cards = [card.template()["name"] for card in note.cards()]
        out[note["Term"]] = {
            "fields": dict(note.items()),
            "tags": sorted(note.tags),
            "cards": cards,
        }
    return out


@pytest.mark.parametrize("name", sorted(p.stem for p in SHEETS.glob("*.md")))
def test_every_shape_builds_a_deck_with_its_golden_notes(cwd: Path, name: str) -> None:
    golden = json.loads((SHEETS / f"{name}.json").read_text(encoding="utf-8"))
    with built(cwd, SHEETS / f"{name}.md") as col:
        found = notes_by_term(col)
    assert sorted(found) == sorted(html_escape(n["term"]) for n in golden["notes"])
    assert golden["notes"], f"{name}: the golden holds no notes"


def html_escape(text: str) -> str:
    return html.escape(text, quote=True)


def test_a_question_gets_its_forward_card_only(cwd: Path) -> None:
    with built(cwd, SHEETS / "details-qa.ko.md") as col:
        found = notes_by_term(col)
        question = found["프로세스와 스레드의 차이는?"]
        assert question["cards"] == ["Term → Definition"]
        assert question["fields"]["Clue"] == ""
        assert question["fields"]["Expansion"] == ""
        assert len(col.find_cards("")) == 3


def test_a_term_gets_its_reverse_and_abbreviation_cards(cwd: Path) -> None:
    with built(cwd, SHEETS / "abbreviations.en.md") as col:
        found = notes_by_term(col)
        assert found["LIFO (Last In, First Out)"]["cards"] == [
            "Term → Definition",
            "Definition → Term",
            "Short → Expansion",
        ]
        # A parenthesised remark is no expansion: no "stands for" card.
        assert found["Blocked (waiting, sleeping)"]["cards"] == [
            "Term → Definition",
            "Definition → Term",
        ]
        assert found["자연어 처리 (NLP)"]["fields"]["Short"] == "NLP"


def test_front_matter_tags_tag_every_note(cwd: Path) -> None:
    with built(cwd, SHEETS / "front-matter.ko.md") as col:
        found = notes_by_term(col)
    assert found["GET"]["tags"] == ["network", "web", "메서드"]
    assert found["Cache-Control"]["tags"] == ["network", "web", "주요_헤더"]
    assert all("network" in n["tags"] for n in found.values())


def test_nested_obsidian_tags_become_anki_hierarchy(cwd: Path) -> None:
    with built(cwd, GRAMMAR / "front_matter.md") as col:
        found = notes_by_term(col)
    assert found["GET"]["tags"] == ["Methods", "exam", "network", "web::http"]


def test_an_empty_level_of_a_front_matter_tag_is_no_level(cwd: Path) -> None:
    sheet = cwd / "sheets" / "blank.md"
    sheet.parent.mkdir()
    sheet.write_text(
        '---\ntags: ["a/ /b", "c/\u200b/d", "/e/"]\n---\n# Things\n\n* **X**: y\n',
        encoding="utf-8",
    )
    with built(cwd, sheet) as col:
        assert notes_by_term(col)["X"]["tags"] == ["Things", "a::b", "c::d", "e"]


def test_a_korean_sheet_gets_korean_prompts_without_a_config(cwd: Path) -> None:
    with built(cwd, SHEETS / "label-bullets.ko.md") as col:
        card = col.get_card(col.find_cards("")[0])
        assert "뜻" in card.question()


def test_an_english_sheet_gets_english_prompts_and_language_overrides(cwd: Path) -> None:
    with built(cwd, SHEETS / "heading-terms.en.md") as col:
        assert "Meaning" in col.get_card(col.find_cards("")[0]).question()
    shutil.rmtree(cwd / "anki")
    with built(cwd, SHEETS / "heading-terms.en.md", "--language", "ko") as col:
        assert "뜻" in col.get_card(col.find_cards("")[0]).question()


def test_terms_option_overrides_detection(cwd: Path) -> None:
    with built(cwd, SHEETS / "heading-terms.en.md", "--terms", "bold") as col:
        # Read as bold terms, the label bullets are notes, and each repeat a duplicate.
        assert sorted(notes_by_term(col)) == ["Analogy", "Definition", "Example"]


UNSAFE = ("<script", "onerror", "javascript:", "style=", "alert(")


def test_unsafe_html_never_reaches_a_field(cwd: Path) -> None:
    with built(cwd, GRAMMAR / "raw_html_safe.md") as col:
        for note in notes_by_term(col).values():
            for name, value in note["fields"].items():
                for bad in UNSAFE:
                    assert bad not in value.lower(), f"{name}: {value}"


@pytest.fixture(scope="module")
def phone(chromium: Browser) -> Iterator[Page]:
    page = new_phone_page(chromium)
    yield page
    page.context.close()


def test_br_sup_sub_and_kbd_render_on_a_card(cwd: Path, phone: Page) -> None:
    with built(cwd, GRAMMAR / "raw_html_safe.md") as col:
        answers = {}
        for cid in col.find_cards("card:1"):
            card = col.get_card(cid)
            answers[card.note()["Term"]] = card.answer()
    phone.set_content(wrap_card(answers["Water"], 0, night=False))
    definition = phone.locator(".definition")
    assert definition.locator("sup").inner_text() == "2"
    assert definition.locator("sub").inner_text() == "2"
    assert definition.locator("br").count() == 1
    # The line break really breaks: the text after it starts on a lower line.
    lines = phone.evaluate(
        """() => {
        const def = document.querySelector('.definition');
        const range = document.createRange();
        range.selectNodeContents(def);
        return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
    }"""
    )
    assert lines >= 2
    phone.set_content(wrap_card(answers["Shortcut"], 0, night=True))
    assert phone.locator(".definition kbd").all_inner_texts() == ["Ctrl", "C"]
