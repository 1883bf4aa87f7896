"""A list item that names examples (`* Examples of deadlock with a reusable resource` over
`* Deadlock with main memory request:` and its case, `- 예시` over its cases) holds what
illustrates a term, not terms: no note, nor any of the items nested under it."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.names import names_examples
from flashcards.rules.found import Context, Found, close


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "list_item_open" or toks[i + 1].type != "paragraph_open":
        return None
    end = close(toks, i)
    if end == i + 4:
        return None  # nothing nested: a point of its own
    lines = markup.lines(toks[i + 2].children or [])
    if len(lines) != 1 or not names_examples(markup.plain(lines[0])):
        return None
    return Found(end)
