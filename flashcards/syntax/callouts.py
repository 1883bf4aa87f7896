"""Obsidian's callouts, `> [!note] Title`, as a titled box instead of a quote."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

_MARKER = re.compile(
    r"^\[!(?P<kind>[A-Za-z][\w-]*)\](?P<fold>[+-]?)[ \t]*(?P<title>[^\n]*)(?:\n|$)"
)


def callouts_plugin(md: MarkdownIt, kinds: frozenset[str]) -> None:
    """Callouts of the given kinds become `<div class="callout callout-KIND">`; others are
    shown as `callout-note`. Runs after the block parse, before inline parsing."""
    md.core.ruler.after("block", "callouts", lambda state: _callouts(state, kinds))


def _callouts(state: StateCore, kinds: frozenset[str]) -> None:
    # One pass into a new list: inserting title tokens in place, or looking for each
    # callout's end from its start, would cost time quadratic in the number of callouts.
    tokens = state.tokens
    out: list[Token] = []
    callout: list[bool] = []  # for each blockquote open here: has it become a callout?
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "blockquote_open":
            match = _marker(tokens, i)
            callout.append(match is not None)
            if match is not None:
                opened, i = _opened(tokens, i, match, kinds)
                out += opened
                continue
        elif tok.type == "blockquote_close" and callout.pop():
            _as_div(tok)
        out.append(tok)
        i += 1
    state.tokens = out


def _marker(tokens: list[Token], i: int) -> re.Match[str] | None:
    """The callout marker that opens the blockquote at `i`, if any."""
    if i + 2 < len(tokens) and tokens[i + 1].type == "paragraph_open":
        return _MARKER.match(tokens[i + 2].content)
    return None


def _as_div(token: Token) -> None:
    token.type = token.type.replace("blockquote", "callout")
    token.tag = "div"


def _opened(
    tokens: list[Token], i: int, match: re.Match[str], kinds: frozenset[str]
) -> tuple[list[Token], int]:
    """The tokens that open the callout whose blockquote opens at `i`, with its title, and
    the index to go on from: its first paragraph's close, or past the paragraph that held
    only the marker line."""
    opening, paragraph, inline = tokens[i : i + 3]
    kind = match["kind"].lower()
    opening.meta["kind"] = kind  # as written: a kind of the author's own is kept too
    opening.meta["title"] = match["title"].strip()
    opening.meta["folded"] = match["fold"] == "-"  # `[!note]-`: shown closed, its body hidden
    _as_div(opening)
    opening.attrSet("class", f"callout callout-{kind if kind in kinds else 'note'}")
    title_open = Token("callout_title_open", "div", 1, level=opening.level + 1, map=inline.map)
    title_open.attrSet("class", "callout-title")
    title = Token("inline", "", 0, level=opening.level + 2, map=inline.map, children=[])
    title.content = match["title"].strip() or kind.capitalize()
    title_close = Token("callout_title_close", "div", -1, level=opening.level + 1)
    inline.content = inline.content[match.end() :]
    opened = [opening, title_open, title, title_close]
    if not inline.content.strip():  # the paragraph held only the marker line
        return opened, i + 4
    return [*opened, paragraph, inline], i + 3
