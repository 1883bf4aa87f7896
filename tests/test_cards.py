"""The note types and cards, as the real client renders them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from anki_client import import_deck, notes_by_short, open_collection
from conftest import run
from test_deck import DECKS, Deck, build, plain

from flashcards import cards
from flashcards import deck as decks
from flashcards.cards import note_types
from flashcards.look import Look


def spec(key: str, name: str) -> tuple[decks.Deck, Look]:
    """A deck of that key and name, with nothing else to its look."""
    return decks.Deck(key, name, (), Path("out.apkg"), Path("h.lock.json")), Look("", {})


def test_the_released_field_lists_are_pinned() -> None:
    # Changing a released note type's fields breaks learners' updates; the note-type ID is
    # derived from the field list, so a change here must come with new IDs (tested below).
    assert cards.FIELDS == (
        "Term",
        "Short",
        "Expansion",
        "Definition",
        "Clue",
        "Category",
        "Source",
    )
    assert (*cards.FIELDS, "Translation", "Translation Source") == cards.BILINGUAL_FIELDS
    assert cards.CLOZE_FIELDS == ("Text", "Term", "Category", "Source")


def test_note_type_ids_follow_the_deck_and_the_field_list(monkeypatch: pytest.MonkeyPatch) -> None:
    released = note_types(*spec("aws-ko", "AWS"))["notes"].model_id
    assert note_types(*spec("aws-ko", "Renamed"))["notes"].model_id == released
    assert note_types(*spec("aws-en", "AWS"))["notes"].model_id != released
    monkeypatch.setattr(cards, "FIELDS", (*cards.FIELDS, "Extra"))
    assert note_types(*spec("aws-ko", "AWS"))["notes"].model_id != released


@pytest.mark.parametrize("deck", DECKS, ids=str)
def test_three_card_types_and_no_empty_cards(project: Path, deck: Deck) -> None:
    col = open_collection(project / "anki")
    import_deck(col, build(project, deck.key))
    notes = notes_by_short(col)
    with_expansion = sum(1 for n in notes.values() if n["Expansion"])
    assert with_expansion == 10
    per_ord = [len(col.find_cards(f"card:{n + 1}")) for n in range(3)]
    assert per_ord == [23, 23, with_expansion]
    for cid in col.find_cards("card:3"):
        card = col.get_card(cid)
        assert plain(card.answer()).endswith(card.note()["Expansion"])


@pytest.mark.parametrize("deck", DECKS, ids=str)
def test_a_reverse_card_never_shows_its_own_term(project: Path, deck: Deck) -> None:
    col = open_collection(project / "anki")
    import_deck(col, build(project, deck.key))
    for cid in col.find_cards("card:2"):
        card = col.get_card(cid)
        front = visible(card.question()).casefold()
        note = card.note()
        for name in (note["Term"], note["Short"], note["Expansion"]):
            assert not name or name.casefold() not in front, (note["Short"], front)


def visible(html: str) -> str:
    return plain(re.sub(r"<style>.*?</style>", "", html, flags=re.S))


def test_every_mention_of_the_term_is_blanked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "s.md").write_text(
        "* **EC2 (Elastic Compute Cloud)**: `EC2` runs Elastic Compute Cloud servers;"
        " ec2를 쓰면 EC22 is another word. See <https://example.com/EC2>.\n",
        encoding="utf-8",
    )
    assert run("build", "s.md", "-o", "s.apkg").exit_code == 0
    col = open_collection(tmp_path / "anki")
    import_deck(col, tmp_path / "s.apkg")
    front = col.get_card(col.find_cards("card:2")[0]).question()
    assert visible(front).count("[…]") == 4
    assert "EC22 is another word" in visible(front)
    assert 'href="https://example.com/EC2"' in front  # inside a tag: left alone


def test_key_phrases_and_the_category_are_marked(project: Path) -> None:
    col = open_collection(project / "anki")
    import_deck(col, build(project))
    card = col.get_card(col.find_cards("card:1 Short:EC2")[0])
    assert '<span class="category">컴퓨팅 서비스</span>' in card.question()
    assert '<code class="key">가상 서버 인스턴스</code>' in card.answer()


def test_cloze_notes_when_the_deck_asks_for_them(project: Path) -> None:
    config = project / "source/decks.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace(
            "    output: ../decks/aws-ko.apkg\n",
            "    output: ../decks/aws-ko.apkg\n    cloze: true\n",
        ),
        "utf-8",
    )
    col = open_collection(project / "anki")
    import_deck(col, build(project))
    cloze_notes = col.find_notes("note:*cloze*")
    # Every seed term but ECS and EKS has at least one key phrase.
    assert len(cloze_notes) == 21
    assert len(col.find_notes("")) == 23 + 21
    rds = col.get_note(col.find_notes("note:*cloze* Term:RDS*")[0])
    assert len(rds.cards()) == 4  # MySQL, PostgreSQL, Oracle, SQL Server
    card = rds.cards()[0]
    assert "MySQL" not in plain(card.question()) and "PostgreSQL" in plain(card.question())
    assert "MySQL" in plain(card.answer())
    assert {t for nid in cloze_notes for t in col.get_note(nid).tags} <= {
        t for nid in col.find_notes("-note:*cloze*") for t in col.get_note(nid).tags
    }


def test_cloze_is_off_by_default(project: Path) -> None:
    col = open_collection(project / "anki")
    build(project)
    for deck in DECKS:
        import_deck(col, project / "decks" / f"{deck.key}.apkg")
    assert col.find_notes("note:*cloze*") == []
    assert run("build", "--check").exit_code == 0
