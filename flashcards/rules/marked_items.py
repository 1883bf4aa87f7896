"""A list whose items are questions marked as such (`1. Q: What is chronology?`, `- Q: …`),
each over its answer in the same item, marked (`A: The order of events.` on the next line,
or `A:` alone over the points nested under it) or not (the points under a question that
asks): a question note an item, as a marked question in a paragraph is (see
`marked_question`). An item whose question has no answer yet gives no note."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.note import Note
from flashcards.questions import QUESTION_MARKS
from flashcards.rules.found import LISTS, Context, Found, close
from flashcards.rules.marked_question import MARKED, answer_note, answered_at
from flashcards.rules.points import items


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type not in LISTS or ctx.inside(i) not in ("", "blockquote"):
        return None
    listed = items(toks, i)
    if not listed or not all(_asks(toks, j) for j in listed):
        return None
    notes = [note for j in listed if (note := _note(ctx, toks, j)) is not None]
    return Found(close(toks, i), notes=notes)


def _asks(toks: Sequence[Token], j: int) -> bool:
    """Whether the item at `j` opens with a marked question."""
    if toks[j + 1].type != "paragraph_open":
        return False
    lines = markup.lines(toks[j + 2].children or [])
    return bool(lines) and MARKED.match(markup.plain(lines[0]).strip()) is not None


def _note(ctx: Context, toks: Sequence[Token], j: int) -> Note | None:
    """The note of the marked question that opens the item at `j`: the rest of its line's
    paragraph from the answer's mark on, then the blocks nested under it; None when nothing
    answers it."""
    lines = markup.lines(toks[j + 2].children or [])
    marked = MARKED.match(markup.plain(lines[0]).strip())
    assert marked is not None  # `_asks` said so
    nested = list(toks[j + 4 : close(toks, j)])
    at = answered_at(lines)
    if at is None and not (nested and marked["asks"].endswith(QUESTION_MARKS)):
        return None
    asked = lines[1:at] if at is not None else lines[1:]
    question = " ".join([marked["asks"], *(markup.plain(line) for line in asked)])
    return answer_note(ctx, toks[j], question, lines[at:] if at is not None else [], nested)
