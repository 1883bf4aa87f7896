"""The floor's input: a sheet's field values and note type, computed with the project's code."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from flashcards.build import spec_for
from flashcards.deck import DeckSpec, note_fields, note_types
from flashcards.identity import note_guid, stable_id
from flashcards.note import Note
from flashcards.plan import load_sheet, single_target


def floor_input(sheet_path: Path, out: Path) -> int:
    """Write what `floor.py` needs to `out` (JSON); the number of notes."""
    sheet = load_sheet(sheet_path)
    if sheet.errors:
        raise ValueError(f"{sheet_path}: {sheet.errors[0]}")
    spec = spec_for(single_target(sheet_path, None), sheet)
    data = {"model": _model(spec), "deck": _deck(spec), "notes": _notes(spec, sheet.notes)}
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return len(sheet.notes)


def _model(spec: DeckSpec) -> dict[str, Any]:
    model = note_types(spec)["notes"]
    return {
        "id": model.model_id,
        "name": model.name,
        "fields": model.fields,
        "templates": model.templates,
        "css": model.css,
        "type": model.model_type,
        "sort_field_index": model.sort_field_index,
    }


def _deck(spec: DeckSpec) -> dict[str, Any]:
    return {
        "id": stable_id("deck", spec.namespace),
        "name": spec.name,
        "description": spec.description,
    }


def _notes(spec: DeckSpec, notes: tuple[Note, ...]) -> list[dict[str, Any]]:
    return [
        {
            "fields": note_fields(note, spec),
            "tags": [spec.tags[note.category]] if note.category in spec.tags else [],
            "guid": note_guid(spec.namespace, note.key),
            "due": position,
        }
        for position, note in enumerate(notes)
    ]
