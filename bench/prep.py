"""The floor's input: a sheet's field values and note type, computed with the project's code."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from flashcards.cards import note_fields, note_types
from flashcards.deck import Deck
from flashcards.identity import note_guid, stable_id
from flashcards.look import Look, look
from flashcards.note import Note
from flashcards.plan import sheet_deck
from flashcards.sheets import load_sheet


def floor_input(sheet_path: Path, out: Path) -> int:
    """Write what `floor.py` needs to `out` (JSON); the number of notes."""
    sheet = load_sheet(sheet_path)
    if sheet.errors:
        raise ValueError(f"{sheet_path}: {sheet.errors[0]}")
    deck = sheet_deck(sheet_path, None)
    shown = look(deck, sheet, {sheet_path: sheet})
    data = {
        "model": _model(deck, shown),
        "deck": _deck(deck, shown),
        "notes": _notes(deck, shown, sheet.notes),
    }
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return len(sheet.notes)


def _model(deck: Deck, shown: Look) -> dict[str, Any]:
    model = note_types(deck, shown)["notes"]
    return {
        "id": model.model_id,
        "name": model.name,
        "fields": model.fields,
        "templates": model.templates,
        "css": model.css,
        "type": model.model_type,
        "sort_field_index": model.sort_field_index,
    }


def _deck(deck: Deck, shown: Look) -> dict[str, Any]:
    return {
        "id": stable_id("deck", deck.key),
        "name": deck.name,
        "description": shown.description,
    }


def _notes(deck: Deck, shown: Look, notes: tuple[Note, ...]) -> list[dict[str, Any]]:
    return [
        {
            "fields": note_fields(note, shown),
            "tags": [shown.tags[note.category]] if note.category in shown.tags else [],
            "guid": note_guid(deck.key, note.key),
            "due": position,
        }
        for position, note in enumerate(notes)
    ]
