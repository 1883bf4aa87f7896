"""Paragraphs whose first line names a term and whose next lines say what it is, one after
another (`Semigroup:` over `A set with an associative operation`, then `Monoids` over `A
semigroup with an identity element`): a glossary written without bullets, a note each. One
such paragraph alone among others is a line of text over a sentence, no note."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards.rules.broken_item import broken_lead
from flashcards.rules.found import Context, Found
from flashcards.rules.lead import Lead
from flashcards.rules.notes import lead_note


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "paragraph_open" or ctx.inside(i) != "":
        return None
    found = _broken(toks, i)
    # Two side by side at least: one alone is a line of text over a sentence
    if found is None or not (_broken(toks, i + 3) or _broken(toks, _before(toks, i))):
        return None
    return Found(i + 2, notes=[lead_note(ctx, ctx.line(toks[i]), found)], weak=True)


def _broken(toks: Sequence[Token], i: int) -> Lead | None:
    if not 0 <= i < len(toks) - 1 or toks[i].type != "paragraph_open":
        return None
    return broken_lead(toks[i + 1].children or [], colon=True)


def _before(toks: Sequence[Token], i: int) -> int:
    """Where the paragraph right before the one at `i` opens, if one does; -1 if not."""
    return i - 3 if i >= 3 and toks[i - 1].type == "paragraph_close" else -1
