"""A two-column table is a list of terms: each row a note, the first cell its term (bold or
not), the second its definition. A wider table is one when a column's header names
definitions (`| Layer | Devices | Definition |`): that column gives the definitions."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.errors import INFO, Problem
from flashcards.note import Note
from flashcards.rules.found import Context, Found, close
from flashcards.terms import clean_term, key, split_term


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "table_open" or toks[i].level != 0:
        return None
    end = close(toks, i)
    rows = _numbers_aside(_rows(toks[i:end]))
    columns = len(rows[0][1]) if rows else 0
    defined = 1 if columns == 2 else _definitions_column(rows[0][1]) if rows else None
    if defined is None:
        message = f"a table of {columns} columns gives no notes; a table of terms has two"
        return Found(end, problems=[Problem(ctx.path, ctx.line(toks[i]), message, INFO)])
    notes = [
        _note(ctx, tr, cells[0], cells[defined]) for tr, cells in rows[1:] if len(cells) > defined
    ]
    return Found(end, notes=[n for n in notes if n is not None])


DEFINING = frozenset(
    {"definition", "definitions", "meaning", "description", "정의", "뜻", "의미", "설명", "개념"}
)
"""Headers of a column of definitions: a wider table with one (`| Term | Example | Definition
|`) is a table of terms too, its first column the term and that column the definition."""


def _definitions_column(header: list[Token]) -> int | None:
    """The first column after the terms whose header names definitions, if any."""
    return next((k for k, cell in enumerate(header) if k and _defines(cell)), None)


def _defines(header: Token) -> bool:
    """Whether a header cell names a column of definitions (`정의 (Definition)` too)."""
    words = key(markup.plain(header.children or [])).replace("(", " ").replace(")", " ")
    return any(word in DEFINING for word in words.split())


def _numbers_aside(
    rows: list[tuple[Token, list[Token]]],
) -> list[tuple[Token, list[Token]]]:
    """The rows without a first column of numbers (`| 번호 | 영어 단어 | 한국어 뜻 |`): a
    count, not a term."""
    body = rows[1:]
    if not body or not all(
        cells and markup.plain(cells[0].children or []).rstrip(".").isdigit() for _, cells in body
    ):
        return rows
    return [(tr, cells[1:]) for tr, cells in rows]


def _rows(toks: Sequence[Token]) -> list[tuple[Token, list[Token]]]:
    """Each row's opening token and the inline token of each of its cells; the header first."""
    rows: list[tuple[Token, list[Token]]] = []
    for tok in toks:
        if tok.type == "tr_open":
            rows.append((tok, []))
        elif tok.type == "inline" and rows:
            rows[-1][1].append(tok)
    return rows


def _note(ctx: Context, tr: Token, term_cell: Token, definition_cell: Token) -> Note | None:
    term = clean_term(markup.plain(term_cell.children or []))
    if not term:
        return None
    definition = definition_cell.children or []
    short, expansion = split_term(term)
    return Note(
        term,
        short,
        expansion,
        ctx.category,
        markup.plain(definition),
        markup.inline_html(definition),
        ctx.path,
        ctx.line(tr),
    )
