"""The preview shows each card as the real client renders it, in one self-contained page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from anki_client import import_deck, open_collection
from conftest import run
from test_deck import DECKS, Deck, build, plain

from flashcards import config, plan, sheets
from flashcards.cli import DEFAULT_CONFIG
from flashcards.preview import Card, deck_cards

STYLE = re.compile(r"<style>.*?</style>", re.S)


def preview_cards(deck_key: str) -> dict[tuple[str, str], Card]:
    deck = next(d for d in config.load(DEFAULT_CONFIG).decks if d.key == deck_key)
    found = deck_cards(deck, sheets.load_sheets([deck]))
    return {(c.note, c.template): c for c in found.cards}


def enable_cloze(project: Path) -> None:
    path = project / "source/decks.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(    output: .*\n)", r"\1    cloze: true\n", text), "utf-8")


@pytest.mark.parametrize("deck", DECKS, ids=str)
def test_preview_cards_are_the_cards_anki_renders(project: Path, deck: Deck) -> None:
    enable_cloze(project)
    col = open_collection(project / "anki")
    import_deck(col, build(project, deck.key))
    ours = preview_cards(deck.key)
    assert len(ours) == len(col.find_cards("")) > 56 + 21  # three kinds, and a cloze per phrase
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        cloze = card.note_type()["type"] == 1
        term = card.note()["Term"]
        name = f"Cloze {card.ord + 1}" if cloze else card.template()["name"]
        mine = ours[(term, name)]
        front, back = STYLE.sub("", card.question()), STYLE.sub("", card.answer())
        if cloze:  # Anki adds data attributes to its cloze spans; the words must agree
            assert (plain(mine.front), plain(mine.back)) == (plain(front), plain(back))
        else:
            assert (mine.front, mine.back) == (front, back)


def test_preview_command_writes_one_self_contained_page(project: Path) -> None:
    result = run("preview", "-o", "out")
    assert result.exit_code == 0, result.output
    assert result.stdout == "out/index.html: open it in a browser\n"
    html = (project / "out/index.html").read_text(encoding="utf-8")
    assert html.count('class="row"') == 3 * 56
    assert (
        html.count('class="card nightMode night_mode"') == html.count('class="card"') == 2 * 3 * 56
    )
    for deck in DECKS:
        assert f'<section id="{deck.key}">' in html and f'href="#{deck.key}"' in html
    assert "<script" not in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//|@import|url\(""", html)


def test_preview_of_a_broken_sheet_fails_cleanly(project: Path) -> None:
    source = project / "source/aws.ko.md"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("# 7. 기타 유용한 서비스", "# 7. 기타 서비스"), "utf-8")
    result = run("preview", "-o", "out")
    assert result.exit_code == 1
    assert result.stderr == (
        'source/aws.ko.md:70: heading "기타 서비스" is not in the category map; known:'
        " 컴퓨팅 서비스, 스토리지 서비스, 데이터베이스 서비스, 네트워킹 서비스, 보안 및 관리 도구,"
        " 분석 및 AI 서비스, 기타 유용한 서비스\n"
    )
    assert result.stdout == ""
    assert "Traceback" not in result.output
    assert not (project / "out").exists()


def test_a_cards_heading_on_the_page_is_its_term_as_written(tmp_path: Path) -> None:
    path = tmp_path / "s.md"
    path.write_text("# A\n\n* **R&D [sound:x.mp3]**\n  * research\n", encoding="utf-8")
    deck = plan.sheet_deck(path, None)
    cards = deck_cards(deck, sheets.load_sheets([deck])).cards
    assert {c.note for c in cards} == {"R&D [sound:x.mp3]"}  # the page escapes it once
