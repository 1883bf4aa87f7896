"""A heading inside an answer over what it names (`### 제 1 정규형` over `테이블의 컬럼이 원자
값을 갖도록 분해`, under `정규화에 대해 설명해주세요`): a term the answer defines, a note beside
its question. Its text runs to the next heading of its level or above; a heading that asks
what a term is (`### R 트리란?`) names that term."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.names import is_term_like, names_a_set
from flashcards.note import Note
from flashcards.questions import asked
from flashcards.rules.entries import says
from flashcards.rules.found import Context
from flashcards.rules.notes import blocks_note
from flashcards.terms import heading_name


def rule(ctx: Context, toks: Sequence[Token], i: int) -> tuple[list[Note], int] | None:
    """The note of the heading at `i` in an answer, and the index its text ends before."""
    if toks[i].type != "heading_open":
        return None
    end = _end(toks, i)
    name = heading_name(markup.plain(toks[i + 1].children or []))
    question = asked(name)
    if question is not None:
        if not question[1]:
            return None  # a question of another kind is the answer's own follow-up
        name = question[0]
    blocks = toks[i + 3 : end]
    if not blocks or not is_term_like(name) or names_a_set(name):
        return None  # `## Four conditions`: what the answer lists, no term
    made = blocks_note(ctx, ctx.line(toks[i]), name, blocks)
    return ([made], end) if says(made.definition) else None


def _end(toks: Sequence[Token], i: int) -> int:
    """The index of the next heading of the level of the one at `i` or above, or the end."""
    level = toks[i].tag
    return next(
        (
            k
            for k in range(i + 3, len(toks))
            if toks[k].type == "heading_open" and toks[k].tag <= level
        ),
        len(toks),
    )
