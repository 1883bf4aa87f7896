"""A question marked as one (`Q: …`, `Q1. …`, `**3. Q: …?**`, `질문: …`) over its answer
marked as one (`A: …`, `Answer: …`, `Brief Answer: …`, `답: …`, `정답: …`), on the next line of
its paragraph or opening the block right after it (a list item, a quote, a paragraph): a
question note, the answer its back. One that asks what a term is (`Q: What is a page
fault?`) is that term's note. A marked question is answered by the block right after it,
marked or not, and by the next line of its paragraph when it ends in a question mark; one
with no answer gives no note (and no term `Q`). A question over its choices (`- A) Hamel`,
`- B) Porter`) is the `choices` rule's."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.note import QUESTION, TERM, Note
from flashcards.questions import QUESTION_MARKS, asked
from flashcards.rules.found import LISTS, Context, Found, close
from flashcards.rules.lead import Lead
from flashcards.rules.notes import lead_note
from flashcards.terms import key

MARKED = re.compile(
    r"^(?:\d{1,3}[.)]\s*)?(?:Q|Question|질문|문제)\s*\d{0,3}\s*[.:\uff1a)]\s*(?P<asks>\S.*)$", re.I
)
_ANSWERS = r"^(?:A|Ans|(?:[^\W\d_]+\s)?Answer|답|답변|정답|(?:모범|예시)\s?(?:답안|답변))\s*"
"""An answer's mark; a word may say what kind of answer it is (`Brief Answer:`, `Model
Answer:`, `모범 답안:`)."""
_ANSWER = re.compile(_ANSWERS + r"[.:\uff1a)]\s*(?=\S)", re.I)
_MARK = re.compile(_ANSWERS + r"[.:\uff1a)]\s*", re.I)
_BARE = re.compile(_ANSWERS + r"[:\uff1a]$", re.I)
"""An answer's mark alone on its line (`A:`), over the block that holds the answer."""

_AFTER = ("blockquote_open", "paragraph_open", *LISTS)
"""Blocks an answer may open, right after its question."""


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "paragraph_open" or ctx.inside(i) not in ("", "blockquote"):
        return None
    lines = markup.lines(toks[i + 1].children or [])
    marked = MARKED.match(markup.plain(lines[0]).strip())
    if marked is None:
        return None
    answered = answered_at(lines)
    if answered is None and len(lines) > 1 and marked["asks"].endswith(QUESTION_MARKS):
        answered = 1  # `Q: …?` over its answer, unmarked, on the next line
    after = i + 3
    if answered is not None:
        question = " ".join([marked["asks"], *(markup.plain(x) for x in lines[1:answered])])
        bare = answered == len(lines) - 1 and _BARE.match(markup.plain(lines[-1]).strip())
        if not (bare and after < len(toks) and toks[after].type in _AFTER):
            return Found(i + 2, notes=[answer_note(ctx, toks[i], question, lines[answered:], [])])
        end = close(toks, after)  # `A:` alone, over the block that answers
        return Found(end, notes=[answer_note(ctx, toks[i], question, [], toks[after : end + 1])])
    if len(lines) == 1 and after < len(toks) and toks[after].type in _AFTER:
        return _block(ctx, toks, i, marked["asks"])
    return Found(i + 2)  # a question still to answer: nothing to learn, and no term `Q`


def _block(ctx: Context, toks: Sequence[Token], i: int, question: str) -> Found | None:
    """The note of a question over the block that answers it, marked (`- **A:** …`) or not;
    a list of several items whose first is marked holds choices (`A. …`, `B. …`), no answer."""
    after = i + 3
    kind = toks[after].type
    end = close(toks, after)
    opening = {"paragraph_open": after, "blockquote_open": after + 1}.get(kind, after + 2)
    first = toks[opening + 1].children if toks[opening].type == "paragraph_open" else None
    marked = bool(first) and _answer(markup.lines(first or [])[0])
    if not marked:
        return Found(
            end, notes=[question_note(ctx, toks[i], question, [], list(toks[after : end + 1]))]
        )
    if kind in LISTS and close(toks, after + 1) != end - 1:
        return None  # choices (`- A) Hamel`, `- B) Porter`): see `choices`
    inner = end if kind == "paragraph_open" else end - (1 if kind == "blockquote_open" else 2)
    blocks = toks[close(toks, opening) + 1 : inner]
    answer = unlabelled(list(first or []))
    return Found(end, notes=[question_note(ctx, toks[i], question, answer, list(blocks))])


def explained(toks: Sequence[Token], end: int) -> int:
    """Where an answer ends that closes at `end`: past the explanation labelled right after
    it (`**상세 해설**:` over its points, `Explanation:`), which goes on with the answer."""
    at = end + 1
    if at + 1 >= len(toks) or toks[at].type != "paragraph_open":
        return end
    label = key(markup.plain(toks[at + 1].children or [])).rstrip(" :\uff1a")
    if not label or label.split()[-1] not in _EXPLAINING:
        return end
    after = at + 3
    if after < len(toks) and toks[after].type in (*LISTS, "paragraph_open"):
        return close(toks, after)
    return at + 2


_EXPLAINING = frozenset({"해설", "풀이", "explanation", "explanations", "solution", "rationale"})
"""The last word of a label over what explains an answer."""


def _answer(line: Sequence[Token]) -> bool:
    text = markup.plain(line).strip()
    return _ANSWER.match(text) is not None or _BARE.match(text) is not None


def answered_at(lines: Sequence[Sequence[Token]]) -> int | None:
    """The first line after a question's that its answer's mark opens (`A: …`, `A:`)."""
    return next((k for k in range(1, len(lines)) if _answer(lines[k])), None)


def answer_note(
    ctx: Context,
    at: Token,
    question: str,
    lines: Sequence[Sequence[Token]],
    blocks: Sequence[Token],
) -> Note:
    """The note of a question answered by `lines` (its answer's mark taken off), then by
    `blocks`."""
    answer = unlabelled(markup.joined(list(lines))) if lines else []
    return question_note(ctx, at, question, answer, list(blocks))


def question_note(
    ctx: Context, at: Token, question: str, answer: list[Token], blocks: list[Token]
) -> Note:
    asks = asked(question.strip())
    term, kind = (asks[0], TERM) if asks is not None and asks[1] else (question.strip(), QUESTION)
    return lead_note(ctx, ctx.line(at), Lead(term, "", answer), blocks, kind)


def unlabelled(children: Sequence[Token]) -> list[Token]:
    """An answer's inline tokens with its mark (`A:`, `**A:**`, `정답 :`), if any, taken off."""
    label = _MARK.match(markup.plain(children).lstrip())
    if label is None:
        return list(children)
    left = len(label.group(0).rstrip())
    kept: list[Token] = []
    dropped: list[str] = []  # markup opened inside the mark, whose close goes too
    for child in children:
        if left > 0 and child.type == "text":
            text = child.content.lstrip() if not kept else child.content
            taken = min(left, len(text))
            left -= taken
            if text[taken:]:
                piece = child.copy()
                piece.content = text[taken:].lstrip()
                kept.append(piece)
        elif left > 0 and child.nesting == 1:
            dropped.append(child.type.replace("_open", "_close"))
        elif dropped and child.type == dropped[-1]:
            dropped.pop()
        else:
            kept.append(child)
    return kept
