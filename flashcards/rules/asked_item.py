"""A list item that asks a question over the points that answer it (`- Why was Britain the
first to industrialise?` over `- new inventions, a good labour supply …`) is a question
note, the points its answer; one that asks what a term is (`- What is a ledger?`, `- 목표란?`)
is a note of that term. So is one whose answer goes on from its first line, in the same
paragraph of the item. A question with nothing under it stays a point."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.note import QUESTION, TERM
from flashcards.questions import QUESTION_MARKS, asked_line, judges, may_ask
from flashcards.rules.found import LISTS, Context, Found, close
from flashcards.rules.lead import SPACED, Lead
from flashcards.rules.notes import blocks_note, lead_note
from flashcards.rules.points import enclosing, glossary_items, item_lead, items

_ANSWERS = ("bullet_list_open", "ordered_list_open", "paragraph_open", "blockquote_open")


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "list_item_open" or toks[i + 1].type != "paragraph_open":
        return None
    lines = markup.lines(toks[i + 2].children or [])
    stem = _stem(toks, i, markup.plain(lines[0]))
    if not (stem or may_ask(toks[i + 2].content) or _judged(lines)):
        return None  # most items ask nothing: no need to read further
    end = close(toks, i)
    if len(lines) > 1:
        return _answered_below(ctx, toks, i, lines, stem)
    if i + 4 >= end or toks[i + 4].type not in _ANSWERS or item_lead(toks, i) is not None:
        return None
    text = markup.plain(toks[i + 2].children or [])
    question = (text.strip(), False) if stem else asked_line(text)
    if question is None or (not question[1] and len(text.split()) < MIN_WORDS):
        return None  # `- 왜?`, `- 예를 들면?`: the text asks itself along
    if any(glossary_items(toks, k) for k in _lists(toks, i + 4, end)) or _terms(toks, i, end):
        return None  # a question over terms of its own (a glossary, `- **Reliance** ⟹ …`)
    if _only_questions(toks, i + 4, end):
        return None  # `- … 그 이유는?` over `- ReLU의 문제점은?`: questions still to answer
    term, kind = question[0], TERM if question[1] else QUESTION
    return Found(end, notes=[blocks_note(ctx, ctx.line(toks[i]), term, toks[i + 4 : end], kind)])


def _answered_below(
    ctx: Context, toks: Sequence[Token], i: int, lines: list[list[Token]], stem: bool
) -> Found | None:
    """An item whose first line asks and whose next lines answer (`1. 부정사는 무엇인가?` over
    its answer, indented under it in the same paragraph): a note, its answer those lines and
    whatever else the item holds. A stem to complete and a statement judged on the next
    line (`False. (Primary keys are never null)`) ask too."""
    first = markup.plain(lines[0]).strip()
    question = (first, False) if stem or _judged(lines) else asked_line(first)
    if question is None or (not question[1] and len(markup.plain(lines[0]).split()) < MIN_WORDS):
        return None
    rest = markup.joined(lines[1:])
    end = close(toks, i)
    kind = TERM if question[1] else QUESTION
    made = lead_note(ctx, ctx.line(toks[i]), Lead(question[0], "", rest), toks[i + 4 : end], kind)
    return Found(end, notes=[made])


MIN_WORDS = 3
"""Words in a question of its own: a shorter one (`왜?`) follows on from the point above."""


def _stem(toks: Sequence[Token], i: int, first: str) -> bool:
    """Whether the item at `i`, its `first` line, is the stem of a question to complete (`2.
    The patient's record, … and subjective data combine to form the:` over `* Database. …`):
    a line of words that ends in a colon, in a list of questions, an item beside it asking
    over its answer."""
    text = first.strip()
    if not text.endswith((":", "\uff1a")) or len(text.split()) < MIN_STEM:
        return False
    return any(_asks_over_answer(toks, k) for k in _beside(toks, i))


MIN_STEM = 6
"""Words of a stem to complete: a shorter line over points labels them (`Causes:`)."""


def _beside(toks: Sequence[Token], i: int) -> list[int]:
    """The items of the list that holds the item at `i`, up to two on each side of it."""
    listed = items(toks, enclosing(toks, i))
    at = listed.index(i)
    return [*listed[max(at - NEAR, 0) : at], *listed[at + 1 : at + 1 + NEAR]]


NEAR = 2


def _asks_over_answer(toks: Sequence[Token], k: int) -> bool:
    """Whether the item at `k` asks a question over what it nests or the next lines of its
    paragraph (its answer)."""
    if toks[k + 1].type != "paragraph_open":
        return False
    lines = markup.lines(toks[k + 2].children or [])
    if close(toks, k) == k + 4 and len(lines) < 2:
        return False
    return asked_line(markup.plain(lines[0])) is not None


def _judged(lines: Sequence[Sequence[Token]]) -> bool:
    """Whether an item's first line is a statement its next line judges true or false (`A
    primary key allows one NULL value.` over `False. (…)`): a true-or-false question."""
    if len(lines) < 2 or len(markup.plain(lines[0]).split()) < MIN_WORDS:
        return False
    return judges(markup.plain(lines[1]))


def _lists(toks: Sequence[Token], start: int, end: int) -> list[int]:
    """The lists inside the item whose blocks run from `start` to `end`, at any depth."""
    return [k for k in range(start, end) if toks[k].type in LISTS]


def _terms(toks: Sequence[Token], i: int, end: int) -> bool:
    """Whether an item inside the one at `i` leads with a bold term set apart (`**X**: …`)."""
    return any(
        toks[k].type == "list_item_open" and (found := item_lead(toks, k)) and found.join != SPACED
        for k in range(i + 4, end)
    )


def _only_questions(toks: Sequence[Token], start: int, end: int) -> bool:
    """Whether every point under a question asks one too (follow-up questions, a list still
    to answer): no answer."""
    texts = [
        markup.plain(toks[k + 2].children or []).strip()
        for k in range(start, end)
        if toks[k].type == "list_item_open" and toks[k + 1].type == "paragraph_open"
    ]
    blocks = {toks[k].type for k in range(start, end) if toks[k].level == toks[start].level}
    return (
        bool(texts)
        and blocks <= {*LISTS, *(t.replace("_open", "_close") for t in LISTS)}
        and all(text.endswith(QUESTION_MARKS) for text in texts)
    )
