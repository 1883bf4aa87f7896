"""A paragraph over a fold that names itself an answer (`**1. … 용어를 쓰시오.**`, then
`<details><summary>정답</summary>` over `> 애자일` and `</details>`): the paragraph is a
question, the fold's content its answer, as under a heading (see `details.folds`). HTML with
no words between them (a form to type an answer into, `<br/>`) is passed over, what it shows
to answer from (a passage, choices, a figure) opens the answer, and the question's number is
no part of it: a number counts places, and a note is named by what it asks."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.rules.details import folded_answer
from flashcards.rules.found import Context, Found, block_end
from flashcards.rules.marked_question import answer_note

_NUMBER = re.compile(r"^\d{1,3}[.)]\s+")
_TAG = re.compile(r"<[^>]*>")


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "paragraph_open" or ctx.inside(i):
        return None
    k, shown = i + 3, []
    for _ in range(MAX_BETWEEN + 1):
        if k >= len(toks) or toks[k].type in _ENDS:
            return None
        opened = _from_details(toks[k]) if toks[k].type == "html_block" else None
        if opened is not None:  # `</form>` then `<details>`: one block, the fold's
            break
        after = block_end(toks, k) + 1
        if toks[k].type != "html_block" or _worded(toks[k].content):
            shown += toks[k:after]
        k = after
    else:
        return None
    answer = folded_answer([*toks[:k], opened, *toks[k + 1 :]], k)
    if answer is None:
        return None
    end, blocks = answer
    question = _NUMBER.sub("", " ".join(markup.plain(toks[i + 1].children or []).split()))
    return Found(end, notes=[answer_note(ctx, toks[i], question, [], [*shown, *blocks])])


MAX_BETWEEN = 6
"""Blocks between a question and the fold of its answer: what it shows to answer from (a
passage, choices, a figure), and a form to type the answer into."""

_ENDS = frozenset({"heading_open", "hr"})
"""Blocks that end a question before any fold: the next part of the sheet."""


def _from_details(block: Token) -> Token | None:
    """The HTML block from its `<details>` on, when only tags stand before it."""
    at = block.content.lower().find("<details")
    if at < 0 or _TAG.sub("", block.content[:at]).strip():
        return None
    opened = block.copy()
    opened.content = block.content[at:]
    return opened


def _worded(html: str) -> bool:
    """Whether an HTML block holds words a reader sees, or opens a fold."""
    return "<details" in html.lower() or bool(_TAG.sub("", html).strip())
