"""A line alone that asks what a term is (`목표란?`, `What is a ledger?`), over the block that
answers it (a quote, a list, a paragraph), is a note of that term, the block its definition:
a heading's question written as a line of text. A question of any other kind (`얼마나
설명력이 있을까요?`) asks the reader along, and stays text, unless its writer numbered it
(`7 How do you list the kernel modules?`, `Q3 Why …?`): one of a list of questions, a
question note whose answer is what follows it up to the next such line or heading (code
too)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.note import QUESTION, TERM
from flashcards.questions import asked_line, may_ask
from flashcards.rules.found import Context, Found, close
from flashcards.rules.notes import blocks_note

_ANSWERS = ("blockquote_open", "bullet_list_open", "ordered_list_open", "paragraph_open")
_CODE = ("fence", "code_block")
_NUMBER = re.compile(r"^(?:Q\s?)?\d{1,3}[.)]?\s+(?=\S)", re.IGNORECASE)
"""The number a writer gives a question of a list of them, `7 How …?`, `Q3 Why …?` (`7.`
at the start of a line opens a numbered list item instead)."""


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "paragraph_open" or ctx.inside(i) != "":
        return None
    if not may_ask(toks[i + 1].content):
        return None  # most paragraphs ask nothing
    text = markup.plain(toks[i + 1].children or [])
    numbered = _NUMBER.match(text)
    if numbered is not None:
        return _numbered(ctx, toks, i, text[numbered.end() :])
    question = asked_line(text)
    answer = i + 3  # after the paragraph's close
    if question is None or not question[1] or answer >= len(toks):
        return None
    if toks[answer].type not in _ANSWERS or toks[answer].level != toks[i].level:
        return None
    end = close(toks, answer)
    made = blocks_note(ctx, ctx.line(toks[i]), question[0], toks[answer : end + 1])
    return Found(end, notes=[made], weak=True)


def _numbered(ctx: Context, toks: Sequence[Token], i: int, text: str) -> Found | None:
    """The note of a numbered question line at `i`, answered by the blocks after it."""
    question = asked_line(text)
    if question is None:
        return None
    end = _answer_end(toks, i + 3)
    if end < i + 3:
        return None
    term, kind = (question[0], TERM) if question[1] else (text.strip(), QUESTION)
    made = blocks_note(ctx, ctx.line(toks[i]), term, toks[i + 3 : end + 1], kind)
    return Found(i + 2, notes=[made], weak=question[1])


def _answer_end(toks: Sequence[Token], start: int) -> int:
    """The last token of the blocks at `start` that answer a numbered question: up to the
    next heading, rule, or numbered question line at their level."""
    level = toks[start - 1].level if start > 0 else 0
    j, end = start, start - 1
    while j < len(toks) and toks[j].level == level:
        opening = toks[j]
        if opening.type in _CODE:
            j, end = j + 1, j
            continue
        if opening.type not in _ANSWERS:
            break
        if opening.type == "paragraph_open" and _numbered_question(toks[j + 1]):
            break
        end = close(toks, j)
        j = end + 1
    return end


def _numbered_question(inline: Token) -> bool:
    """Whether a paragraph's text is a numbered question line (see `_NUMBER`)."""
    text = markup.plain(inline.children or [])
    numbered = _NUMBER.match(text)
    return numbered is not None and asked_line(text[numbered.end() :]) is not None
