"""Every identity a deck carries, from one encoding: deck and note-type IDs, note GUIDs, the
keys of the history, and the history's file name.

A learner's reviews live on note GUIDs and note-type IDs, so these formulas are frozen: the
released decks were made with them. Each identity is a hash of a JSON list of its parts, never
of parts joined with a separator: ("aws", "x__ec2") and ("aws__x", "ec2") must not meet,
whatever characters a deck key or a term holds.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

TERM = "term"
CLOZE = "cloze"
KINDS = (TERM, CLOZE)
"""The notes a term can give: its own note, and its cloze note when the deck asks for one."""

HISTORY_SUFFIX = ".lock.json"
DECK_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
"""What a deck key may be: it names the deck's history file, so nothing a file system reads
as a folder, a hidden file or a different name."""


def stable_id(*parts: str) -> int:
    """An Anki ID (deck, note type, note ID base) from names: the same on every machine, forever."""
    blob = json.dumps(["flashcards", *parts], ensure_ascii=False)
    digest = hashlib.sha256(blob.encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def deck_id(deck_key: str, *levels: str) -> int:
    """A deck's ID, or with `levels`, the ID of its subdeck by those names."""
    return stable_id("deck", deck_key, *levels)


def note_id_base(deck_key: str) -> int:
    """Note and card IDs count up from here, so two decks never propose the same IDs."""
    return stable_id("notes", deck_key)


def notetype_id(deck_key: str, *fields: str) -> int:
    """A note type's ID: its deck's identity and field list ("cloze" first for the cloze type)."""
    return stable_id("notetype", deck_key, *fields)


def note_guid(deck_key: str, key: str, kind: str = TERM, generation: int = 1) -> str:
    """A note's GUID: its deck's key, the normalised short form it was first built with,
    and its kind; nothing else. `generation` counts terms that come back under a key whose
    GUID a renamed note already carries."""
    import genanki  # only the deck writer needs GUIDs; `lint` stays light

    parts: list[object] = [deck_key, key]
    if kind != TERM:
        parts.append(kind)
    if generation > 1:
        parts.append(generation)
    return str(genanki.guid_for(json.dumps(parts, ensure_ascii=False)))


def history_key(key: str, kind: str = TERM) -> str:
    """The key of a note in its deck's history: `term:ec2`, `cloze:ec2`. The kind is a word
    without a colon, so the first colon tells the two apart whatever a term holds."""
    return f"{kind}:{key}"


def split_history_key(hkey: str) -> tuple[str, str]:
    """(kind, key) of a history key."""
    kind, _, key = hkey.partition(":")
    return kind, key


def history_file(folder: Path, deck_key: str) -> Path:
    """Where the history of the deck `deck_key` lives in `folder`."""
    return folder / f"{deck_key}{HISTORY_SUFFIX}"
