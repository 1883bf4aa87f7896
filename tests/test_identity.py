"""The identity module itself: every ID, GUID and history key a deck carries."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

from flashcards import identity


def test_a_stable_id_is_the_same_every_time_and_in_anki_s_range() -> None:
    first = identity.stable_id("deck", "aws-ko")
    assert first == identity.stable_id("deck", "aws-ko")
    assert 1 << 30 <= first < 1 << 31
    assert identity.stable_id("deck", "aws-en") != first


def test_parts_are_never_joined_so_no_two_lists_of_parts_meet() -> None:
    assert identity.stable_id("aws", "x__ec2") != identity.stable_id("aws__x", "ec2")
    assert identity.note_guid("aws", "x ec2") != identity.note_guid("aws x", "ec2")


def committed(deck: str) -> tuple[set[int], set[int], set[str]]:
    """Deck IDs, note-type IDs and GUIDs of a committed deck file."""
    with zipfile.ZipFile(ROOT / "decks" / f"{deck}.apkg") as apkg:
        data = apkg.read("collection.anki2")
    db = Path(ROOT / "decks" / f".{deck}.identity-test.tmp")
    try:
        db.write_bytes(data)
        with sqlite3.connect(db) as conn:
            decks, models = conn.execute("SELECT decks, models FROM col").fetchone()
            guids = {guid for (guid,) in conn.execute("SELECT guid FROM notes")}
        conn.close()
    finally:
        db.unlink(missing_ok=True)
    return {int(k) for k in json.loads(decks)}, {int(k) for k in json.loads(models)}, guids


@pytest.mark.parametrize("deck", ["aws-ko", "aws-en", "aws-ko-en"])
def test_the_released_decks_carry_the_identities_the_module_makes(deck: str) -> None:
    decks, models, guids = committed(deck)
    assert identity.deck_id(deck) in decks
    fields = ["Term", "Short", "Expansion", "Definition", "Clue", "Category", "Source"]
    if deck == "aws-ko-en":
        fields += ["Translation", "Translation Source"]
    assert models == {identity.notetype_id(deck, *fields)}
    assert identity.note_guid(deck, "ec2") in guids


def test_a_cloze_note_and_a_later_generation_have_guids_of_their_own() -> None:
    term = identity.note_guid("d", "ec2")
    assert identity.note_guid("d", "ec2", identity.CLOZE) != term
    assert identity.note_guid("d", "ec2", identity.TERM, 2) != term
    assert identity.note_guid("d", "ec2", identity.TERM, 1) == term


@pytest.mark.parametrize("key", ["ec2", "a:b", "term:x", ""])
@pytest.mark.parametrize("kind", identity.KINDS)
def test_a_history_key_splits_back_into_its_kind_and_key(key: str, kind: str) -> None:
    assert identity.split_history_key(identity.history_key(key, kind)) == (kind, key)


def test_a_note_type_id_follows_its_field_list() -> None:
    assert identity.notetype_id("d", "A", "B") != identity.notetype_id("d", "A", "B", "C")
    assert identity.notetype_id("d", "A", "B") != identity.notetype_id("e", "A", "B")


@pytest.mark.parametrize("key", ["aws-ko", "a.b_c-1", "9"])
def test_a_deck_key_names_its_history_file(key: str) -> None:
    assert identity.DECK_KEY.fullmatch(key)
    assert identity.history_file(Path("decks"), key) == Path("decks") / f"{key}.lock.json"


@pytest.mark.parametrize("key", ["../x", ".hidden", "a/b", "", "한국어"])
def test_a_deck_key_that_would_name_another_file_is_no_key(key: str) -> None:
    assert not identity.DECK_KEY.fullmatch(key)
