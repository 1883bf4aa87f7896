"""A list of questions each answered on its own line (`* What is a substrate? A substrate is
the compound …`, `- 프로세스란 무엇인가? 실행 중인 프로그램이다.`): the question mark ends the
question, and what follows it answers. Each such item is a question note, or the note of the
term it asks about (`What is X?`, `X란 무엇인가?`, as a heading or a line asks), the bold
questions among them too; a list where only some items read so (a question asked along among
points) gives none."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards.questions import QUESTION_MARKS
from flashcards.rules.found import LISTS, Context, Found, close
from flashcards.rules.lead import Lead, with_content
from flashcards.rules.marked_question import question_note
from flashcards.rules.points import item_lead, items

MIN_ANSWERED = 2
"""Items of a list that ask and answer, at the least: one alone may be a remark."""
ANSWERED_SHARE = 0.75
"""Of a list's items, the share that must ask and answer, bold questions counted."""
MAX_QUESTION_WORDS = 25
"""Words before the question mark, at most: a longer run is a sentence that asks along."""


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type not in LISTS or ctx.inside(i):
        return None
    listed = items(toks, i)
    asked = {j: found for j in listed if (found := _answered(toks, j)) is not None}
    if not asked:
        return None  # bold questions alone: the list item rule reads each
    # `* **What is a polar bond?** Two atoms share …` beside plain ones: asked alike
    asked |= {j: found for j in listed if (found := _bold_question(toks, j)) is not None}
    if len(asked) < MIN_ANSWERED or len(asked) < ANSWERED_SHARE * len(listed):
        return None
    asked = dict(sorted(asked.items()))
    # `What is a substrate?` is the term's note, as such a heading is (see `question_note`)
    notes = [question_note(ctx, toks[j], found.term, found.rest, []) for j, found in asked.items()]
    return Found(close(toks, i), notes=notes)


def _bold_question(toks: Sequence[Token], j: int) -> Lead | None:
    """The bold question that opens an item and the answer after it on its line."""
    found = item_lead(toks, j)
    if found is None or not found.term.endswith(QUESTION_MARKS) or not found.rest:
        return None
    if close(toks, j) != j + 4:  # one paragraph, nothing nested
        return None
    return found


def _answered(toks: Sequence[Token], j: int) -> Lead | None:
    """The question and the answer of an item that is one line of text, a question then its
    answer after a space; None for any other item."""
    if close(toks, j) != j + 4 or toks[j + 1].type != "paragraph_open":
        return None  # one paragraph, nothing nested
    children = toks[j + 2].children or []
    if not children or children[0].type != "text" or len(toks[j + 2].content.splitlines()) > 1:
        return None
    text = children[0].content
    end = min((at for mark in QUESTION_MARKS if (at := text.find(mark + " ")) > 0), default=-1)
    if end < 0:
        return None
    question, answer = text[: end + 1].strip(), text[end + 2 :].lstrip()
    if len(question.split()) > MAX_QUESTION_WORDS or not (answer or children[1:]):
        return None
    rest = [with_content(children[0], answer), *children[1:]] if answer else list(children[1:])
    return Lead(question, "separated", rest)
