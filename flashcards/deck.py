"""Notes to `.apkg` bytes: genanki writes the collection; times and zip are made reproducible."""

from __future__ import annotations

import itertools
import json
import re
import shutil
import sqlite3
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from html import escape
from pathlib import Path, PurePath

import genanki

from flashcards import cards, identity
from flashcards.errors import Problem
from flashcards.history import Incoming, decide
from flashcards.inert import inert
from flashcards.lock import Clock, Lock, content_hash
from flashcards.mask import mask
from flashcards.note import QUESTION, Note

_KEY_PHRASE = re.compile(r'<code class="key">.*?</code>', re.S)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_TICK = 1000
"""Notes between two progress reports: often enough to move, rarely enough to cost nothing."""


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
    cloze: bool = False
    """Add a cloze note per term whose key phrases become its deletions."""
    sheet_tags: tuple[str, ...] = ()
    """Tags of every note: what the sheet's front matter asks for, as valid Anki tags."""
    renames: Mapping[str, str] = field(default_factory=dict)
    """Renames the sheet declares: a new term's key -> the old key whose history it takes."""


def note_fields(note: Note, spec: DeckSpec, translation: Note | None = None) -> list[str]:
    """The note's field values, in the note type's field order, as Anki HTML: Anki syntax
    written in the sheet is inert (see `flashcards.inert`)."""
    names = (note.term, note.short, note.expansion)
    values = [
        escape(note.term),
        escape(note.short),
        escape(note.expansion),
        note.html,
        "" if note.kind == QUESTION else mask(note.html, names),
        _category(note, spec),
        _source(note),
    ]
    if spec.translation_language is not None:
        values += [translation.html, _source(translation)] if translation else ["", ""]
    # Last, on the HTML as Anki gets it: the mask above still finds the names as written.
    return [inert(v) for v in values]


def cloze_fields(note: Note, spec: DeckSpec) -> list[str] | None:
    """Fields of the cloze note of a term: its key phrases deleted; None when it has none."""
    text = cloze_text(note.html)
    if text is None:
        return None
    # The text is inert already: its deletions are the only Anki syntax it may hold.
    return [text, *(inert(v) for v in (escape(note.term), _category(note, spec), _source(note)))]


