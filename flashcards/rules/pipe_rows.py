"""Lines that each open and close with a pipe (`| also | auch |` over `| but | aber |`) are
the rows of a table whose writer left out the line under its header (`| --- | --- |`), so
Markdown reads them as a paragraph: each row is a note, its first cell the term and the rest
its definition. A first row that names its columns (`| English | German |`) is the header, no
note. A row whose first cell names nothing (a number, a sentence) makes the lines
no glossary."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from markdown_it.token import Token

from flashcards import markup
from flashcards.note import Note
from flashcards.rules.found import Context, Found
from flashcards.rules.notes import note
from flashcards.rules.points import MAX_NAME_WORDS
from flashcards.rules.table import heads_columns
from flashcards.terms import is_sentence, name_length

_PLACES = ("", "blockquote")
_ROW = re.compile(r"^\|(?P<cells>.*)\|$")
_CELL = re.compile(r"(?<!\\)\|")
"""A pipe that ends a cell; `\\|` is a pipe inside one, as in a table."""
MIN_ROWS = 2
"""Rows of such lines at least: one line alone may be a drawing or a sentence."""


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "paragraph_open" or ctx.inside(i) not in _PLACES:
        return None
    if not toks[i + 1].content.startswith("|"):
        return None  # most paragraphs open otherwise: no need to read their lines
    texts = [markup.plain(line).strip() for line in markup.lines(toks[i + 1].children or [])]
    rows = [_cells(text) for text in texts]
    numbers = ctx.rows(toks, i)
    if rows and rows[0] and heads_columns(rows[0]):
        rows, numbers = rows[1:], numbers[1:]
    if len(rows) < MIN_ROWS or not all(_entry(cells) for cells in rows):
        return None
    notes = [_note(ctx, number, cells) for number, cells in zip(numbers, rows, strict=True)]
    return Found(i + 2, notes=notes, bold=[n.key for n in notes])


def _cells(text: str) -> list[str]:
    """The cells of a line written as a table's row; none for any other line."""
    row = _ROW.match(text)
    if row is None:
        return []
    return [cell.strip().replace("\\|", "|") for cell in _CELL.split(row["cells"])]


def _entry(cells: list[str]) -> bool:
    """Whether a row names something in a few words in its first cell (the writer set it
    apart in a column: `also`, `woher kommst du` are words to learn) and says something of
    it after."""
    first = cells[0] if cells else ""
    named = 0 < name_length(first) <= MAX_NAME_WORDS and any(c.isalpha() for c in first)
    return len(cells) >= 2 and named and not is_sentence(first) and any(cells[1:])


def _note(ctx: Context, line: int, cells: list[str]) -> Note:
    said = "; ".join(cell for cell in cells[1:] if cell)
    return note(ctx, line, cells[0], escape(said, quote=False), said)
