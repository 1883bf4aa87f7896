"""A multiple-choice question: the question, its choices lettered in order (`A) …`, `b. …`,
`(c) …`, `②`, `가.`), on the question's own lines, on a paragraph of their own or as list
items, then its answer marked as one (`**Answer: b**`, `*Answer: B*`, `정답: A. Hamel`). A
question note: the answer its back (an answer that only gives letters shows the choices it
names), then the choices, then an explanation labelled right after it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it.token import Token

from flashcards import markup
from flashcards.questions import QUESTION_MARKS
from flashcards.rules.found import LISTS, Context, Found, close
from flashcards.rules.marked_question import MARKED, explained, question_note, unlabelled

_MARKS = "A-Za-z1-9가나다라마바사아자"
"""The letters, figures and Korean letters that open choices (circled figures aside)."""

CHOICE = re.compile(
    rf"^(?:\((?P<enclosed>[{_MARKS}])\)|(?P<letter>[{_MARKS}])[.)]|(?P<circled>[①-⑨]))\s*(?=\S)"
)
"""A choice's letter, as it opens the choice's line."""

ANSWER = re.compile(
    r"^(?:correct\s+answer|correct\s+option|answer|ans|정답|답)"
    r"\s*[:\uff1a.)-]\s*(?P<given>\S.*)$",
    re.IGNORECASE,
)
"""An answer's mark (not `A:`, which a choice may open), and what it gives."""

_NAMED = f"[{_MARKS}①-⑨]"
_LETTERS = re.compile(rf"[\s(]*{_NAMED}[).]?(?:\s*(?:,|&|and|/)?\s*\(?{_NAMED}[).]?)*\s*")
"""An answer that only names choices by their letters: `b`, `abcde`, `(A), (C)`, `1, 3`."""

MIN_CHOICES = 2
"""Choices of a question: one alone is a point of the text."""


@dataclass(frozen=True)
class _Line:
    """A line of the question or of a block after it: its inline tokens, and its block."""

    children: list[Token]
    block: int
    """Where the block that holds the line opens (for a list, the list)."""


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "paragraph_open" or ctx.inside(i) not in ("", "blockquote"):
        return None
    lines = _lines(toks, i)
    first = _first_choice(lines)
    if first is None:
        return None
    choices = _choices(lines, first)
    if len(choices) < MIN_CHOICES or first + len(choices) >= len(lines):
        return None
    answer = lines[first + len(choices)]
    given = ANSWER.match(markup.plain(answer.children).strip())
    if given is None:
        return None
    question = " ".join(markup.plain(line.children) for line in lines[:first]).strip()
    marked = MARKED.match(question)
    question = marked["asks"] if marked else question
    said = [line for line in lines[first + len(choices) + 1 :] if line.block == answer.block]
    return _note(ctx, toks, i, question, choices, [answer, *said], given["given"])


def _note(
    ctx: Context,
    toks: Sequence[Token],
    i: int,
    question: str,
    choices: list[_Line],
    answer: list[_Line],
    given: str,
) -> Found:
    """The note of a question over its `choices` and its `answer` (its marked line, then the
    lines of its paragraph after it)."""
    named = _named(given, choices)
    said = [unlabelled(answer[0].children), *(line.children for line in answer[1:])]
    told = _under([c.children for c in named]) if named else markup.joined(said)
    block = answer[0].block
    end = explained(toks, close(toks, block))
    shown = _shown(toks, choices)
    rest = list(toks[close(toks, block) + 1 : end + 1])
    return Found(end, notes=[question_note(ctx, toks[i], question, told, [*shown, *rest])])


def _lines(toks: Sequence[Token], i: int) -> list[_Line]:
    """The lines of the paragraph at `i`, then those of the blocks right after it (a
    paragraph, or a list each of whose items is one paragraph), up to the one that may
    answer: a paragraph."""
    found = [_Line(line, i) for line in markup.lines(toks[i + 1].children or [])]
    at = close(toks, i) + 1
    for _ in range(MAX_BLOCKS):
        if at >= len(toks) or toks[at].level != toks[i].level:
            break
        if toks[at].type == "paragraph_open":
            found += [_Line(line, at) for line in markup.lines(toks[at + 1].children or [])]
        elif toks[at].type in LISTS:
            found += [_Line(line, at) for line in _item_lines(toks, at)]
        else:
            break
        at = close(toks, at) + 1
    return found


