"""Cards written in the syntax of the flashcard plugins for Obsidian are notes as written:
`Front::Back` and `Front:::Back` on a line (a note a line), a question over a line of only
`?` or `??` over its answer, and a line tagged `#flashcard`, `#flashcards`, `#card` or `#anki`
(also `#card-reverse`, `#card/spaced`, a deck's `#flashcards/physics`) over its answer, on the
lines of its paragraph or in the block right after it (`洋务运动的主要内容是什么 #anki` over
its points). A front that asks is a question note; the tag is no part of it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from markdown_it.token import Token

from flashcards import markup
from flashcards.note import QUESTION, TERM, Note
from flashcards.questions import QUESTION_MARKS
from flashcards.rules.found import Context, Found, close
from flashcards.rules.notes import note

_PLACES = ("", "blockquote")
_MARKS = ("::", "?", "#")

_INLINE = re.compile(r"^(?P<front>.*?\S)\s*:{2,3}\s*(?P<back>\S.*)$")
"""`Front::Back`, and `Front:::Back`, which the plugins also review the other way round."""

_FIELD = re.compile(r"^[\w-]+:: ")
"""`key:: value`, one word against the colons and a space after: a Dataview field."""

_SEPARATOR = frozenset({"?", "??"})
"""A line alone between a multi-line card's question and its answer."""

_TAGGED = re.compile(r"\s#(?:flashcards?|card|anki)(?:[-/][\w/-]+)?\s*$", re.IGNORECASE)
_TAGS_ONLY = re.compile(r"#[^\s#]+(?:\s+#[^\s#]+)*")
"""A line of tags and nothing else (`#flashcards`, `#flashcards/odyssey #review`)."""
_ANSWERING = ("bullet_list_open", "ordered_list_open", "paragraph_open", "blockquote_open")
"""Blocks that answer a tagged line alone in its paragraph, right after it."""


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "paragraph_open" or ctx.inside(i) not in _PLACES:
        return None
    if not any(mark in toks[i + 1].content for mark in _MARKS):
        return None  # most paragraphs hold no card's mark: no need to read their lines
    children = toks[i + 1].children or []
    lines = markup.lines(children)
    texts = [markup.plain(line).strip() for line in lines]
    numbers = ctx.rows(toks, i)
    if len(texts) > 1 and _TAGS_ONLY.fullmatch(texts[0]):
        # `#flashcards` over `Penelope::Wife of Odysseus`: the deck's tag, then its cards
        lines, texts, numbers = lines[1:], texts[1:], numbers[1:]
    notes = _inline(ctx, numbers, lines, texts) or _separated(ctx, numbers[0], lines, texts)
    if notes:
        return Found(i + 2, notes=notes)
    return _over_block(ctx, toks, i, texts)


def _over_block(ctx: Context, toks: Sequence[Token], i: int, texts: list[str]) -> Found | None:
    """The note of a tagged line alone in its paragraph, answered by the block after it."""
    after = i + 3
    if len(texts) != 1 or not _TAGGED.search(" " + texts[0]) or after >= len(toks):
        return None
    if toks[after].type not in _ANSWERING:
        return None
    front, end = _TAGGED.sub("", " " + texts[0]).strip(), close(toks, after)
    blocks = toks[after : end + 1]
    made = _card(ctx, ctx.line(toks[i]), front, markup.html(blocks), markup.block_plain(blocks))
    return Found(end, notes=[made]) if front else None


def _inline(
    ctx: Context, numbers: list[int], lines: list[list[Token]], texts: list[str]
) -> list[Note]:
    """A note for each line written `Front::Back` (at the line `numbers` gives for it), when
    every line of the paragraph is."""
    # Once on a line: `(ἐπιστήμη :: epistḗmē :: knowledge)` separates a word's senses.
    found = [_INLINE.match(text) if text.count("::") == 1 else None for text in texts]
    if not all(found) or any(t.type == "code_inline" for line in lines for t in line):
        return []  # code may hold `::` (`std::vector`); a line of prose among them is none
    if any(_FIELD.match(text) for text in texts):
        return []  # `status:: done`: a Dataview field, the note's metadata
    return [
        _card(ctx, number, match["front"], escape(match["back"], quote=False), match["back"])
        for number, match in zip(numbers, found, strict=True)
        if match is not None
    ]


def _separated(ctx: Context, first: int, lines: list[list[Token]], texts: list[str]) -> list[Note]:
    """The note of a paragraph whose question stands over a lone `?` or whose first line
    carries a card's tag, the rest its answer."""
    if len(lines) < 2:
        return []
    if texts[0] and _TAGGED.search(" " + texts[0]):
        front, answer = _TAGGED.sub("", " " + texts[0]).strip(), lines[1:]
    elif any(text in _SEPARATOR for text in texts[1:-1]):
        at = next(k for k, text in enumerate(texts) if k and text in _SEPARATOR)
        front, answer = " ".join(texts[:at]), lines[at + 1 :]
    else:
        return []
    html = "<br>".join(markup.inline_html(line) for line in answer)
    text = "\n".join(markup.plain(line) for line in answer)
    return [_card(ctx, first, front, html, text)] if front and text.strip() else []


def _card(ctx: Context, line: int, front: str, html: str, text: str) -> Note:
    kind = QUESTION if front.rstrip().endswith(QUESTION_MARKS) else TERM
    return note(ctx, line, front, html, text, kind)
