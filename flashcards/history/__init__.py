"""A deck's history: what each note looked like when it was last built, the time it got then
and the GUID it carries, kept in the deck's history file (`<key>.lock.json`, `file`); read
back from a deck file when that is lost (`recover`); and the decision of each note's GUID and
time at a build (`decide`)."""

from __future__ import annotations

from pathlib import Path

from flashcards.deck import Deck
from flashcards.history import file
from flashcards.history.file import History, file_sha256


def read(deck: Deck) -> History:
    """The deck's history: its file, else a version-1 history beside the output, else what
    the previous deck file holds; where the history and its deck file disagree, the deck
    wins."""
    history = file.load(deck.history, deck.key)
    legacy = file.legacy_path(deck.output)
    if history is None and legacy != deck.history:
        history = file.load_legacy(legacy, deck.key)
    if history is None:
        return _recovered(deck.output, deck.key) or file.empty(deck.key)
    if history.written is None:
        return history
    written = deck.history.parent / history.written.path
    if not written.is_file():
        return history
    if file_sha256(written) != history.written.sha256:
        found = _recovered(written, deck.key)
        return file.merged(history, found) if found else history
    if history.version < file.VERSION:  # which notes the last build held: its deck file says
        found = _recovered(written, deck.key)
        return file.present(history, found.notes) if found else history
    return history


def _recovered(deck_file: Path, key: str) -> History | None:
    if not deck_file.is_file():
        return None
    from flashcards.history.recover import recover

    return recover(deck_file, key)