def cloze_text(html: str) -> str | None:
    """The definition, made inert, with its n-th key phrase as the n-th cloze deletion."""
    count = 0

    def delete(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        # The phrase is inert: a "}}" or "::" in it neither ends the deletion nor starts a hint.
        return f"{{{{c{count}::{match[0]}}}}}"

    # Inert first, then the deletions: these are ours, the only markers Anki must see.
    text = _KEY_PHRASE.sub(delete, inert(html))
    return text if count else None


@dataclass(frozen=True, slots=True)
class DeckNote:
    """One note to write: its identity, type, fields, tags and position."""

    key: str
    kind: str
    model: genanki.Model
    fields: list[str]
    tags: list[str]
    due: int
    note: Note

    def incoming(self) -> Incoming:
        """The note as its history sees it."""
        named = dict(zip((f["name"] for f in self.model.fields), self.fields, strict=True))
        # Source fields move whenever lines are inserted above; a learner sees no change.
        seen = [v for n, v in named.items() if not n.endswith("Source")]
        term = self.kind == identity.TERM
        return Incoming(
            key=self.key,
            kind=self.kind,
            hash=content_hash(seen, self.tags),
            text=content_hash(named["Definition"]) if term else "",
            term=self.note.term if term else "",
            expansion=bool(self.note.expansion) and term,
            path=self.note.path,
            line=self.note.line,
        )


@dataclass(frozen=True)
class Packed:
    """A deck written: the history that goes with it, and what to tell the author."""

    lock: Lock
    problems: list[Problem]


def package(
    spec: DeckSpec,
    notes: Sequence[Note],
    lock: Lock,
    clock: Clock,
    out: Path,
    translations: Mapping[str, Note] | None = None,
    media: Sequence[tuple[str, bytes]] = (),
    written: Callable[[int], None] | None = None,
) -> Packed:
    """Write the deck's `.apkg` to `out`, with the history that goes with it, and `media`:
    (name, bytes) of each picture its fields name. `written` hears, now and then, how many
    notes are written so far."""
    models = note_types(spec)
    notetypes = {
        name: clock.stamp(
            lock.notetypes.get(name), content_hash(m.name, m.fields, m.templates, m.css)
        )
        for name, m in models.items()
    }
    planned = deck_notes(spec, notes, models, translations or {})
    decided = decide([n.incoming() for n in planned], lock, clock, spec.renames)
    deck = genanki.Deck(identity.deck_id(spec.namespace), spec.name, spec.description)
    for number, (note, entry) in enumerate(zip(planned, decided.entries, strict=True), 1):
        tick = partial(written, number) if written and number % _TICK == 0 else None
        deck.add_note(
            _StampedNote(
                entry.mod,
                tick,
                model=note.model,
                fields=note.fields,
                tags=note.tags,
                guid=entry.guid,
                due=note.due,
            )
        )
    model_mods = {models[name].model_id: stamp.mod for name, stamp in notetypes.items()}
    _write_apkg(deck, model_mods, identity.note_id_base(spec.namespace), out, media)
    history = Lock(notetypes, decided.notes, spec.namespace)
    return Packed(history, decided.problems)


def deck_notes(
    spec: DeckSpec,
    notes: Sequence[Note],
    models: Mapping[str, genanki.Model],
    translations: Mapping[str, Note],
) -> list[DeckNote]:
    """Every note the deck holds, in order: each term's note, and its cloze note if asked for."""
    entries = []
    for position, note in enumerate(notes):
        tags = [spec.tags[note.category]] if note.category in spec.tags else []
        tags += [t for t in spec.sheet_tags if t not in tags]
        values = note_fields(note, spec, translations.get(note.key))
        entries.append(
            DeckNote(note.key, identity.TERM, models["notes"], values, tags, position, note)
        )
        cloze = cloze_fields(note, spec) if "cloze" in models else None
        if cloze is not None:
            entries.append(
                DeckNote(note.key, identity.CLOZE, models["cloze"], cloze, tags, position, note)
            )
    return entries


def _category(note: Note, spec: DeckSpec) -> str:
    return escape(spec.category_names.get(note.category, note.category))


def _source(note: Note) -> str:
    return escape(f"{PurePath(note.path).name}:{note.line}")


def note_types(spec: DeckSpec) -> dict[str, genanki.Model]:
    """The deck's note types; each ID comes from the deck's identity and the field list."""
    bilingual = spec.translation_language is not None
    fields = cards.BILINGUAL_FIELDS if bilingual else cards.FIELDS
    models = {
        "notes": genanki.Model(
            identity.notetype_id(spec.namespace, *fields),
            f"flashcards: {spec.name}",
            fields=[{"name": name} for name in fields],
            templates=cards.templates(spec.language, spec.translation_language),
            css=cards.CSS,
            sort_field_index=0,
        )
    }
    if spec.cloze:
        models["cloze"] = genanki.Model(
            identity.notetype_id(spec.namespace, "cloze", *cards.CLOZE_FIELDS),
            f"flashcards: {spec.name} (cloze)",
            fields=[{"name": name} for name in cards.CLOZE_FIELDS],
            templates=[cards.cloze_template(spec.language)],
            css=cards.CSS,
            model_type=genanki.Model.CLOZE,
            sort_field_index=1,
        )
    return models


class _StampedNote(genanki.Note):  # type: ignore[misc]
    """A note written with its own modification time, not the package's one time."""

    def __init__(self, mod: int, tick: Callable[[], None] | None, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.mod = mod
        self.tick = tick
        """Called once the note is written: how a long build shows its progress."""

    def write_to_db(
        self, cursor: sqlite3.Cursor, timestamp: float, deck_id: int, id_gen: object
    ) -> None:
        # genanki stamps a note and its cards with the time it is given.
        super().write_to_db(cursor, self.mod, deck_id, id_gen)
        if self.tick is not None:
            self.tick()

    def _check_invalid_html_tags_in_fields(self) -> None:
        # genanki warns of text that looks like a stray tag, with a regex that takes time
        # quadratic in a field's length (a line of code spans: seconds per 100 KB). Ours
        # cannot hold one: fields are markdown-it's escaped output, raw HTML from a sheet is
        # rebuilt by the sanitizer, and every other value is escaped; so nothing to check.
        return


def _write_apkg(
    deck: genanki.Deck,
    model_mods: Mapping[int, int],
    id_base: int,
    out: Path,
    media: Sequence[tuple[str, bytes]] = (),
) -> None:
    """The collection database, each note type, note and card stamped with its own time,
    zipped into `out` with the media files. Everything goes through files, so a large deck
    is never held in memory as a whole (pictures are at most 5 MB each)."""
    db = out.with_name(out.name + ".anki2")
    conn = sqlite3.connect(db)
    try:
        cursor = conn.cursor()
        # Note and card IDs count up from a base of the deck's own, so two decks of ours
        # never propose the same IDs to one collection.
        ids = itertools.count(id_base * 1000)
        genanki.Package(deck).write_to_db(cursor, 0, ids)
        (models_json,) = cursor.execute("SELECT models FROM col").fetchone()
        models = json.loads(models_json)
        for model_id, mod in model_mods.items():
            models[str(model_id)]["mod"] = mod
        cursor.execute("UPDATE col SET models = ?", (json.dumps(models, sort_keys=True),))
        conn.commit()
    finally:
        conn.close()
    try:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as apkg:
            with db.open("rb") as source, apkg.open(_entry("collection.anki2"), "w") as dest:
                shutil.copyfileobj(source, dest, 1 << 20)
            # Anki's layout: entries "0", "1", … hold the files, and "media" maps each
            # entry to its file name; in name order, so the bytes never depend on the run.
            ordered = sorted(media)
            for number, (_, data) in enumerate(ordered):
                apkg.writestr(_entry(str(number)), data)
            names = {str(number): name for number, (name, _) in enumerate(ordered)}
            apkg.writestr(_entry("media"), json.dumps(names).encode())
    finally:
        db.unlink()


def _entry(name: str) -> zipfile.ZipInfo:
    # A fixed date and mode, and no compression, whose bytes could vary with the zlib
    # build: two builds of the same notes give the same bytes on any machine.
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_STORED
    info.external_attr = 0o644 << 16
    return info
