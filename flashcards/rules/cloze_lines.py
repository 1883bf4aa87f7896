"""A line written with Anki's cloze deletions (`Merton's norms of science include
{{c1::communism}} and {{c2::universalism}}`, `… held a {{c1::university degree::type of
degree}}`) is a card its writer made already: a question note, the line with each deletion
blanked (`[…]`, or its hint, `[type of degree]`) on the front, the whole line on the back. A
heading so written with no text under it is one too, in the category of the heading above
it; so is each such line of a paragraph (or of a list item's first paragraph). A heading
over text is a category, and a bold term's line is that term's: there, as in code, the
syntax is shown as written."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from markdown_it.token import Token

from flashcards import markup
from flashcards.note import QUESTION, Note
from flashcards.rules.found import Context, Found, close
from flashcards.rules.notes import note

_CLOZE = re.compile(r"\{\{c\d{1,2}::(?P<answer>.+?)(?:::(?P<hint>[^{}]*?))?\}\}")
"""`{{c1::answer}}`, `{{c2::answer::hint}}`: Anki's own cloze deletion."""

_PLACES = ("", "blockquote")


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type == "list_item_open" and toks[i + 1].type == "paragraph_open":
        found = _paragraph(ctx, toks, i + 1)
        return Found(close(toks, i), aside=found.aside) if found is not None else None
    if toks[i].type != "paragraph_open" or ctx.inside(i) not in _PLACES:
        return None
    return _paragraph(ctx, toks, i)


def _paragraph(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if "{{c" not in toks[i + 1].content:
        return None  # most paragraphs hold no deletion: no need to read their lines
    lines = markup.lines(toks[i + 1].children or [])
    notes = [
        card(ctx, number, markup.plain(line).strip())
        for number, line in zip(ctx.rows(toks, i), lines, strict=True)
        if _written_as_card(line)
    ]
    # Cards of their own, beside whatever the heading over them is (see `Found.aside`).
    return Found(i + 2, aside=notes) if notes else None


def _written_as_card(line: Sequence[Token]) -> bool:
    """Whether a line is a card with deletions of its own: not a bold term's (`**Term**: …
    {{c1::x}}` is that term's definition, shown as written), and a deletion outside code
    (`` `{{c1::x}}` `` shows the syntax)."""
    opening = next((t for t in line if t.type != "text" or t.content.strip()), None)
    if opening is None or opening.type == "strong_open":
        return False
    return is_cloze(markup.plain([t for t in line if t.type != "code_inline"]))


def is_cloze(text: str) -> bool:
    """Whether a line holds a cloze deletion."""
    return _CLOZE.search(text) is not None


def card(ctx: Context, line: int, text: str) -> Note:
    """The question note of a line with cloze deletions: blanked on the front, whole on the
    back, each answer in bold."""
    front = _CLOZE.sub(lambda m: f"[{(m['hint'] or '').strip() or '…'}]", text)
    parts = _CLOZE.split(text)  # text, answer, hint, text, … : every third piece an answer
    html = "".join(
        escape(piece, quote=False) if k % 3 == 0 else f"<b>{escape(piece, quote=False)}</b>"
        for k, piece in enumerate(parts)
        if k % 3 != 2 and piece
    )
    back = _CLOZE.sub(lambda m: m["answer"], text)
    return note(ctx, line, front, html, back, QUESTION)
