"""A list item that starts with a bold term is a note; what is nested in it is its definition.

`* **EC2 (Elastic Compute Cloud)**` with a nested line, `- **Lambda**: runs code`,
`- ★**재귀**: …`. Bold inside a sentence (`- **기획**과 …`) is no term, and a callout word
(`- **Note:** …`) opens a remark, not a note.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.errors import WARNING, Problem
from flashcards.note import Note
from flashcards.rules.found import Context, Found, close
from flashcards.rules.lead import EMPHASIS, Lead, lead
from flashcards.terms import is_callout, key, split_term


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "list_item_open":
        return None
    found = item_lead(toks, i)
    if found is None:
        return _plain(ctx, toks, i)
    end = close(toks, i)
    if not found.term:
        return Found(
            end, problems=[Problem(ctx.path, ctx.line(toks[i]), "empty bold term", WARNING)]
        )
    if is_callout(found.term):
        return Found(end)
    blocks = list(toks[i + 4 : end])  # after the first paragraph, before the item's close
    note = make_note(ctx, toks[i], found, blocks)
    return Found(end, notes=[note], labels=[key(found.term)])


def item_lead(toks: Sequence[Token], i: int) -> Lead | None:
    """The bold term that starts the list item opened at `i`; None if it has none."""
    if i + 2 >= len(toks) or toks[i + 1].type != "paragraph_open":
        return None
    found = lead(toks[i + 2].children or [])
    return None if found is None or found.join == EMPHASIS else found


def make_note(ctx: Context, opening: Token, found: Lead, blocks: list[Token]) -> Note:
    """A note of a bold term: the inline rest of its paragraph, then the blocks after it."""
    if not found.rest:
        blocks = _unwrap_single_item(blocks)
    html = [markup.inline_html(found.rest), markup.html(blocks)]
    text = [markup.plain(found.rest), markup.block_plain(blocks)]
    short, expansion = split_term(found.term)
    return Note(
        found.term,
        short,
        expansion,
        ctx.category,
        "\n".join(p for p in text if p),
        "\n".join(p for p in html if p),
        ctx.path,
        ctx.line(opening),
    )


def _plain(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    """An item with no bold term: no note, and worth a word if it stands in a list of notes
    (a top-level item that holds no note either)."""
    if toks[i].level != 1 or _holds_note(toks, i):
        return None
    return Found(i, loose=[ctx.line(toks[i])])


def _holds_note(toks: Sequence[Token], i: int) -> bool:
    end = close(toks, i)
    return any(
        toks[j].type == "list_item_open" and item_lead(toks, j) is not None
        for j in range(i + 1, end)
    )


def _unwrap_single_item(blocks: list[Token]) -> list[Token]:
    """A definition written as one nested item is that item's content, not a one-line list."""
    if len(blocks) < 4 or not blocks[0].type.endswith("_list_open"):
        return blocks
    if close(blocks, 0) != len(blocks) - 1 or close(blocks, 1) != len(blocks) - 2:
        return blocks
    return blocks[2:-2]
