"""A question written as a list item, with its answer in the paragraphs after the list: an
interview checklist (`- [x] What is a closure?` then the answer) is a question note each. A
question with no answer after it stays a question on the list, no note; so does one followed
by a line that leads into something else (`Router Boot Order:`), where the answer stops too."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.note import QUESTION
from flashcards.questions import QUESTION_MARKS
from flashcards.rules.found import LISTS, Context, Found, block_end, close
from flashcards.rules.notes import blocks_note
from flashcards.rules.points import TASK, item_lead, items

_ANSWERS = {"paragraph_open", "fence", "code_block", "blockquote_open", "math_block", "table_open"}


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type not in LISTS or ctx.inside(i):
        return None
    end = close(toks, i)
    listed = items(toks, i)
    if any(item_lead(toks, j) is not None for j in listed):
        return None  # a list of bold terms: the list item rule reads each
    last = listed[-1] if listed else None
    if last is None or close(toks, last) != last + 4:  # one paragraph, nothing nested
        return None
    question = TASK.sub("", markup.plain(toks[last + 2].children or []))
    if not question.endswith(QUESTION_MARKS):
        return None
    answer_end = end
    while answer_end + 1 < len(toks) and _answers(toks, answer_end + 1, toks[i].type):
        answer_end = block_end(toks, answer_end + 1)
    if answer_end == end:
        return None  # no answer after it: a list of questions to study, not notes
    blocks = toks[end + 1 : answer_end + 1]
    note = blocks_note(ctx, ctx.line(toks[last]), question, blocks, QUESTION)
    return Found(answer_end, notes=[note])


def _answers(toks: Sequence[Token], j: int, kind: str) -> bool:
    """Whether the block at `j` goes on with the answer to a question on a list of `kind`:
    a paragraph (not one that leads into something else), code, a quote, a formula, a table,
    or a list of the other kind (`1. 인덱스란?` over `- 데이터를 빠르게 찾는 도구`)."""
    if toks[j].type in LISTS:
        return toks[j].type != kind
    return toks[j].type in _ANSWERS and not _leads_in(toks, j)


def _leads_in(toks: Sequence[Token], j: int) -> bool:
    """Whether the block at `j` is a paragraph that ends in a colon (`Router Boot Order:`):
    it leads into what follows it, something other than the answer."""
    if toks[j].type != "paragraph_open":
        return False
    return markup.plain(toks[j + 1].children or []).rstrip().endswith((":", "\uff1a"))