MAX_BLOCKS = 5
"""The blocks after a question that may hold what it gives, its choices and its answer."""


def _item_lines(toks: Sequence[Token], at: int) -> list[list[Token]]:
    """The line of each item of the list at `at` that holds one line only; none when one
    holds more."""
    found: list[list[Token]] = []
    j = at + 1
    while toks[j].type == "list_item_open":
        end = close(toks, j)
        lines = (
            markup.lines(toks[j + 2].children or []) if toks[j + 1].type == "paragraph_open" else []
        )
        if end != j + 4 or len(lines) != 1:
            return []
        found.append(lines[0])
        j = end + 1
    return found


def _first_choice(lines: Sequence[_Line]) -> int | None:
    """Where the choices start: at the first line lettered as a first choice, after the
    question's lines in paragraphs (what it asks, then what it gives: `Plasma PAH conc. …`);
    None when the first line is a choice, or none follows in them."""
    blocks: set[int] = set()
    for k, line in enumerate(lines):
        letter = _letter(line.children)
        if letter is not None:
            return k if k > 0 and letter in _FIRSTS else None
        blocks.add(line.block)
        if len(blocks) > 1 + MAX_GIVEN:
            return None
    return None


MAX_GIVEN = 2
"""Blocks after the question's paragraph that may give what it asks about, before its choices."""


def _choices(lines: Sequence[_Line], first: int) -> list[_Line]:
    """The choices from `first` on: lines lettered one after another from a first letter."""
    opening = _letter(lines[first].children) if first < len(lines) else None
    order = next((o for o in _ORDERS if o[0] == opening), "")
    found: list[_Line] = []
    for line in lines[first:]:
        if not order or _letter(line.children) != order[len(found) : len(found) + 1]:
            break
        found.append(line)
    return found


_ORDERS = ("abcdefghi", "123456789", "①②③④⑤⑥⑦⑧⑨", "가나다라마바사아자")
"""The letters that open choices, in order."""

_FIRSTS = frozenset(order[0] for order in _ORDERS)
"""The letters a first choice opens with."""


def _letter(children: Sequence[Token]) -> str | None:
    """The letter that opens a choice's line, as a small letter; None for any other line."""
    opened = CHOICE.match(markup.plain(children).strip())
    if opened is None:
        return None
    letter = opened["enclosed"] or opened["letter"] or opened["circled"]
    return letter.lower()


def _named(given: str, choices: Sequence[_Line]) -> list[_Line]:
    """The choices an answer names by their letters only; none when it says more."""
    given = given.strip().rstrip(".")
    if given.endswith(QUESTION_MARKS) or not _LETTERS.fullmatch(given):
        return []
    letters = {_letter(c.children): c for c in choices}
    wanted = re.findall(_NAMED, re.sub(r"\band\b", " ", given))
    if not wanted or any(w.lower() not in letters for w in wanted):
        return []
    return [letters[w.lower()] for w in dict.fromkeys(w.lower() for w in wanted)]


def _shown(toks: Sequence[Token], choices: list[_Line]) -> list[Token]:
    """The choices as blocks of the back: their list as written, or their lines one under
    the other."""
    if toks[choices[0].block].type in LISTS:
        return list(toks[choices[0].block : close(toks, choices[0].block) + 1])
    inline = Token("inline", "", 0, children=_under([line.children for line in choices]))
    return [Token("paragraph_open", "p", 1), inline, Token("paragraph_close", "p", -1)]


def _under(lines: Sequence[Sequence[Token]]) -> list[Token]:
    """Lines of inline tokens in one run, each on a line of its own as a reader sees it."""
    run: list[Token] = []
    for line in lines:
        run += [*([Token("hardbreak", "br", 0)] if run else []), *line]
    return run
