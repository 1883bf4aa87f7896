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
from flashcards.rules.lead import Lead, paired_lead
from flashcards.rules.notes import lead_note
from flashcards.rules.points import entry, neighbours
from flashcards.terms import key, names_a_part


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "list_item_open":
        return None
    pair = _pair(toks, i)
    found = pair or _entry(toks, i)
    if found is None or names_a_part(found.term):
        return None  # `- e.g. 두 시간 동안 …`: an example of what stands above
    beside = neighbours(toks, i)
    near = [
        j for j in beside if (f := _pair(toks, j) or _entry(toks, j)) and not names_a_part(f.term)
    ]
    if not near or not (pair or any(_pair(toks, j) for j in near)):
        return None
    if kinds_of_one_word(toks, sorted([i, *beside])):
        return None  # `독립 Process` beside `System Process`: kinds of a process, no pairs
    made = lead_note(ctx, ctx.line(toks[i]), found)
    return Found(close(toks, i), notes=[made], bold=[key(made.term)])


def _pair(toks: Sequence[Token], j: int) -> Lead | None:
    """The pair an item of one paragraph and nothing more is; None for any other item."""
    return paired_lead(toks[j + 2].children or []) if _one_paragraph(toks, j) else None


def _entry(toks: Sequence[Token], j: int) -> Lead | None:
    """The `Term: definition` an item of one paragraph and nothing more is, if it is one."""
    return entry(toks, j) if _one_paragraph(toks, j) else None


def _one_paragraph(toks: Sequence[Token], j: int) -> bool:
    return toks[j + 1].type == "paragraph_open" and close(toks, j) == j + 4
