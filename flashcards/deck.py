"""Notes to `.apkg` bytes: genanki writes the collection; times and zip are made reproducible."""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import sqlite3
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import PurePath

import genanki

from flashcards import cards
from flashcards.lock import Clock, Lock
from flashcards.mask import mask
from flashcards.note import Note

NOTETYPE_VERSION = 1
"""Part of the note-type ID: raise it when `cards.FIELDS` changes, never otherwise."""

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class DeckSpec:
    """What a deck is called and how it labels notes; `namespace` is its identity."""

    namespace: str
    name: str
    description: str
    tags: Mapping[str, str]
    """Tag of each category (heading); a category missing here gets no tag."""
    category_names: Mapping[str, str] = field(default_factory=dict)
    """Display name of each category (heading); by default the heading itself."""
    language: str = ""
    translation_language: str | None = None
    """Set for a bilingual deck: the language of its notes' translations."""


def stable_id(*parts: str) -> int:
    """An Anki ID from names: the same names give the same ID on every machine, forever."""
    digest = hashlib.sha256("\x1f".join(("flashcards", *parts)).encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def note_guid(namespace: str, key: str) -> str:
    """A note's GUID: its deck's namespace and its normalised short form, nothing else."""
    return str(genanki.guid_for(namespace, key))


def note_fields(note: Note, spec: DeckSpec, translation: Note | None = None) -> list[str]:
    """The note's field values, in the note type's field order, as Anki HTML."""
    names = (note.term, note.short, note.expansion)
    values = [
        escape(note.term),
        escape(note.short),
        escape(note.expansion),
        note.html,
        mask(note.html, names),
        escape(spec.category_names.get(note.category, note.category)),
        _source(note),
    ]
    if spec.translation_language is not None:
        values += [translation.html, _source(translation)] if translation else ["", ""]
    return values


def package(
    spec: DeckSpec,
    notes: Sequence[Note],
    lock: Lock,
    clock: Clock,
    translations: Mapping[str, Note] | None = None,
) -> tuple[bytes, Lock]:
    """The `.apkg` bytes of a deck, and the lock that goes with them."""
    translations = translations or {}
    model = _model(spec)
    notetype = clock.stamp(
        lock.notetype, _hash(model.name, model.fields, model.templates, model.css)
    )
    stamps = dict(lock.notes)
    # Source fields move whenever lines are inserted above; a learner sees no change.
    seen = [i for i, f in enumerate(model.fields) if not f["name"].endswith("Source")]
    deck = genanki.Deck(stable_id("deck", spec.namespace), spec.name, spec.description)
    for position, note in enumerate(notes):
        values = note_fields(note, spec, translations.get(note.key))
        tags = [spec.tags[note.category]] if note.category in spec.tags else []
        stamps[note.key] = clock.stamp(
            lock.notes.get(note.key), _hash([values[i] for i in seen], tags)
        )
        deck.add_note(
            genanki.Note(
                model=model,
                fields=values,
                tags=tags,
                guid=note_guid(spec.namespace, note.key),
                due=position,
            )
        )
    mods = {note_guid(spec.namespace, n.key): stamps[n.key].mod for n in notes}
    data = _collection(deck, notetype.mod, mods, stable_id("notes", spec.namespace))
    return _zip(data), Lock(notetype, stamps)


def _source(note: Note) -> str:
    return escape(f"{PurePath(note.path).name}:{note.line}")


def _model(spec: DeckSpec) -> genanki.Model:
    bilingual = spec.translation_language is not None
    fields = cards.BILINGUAL_FIELDS if bilingual else cards.FIELDS
    return genanki.Model(
        stable_id("notetype", spec.namespace, str(NOTETYPE_VERSION)),
        f"flashcards: {spec.name}",
        fields=[{"name": name} for name in fields],
        templates=cards.templates(spec.language, spec.translation_language),
        css=cards.CSS,
        sort_field_index=0,
    )


def _hash(*parts: object) -> str:
    blob = json.dumps(parts, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def _collection(deck: genanki.Deck, model_mod: int, mods: Mapping[str, int], id_base: int) -> bytes:
    """The collection database, each note and its cards stamped with their own time."""
    conn = sqlite3.connect(":memory:")
    try:
        cursor = conn.cursor()
        # Note and card IDs count up from a base of the deck's own, so two decks of ours
        # never propose the same IDs to one collection.
        ids = itertools.count(id_base * 1000)
        genanki.Package(deck).write_to_db(cursor, model_mod, ids)
        for guid, mod in mods.items():
            cursor.execute("UPDATE notes SET mod = ? WHERE guid = ?", (mod, guid))
            cursor.execute(
                "UPDATE cards SET mod = ? WHERE nid = (SELECT id FROM notes WHERE guid = ?)",
                (mod, guid),
            )
        conn.commit()
        return conn.serialize()
    finally:
        conn.close()


def _zip(collection: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in (("collection.anki2", collection), ("media", b"{}")):
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            out.writestr(info, data)
    return buffer.getvalue()
