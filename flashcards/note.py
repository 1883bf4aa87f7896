"""The one type that passes between stages: what the parser found, nothing about decks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from flashcards.errors import Problem
from flashcards.terms import key

TERM = "term"
QUESTION = "question"
"""A note asked one way only: a Q&A block's question gets no reverse or abbreviation card."""


@dataclass(frozen=True)
class Note:
    """A term and its definition, as written at one line of one source."""

    term: str
    short: str
    expansion: str
    category: str
    definition: str
    """The definition as plain text, without markup."""
    html: str
    """The definition as card HTML: escaped text, `<code class="key">` key phrases, links."""
    path: str
    line: int
    kind: str = TERM
    """`TERM`, or `QUESTION` for a Q&A block."""

    def record(self, offset: int = 0) -> tuple[str | int, ...]:
        """The note as plain values, in field order, its line counted after `offset` lines:
        what the build cache keeps of it, and what a deck note's mark is made of."""
        return (
            self.term,
            self.short,
            self.expansion,
            self.category,
            self.definition,
            self.html,
            self.path,
            self.line - offset,
            self.kind,
        )

    @classmethod
    def from_record(cls, record: Sequence[str | int], offset: int = 0) -> Note:
        """The note `record` gives back, its line counted after `offset` lines again."""
        *text, line, kind = record
        return cls(*text, line + offset, kind)  # type: ignore[arg-type, operator]

    @cached_property
    def key(self) -> str:
        """What makes two notes the same note: the short form, case and spacing aside (made
        once: a build looks it up several times for each of 100,000 notes)."""
        return key(self.short)


@dataclass(frozen=True)
class Sheet:
    """Everything one source gave: its notes in document order, and what to say about it."""

    path: str
    notes: tuple[Note, ...]
    description: str
    """HTML of the intro: what stands before the first heading (the title aside) or note."""
    categories: tuple[tuple[str, int], ...] = field(default=())
    """Each category name with the line of its heading, in document order."""
    problems: tuple[Problem, ...] = field(default=())
    tags: tuple[str, ...] = field(default=())
    """Tags the sheet gives every note (its front matter's `tags`), as written."""
    renames: tuple[tuple[str, str], ...] = field(default=())
    """(key of a term, key of the term it was before): renames the sheet declares."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.fails())
