"""A list of sentences in which some are English set beside their Korean translation (`-
Have a seat. 자리에 앉아.` among `- It takes ten minutes to get there`): each such item is a
phrase to learn and its meaning, a note, whatever the other items are; the sentences left
untranslated are the writer's practice, no notes. (A list that is mostly such pairs is a
glossary, see `rules.glossary`.)"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards.rules.found import LISTS, Context, Found, close
from flashcards.rules.lead import Lead, lead
from flashcards.rules.notes import lead_note
from flashcards.rules.pairs import translated_lead
from flashcards.rules.points import items, one_paragraph

MIN_TRANSLATED = 2
"""Translated items that make a list of sentences a list of phrases: one alone may be a
sentence that happens to quote Korean."""


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type not in LISTS:
        return None
    listed = items(toks, i)
    if not all(_one_line_of_text(toks, j) for j in listed):
        return None  # bold terms, nested points: items of another shape
    pairs = translated_items(toks, i)
    if len(pairs) < MIN_TRANSLATED:
        return None
    notes = [lead_note(ctx, ctx.line(toks[j]), found) for j, found in pairs]
    return Found(close(toks, i), notes=notes, bold=[n.key for n in notes])


def translated_items(toks: Sequence[Token], i: int) -> list[tuple[int, Lead]]:
    """The items of the list at `i` that are a phrase and its meaning in another script
    (see `pairs.translated_lead`), each with its term and meaning."""
    found = [(j, translated_lead(toks[j + 2].children or [])) for j in items(toks, i)]
    return [(j, pair) for j, pair in found if pair is not None]


def _one_line_of_text(toks: Sequence[Token], j: int) -> bool:
    """Whether the item at `j` is a paragraph of text alone, with no bold term."""
    return one_paragraph(toks, j) and lead(toks[j + 2].children or []) is None
