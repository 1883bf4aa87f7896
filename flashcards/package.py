"""The deck writer: a deck's notes to `.apkg` bytes. genanki writes the collection (see
`collection`); times and zip are made reproducible."""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import genanki

from flashcards import collection, identity
from flashcards.cache import Cache
from flashcards.cards import cloze_fields, note_fields, note_types
from flashcards.deck import Deck
from flashcards.errors import Problem
from flashcards.history.decide import Decided, Incoming, decide, distinctive
from flashcards.history.file import Clock, Entry, History, Stamp, content_hash
from flashcards.look import Look
from flashcards.note import QUESTION, Note

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(slots=True)
class DeckNote:
    """One note to write: its identity, type, tags and position, and what its fields are
    made from; the fields themselves only when asked for (a rebuild reuses most notes)."""

    key: str
    kind: str
    model: genanki.Model
    tags: list[str]
    due: int
    note: Note
    look: Look
    translation: Note | None = None
    mark: bytes = b""
    """Of all its fields and tags are made from: equal marks, equal fields and tags."""
    levels: tuple[str, ...] = ()
    """The subdeck its cards go to, as levels under the deck; () for the deck itself."""
    known: tuple[str, str] | None = None
    """Its hashes: from the build before when its mark has not changed, else once made."""
    fields: list[str] | None = None
    hkey: str = ""
    """Its key in the deck's history (`term:ec2`)."""

    def __post_init__(self) -> None:
        self.hkey = identity.history_key(self.key, self.kind)

    def make(self) -> list[str] | None:
        """Its field values, in the note type's order; None for a cloze note with no key
        phrase (no note at all)."""
        if self.kind == identity.CLOZE:
            return cloze_fields(self.note, self.look)
        return note_fields(self.note, self.look, self.translation)

    def values(self) -> list[str]:
        if self.fields is None:
            self.fields = self.make()
        if self.fields is None:
            raise ValueError(f"{self.hkey}: a cloze note with nothing to delete")
        return self.fields

    def hashes(self) -> tuple[str, str]:
        """Hashes of its content and of its definition, as its history sees them."""
        if self.known is not None:
            return self.known
        named = dict(zip((f["name"] for f in self.model.fields), self.values(), strict=True))
        # Source fields move whenever lines are inserted above; a learner sees no change.
        seen = [v for n, v in named.items() if not n.endswith("Source")]
        # The definition's hash tells a renamed term; a question's answer, or a definition as
        # short as "Yes.", could be any note's.
        renamable = self.kind == identity.TERM and self.note.kind != QUESTION
        text = (
            content_hash(named["Definition"])
            if renamable and distinctive(self.note.definition)
            else ""
        )
        self.known = (content_hash(seen, self.tags), text)
        return self.known

    def incoming(self) -> Incoming:
        """The note as its history sees it."""
        term = self.kind == identity.TERM
        content, text = self.hashes()
        return Incoming(
            key=self.key,
            kind=self.kind,
            hash=content,
            text=text,
            term=self.note.term if term else "",
            expansion=bool(self.note.expansion) and term,
            path=self.note.path,
            line=self.note.line,
            hkey=self.hkey,
        )


@dataclass(frozen=True)
class Packed:
    """A deck written: the history that goes with it, and what to tell the author."""

    history: History
    problems: list[Problem]


@dataclass(frozen=True)
class Contents:
    """What a deck holds, decided: its note types, its notes in order, each note's entry
    (GUID and time), and the history that goes with them."""

    models: dict[str, genanki.Model]
    notetypes: dict[str, Stamp]
    notes: list[DeckNote]
    decided: Decided


def contents(
    deck: Deck,
    look: Look,
    notes: Sequence[Note],
    history: History,
    clock: Clock,
    translations: Mapping[str, Note] | None = None,
    previous: Mapping[str, collection.Row] | None = None,
) -> Contents:
    """The deck's note types and notes, each with its GUID and time as its history decides.
    A note whose row of `previous` (the build before) has its mark keeps its hashes."""
    models = note_types(deck, look)
    notetypes = {
        name: clock.stamp(
            history.notetypes.get(name), content_hash(m.name, m.fields, m.templates, m.css)
        )
        for name, m in models.items()
    }
    planned = deck_notes(look, notes, models, translations or {}, previous)
    decided = decide([n.incoming() for n in planned], history, clock, look.renames)
    return Contents(models, notetypes, planned, decided)


