"""A list item that is only an abbreviation and what it stands for, `- ISP (Interface
Segregation Principle)`, is a note without bold: its expansion is its definition."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from markdown_it.token import Token

from flashcards import markup
from flashcards.rules.found import Context, Found, close
from flashcards.rules.lead import lead
from flashcards.rules.notes import note
from flashcards.terms import clean_term, split_term


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "list_item_open" or toks[i + 1].type != "paragraph_open":
        return None
    end = close(toks, i)
    if end != i + 4:  # the item holds one paragraph, nothing nested
        return None
    children = toks[i + 2].children or []
    if lead(children) is not None:
        return None  # bold items are read by the list item rule
    term = clean_term(markup.plain(children))
    _, expansion = split_term(term)
    if not expansion:
        return None
    found = note(ctx, ctx.line(toks[i]), term, escape(expansion, quote=False), expansion)
    return Found(end, notes=[found], bold=[found.key])
