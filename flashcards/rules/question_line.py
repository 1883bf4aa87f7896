"""A line alone that asks what a term is (`목표란?`, `What is a ledger?`), over the block that
answers it (a quote, a list, a paragraph), is a note of that term, the block its definition:
a heading's question written as a line of text. A question of any other kind (`얼마나
설명력이 있을까요?`) asks the reader along, and stays text."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.questions import asked_line, may_ask
from flashcards.rules.found import Context, Found, close
from flashcards.rules.notes import blocks_note

_ANSWERS = ("blockquote_open", "bullet_list_open", "ordered_list_open", "paragraph_open")


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "paragraph_open" or ctx.inside(i) != "":
        return None
    if not may_ask(toks[i + 1].content):
        return None  # most paragraphs ask nothing
    question = asked_line(markup.plain(toks[i + 1].children or []))
    answer = i + 3  # after the paragraph's close
    if question is None or not question[1] or answer >= len(toks):
        return None
    if toks[answer].type not in _ANSWERS or toks[answer].level != toks[i].level:
        return None
    end = close(toks, answer)
    made = blocks_note(ctx, ctx.line(toks[i]), question[0], toks[answer : end + 1])
    return Found(end, notes=[made], weak=True)
