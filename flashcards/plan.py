"""What to build: the decks of a config, or the deck of one sheet named on the command line,
and the places a build may write them. Nothing is read or parsed here.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from flashcards import folders
from flashcards.deck import Deck
from flashcards.errors import Problem, ProblemsError, fail
from flashcards.identity import history_file
from flashcards.write import check_target, place


def source_deck(
    source: Path,
    output: str | Path | None,
    language: str = "",
    terms: str | None = None,
    subdecks: str | None = None,
) -> Deck:
    """The deck of a sheet, or of a folder of sheets, named on the command line."""
    if folders.is_group(source):
        return folder_deck(source, output, language, terms, subdecks or "folders")
    return sheet_deck(source, output, language, terms)


def sheet_deck(
    source: Path, output: str | Path | None, language: str = "", terms: str | None = None
) -> Deck:
    """A deck from one source with no config: named, and keyed, by the source's file name;
    its history beside the source, its language told from its text unless given. `output`
    as written: a name that ends in a separator is a folder, not a deck file."""
    stem = _name(source.name.removesuffix(".md"))
    output = _output(output, stem)
    history = history_file(source.parent, stem)
    _check_output(output, history, source)
    return Deck(stem, stem, ((language, source),), output, history, language, terms=terms)


def folder_deck(
    source: Path, output: str | Path | None, language: str, terms: str | None, subdecks: str
) -> Deck:
    """A deck from a folder (or glob) of sheets with no config: named, and keyed, by the
    folder's name, a subdeck per subfolder (or as `subdecks` says); its history in the
    folder, where it travels with the sheets (a vault, a repository)."""
    root = folders.root_of(source)
    key = _name(Path(os.path.abspath(root)).name or "notes")
    output = _output(output, key)
    history = history_file(root, key)
    _check_output(output, history, source)
    named = folders.Named(language, source, str(source), (str(source), 1))
    parts = folders.parts([named], subdecks)
    for _, path in (p for part in parts for p in part.sources):
        if place(output) == place(path):
            raise fail(str(output), 1, "this is one of the deck's sheets; choose another output")
    sources = ((language, source),)
    return Deck(
        key, key, sources, output, history, language, terms=terms, parts=parts, subdecks=subdecks
    )


def _name(name: str) -> str:
    # NFC: macOS, zip and Dropbox write Korean names decomposed; the same name either way must
    # give the same deck, GUIDs and history.
    return unicodedata.normalize("NFC", name)


def _output(output: str | Path | None, key: str) -> Path:
    """The deck file as written; a name that ends in a separator is a folder, not a file."""
    if isinstance(output, str) and output.endswith(("/", os.sep)):
        raise fail(output, 1, "cannot write: names a folder; name the deck file in it")
    return Path(output) if output is not None else Path(key + ".apkg")


def _check_output(output: Path, history: Path, source: Path) -> None:
    if place(output) == place(history):
        raise fail(str(output), 1, "this is the deck's history file; choose another output")
    if place(output) == place(source):
        raise fail(str(output), 1, "this is the deck's own sheet; choose another output")


def check_places(decks: Sequence[Deck]) -> None:
    """Every file the decks are read from and written to has a name a build can use: text
    (it goes into the deck and its history), and no folder or name too long where a file is
    written. Raises the first that has not."""
    for deck in decks:
        for path in (*(p for _, p in deck.files), deck.output):
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
