"""A bold term at the start of a run of inline tokens, and how the text after it joins it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it.token import Token

from flashcards import markup
from flashcards.terms import (
    clean_term,
    continues_sentence,
    ends_with_colon,
    only_markers,
    separated,
)

SEPARATED = "separated"
"""`**EC2**: …`, `**EC2** — …`, `**EC2:** …`: a term and its definition."""
SPACED = "spaced"
"""`**EC2** virtual servers`: a term, its definition after a space."""
BROKEN = "broken"
"""`**EC2**` and a line break: the definition follows on the next line."""
ALONE = "alone"
"""`**EC2**` and nothing after it in its paragraph."""
EMPHASIS = "emphasis"
"""`**기획**과 …`, `**Concurrent mounting** by …`: bold inside a sentence, no term."""


@dataclass(frozen=True)
class Lead:
    """The bold term that starts a paragraph, and the inline tokens of its definition."""

    term: str
    join: str
    rest: list[Token]


def lead(children: Sequence[Token]) -> Lead | None:
    """The bold lead of a paragraph's inline tokens; None when it does not start with bold
    (markers such as "★" or "📌 " before the bold aside)."""
    kids = [c for c in children if c.type != "text" or c.content]
    start = 1 if kids and kids[0].type == "text" and only_markers(kids[0].content) else 0
    if start >= len(kids) or kids[start].type != "strong_open":
        return None
    end = _strong_close(kids, start)
    bold = markup.plain(kids[start + 1 : end])
    rest = kids[end + 1 :]
    join, rest = _joined(rest)
    if ends_with_colon(bold):  # `**SQS:** queues`, and `**SQS:**: queues` as well
        join = join if join in (BROKEN, ALONE) else SEPARATED
        rest = _definition(rest)
    return Lead(clean_term(bold), join, rest)


def _joined(rest: list[Token]) -> tuple[str, list[Token]]:
    if not rest:
        return ALONE, []
    first = rest[0]
    if first.type in ("softbreak", "hardbreak"):
        return BROKEN, _definition(rest)
    if first.type != "text":
        return EMPHASIS, rest
    after = separated(first.content)
    if after is not None:
        return SEPARATED, _definition([_with_content(first, after), *rest[1:]])
    if continues_sentence(first.content):
        return EMPHASIS, rest
    return SPACED, _definition(rest)


def _definition(rest: list[Token]) -> list[Token]:
    """Inline tokens after the term, without the breaks and spaces that lead to them."""
    rest = list(rest)
    while rest and (
        rest[0].type in ("softbreak", "hardbreak")
        or (rest[0].type == "text" and not rest[0].content.strip())
    ):
        rest.pop(0)
    if rest and rest[0].type == "text" and rest[0].content != rest[0].content.lstrip():
        rest[0] = _with_content(rest[0], rest[0].content.lstrip())
    return rest


def _with_content(tok: Token, content: str) -> Token:
    copy = tok.copy()
    copy.content = content
    return copy


def _strong_close(children: Sequence[Token], start: int) -> int:
    depth = 0
    for j in range(start, len(children)):
        depth += {"strong_open": 1, "strong_close": -1}.get(children[j].type, 0)
        if depth == 0:
            return j
    return len(children)
