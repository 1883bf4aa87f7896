"""A list item of one line over a quote nested under it is a note: the quote is set apart as
what answers the line (`* 여러 VPC를 연결하는 확장 가능한 방법.` over `> * AWS Transit Gateway:
…`), as a writer sets an answer apart under an exam's prompt. A line that names a term
(`- Newton's first law` over `> An object at rest stays at rest.`) is that term's note; a
longer one is a question note. An item that is an entry (`- **X**: …`, `- X: …`) is read by
the rules of entries, and an item with more under it than the quote is an outline."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.names import is_term_like
from flashcards.note import QUESTION, TERM
from flashcards.rules.found import LISTS, Context, Found, close
from flashcards.rules.notes import blocks_note
from flashcards.rules.points import entry, item_lead, items
from flashcards.terms import clean_term


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "list_item_open" or toks[i + 1].type != "paragraph_open":
        return None
    end = close(toks, i)
    quote = i + 4
    if toks[quote].type != "blockquote_open" or close(toks, quote) + 1 != end:
        return None  # nothing but the quote under the line
    lines = markup.lines(toks[i + 2].children or [])
    if len(lines) != 1 or item_lead(toks, i) is not None or entry(toks, i) is not None:
        return None
    if _glossary(toks, quote):
        return Found(i + 3)  # `- 메모리 구조` over `> - stack: 지역변수` and more: their name
    text = clean_term(markup.plain(lines[0]).strip().rstrip("."))
    if not text:
        return None
    kind = TERM if len(text.split()) <= MAX_TERM_WORDS and is_term_like(text) else QUESTION
    blocks = toks[quote:end]  # the quote as the writer set it
    return Found(end, notes=[blocks_note(ctx, ctx.line(toks[i]), text, blocks, kind)])


MAX_TERM_WORDS = 4
"""Words of a line that names a term; a longer line over its answer is a question."""


def _glossary(toks: Sequence[Token], quote: int) -> bool:
    """Whether a quote holds one list and nothing else, whose items are entries, two at least
    (`> - stack: 지역변수, 매개변수` over `> - heap: 동적할당`): a glossary set apart, its
    entries notes as under any name."""
    inner = quote + 1
    if toks[inner].type not in LISTS:
        return False
    end = close(toks, inner)
    if end + 1 != close(toks, quote):
        return False
    listed = items(toks, inner)
    return len(listed) >= MIN_ENTRIES and all(entry(toks, j) is not None for j in listed)


MIN_ENTRIES = 2
"""Entries in a quote that make it a glossary rather than an answer."""
