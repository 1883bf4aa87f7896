"""What each deck should hold, as a build makes it: every note with its GUID (as the deck's
history decides it), note type, fields, tags and subdeck, and the pictures they show."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import genanki

from flashcards import history, media, sheets
from flashcards.deck import Deck
from flashcards.errors import Problem
from flashcards.history.file import Clock, History
from flashcards.package import DeckNote, contents


@dataclass(frozen=True)
class Wanted:
    """One note as the sheets make it."""

    guid: str
    model: genanki.Model
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    deck: str
    """The full name of its deck or subdeck in Anki."""
    levels: tuple[str, ...]
    """Its subdeck's levels under the deck."""
    term: str
    path: str
    line: int
    mod: int | None
    """When the deck's history last saw its content change; None for a note new to it."""

    @property
    def at(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class DeckNotes:
    deck: Deck
    models: tuple[genanki.Model, ...]
    notes: tuple[Wanted, ...]
    pictures: tuple[tuple[str, bytes], ...]


@dataclass(frozen=True)
class Found:
    decks: list[DeckNotes]
    problems: list[Problem]


def notes(decks: Sequence[Deck], strict: bool = False) -> Found:
    """Every deck's notes; raises every problem that would fail a build."""
    checked = sheets.checked(decks, strict)
    read, clock = checked.sheets, Clock.from_environ()
    found, problems = [], list(checked.warnings)
    for deck in decks:
        pictures = media.Pictures()
        made = sheets.composed(deck, read, pictures)
        old = history.read(deck)
        held = contents(deck, made.look, made.sheet.notes, old, clock, made.translations)
        problems += held.decided.problems
        wanted = tuple(
            _wanted(deck, note, entry.guid, old)
            for note, entry in zip(held.notes, held.decided.entries, strict=True)
        )
        models = tuple(held.models.values())
        found.append(DeckNotes(deck, models, wanted, tuple(pictures.files())))
    return Found(found, sorted(set(problems)))


def _wanted(deck: Deck, note: DeckNote, guid: str, old: History) -> Wanted:
    before = old.notes.get(note.hkey)
    return Wanted(
        guid=guid,
        model=note.model,
        fields=tuple(note.values()),
        tags=tuple(note.tags),
        deck=deck.subdeck_name(note.levels),
        levels=note.levels,
        term=note.note.term,
        path=note.note.path,
        line=note.note.line,
        mod=before.mod if before is not None and before.guid == guid else None,
    )
