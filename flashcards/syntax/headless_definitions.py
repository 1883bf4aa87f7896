"""Definitions written with no term line (`# Data` over `: 수집한 사실들 …`): the heading
above is their term. mdit-py-plugins' `deflist` reads such lines wrongly three ways: one
alone is a paragraph to it; of several, it takes the first for a term, colon and all; and
when a list of them comes before, it takes the next heading (`# Info` over `: 가공한 데이터`)
for a term of that list. Here each such line is a definition (`<dd>`), its colon the list's
mark, and a heading is a heading that ends the list above it."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

_MARK = re.compile(r"[:\uff1a][ \t]*")
_LONE = re.compile(r"[:\uff1a][ \t]+\S")
"""A paragraph's opening colon that marks a definition: `: 가공한 데이터`, not `:smile:`."""
_HEADING = re.compile(r"(#{1,6})(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$")


def headless_definitions_plugin(md: MarkdownIt) -> None:
    md.core.ruler.before("inline", "headless_definitions", _headless_definitions)


def _headless_definitions(state: StateCore) -> None:
    toks = state.tokens
    k = 0
    while k < len(toks) - 2:  # the list grows as it goes
        kind = toks[k].type
        if kind == "dt_open":
            if toks[k - 1].type == "dl_open" and _MARK.match(toks[k + 1].content):
                _as_definition(toks, k)
            else:
                _as_heading(toks, k)
        elif kind == "paragraph_open" and _lone(toks, k):
            _as_list(toks, k)
        k += 1


def _lone(toks: list[Token], k: int) -> bool:
    """Whether the paragraph at `k` is one definition alone, no list to the plugin: right
    under a heading, or opening the text (a heading term's text is read without it)."""
    return (k == 0 or toks[k - 1].type == "heading_close") and bool(
        _LONE.match(toks[k + 1].content)
    )


def _as_definition(toks: list[Token], opening: int) -> None:
    """The `<dt>` at `opening` and its close made a `<dd>` holding a paragraph, as the plugin
    makes the definitions after it."""
    inline, level = toks[opening + 1], toks[opening].level
    inline.content = _MARK.sub("", inline.content, count=1)
    if inline.map is not None:
        inline.map = [inline.map[0], inline.map[0] + 1]
    inline.level = level + 2
    toks[opening : opening + 3] = [
        _token("dd_open", "dd", 1, level, inline.map),
        _token("paragraph_open", "p", 1, level + 1, inline.map, hidden=True),
        inline,
        _token("paragraph_close", "p", -1, level + 1, None, hidden=True),
        _token("dd_close", "dd", -1, level, None),
    ]


def _as_list(toks: list[Token], opening: int) -> None:
    """The paragraph at `opening` made a list of one definition."""
    paragraph = toks[opening]
    level, lines = paragraph.level, paragraph.map
    paragraph.hidden, toks[opening + 2].hidden = True, True
    for tok in toks[opening : opening + 3]:
        tok.level += 2
    toks[opening + 1].content = _MARK.sub("", toks[opening + 1].content, count=1)
    toks[opening + 3 : opening + 3] = [
        _token("dd_close", "dd", -1, level + 1, None),
        _token("dl_close", "dl", -1, level, None),
    ]
    toks[opening:opening] = [
        _token("dl_open", "dl", 1, level, lines),
        _token("dd_open", "dd", 1, level + 1, lines),
    ]


def _as_heading(toks: list[Token], opening: int) -> None:
    """A `<dt>` that is an ATX heading line made that heading, between the list it closes
    and the list of its definitions."""
    inline = toks[opening + 1]
    match = _HEADING.fullmatch(inline.content)
    if match is None or inline.map is None:
        return
    line, level = inline.map[0], toks[opening].level - 1
    dl = next(k for k in range(opening - 1, -1, -1) if toks[k].type == "dl_open")
    ends = toks[dl].map[1] if toks[dl].map else line + 1
    toks[dl].map = [toks[dl].map[0] if toks[dl].map else line, line]
    after = toks[opening + 3]
    if after.type == "dd_open" and after.map is not None:
        after.map = [line + 1, max(after.map[1], line + 1)]
    tag = f"h{len(match[1])}"
    inline.content, inline.map, inline.level = match[2], [line, line + 1], level + 1
    toks[opening : opening + 3] = [
        _token("dl_close", "dl", -1, level, None),
        _token("heading_open", tag, 1, level, inline.map, markup=match[1]),
        inline,
        _token("heading_close", tag, -1, level, None, markup=match[1]),
        _token("dl_open", "dl", 1, level, [line + 1, ends]),
    ]


def _token(
    kind: str, tag: str, nesting: int, level: int, lines: list[int] | None, **attrs: object
) -> Token:
    token = Token(kind, tag, nesting, map=lines, level=level, block=True)
    for name, value in attrs.items():
        setattr(token, name, value)
    return token
