"""Paragraphs that each open with a marked term and then its words after a space, with no
separator (`` > `반발 reactance` 남에게 명령을 받거나 … `` under one heading, `` >
`손실 회피 loss averse` 어떤 것을 잃었을 때 … `` under it too; a word and its meaning in
another script, `**an sich** 그 자체`): three or more such under one
heading are the writer's way of setting a term before its definition, each a note. One or
two are a phrase stressed in a sentence (`**Note** that …`), and so is a bold word that English
words in lower case go on from (`**Python** is great for scripts.`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.names import is_term_like
from flashcards.rules.entries import says
from flashcards.rules.found import Context, Found
from flashcards.rules.lead import SPACED, Lead, lead, with_content
from flashcards.rules.notes import lead_note, line_notes
from flashcards.rules.points import MAX_NAME_WORDS
from flashcards.terms import clean_term, crossed, is_callout

_LOWER = re.compile(r"[a-z]")
"""How English words that go on with a sentence open (`is great …`, `fetches …`)."""

PLACES = ("", "blockquote")
"""Where such a paragraph stands: at the top, or in a quote (a list item's paragraph is the
item's, read by the list rules)."""

MIN_SPACED = 3
"""Paragraphs under one heading that open so: fewer are stress, not the writer's habit."""


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "paragraph_open" or ctx.inside(i) not in PLACES:
        return None
    children = toks[i + 1].children or []
    found = spaced_term(children)
    if found is None:
        return None
    lines = markup.lines(children)
    first = spaced_term(lines[0])
    if _count(ctx, toks, i) < MIN_SPACED and not _glossed(first or found):
        return None
    leads = [first, *map(spaced_term, lines[1:])]
    if first is None or sum(lead is not None for lead in leads) < 2:
        note = lead_note(ctx, ctx.line(toks[i]), found)
        return Found(i + 2, notes=[note], bold=[note.key])
    # `**Jede** 모든 것 하나 하나 다` over `**Alle** 그냥 전체`: a line each, as paragraphs are
    notes = line_notes(ctx, ctx.rows(toks, i), lines, leads)
    return Found(i + 2, notes=notes, bold=[n.key for n in notes])


MAX_GLOSS = 6
"""Words of a meaning given in another script (`**je nach** -에 따라`); more make a sentence
about the term, which needs the writer's habit to be its definition."""


def _glossed(found: Lead) -> bool:
    """Whether a term is followed by its meaning in another script, in a few words: a
    vocabulary's entry on its own, however few stand under its heading."""
    rest = markup.plain(found.rest)
    # a Korean verb's own form ends as a sentence does (`결정하다`): words are counted only
    return len(rest.split()) <= MAX_GLOSS and crossed(found.term, rest)


def spaced_term(children: Sequence[Token]) -> Lead | None:
    """The term a paragraph opens with, marked (bold, code) and followed after a space by
    words that say something of it; None for any other paragraph."""
    found = lead(children) or _code_lead(children)
    if found is None or found.join != SPACED or is_callout(found.term):
        return None
    if len(found.term.split()) > MAX_NAME_WORDS or not is_term_like(found.term):
        return None
    rest = markup.plain(found.rest)
    # `**Python** is great for scripts.`: English words in lower case go on with a sentence
    # whose subject is the bold word, stressed.
    if _LOWER.match(rest):
        return None
    # `**an sich** 그 자체`: a word and its meaning in another script says enough.
    return found if says(rest) or crossed(found.term, rest) else None


def _code_lead(children: Sequence[Token]) -> Lead | None:
    """A term set as code and then its words after a space (`` `반발 reactance` 남에게 … ``),
    which `lead` leaves as code stressed in a sentence."""
    kids = [c for c in children if c.type != "text" or c.content]
    if len(kids) < 2 or kids[0].type != "code_inline" or kids[1].type != "text":
        return None
    if not kids[1].content.startswith(" ") or not kids[1].content.strip():
        return None
    rest = [with_content(kids[1], kids[1].content.lstrip()), *kids[2:]]
    return Lead(clean_term(kids[0].content), SPACED, rest)


_last: tuple[Sequence[Token], int, int, int] | None = None
"""The section read last (its tokens, where it starts and ends) and its count: each section
is counted once, however many paragraphs it holds."""


def _count(ctx: Context, toks: Sequence[Token], i: int) -> int:
    """How many paragraphs of the section that holds the token at `i` (from one heading to
    the next), where such a paragraph may stand, open so: the same whether the sheet is read
    whole or in pieces."""
    global _last
    if _last is not None and _last[0] is toks and _last[1] <= i < _last[2]:
        return _last[3]
    start = next((k for k in range(i, -1, -1) if toks[k].type == "heading_open"), 0)
    end = next((k for k in range(i, len(toks)) if toks[k].type == "heading_open"), len(toks))
    opened = sum(
        1
        for k in range(start, end - 1)
        if toks[k].type == "paragraph_open"
        and ctx.inside(k) in PLACES
        and spaced_term(toks[k + 1].children or []) is not None
    )
    _last = (toks, start, end, opened)
    return opened
