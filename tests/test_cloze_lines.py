"""Cloze lines a writer made (`… {{c1::answer}} …`) reach Anki as the cards they are: a
question with the deletions blanked, the line whole on the back, and no cloze for Anki."""

from __future__ import annotations

from pathlib import Path

from anki_client import import_deck, notes_by_short, open_collection
from conftest import run

SHEET = Path(__file__).parent / "fixtures" / "grammar" / "cloze_cards.md"
DEGREE = "In 2011, [percentage] of Canadians held a [type of degree]"


def test_a_cloze_heading_imports_as_a_question_with_its_answers(tmp_path: Path) -> None:
    sheet = tmp_path / SHEET.name  # a build keeps its history beside the sheet
    sheet.write_text(SHEET.read_text(encoding="utf-8"), encoding="utf-8")
    assert run("build", str(sheet), "-o", str(tmp_path / "out.apkg")).exit_code == 0
    col = open_collection(tmp_path / "anki")
    import_deck(col, tmp_path / "out.apkg")
    notes = notes_by_short(col)
    degree = notes[DEGREE]
    assert (
        degree["Definition"] == "In 2011, <b>25.9%</b> of Canadians held a <b>university degree</b>"
    )
    assert degree["Category"] == "Sociology"  # the heading above the card's, not its own
    card = col.get_card(col.find_cards(f"nid:{degree['_id']}")[0])
    assert "[type of degree]" in card.question()
    assert "university degree" not in card.question()
    assert "<b>university degree</b>" in card.answer()
    assert "The two ingredients of a crime are […] and […]." in notes
    assert not any("{{c" in field for fields in notes.values() for field in fields.values())
