"""`<details><summary>question</summary> answer </details>` is a note: the question is its
term, the answer (Markdown inside) its definition, and it gets its forward card only."""

from __future__ import annotations

import dataclasses
import textwrap
from collections.abc import Sequence
from html.parser import HTMLParser

from markdown_it.token import Token

from flashcards import markup
from flashcards.errors import INFO, WARNING, Problem
from flashcards.names import is_term_like, names_a_glossary
from flashcards.note import QUESTION, Note
from flashcards.questions import asked
from flashcards.rules.found import Context, Found
from flashcards.terms import clean_term, is_meta, key, words


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].level != 0 or not opens_details(toks[i]):
        return None
    if _folds_questions(toks, i):
        return Found(i)  # a part of the page folded away, its questions under headings
    found = _read(ctx, toks, i)
    if found is None or not found.notes:
        return found
    asides = _follow_ups(ctx, toks, i, found.end)
    questions = sum(asked(n.term) is not None for n in asides)
    if len(found.notes) == 1 and questions >= MIN_GROUPED and asked(found.notes[0].term) is None:
        # `<summary>📋 기본 면접 Q&A</summary>` over questions folded one by one: it names
        # their group, no question of its own
        return dataclasses.replace(found, notes=[], aside=[*found.aside, *asides])
    return dataclasses.replace(found, aside=[*found.aside, *asides]) if asides else found


MIN_GROUPED = 2
"""Questions folded inside a `<details>` whose summary asks nothing, that make it a group."""


def _folds_questions(toks: Sequence[Token], i: int) -> bool:
    """Whether the `<details>` opened at `i` folds away a part of the page whose headings
    ask questions (`<summary>컬렉션 프레임워크</summary>` over `### TreeSet의 구조?` and
    `### 레드 블랙 트리?`, each over its answer): read as if it stood open, each question a
    note of its own. One right under a heading is that heading's text (its answer folded
    away, with the headings of its parts)."""
    end = _end(toks, i)
    if end is None or (i > 0 and toks[i - 1].type == "heading_close"):
        return False
    headings = [k for k in range(i + 1, end) if toks[k].type == "heading_open"]
    asking = sum(asked(markup.plain(toks[k + 1].children or [])) is not None for k in headings)
    return asking >= MIN_GROUPED


def opens_details(tok: Token) -> bool:
    """Whether a block is the HTML that opens a `<details>`."""
    return tok.type == "html_block" and tok.content.lstrip()[:8].lower() == "<details"


def _follow_ups(ctx: Context, toks: Sequence[Token], i: int, end: int) -> list[Note]:
    """The questions asked inside an answer (a `<details>` in the `<details>`, `꼬리질문 :
    그렇다면 …있나요?`), and the terms folded away in it (`<summary>노드</summary>`): notes
    beside it. One whose summary labels (`번외`, `Example`) is the answer's."""
    notes: list[Note] = []
    k = i + 1
    while k < end:
        found = _read(ctx, toks, k) if opens_details(toks[k]) else None
        if found is None:
            k += 1
            continue
        notes += [n for n in found.notes if asked(n.term) is not None or is_term_like(n.term)]
        k = max(found.end, k + 1)
    return notes


