"""A multiple-choice question whose answer is the choice set in bold: the question (a
paragraph that asks, sets a task, or breaks off where its answer goes: `The Institutes of the
Christian Religion was written by`), then a list of three to eight choices of a line each,
one bold from end to end and no other bold at all. A question note: the bold choice its
answer, the choices after it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.rules.found import LISTS, Context, Found, close
from flashcards.rules.marked_question import MARKED, question_note
from flashcards.rules.points import items, lone_text
from flashcards.rules.quiz import sets_a_task
from flashcards.terms import CONTINUATIONS, words


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "paragraph_open" or ctx.inside(i) not in ("", "blockquote"):
        return None
    at = close(toks, i) + 1
    if at >= len(toks) or toks[at].type not in LISTS or toks[at].level != toks[i].level:
        return None
    question = " ".join(markup.plain(toks[i + 1].children or []).split())
    listed = items(toks, at)
    answer = _bold_choice(toks, listed)
    if answer is None:
        return None
    choices = [(lone_text(toks, j) or "").strip() for j in listed]
    if not (sets_a_task(question) or _breaks_off(question, choices)):
        return None
    marked = MARKED.match(question)
    asks = marked["asks"] if marked else question
    end = close(toks, at)
    note = question_note(ctx, toks[i], asks, answer, list(toks[at : end + 1]))
    return Found(end, notes=[note])


MIN_CHOICES = 3
MAX_CHOICES = 8
"""A question offers a handful of choices: two are as likely a pair of points, and a long
list is the text's."""

MAX_CHOICE_WORDS = 30
"""A choice is a line, a sentence at most (`Babur's victory at Delhi and the British victory
at Plassey.`); a longer item is a point of the text."""

_BLANK = re.compile(r"_{3,}")
"""A blank to fill (`… constituted ____ percent of …`)."""

_OPEN_WORDS = CONTINUATIONS | frozenset(
    words("the a an is are was were be been being known called named except because")
)
"""Words a question breaks off on (`… was written by`, `… were known as`, `All of the
following … except`): its answer goes right after them."""


def _breaks_off(question: str, choices: Sequence[str]) -> bool:
    """Whether a question breaks off where its answer goes: on one of `_OPEN_WORDS` or a
    comma, at a blank, or on any word when every choice goes on with its sentence in lower
    case (`The Treaty of Nerchinsk` over `- settled the location of …`)."""
    if _BLANK.search(question) or question.endswith(","):
        return True
    last = question.split()[-1] if question.split() else ""
    if last.casefold() in _OPEN_WORDS:
        return True
    return last[-1:].isalpha() and last.isascii() and all(c[:1].islower() for c in choices)


def _bold_choice(toks: Sequence[Token], listed: Sequence[int]) -> list[Token] | None:
    """The inline tokens inside the one choice set in bold, when every item is a choice of
    one line and no other holds bold; None otherwise."""
    if not MIN_CHOICES <= len(listed) <= MAX_CHOICES:
        return None
    found: list[list[Token]] = []
    for j in listed:
        text = lone_text(toks, j)
        if text is None or "\n" in text.strip() or len(text.split()) > MAX_CHOICE_WORDS:
            return None
        children = toks[j + 2].children or []
        inside = markup.bold_whole(children)
        if inside is not None:
            found.append(list(inside))
        elif any(c.type == "strong_open" for c in children):
            return None
    return found[0] if len(found) == 1 else None
