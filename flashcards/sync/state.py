"""What the last sync wrote into a collection for a deck, kept in the collection's own config
(so it is written with the notes, and travels with the collection): for each note we
wrote, the hashes of the fields we wrote, our tags and the deck we put its cards in. A
note whose fields hash to none of ours was edited by the learner."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from anki.collection import Collection

PREFIX = "flashcards:"


@dataclass(frozen=True)
class Written:
    """What we wrote into one note."""

    hashes: tuple[str, ...]
    """Of its fields as we wrote them; two while a sync writes it (the old and the new), so
    a sync cut short never takes our own write for the learner's edit."""
    tags: tuple[str, ...]
    deck: int
    """The deck we put its cards in; a learner who moves them has the last word."""


def fields_hash(fields: Sequence[str]) -> str:
    return hashlib.sha256(json.dumps(list(fields), ensure_ascii=False).encode()).hexdigest()[:16]


def read(col: Collection, deck_key: str) -> dict[str, Written]:
    """By GUID: what the last sync wrote for the deck."""
    raw = col.get_config(PREFIX + deck_key, None) or {}
    found = {}
    for guid, value in raw.get("notes", {}).items():
        try:
            hashes, tags, deck = value
            found[guid] = Written(tuple(hashes), tuple(tags), int(deck))
        except (TypeError, ValueError):
            continue  # a damaged entry: the note is as if first synced
    return found


def write(col: Collection, deck_key: str, state: Mapping[str, Written]) -> None:
    """Keep `state` for the deck, if it differs from what is kept (a sync that changes
    nothing writes nothing)."""
    value = {"notes": {g: [list(w.hashes), list(w.tags), w.deck] for g, w in state.items()}}
    if col.get_config(PREFIX + deck_key, None) != value:
        col.set_config(PREFIX + deck_key, value)
