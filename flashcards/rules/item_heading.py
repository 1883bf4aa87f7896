"""A heading at the start of a list item names a term; the rest of the item defines it.

`- ##### 플래시 메모리` with the text under it in the item: a note, and no category (the
heading stands inside a list, not over the sheet's sections).
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.rules.found import Context, Found, close
from flashcards.rules.notes import blocks_note
from flashcards.rules.points import section_item
from flashcards.terms import heading_name, key


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "list_item_open" or i + 1 >= len(toks):
        return None
    if toks[i + 1].type != "heading_open":
        return None
    if section_item(toks, i):
        return Found(i)  # a section written as an item: its heading and tables the sheet's
    end = close(toks, i)
    term = heading_name(markup.plain(toks[i + 2].children or []))
    blocks = toks[i + 4 : end]  # after the heading, before the item's close
    if not term:
        return Found(end)
    note = blocks_note(ctx, ctx.line(toks[i]), term, blocks)
    return Found(end, notes=[note], bold=[key(term)])
