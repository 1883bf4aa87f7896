"""A list item that is only an abbreviation and what it stands for, `- ISP (Interface
Segregation Principle)`, is a note without bold: its expansion is its definition. Among
siblings that name no term (`- GDP (Gross Domestic Product)` in a list of topics) it is
one more name on the list, and so is a name written out with its abbreviation after it (`-
Graphical user interface (GUI)`) unless most of its siblings define terms."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from markdown_it.token import Token

from flashcards import markup
from flashcards.rules.found import Context, Found, close
from flashcards.rules.lead import lead
from flashcards.rules.notes import note
from flashcards.rules.points import entry, item_lead, neighbours
from flashcards.terms import clean_term, split_term


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    found = _abbreviation(toks, i)
    if found is None:
        return None
    term, expansion = found
    near = neighbours(toks, i)
    defining = sum(_defines(toks, j) for j in near)
    if near and not defining and not any(_abbreviation(toks, j) for j in near):
        return None  # `- GDP (Gross Domestic Product)` among `- Inflation`, `- Unemployment`
    if term.startswith(expansion) and 2 * defining < len(near):
        # `- Graphical user interface (GUI)` among `- User interface`, `- Shells`: a name,
        # its abbreviation said on the way; a glossary around it makes it a term
        return None
    made = note(ctx, ctx.line(toks[i]), term, escape(expansion, quote=False), expansion)
    return Found(i + 4, notes=[made], bold=[made.key])


def _abbreviation(toks: Sequence[Token], i: int) -> tuple[str, str] | None:
    """The term and expansion of an item that is only an abbreviation and what it stands for."""
    if toks[i].type != "list_item_open" or toks[i + 1].type != "paragraph_open":
        return None
    if close(toks, i) != i + 4:  # the item holds one paragraph, nothing nested
        return None
    children = toks[i + 2].children or []
    if lead(children) is not None:
        return None  # bold items are read by the list item rule
    term = clean_term(markup.plain(children))
    _, expansion = split_term(term)
    return (term, expansion) if expansion else None


def _defines(toks: Sequence[Token], j: int) -> bool:
    """Whether a sibling item is a term with its definition: a bold term or an entry."""
    return item_lead(toks, j) is not None or entry(toks, j) is not None
