"""What to build: the decks of a config, or the deck of one sheet named on the command line,
and the places a build may write them. Nothing is read or parsed here.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from flashcards.deck import Deck
from flashcards.errors import Problem, ProblemsError, fail
from flashcards.identity import history_file
from flashcards.write import check_target, place


def sheet_deck(
    source: Path, output: str | Path | None, language: str = "", terms: str | None = None
) -> Deck:
    """A deck from one source with no config: named, and keyed, by the source's file name;
    its history beside the source, its language told from its text unless given. `output`
    as written: a name that ends in a separator is a folder, not a deck file."""
    # NFC: macOS, zip and Dropbox write Korean names decomposed; the same name either way must
    # give the same deck, GUIDs and history.
    stem = unicodedata.normalize("NFC", source.name.removesuffix(".md"))
    if isinstance(output, str) and output.endswith(("/", os.sep)):
        raise fail(output, 1, "cannot write: names a folder; name the deck file in it")
    output = Path(output) if output is not None else Path(stem + ".apkg")
    history = history_file(source.parent, stem)
    if place(output) == place(history):
        raise fail(str(output), 1, "this is the deck's history file; choose another output")
    if place(output) == place(source):
        raise fail(str(output), 1, "this is the deck's own sheet; choose another output")
    return Deck(stem, stem, ((language, source),), output, history, language, terms=terms)


def check_places(decks: Sequence[Deck]) -> None:
    """Every file the decks are read from and written to has a name a build can use: text
    (it goes into the deck and its history), and no folder or name too long where a file is
    written. Raises the first that has not."""
    for deck in decks:
        for path in (*(p for _, p in deck.sources), deck.output):
            _check_name(path)
        check_target(deck.output)
        check_target(deck.history)


def places_problems(deck: Deck) -> list[Problem]:
    """What is wrong with the places a deck would be written to, as problems (for `lint`,
    which writes nothing: a file name that is not text matters to `build` only)."""
    found: list[Problem] = []
    for path in (deck.output, deck.history):
        try:
            check_target(path)
        except ProblemsError as exc:
            found += exc.problems
    return found


def _check_name(path: Path) -> None:
    """A file name must be text: it goes into the deck (its name, the Source field) and into
    the history."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fsencode(path).decode("utf-8", "backslashreplace")
        message = "the file name is not valid UTF-8; rename the file (its name goes into the deck)"
        raise fail(shown, 1, message) from None
