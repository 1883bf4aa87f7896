"""A learner's collection opened for a sync, or refused before anything is written: when
Anki (or anything else) has it open, when a newer Anki made it, when our note types would
need a change that forces a full sync. A backup, with Anki's own call, before the first
write."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from flashcards.errors import FlashcardsError, fail

if TYPE_CHECKING:
    from anki.collection import Collection

    from flashcards.sync.changes import Changes, Options

MISSING = (
    "syncing needs the anki library, which is not installed: "
    "pip install 'flashcards[sync]' (or pip install anki)"
)


@contextmanager
def opened(path: Path) -> Iterator[Collection]:
    """The collection at `path`, closed at the end (and saved, if anything was written)."""
    try:
        from anki.collection import Collection
        from anki.errors import DBError
    except ImportError:
        raise FlashcardsError(MISSING) from None
    if not path.is_file():
        raise fail(str(path), 1, "no Anki collection here (a collection.anki2 file)")
    try:
        col = Collection(str(path))
    except DBError as exc:
        raise fail(str(path), 1, _refusal(str(exc))) from None
    try:
        yield col
    finally:
        col.close()


def _refusal(error: str) -> str:
    if "FileTooNew" in error:
        return (
            "a newer Anki made this collection than the anki library here knows; nothing"
            " was written (pip install -U anki)"
        )
    if "already open" in error:
        return "the collection is open in Anki or another program; close it and sync again"
    return f"cannot open the collection ({error}); nothing was written"


def check_schema(col: Collection, planned: Sequence[Changes], options: Options) -> None:
    """Refuse, before anything is written, a note-type change that forces a full sync
    (fields or card types added, removed or reordered), unless the learner allows it."""
    forcing = [c for c in planned if c.schema]
    if forcing and not options.full_sync:
        names = ", ".join(sorted({name for c in forcing for name in c.schema}))
        message = (
            f"the note types {names} in the collection have other fields or card types than"
            " the deck's: changing them makes the next AnkiWeb sync a full one (one side"
            " overwrites the other); nothing was written. Pass --full-sync to allow it"
        )
        raise fail(str(col.path), 1, message)


def backup(col: Collection, path: Path) -> None:
    """A backup in the profile's `backups` folder, as Anki makes one, before any write."""
    folder = path.parent / "backups"
    folder.mkdir(exist_ok=True)
    col.create_backup(backup_folder=str(folder), force=True, wait_for_completion=True)
