"""What a rule is told (where it reads) and what it answers (what it found)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from markdown_it.token import Token

from flashcards import markup
from flashcards.errors import Problem
from flashcards.note import Note


@dataclass(frozen=True)
class Context:
    """Where a rule reads: which file, how many lines lie before this piece, which heading,
    and what holds each token of the piece (see `markup.containers`)."""

    path: str
    offset: int
    category: str
    containers: Sequence[str] = ()

    def line(self, tok: Token) -> int:
        return line_of(tok, self.offset)

    def rows(self, toks: Sequence[Token], i: int) -> list[int]:
        """The line in the whole source of each line a reader sees in the paragraph opened at
        `i` (see `markup.lines` and `markup.rows`)."""
        first = self.line(toks[i])
        return [first + row for row in markup.rows(toks[i + 1].children or [])]

    def inside(self, i: int) -> str:
        """The kind of block that holds token `i` ("" at the top)."""
        return self.containers[i] if i < len(self.containers) else ""


def line_of(tok: Token, offset: int) -> int:
    """The 1-based line of a block token in the whole source, `offset` lines before its piece."""
    return (tok.map[0] + 1 if tok.map else 0) + offset


@dataclass
class Found:
    """What a rule recognised, up to and including the token at `end`."""

    end: int
    notes: list[Note] = field(default_factory=list)
    """Notes in document order; one without a definition is reported, not kept."""
    bold: list[str] = field(default_factory=list)
    """Keys of the bold items (and terms) seen: repeated ones are labels under headings."""
    bare: list[str] = field(default_factory=list)
    """Keys of those items that are plain names over nothing (`* Worst Case`): one of a list
    of names, which labels nothing."""
    loose: list[int] = field(default_factory=list)
    """Lines of list items that are no note."""
    problems: list[Problem] = field(default_factory=list)
    aside: list[Note] = field(default_factory=list)
    """Notes of terms a text introduces in passing (`… is called **osmosis**`): they stay
    notes whatever the heading over them is, and they make no heading a group of notes."""
    weak: bool = False
    """Notes a heading over them may take as its definition instead (a plain glossary under
    a heading that names a term: `### Linked List` over `- Access: O(n)`)."""
    answers: list[tuple[list[Token], int]] = field(default_factory=list)
    """Text parsed apart from the sheet's tokens (a `<details>` answer), with the number of
    lines before it: the terms it defines are notes too, beside the question's."""


LISTS = ("bullet_list_open", "ordered_list_open")
"""The tokens that open a list, bulleted or numbered."""


def block_end(toks: Sequence[Token], start: int) -> int:
    """Index of the last token of the block at `start`: its closing token, or itself for a
    block of one token (`fence`, `html_block`, `hr`)."""
    return close(toks, start) if toks[start].nesting == 1 else start


def close(toks: Sequence[Token], start: int) -> int:
    """Index of the token that closes the one opened at `start`."""
    level = toks[start].level
    closing = toks[start].type.replace("_open", "_close")
    for j in range(start + 1, len(toks)):
        if toks[j].level == level and toks[j].type == closing:
            return j
    raise ValueError(f"unclosed {toks[start].type}")  # markdown-it always closes
