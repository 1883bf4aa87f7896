"""A list item that starts with a bold term is a note; what is nested in it is its definition.

`* **EC2 (Elastic Compute Cloud)**` with a nested line, `- **Lambda**: runs code`,
`- ★**재귀**: …`. Bold inside a sentence (`- **기획**과 …`) is no term, and a callout word
(`- **Note:** …`) opens a remark, not a note.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards.errors import WARNING, Problem
from flashcards.rules.found import Context, Found, close
from flashcards.rules.lead import EMPHASIS, SPACED, Lead, lead
from flashcards.rules.notes import lead_note
from flashcards.terms import is_callout, is_step, key


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "list_item_open":
        return None
    found = item_lead(toks, i)
    if found is not None and _step(toks[i], found):
        found = None
    if found is None:
        return _plain(ctx, toks, i)
    end = close(toks, i)
    if not found.term:
        return Found(
            end, problems=[Problem(ctx.path, ctx.line(toks[i]), "empty bold term", WARNING)]
        )
    if is_callout(found.term):
        return Found(end)
    blocks = list(toks[i + 4 : end])  # after the first paragraph, before the item's close
    note = lead_note(ctx, ctx.line(toks[i]), found, blocks)
    return Found(end, notes=[note], bold=[key(found.term)])


def item_lead(toks: Sequence[Token], i: int) -> Lead | None:
    """The bold term that starts the list item opened at `i`; None if it has none."""
    if i + 2 >= len(toks) or toks[i + 1].type != "paragraph_open":
        return None
    found = lead(toks[i + 2].children or [])
    return None if found is None or found.join == EMPHASIS else found


def _step(opening: Token, found: Lead) -> bool:
    """`1. **Fork** the repository`: a numbered step with its verb in bold, no term."""
    numbered = opening.markup in (".", ")")
    after = found.rest[0].content if found.rest and found.rest[0].type == "text" else ""
    return numbered and found.join == SPACED and is_step(after)


def _plain(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    """An item with no bold term: no note, and worth a word if it stands in a list of notes
    (a top-level item that holds no note either)."""
    if toks[i].level != 1 or _holds_note(toks, i):
        return None
    return Found(i, loose=[ctx.line(toks[i])])


def _holds_note(toks: Sequence[Token], i: int) -> bool:
    end = close(toks, i)
    return any(
        toks[j].type == "list_item_open" and item_lead(toks, j) is not None
        for j in range(i + 1, end)
    )
