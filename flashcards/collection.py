"""The deck's collection database: written by genanki, note by note; on a rebuild, only the
notes that changed are written again, into the database the build before left in the cache.

Either way the deck gets `VACUUM INTO` a new file: SQLite lays it out from the rows alone,
so the bytes are the same however the rows got there, and a rebuild gives a cold build's deck.
"""

from __future__ import annotations

import itertools
import json
import marshal
import sqlite3
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from hashlib import blake2b
from pathlib import Path
from typing import NamedTuple, Protocol

import genanki

from flashcards.cache import Cache, digest, file_signature, sync
from flashcards.history.file import Entry


class Row(NamedTuple):
    """What a build wrote for one note: enough to tell whether the next build writes the same.
    A tuple, so that the rows of 100,000 notes load from the cache in a blink."""

    mark: bytes
    """Of everything its fields and tags are made from (see `mark`)."""
    hash: str
    text: str
    """Its content and definition hashes, as its history sees them."""
    guid: str
    mod: int
    due: int
    start: int
    """Its note ID; its cards have the IDs after it."""
    ids: int
    """How many IDs it takes: the note and each of its cards."""


class Planned(Protocol):
    """A note to write, as the deck writer plans it (`deck.DeckNote`)."""

    hkey: str
    mark: bytes
    levels: tuple[str, ...]
    model: genanki.Model
    tags: list[str]
    due: int

    def values(self) -> list[str]: ...

    def hashes(self) -> tuple[str, str]: ...


def mark(*values: object) -> bytes:
    """A short digest of plain values (strings, numbers, tuples, None): equal values give
    equal marks."""
    # Version 2: no back-references or interning marks, whose use depends on how many
    # references an object has, so equal values always give equal bytes.
    return blake2b(marshal.dumps(values, 2), digest_size=16).digest()


class Store:
    """Where a deck's database is kept between builds: in the cache, or nowhere."""

    def __init__(self, cache: Cache | None, deck_key: str, scratch: Path, spec: str) -> None:
        self.cache = cache
        self.name = f"deck-{digest(deck_key)}"
        self.db = cache.path(f"{self.name}.anki2") if cache else scratch
        self.scratch = scratch
        self.spec = spec
        """Of what every row depends on beyond its own note: a deck's other settings."""

    def previous(self) -> Mapping[str, Row] | None:
        """The rows of the last build's database, by history key, if the database is there
        and they belong together; they are no longer trusted from here on, until `keep` says
        so again."""
        if self.cache is None:
            return None
        records = self.cache.records(f"{self.name}.rows")
        self.cache.forget(f"{self.name}.rows")  # a build killed from here on leaves no rows
        try:
            if records[0] != ("spec", self.spec) or records[-1] != ("stamp", _stamp(self.db)):
                return None
            return {r[0]: Row._make(r[1:]) for _, chunk in records[1:-1] for r in chunk}
        except (IndexError, TypeError, ValueError, OSError):
            return None

    def start(self) -> None:
        """Make way for a new database: in the scratch folder, moved into the cache (if
        any) once the build has written its decks."""
        self.db = self.cache.adopt(f"{self.name}.anki2") if self.cache else self.scratch
        self.db.unlink(missing_ok=True)

    def keep(self, rows: Mapping[str, Row]) -> None:
        """Say the database now holds `rows`; without a cache, it is not kept at all."""
        if self.cache is None:
            self.db.unlink(missing_ok=True)
            return
        sync(self.db)  # on disk before the rows that vouch for it
        with self.cache.writing(f"{self.name}.rows") as put:
            put(("spec", self.spec))
            items = iter(rows.items())
            # In chunks, plain tuples (what marshal takes): never all of them twice in memory.
            while chunk := tuple((k, *r) for k, r in itertools.islice(items, _CHUNK)):
                put(("rows", chunk))
            put(("stamp", _stamp(self.db)))


_CHUNK = 1000


def _stamp(path: Path) -> tuple[int, int, bytes | None]:
    # Size, time and signed bytes: a database another build changed or replaced since, or
    # that anyone else wrote, is not ours.
    found = path.stat()
    return found.st_size, found.st_mtime_ns, file_signature(path)


def write(
    store: Store,
    previous: Mapping[str, Row] | None,
    header: genanki.Package,
    model_mods: Mapping[int, int],
    planned: Sequence[Planned],
    entries: Sequence[Entry],
    first_id: int,
    out: Path,
    written: Callable[[int], None] | None = None,
) -> None:
    """Write the collection of `planned` (each with its history entry) to `out`: `header` a
    package of the deck with its note types and no notes, `model_mods` each type's time;
    `previous` the rows of the database `store` held, which is updated in place."""
    notes = (planned, entries, first_id, written)
    try:
        rows = _fill(store, previous, header, model_mods, notes, out)
    except sqlite3.DatabaseError:
        if previous is None:
            raise
        # A damaged cache: the deck is built as if there were none.
        rows = _fill(store, None, header, model_mods, notes, out)
    store.keep(rows)


def _fill(
    store: Store,
    previous: Mapping[str, Row] | None,
    header: genanki.Package,
    model_mods: Mapping[int, int],
    notes: tuple[Sequence[Planned], Sequence[Entry], int, Callable[[int], None] | None],
    out: Path,
) -> dict[str, Row]:
    planned, entries, first_id, written = notes
    if previous is None:
        store.start()
    conn = sqlite3.connect(store.db)
    try:
        cursor = conn.cursor()
        if previous is None:
            _unjournaled(conn)
            header.write_to_db(cursor, 0, itertools.count(first_id))
        col = _col(header, model_mods)
        cursor.execute("DELETE FROM col")
        cursor.execute(f"INSERT INTO col VALUES ({','.join('?' * len(col))})", col)
        old = previous or {}
        rows = _write_notes(cursor, _deck_ids(header), planned, entries, old, first_id, written)
        conn.commit()
        out.unlink(missing_ok=True)
        # The deck is a staged file that `write_all` syncs once it is complete.
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("VACUUM INTO ?", (str(out),))
    finally:
        conn.close()
    return rows


