"""The lock: what each note looked like when it was last built, and the time it got then.

Anki updates a note on import only when the incoming modification time is newer than its
own copy's. So a changed note needs a newer time than its previous build, and an unchanged
note must keep its old time, or every rebuild would overwrite a learner's own edits. The
lock remembers both, so a rebuild of an unchanged source is byte for byte the same.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from flashcards.errors import fail

VERSION = 1

FLOOR = 1767225600
"""2026-01-01T00:00:00Z: the time of a note seen for the first time, without SOURCE_DATE_EPOCH."""


@dataclass(frozen=True)
class Stamp:
    """A content hash and the modification time that content was given."""

    hash: str
    mod: int


@dataclass(frozen=True)
class Lock:
    """Stamps of a deck's note types and notes; entries of removed notes are kept."""

    notetypes: Mapping[str, Stamp]
    notes: Mapping[str, Stamp]


EMPTY = Lock({}, {})


@dataclass(frozen=True)
class Clock:
    """The times a build may give: `first` for content never seen, `now` for changes."""

    first: int
    now: int

    @classmethod
    def from_environ(cls) -> Clock:
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        if epoch.isdigit():
            return cls(int(epoch), int(epoch))
        return cls(FLOOR, int(time.time()))

    def stamp(self, old: Stamp | None, content_hash: str) -> Stamp:
        """The stamp for content: the old one if unchanged, else a strictly newer time."""
        if old is None:
            return Stamp(content_hash, self.first)
        if old.hash == content_hash:
            return old
        return Stamp(content_hash, max(self.now, old.mod + 1))


def lock_path(output: Path) -> Path:
    """Where the lock of a deck written to `output` lives: beside it."""
    return output.with_name(output.stem + ".lock.json")


def load(path: Path) -> Lock:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError):
        return EMPTY
    except (OSError, ValueError) as exc:
        raise fail(str(path), 1, f"unreadable lock file ({exc}); delete it to start over") from None
    try:
        return Lock(
            {key: Stamp(**value) for key, value in raw["notetypes"].items()},
            {key: Stamp(**value) for key, value in raw["notes"].items()},
        )
    except (AttributeError, KeyError, TypeError):
        raise fail(str(path), 1, "not a lock file of this tool; delete it to start over") from None


def dumps(lock: Lock) -> str:
    """The lock as stable, diff-friendly JSON."""
    raw = {
        "version": VERSION,
        "notetypes": {key: vars(stamp) for key, stamp in sorted(lock.notetypes.items())},
        "notes": {key: vars(stamp) for key, stamp in sorted(lock.notes.items())},
    }
    return json.dumps(raw, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
