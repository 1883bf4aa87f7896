"""Prompts a writer hides in HTML comments, one over each answer (`<!-- Tetracycline
activity, MOA, eliminated how.. -->` over a picture and its points, then `<!-- Tetracycline
SE.. -->` over the next): each comment is the front of a card, what follows it up to the next
comment or heading its answer, asked as written. They come in runs: a comment alone over
text (`<!-- lithium toxicity cause, sx, rx -->` under `## Lithium`) is the writer's note to
self, and so are markers (`<!-- start of 'serene' section -->`, `<!-- more -->`) and
directives (`<!-- _paginate: hold -->`), which frame text rather than ask about it."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.note import QUESTION
from flashcards.rules.details import opens_details
from flashcards.rules.found import Context, Found
from flashcards.rules.notes import note


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    prompt = _prompt(toks[i]) if ctx.inside(i) == "" else None
    if prompt is None or not _answered(toks, i) or _folds(toks, i):
        return None  # `<!-- ① 기본 면접 Q&A -->` over a `<details>`: it names what folds away
    end = _answer_end(toks, i)
    if not (_next_in_run(toks, end + 1) or _previous_in_run(toks, i)):
        return None
    after, blocks = _trailing(toks[i]), toks[i + 1 : end + 1]
    answer_html = "\n".join(p for p in (html.escape(after), markup.html(blocks)) if p)
    answer_text = "\n".join(p for p in (after, markup.block_plain(blocks)) if p)
    made = note(ctx, ctx.line(toks[i]), prompt, answer_html, answer_text, QUESTION)
    return Found(end, notes=[made])


def _folds(toks: Sequence[Token], i: int) -> bool:
    """Whether a `<details>` follows the comment at `i`: the comment names what it folds."""
    return i + 1 < len(toks) and opens_details(toks[i + 1])


def _prompt(tok: Token) -> str | None:
    """The prompt a block of one comment holds, its closing dots and any record number a
    sync tool put after it (`b:906657204933`) aside; None for a marker, a directive, or a
    block of anything else."""
    if tok.type != "html_block":
        return None
    found = _COMMENT.match(tok.content)
    if found is None:
        return None
    text = _RECORD.sub("", found.group("text").strip()).rstrip(". ").strip()
    if _DIRECTIVE.match(text) or len(re.findall(r"[^\W\d_]{2,}", text)) < MIN_WORDS:
        return None
    return text


_COMMENT = re.compile(r"\s*<!--(?P<text>[^\n]*?)-->[^\n]*\n?\Z")
"""A comment on one line, and perhaps text after it on that line."""
_RECORD = re.compile(r"\s+[A-Za-z]{1,3}:\d{6,}$")
_DIRECTIVE = re.compile(r"^[\w-]+\s*:")
MIN_WORDS = 2


def _trailing(tok: Token) -> str:
    """Text after the comment on its line (`<!-- MRSA empiric treatment.. -->pto, vanco`)."""
    return tok.content.split("-->", 1)[1].strip()


def _answer_end(toks: Sequence[Token], i: int) -> int:
    """The last token of the answer under the comment at `i`: up to the next comment or
    heading at its level (`i` itself when none comes between)."""
    level = toks[i].level
    k = i + 1
    while k < len(toks) and not _ends_answer(toks[k], level):
        k += 1
    return k - 1


def _ends_answer(tok: Token, level: int) -> bool:
    """Whether a token ends the answer of a comment at `level`: a heading, or a comment."""
    return tok.level == level and (tok.type == "heading_open" or _comment(tok))


def _comment(tok: Token) -> bool:
    return tok.type == "html_block" and _COMMENT.match(tok.content) is not None


def _answered(toks: Sequence[Token], k: int) -> bool:
    """Whether the comment at `k` has an answer: text after it on its line, or a block after
    it that is no heading and no comment."""
    after = k + 1
    return bool(_trailing(toks[k])) or (
        after < len(toks) and not _ends_answer(toks[after], toks[k].level)
    )


def _next_in_run(toks: Sequence[Token], k: int) -> bool:
    """Whether the comment at `k`, right after an answer, is a prompt with an answer too."""
    return k < len(toks) and _prompt(toks[k]) is not None and _answered(toks, k)


def _previous_in_run(toks: Sequence[Token], i: int) -> bool:
    """Whether a prompt with an answer stands before the comment at `i`, no heading between."""
    level = toks[i].level
    for k in range(i - 1, -1, -1):
        tok = toks[k]
        if tok.level != level:
            continue
        if tok.type == "heading_close":
            return False
        if _comment(tok):
            return _prompt(tok) is not None and _answered(toks, k)
    return False
