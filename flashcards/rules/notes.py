"""How a rule makes a note: the one place a `Note` is made from what a shape gives."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.note import TERM, Note
from flashcards.rules.found import Context, close
from flashcards.rules.lead import Lead
from flashcards.terms import is_callout, split_term


def note(ctx: Context, line: int, term: str, html: str, text: str, kind: str = TERM) -> Note:
    """A note of `term` written at `line`, its definition as card HTML and as plain text; a
    term has its short form and expansion, a question is asked as written."""
    short, expansion = split_term(term) if kind == TERM else (term, "")
    return Note(term, short, expansion, ctx.category, text, html, ctx.path, line, kind)


def blocks_note(
    ctx: Context, line: int, term: str, blocks: Sequence[Token], kind: str = TERM
) -> Note:
    """A note whose definition is a run of block tokens."""
    return note(ctx, line, term, markup.html(blocks), markup.block_plain(blocks), kind)


def lead_note(
    ctx: Context, line: int, found: Lead, blocks: Sequence[Token] = (), kind: str = TERM
) -> Note:
    """A note of a bold term (or a question): the inline rest of its paragraph, then the
    blocks after it."""
    if not found.rest:
        blocks = unwrap_single_item(blocks)
    html = [markup.inline_html(found.rest), markup.html(blocks)]
    text = [markup.plain(found.rest), markup.block_plain(blocks)]
    return note(
        ctx,
        line,
        found.term,
        "\n".join(p for p in html if p),
        "\n".join(p for p in text if p),
        kind,
    )


def line_notes(
    ctx: Context, numbers: Sequence[int], lines: list[list[Token]], leads: list[Lead | None]
) -> list[Note]:
    """A note for each line of a paragraph (at the line `numbers` gives for it) that starts
    with a term, `leads[0]` among them; a line that does not goes on with the definition above
    it. A remark (`**Tip:** …`) is no note."""
    notes: list[Note] = []
    start = 0
    for number in range(1, len(lines) + 1):
        if number < len(lines) and leads[number] is None:
            continue  # this line belongs to the note that starts at `start`
        found = leads[start]
        assert found is not None
        rest = markup.joined([found.rest, *lines[start + 1 : number]])
        if not is_callout(found.term):
            notes.append(lead_note(ctx, numbers[start], Lead(found.term, found.join, rest)))
        start = number
    return notes


def unwrap_single_item(blocks: Sequence[Token]) -> Sequence[Token]:
    """A definition written as one nested item is that item's content, not a one-line list."""
    if len(blocks) < 4 or not blocks[0].type.endswith("_list_open"):
        return blocks
    if close(blocks, 0) != len(blocks) - 1 or close(blocks, 1) != len(blocks) - 2:
        return blocks
    return blocks[2:-2]


_TAKEN = ("list_item_open", "paragraph_open")
"""What may be a note of its own inside an item: an item, or a paragraph of the item's."""


def nested_notes(
    toks: Sequence[Token], start: int, end: int, take: Callable[[int], list[Note] | None]
) -> tuple[list[Token], list[Note]]:
    """What an item holds from `start` to `end`, split: the notes of the items in it that
    `take` makes notes of (each item whole), and the rest, its definition. An item's
    definition that was only such items leaves no empty list behind."""
    kept: list[Token] = []
    inner: list[Note] = []
    at = start
    while at < end:
        found = take(at) if toks[at].type in _TAKEN else None
        if found is None:
            kept.append(toks[at])
            at += 1
            continue
        inner += found
        at = close(toks, at) + 1
    if inner and all(t.type.endswith(("_list_open", "_list_close")) for t in kept):
        kept = []
    return kept, inner