def _deck_ids(header: genanki.Package) -> dict[tuple[str, ...], int]:
    """The ID of the deck (first) and of each subdeck, by the levels its name adds to the
    deck's ("Deck::a::b": ("a", "b")); a level never holds "::" (see `folders.level_name`)."""
    root, *subdecks = header.decks
    depth = len(root.name.split("::"))
    return {
        (): root.deck_id,
        **{tuple(d.name.split("::")[depth:]): d.deck_id for d in subdecks},
    }


def _unjournaled(conn: sqlite3.Connection) -> None:
    # A new database is vouched for by nothing until its rows are kept (see `Store.keep`,
    # which syncs it first), and a build killed before then leaves it to be made again:
    # a journal and a sync at each of its commits would only cost time (10 ms a deck).
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")


def _col(header: genanki.Package, model_mods: Mapping[int, int]) -> tuple[object, ...]:
    """The collection's one `col` row, as genanki writes it, with each note type's time."""
    conn = sqlite3.connect(":memory:")
    try:
        cursor = conn.cursor()
        header.write_to_db(cursor, 0, itertools.count())
        (models_json,) = cursor.execute("SELECT models FROM col").fetchone()
        models = json.loads(models_json)
        for model_id, mod in model_mods.items():
            if str(model_id) in models:
                models[str(model_id)]["mod"] = mod
        cursor.execute("UPDATE col SET models = ?", (json.dumps(models, sort_keys=True),))
        return tuple(cursor.execute("SELECT * FROM col").fetchone())
    finally:
        conn.close()


def _write_notes(
    cursor: sqlite3.Cursor,
    deck_ids: Mapping[tuple[str, ...], int],
    planned: Sequence[Planned],
    entries: Sequence[Entry],
    old: Mapping[str, Row],
    first_id: int,
    written: Callable[[int], None] | None,
) -> dict[str, Row]:
    """Every note's rows: those already there are kept, the rest written by genanki, one
    by one (a deck's notes are never all in memory as genanki notes)."""
    rows: dict[str, Row] = {}
    stale = _Stale(cursor, old)
    start, count = first_id, 0
    for note, entry in zip(planned, entries, strict=True):
        known = old.get(note.hkey)
        if known is not None and (known.mark, known.guid, known.mod, known.due, known.start) == (
            note.mark,
            entry.guid,
            entry.mod,
            note.due,
            start,
        ):
            rows[note.hkey] = known
            start += known.ids
            continue
        writer = _StampedNote(
            entry.mod,
            model=note.model,
            fields=note.values(),
            tags=note.tags,
            guid=entry.guid,
            due=note.due,
        )
        ids = 1 + len(writer.cards)
        stale.clear(start, start + ids)
        writer.write_to_db(cursor, entry.mod, deck_ids[note.levels], itertools.count(start))
        content, text = note.hashes()
        rows[note.hkey] = Row(note.mark, content, text, entry.guid, entry.mod, note.due, start, ids)
        start += ids
        count += 1
        if written and count % _TICK == 0:
            written(count)
    stale.clear_all(rows)
    return rows


class _Stale:
    """The rows of the build before, removed as the notes written now need their IDs.
    A kept note never needs to be: its IDs are its own in both builds."""

    def __init__(self, cursor: sqlite3.Cursor, old: Mapping[str, Row]) -> None:
        self.cursor = cursor
        self.old = old
        self.by_start = sorted((r.start, r.ids) for r in old.values())
        self.starts = [start for start, _ in self.by_start]
        self.gone: set[int] = set()

    def clear(self, first: int, end: int) -> None:
        """Remove every old note with an ID in [first, end)."""
        if not self.starts:
            return
        at = bisect_right(self.starts, end - 1)
        found = []
        while at > 0 and sum(self.by_start[at - 1]) > first:
            at -= 1
            found.append(self.by_start[at][0])
        self._remove(found)

    def clear_all(self, rows: Mapping[str, Row]) -> None:
        """Remove every old note not kept: changed, moved or gone from the sheet."""
        self._remove([r.start for k, r in self.old.items() if rows.get(k) is not r])

    def _remove(self, starts: Iterable[int]) -> None:
        ids = [(i,) for i in starts if i not in self.gone]
        self.gone.update(i for (i,) in ids)
        self.cursor.executemany("DELETE FROM cards WHERE nid = ?", ids)
        self.cursor.executemany("DELETE FROM notes WHERE id = ?", ids)


_TICK = 1000
"""Notes between two progress reports: often enough to move, rarely enough to cost nothing."""


class _StampedNote(genanki.Note):  # type: ignore[misc]
    """A note written with its own modification time, not the package's one time."""

    def __init__(self, mod: int, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.mod = mod

    def _check_invalid_html_tags_in_fields(self) -> None:
        # genanki warns of text that looks like a stray tag, with a regex that takes time
        # quadratic in a field's length (a line of code spans: seconds per 100 KB). Ours
        # cannot hold one: fields are markdown-it's escaped output, raw HTML from a sheet is
        # rebuilt by the sanitizer, and every other value is escaped; so nothing to check.
        return