def package(
    deck: Deck,
    look: Look,
    notes: Sequence[Note],
    history: History,
    clock: Clock,
    out: Path,
    translations: Mapping[str, Note] | None = None,
    media: Sequence[tuple[str, bytes]] = (),
    written: Callable[[int], None] | None = None,
    cache: Cache | None = None,
) -> Packed:
    """Write the deck's `.apkg` to `out`, with the history that goes with it, and `media`:
    (name, bytes) of each picture its fields name. `written` hears, now and then, how many
    notes are written so far. With a `cache`, the notes of the build before that have not
    changed are taken from it, not written again: the deck is the same byte for byte."""
    settings = repr((deck.key, deck.name, deck.cloze, look))  # what every row depends on
    store = collection.Store(cache, deck.key, out.with_name(out.name + ".anki2"), settings)
    previous = store.previous()
    held = contents(deck, look, notes, history, clock, translations, previous)
    header = genanki.Deck(identity.deck_id(deck.key), deck.name, look.description)
    for note in held.notes:
        header.add_model(note.model)  # in the order notes first use them, as genanki would
    model_mods = {held.models[name].model_id: s.mod for name, s in held.notetypes.items()}
    _write_apkg(
        store,
        previous,
        genanki.Package([header, *subdecks(deck, held.notes)]),
        model_mods,
        (held.notes, held.decided.entries),
        identity.note_id_base(deck.key) * 1000,
        out,
        media,
        written,
    )
    history = History(held.notetypes, held.decided.notes, deck.key)
    return Packed(history, held.decided.problems)


def subdecks(deck: Deck, planned: Sequence[DeckNote]) -> list[genanki.Deck]:
    """The subdecks that hold the notes, and those between them and the deck, by name."""
    levels = {n.levels[:depth] for n in planned for depth in range(1, len(n.levels) + 1)}
    return [subdeck(deck, path) for path in sorted(levels)]


def subdeck(deck: Deck, levels: Sequence[str]) -> genanki.Deck:
    """The deck's subdeck of `levels` ("Deck::a::b"), with its own ID."""
    return genanki.Deck(identity.deck_id(deck.key, *levels), deck.subdeck_name(levels))


def deck_notes(
    look: Look,
    notes: Sequence[Note],
    models: Mapping[str, genanki.Model],
    translations: Mapping[str, Note],
    known: Mapping[str, collection.Row] | None = None,
) -> list[DeckNote]:
    """Every note the deck holds, in order: each term's note, and its cloze note if asked for.
    A note whose mark a row of `known` (the build before) has keeps that row's hashes, and
    its fields are not made unless its rows must be written again."""
    known = known or {}
    cloze = models.get("cloze")
    entries = []
    for position, note in enumerate(notes):
        key = note.key
        tags = [look.tags[note.category]] if note.category in look.tags else []
        tags += [t for t in look.sheet_tags.get(note.path, ()) if t not in tags]
        translation = translations.get(key)
        levels = look.subdecks.get(note.path, ())
        marked = collection.mark(_record(note), _record(translation), tags, levels)
        common = (tags, position, note, look)
        term = DeckNote(key, identity.TERM, models["notes"], *common, translation, marked, levels)
        entries.append(term)
        row = known.get(term.hkey)
        if row is not None and row.mark == marked:
            # Unchanged since the build before: its cloze note is there if it was then.
            term.known = (row.hash, row.text)
            row = known.get(identity.history_key(key, identity.CLOZE)) if cloze else None
            if cloze and row is not None and row.mark == marked:
                entries.append(DeckNote(key, identity.CLOZE, cloze, *common, None, marked, levels))
                entries[-1].known = (row.hash, row.text)
            continue
        term.values()
        if cloze:
            entry = DeckNote(key, identity.CLOZE, cloze, *common, None, marked, levels)
            entry.fields = entry.make()
            if entry.fields is not None:  # a cloze note only when it has key phrases
                entries.append(entry)
    return entries


def _record(note: Note | None) -> tuple[str | int, ...] | None:
    return None if note is None else note.record()


def _write_apkg(
    store: collection.Store,
    previous: Mapping[str, collection.Row] | None,
    header: genanki.Package,
    model_mods: Mapping[int, int],
    notes: tuple[Sequence[DeckNote], Sequence[Entry]],
    first_id: int,
    out: Path,
    media: Sequence[tuple[str, bytes]] = (),
    written: Callable[[int], None] | None = None,
) -> None:
    """The collection database, each note type, note and card stamped with its own time,
    zipped into `out` with the media files. Everything goes through files, so a large deck
    is never held in memory as a whole (pictures are at most 5 MB each)."""
    db = out.with_name(out.name + ".collection")
    planned, entries = notes
    try:
        collection.write(
            store, previous, header, model_mods, planned, entries, first_id, db, written
        )
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
        db.unlink(missing_ok=True)


def _entry(name: str) -> zipfile.ZipInfo:
    # A fixed date and mode, and no compression, whose bytes could vary with the zlib
    # build: two builds of the same notes give the same bytes on any machine.
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_STORED
    info.external_attr = 0o644 << 16
    return info
