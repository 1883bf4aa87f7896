"""Paragraphs of `Term: definition` without bold, one after another, are a glossary too
(`Neutral stimulus: a stimulus that triggers no response` over `Conditioned stimulus: …`):
a note each. One such paragraph alone is a sentence with a colon, and no note."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards.rules.found import Context, Found
from flashcards.rules.lead import plain_lead
from flashcards.rules.notes import lead_note


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "paragraph_open" or ctx.inside(i) not in ("", "blockquote"):
        return None
    found = plain_lead(toks[i + 1].children or [])
    if found is None or not (_alike(toks, i - 3) or _alike(toks, i + 3)):
        return None
    return Found(i + 2, notes=[lead_note(ctx, ctx.line(toks[i]), found)], weak=True)


def _alike(toks: Sequence[Token], j: int) -> bool:
    """Whether a paragraph of the same shape opens at `j` (the block before or after)."""
    return (
        0 <= j < len(toks) - 1
        and toks[j].type == "paragraph_open"
        and plain_lead(toks[j + 1].children or []) is not None
    )
