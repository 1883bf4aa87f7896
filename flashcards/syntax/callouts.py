"""Obsidian's callouts, `> [!note] Title`, as a titled box instead of a quote."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

_MARKER = re.compile(r"^\[!(?P<kind>[A-Za-z][\w-]*)\][+-]?[ \t]*(?P<title>[^\n]*)(?:\n|$)")


def callouts_plugin(md: MarkdownIt, kinds: frozenset[str]) -> None:
    """Callouts of the given kinds become `<div class="callout callout-KIND">`; others are
    shown as `callout-note`. Runs after the block parse, before inline parsing."""
    md.core.ruler.after("block", "callouts", lambda state: _callouts(state, kinds))


def _callouts(state: StateCore, kinds: frozenset[str]) -> None:
    tokens = state.tokens
    i = 0
    while i < len(tokens):
        if tokens[i].type == "blockquote_open" and _is_callout(tokens, i):
            i = _convert(tokens, i, kinds)
        i += 1


def _is_callout(tokens: list[Token], i: int) -> bool:
    return (
        i + 2 < len(tokens)
        and tokens[i + 1].type == "paragraph_open"
        and _MARKER.match(tokens[i + 2].content) is not None
    )


def _convert(tokens: list[Token], i: int, kinds: frozenset[str]) -> int:
    """Turn the blockquote opened at `i` into a callout; returns the index of its title."""
    opening, inline = tokens[i], tokens[i + 2]
    match = _MARKER.match(inline.content)
    assert match is not None
    kind = match["kind"].lower()
    closing = next(
        t for t in tokens[i + 1 :] if t.type == "blockquote_close" and t.level == opening.level
    )
    for token in (opening, closing):
        token.type = token.type.replace("blockquote", "callout")
        token.tag = "div"
    opening.attrSet("class", f"callout callout-{kind if kind in kinds else 'note'}")
    title_open = Token("callout_title_open", "div", 1, level=opening.level + 1, map=inline.map)
    title_open.attrSet("class", "callout-title")
    title = Token("inline", "", 0, level=opening.level + 2, map=inline.map, children=[])
    title.content = match["title"].strip() or kind.capitalize()
    title_close = Token("callout_title_close", "div", -1, level=opening.level + 1)
    inline.content = inline.content[match.end() :]
    tokens[i + 1 : i + 1] = [title_open, title, title_close]
    if not inline.content.strip():  # the paragraph held only the marker line
        del tokens[i + 4 : i + 7]
    return i + 3