def _read(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    """The notes of the `<details>` that the HTML block at `i` opens, at its own level."""
    tok = toks[i]
    end = _end(toks, i)
    if end is None:
        # Its answer would run on to the end: the notes after it would vanish into it.
        message = "<details> is never closed, so it gives no note; end it with </details>"
        return Found(i, problems=[Problem(ctx.path, ctx.line(tok), message, WARNING)])
    # Several `<details>` written with no blank line between them are one HTML block; the
    # last may go on in the blocks after it.
    parts = _parts(tok.content, open_at_end=end > i)
    notes: list[Note] = []
    answers: list[tuple[list[Token], int]] = []
    for number, (first, html) in enumerate(parts, 1):
        opening = _Summary(html)
        if opening.question is None:
            message = "<details> without a <summary> gives no note"
            at = ctx.line(tok) + first
            return Found(end, notes=notes, problems=[Problem(ctx.path, at, message, INFO)])
        if is_meta(opening.question):
            continue  # `<summary>Table of contents</summary>`: the page's, no question
        if len(parts) == 1 and folds(opening.question):
            return None  # `<summary>답변 보기</summary>`: the answer to what stands above
        if len(parts) == 1 and names_a_glossary(opening.question.strip()):
            # `<summary>Definitions</summary>` over `- Ion: …`: a glossary folded away, read
            # as if it stood open on the page
            return Found(i)
        after = toks[i + 1 : end] if number == len(parts) else []
        inner = _answer(opening)
        notes.append(_note(ctx, opening, ctx.line(tok) + first, [*inner, *after]))
        answers.append((inner, ctx.offset + (tok.map[0] if tok.map else 0) + first))
    if end > i + 1:
        answers.append((list(toks[i + 1 : end]), ctx.offset))  # the blocks after the opening
    found = Found(end, notes=notes, answers=answers)
    later = _after_close(toks, i, end)
    if later is None:
        return found
    # A blank line inside a `<details>` ends its HTML block: the block that closes it may
    # open the next ones (`</details>` then `<details>` …), read as a block of their own.
    more = _read(ctx, [*toks[:end], later, *toks[end + 1 :]], end)
    if more is None:
        return found
    return Found(
        more.end,
        notes=[*notes, *more.notes],
        answers=[*answers, *more.answers],
        problems=more.problems,
    )


def opens_fold(tok: Token) -> bool:
    """Whether an HTML block opens a `<details>` whose summary only names the fold (see
    `folds`), and holds nothing more: no text of the heading's own, but the way to its
    answer."""
    opening = _fold(tok)
    return opening is not None and not opening.after.strip()


def folded_answer(toks: Sequence[Token], i: int) -> tuple[int, list[Token]] | None:
    """Where a fold that hides the answer to what stands above it ends, opened by the HTML
    block at `i` (`<details><summary>정답</summary>` over `> 애자일`), and the blocks of that
    answer; None for any other block, or a fold never closed."""
    opening = _fold(toks[i])
    if opening is None:
        return None
    end = _end(toks, i)
    if end is None or end == i:
        return None
    return end, [*_answer(opening), *toks[i + 1 : end]]


def _fold(tok: Token) -> _Summary | None:
    """The opening of the `<details>` an HTML block opens when its summary only names the
    fold; None for any other block."""
    opening = _Summary(tok.content) if opens_details(tok) else None
    if opening is None or opening.question is None or not folds(opening.question):
        return None
    return opening


def folds(summary: str) -> bool:
    """Whether a summary only names the fold it opens (`답변 보기`, `Show answer`, `Click to
    expand`, `정답`), or names nothing (`<summary></summary>`): what it hides answers the
    heading or question above it, and the fold is no question of its own."""
    return set(words(key(summary).replace(".", " "))) <= FOLDS


FOLDS = frozenset(
    words(
        """answer answers solution solutions show hide expand collapse click here to see view
    reveal open more details 답 답변 정답 해답 풀이 보기 확인 펼치기 펼쳐보기 접기 열기 클릭"""
    )
)
"""The words of a summary that names its fold, not a question."""


def _after_close(toks: Sequence[Token], i: int, end: int) -> Token | None:
    """What follows, in the HTML block at `end`, the tag that closes the `<details>` opened
    at `i`, as a block of its own; None when it opens no other `<details>`."""
    if end == i:
        return None
    depth = sum(_Depth(toks[k].content).change for k in range(i, end))
    closing = toks[end]
    where = next((at for at, change in _Depth(closing.content).ends if depth + change <= 0), None)
    if where is None:
        return None
    lines = closing.content.splitlines(keepends=True)
    cut = sum(len(line) for line in lines[: where[0] - 1]) + where[1]
    cut = closing.content.find(">", cut) + 1
    rest = closing.content[cut:]
    skipped = closing.content.count("\n", 0, cut) + rest.count("\n") - rest.lstrip().count("\n")
    rest = rest.lstrip()
    if not rest.lower().startswith("<details"):
        return None
    block = Token("html_block", "", 0, content=rest, level=0, block=True)
    block.map = [closing.map[0] + skipped, closing.map[1]] if closing.map else None
    return block


def _answer(opening: _Summary) -> list[Token]:
    """The Markdown of an answer on the lines of its opening block, each token's `map` a
    line of that block (from 0). Indenting HTML means nothing, so an answer indented with it
    is no code block."""
    text = "\n" * (opening.line - 1) + textwrap.dedent(opening.after)
    return markup.tokens(text)


def _note(ctx: Context, opening: _Summary, line: int, blocks: Sequence[Token]) -> Note:
    """The note of a `<details>` whose HTML starts at `line`, its answer `blocks`: those of
    its opening block, then the blocks up to the one that closes it (which holds only the
    end tag)."""
    # Cleaned before its spaces are joined: "a \u200b b" gives one space, not two.
    term = " ".join(clean_term(opening.question or "").split())
    html, text = markup.html(blocks), markup.block_plain(blocks)
    line += opening.asked - 1  # the question's own line
    return Note(term, term, "", ctx.category, text, html, ctx.path, line, QUESTION)


def _parts(html: str, open_at_end: bool) -> list[tuple[int, str]]:
    """Each `<details>` element of a block, with the number of lines before it in the
    block: those it closes, and the one it leaves open at its end, if it does."""
    starts = [0]
    for line in html.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    ends = (starts[row - 1] + column for row, column in _Depth(html).closed)
    cuts = [html.find(">", end) + 1 for end in ends]
    if open_at_end or not cuts:
        cuts.append(len(html))
    parts, begin = [], 0
    for cut in cuts:
        part = html[begin:cut].lstrip()
        if part:
            parts.append((html.count("\n", 0, cut - len(part)), part))
        begin = cut
    return parts


def _end(toks: Sequence[Token], i: int) -> int | None:
    """Index of the HTML block at its level that closes the details opened at `i`; None
    when none does."""
    depth = 0
    for j in range(i, len(toks)):
        if toks[j].type == "html_block" and toks[j].level == toks[i].level:
            depth += _Depth(toks[j].content).change
            if depth <= 0:
                return j
    return None


def unclosed(toks: Sequence[Token]) -> bool:
    """Whether a `<details>` opened at the top level of `toks` is still open at their end:
    the text after them may hold its answer (see `parse`)."""
    depth = 0
    for tok in toks:
        if tok.type == "html_block" and tok.level == 0 and "details" in tok.content.lower():
            depth = max(0, depth + _Depth(tok.content).change)
    return depth > 0


class _Depth(HTMLParser):
    """How many `<details>` a piece of HTML opens, less those it closes, and where each
    one it opens at the top closes: the (line from 1, column) of its end tag."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.change = 0
        self.closed: list[tuple[int, int]] = []
        self.ends: list[tuple[tuple[int, int], int]] = []
        """Where each end tag stands, with the change after it."""
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.change += tag == "details"

    def handle_endtag(self, tag: str) -> None:
        if tag == "details":
            self.change -= 1
            self.ends.append((self.getpos(), self.change))
            if self.change == 0:
                self.closed.append(self.getpos())


class _Summary(HTMLParser):
    """The text of the first `<summary>` of a `<details>` block, and what follows it there."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.question: str | None = None
        self.line = 1
        """The line of the block (from 1) where the summary starts."""
        self.asked = 1
        """The line where its words start (`<summary>` alone on a line, the question under it)."""
        self.after = ""
        self._words: list[str] | None = None
        self._lines = html.splitlines(keepends=True)
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag == "summary" and self.question is None:
            self._words = []
            self.line = self.asked = self.getpos()[0]

    def handle_data(self, data: str) -> None:
        if self._words is not None:
            if not "".join(self._words).strip():
                self.asked = self.getpos()[0] + data[: len(data) - len(data.lstrip())].count("\n")
            self._words.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "summary" and self._words is not None and self.question is None:
            self.question = "".join(self._words)
            self._words = None
            line, column = self.getpos()
            rest = "".join(self._lines[line - 1 :])[column:]
            self.after = rest[rest.find(">") + 1 :]
            closing = self.after.lower().rfind("</details>")
            if closing >= 0:
                self.after = self.after[:closing]
