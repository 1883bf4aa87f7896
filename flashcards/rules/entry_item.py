"""`Term: definition` items among points that are sentences (`- Error: Difference between
a data point and a predicted value.` beside `- Bell shaped distribution.`): each such item,
beside another, is a note of its own, and the sentences stay the text of whatever the
heading over them is. A list of entries only is a glossary (`rules.glossary`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.rules.found import Context, Found, close
from flashcards.rules.notes import lead_note
from flashcards.rules.points import entry, neighbours, says
from flashcards.terms import is_date, is_label, is_term_like, key

MAX_WORDS = 3
"""A term named among sentences is short: `Confidence Level`, `z-score`."""


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "list_item_open" or not _defines(toks, i):
        return None
    if not any(_defines(toks, j) for j in neighbours(toks, i)):
        return None  # one `Note: …` among sentences is a remark
    found = entry(toks, i)
    assert found is not None
    end = close(toks, i)
    made = lead_note(ctx, ctx.line(toks[i]), found, toks[i + 4 : end])
    return Found(end, aside=[made], bold=[key(found.term)])


def _defines(toks: Sequence[Token], j: int) -> bool:
    found = entry(toks, j)
    if found is None:
        return False
    term, definition = found.term, markup.plain(found.rest)
    return (
        len(term.split()) <= MAX_WORDS
        and is_term_like(term)
        and not is_label(term)
        and not is_date(term, months=True)  # `- Mar - LBJ doesn't seek re-election`
        and _ATTRIBUTE.search(term) is None
        and says(definition)
        and not _figures(definition)
        and sum(definition.count(arrow) for arrow in _ARROWS) < 2
    )


_ATTRIBUTE = re.compile(r"\S의\s|(?:\s|^)(?:시|때|경우)$|^(?:when|if|while)\s", re.IGNORECASE)
"""A part or a state of the thing the text is about, not a term: `피부의 면적`, `체온 상승 시`,
`When heated`."""

_ARROWS = ("→", "->", "⇒", "=>")
"""A definition that runs `A → B → C` is a sequence, not what a term means."""


def _figures(text: str) -> bool:
    """Whether a definition is mostly figures (`손과 발바닥 0.8~1.4㎜, 다른 부위 0.07㎜`): a
    measurement of something, not what a term means."""
    words = text.split()
    return 3 * sum(any(c.isdigit() for c in w) for w in words) >= len(words)
