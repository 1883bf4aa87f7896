"""A quiz question: the question (a paragraph that asks, `Which … ?`, or sets the task,
`Match each …`, `고르시오`), its choices in a list right under it, and the answer in a quote
right after them (`> Projection`). A question note, the choices and the answer its back."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.note import QUESTION
from flashcards.questions import QUESTION_MARKS
from flashcards.rules.found import LISTS, Context, Found, close
from flashcards.rules.notes import blocks_note
from flashcards.rules.points import items, lone_text


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "paragraph_open" or ctx.inside(i) != "":
        return None
    choices = i + 3  # after the paragraph's close
    if not _next(toks, choices, i, LISTS):
        return None
    answer = close(toks, choices) + 1
    if not _next(toks, answer, i, ("blockquote_open",)):
        return None
    question = " ".join(markup.plain(toks[i + 1].children or []).split())
    listed = items(toks, choices)
    if not sets_a_task(question) or len(listed) < MIN_CHOICES:
        return None
    if not all(_choice(toks, j) for j in listed):
        return None
    end = close(toks, answer)
    made = blocks_note(ctx, ctx.line(toks[i]), question, toks[choices : end + 1], QUESTION)
    return Found(end, notes=[made])


MIN_CHOICES = 2
MAX_CHOICE_WORDS = 8
"""A choice is a few words on a line: a longer item is a point of the text."""

_TASK = re.compile(
    r"^(?:match|choose|select|pick|identify|which|what|who|when|where|why|how)\b"
    r"|(?:고르시오|고르세요|고른\s*것은|옳은\s*것은|아닌\s*것은|맞는\s*것은)",
    re.IGNORECASE,
)


def sets_a_task(question: str) -> bool:
    """Whether a paragraph asks a question or sets a quiz's task."""
    return question.endswith(QUESTION_MARKS) or _TASK.search(question) is not None


def _next(toks: Sequence[Token], k: int, i: int, kinds: Sequence[str]) -> bool:
    """Whether the block at `k` is of one of `kinds`, beside the paragraph at `i`."""
    return k < len(toks) and toks[k].type in kinds and toks[k].level == toks[i].level


def _choice(toks: Sequence[Token], j: int) -> bool:
    """Whether an item is a choice: one line of a few words, nothing nested in it."""
    text = lone_text(toks, j)
    return (
        text is not None and "\n" not in text.strip() and 0 < len(text.split()) <= MAX_CHOICE_WORDS
    )
