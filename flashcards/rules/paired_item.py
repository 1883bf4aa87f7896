"""A word and its meaning in another script, written as an item among items of other shapes
(`- sanitizer 洗手液` beside `- doula == A woman who …` and `- clot` over its senses in
quotes): a note, when an item beside it is such a pair too, or a `Term: definition` entry
(which is then a note too, beside the pair). A list of such pairs only is a
glossary (`rules.glossary`); one pair alone among points may be a sentence that changes
script."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards.rules.found import Context, Found, close
from flashcards.rules.glossary import kinds_of_one_word
from flashcards.rules.lead import Lead
from flashcards.rules.notes import lead_note
from flashcards.rules.pairs import paired_lead
from flashcards.rules.points import entry, neighbours, one_paragraph
from flashcards.terms import key, names_a_part


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "list_item_open":
        return None
    own = _word(toks, i)
    if own is None:
        return None  # and `- e.g. 두 시간 동안 …`: an example of what stands above
    beside = neighbours(toks, i)
    near = [word for j in beside if (word := _word(toks, j)) is not None]
    if not near or not (own[1] or any(paired for _, paired in near)):
        return None
    if kinds_of_one_word(toks, sorted([i, *beside])):
        return None  # `독립 Process` beside `System Process`: kinds of a process, no pairs
    made = lead_note(ctx, ctx.line(toks[i]), own[0])
    return Found(close(toks, i), notes=[made], bold=[key(made.term)])


def _word(toks: Sequence[Token], j: int) -> tuple[Lead, bool] | None:
    """The pair (with True) or the `Term: definition` entry (with False) that an item of one
    paragraph and nothing more is; None for any other item, and for a label."""
    if not one_paragraph(toks, j):
        return None
    pair = paired_lead(toks[j + 2].children or [])
    found = pair or entry(toks, j)
    if found is None or names_a_part(found.term):
        return None
    return found, pair is not None
