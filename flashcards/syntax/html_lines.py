"""A line of HTML over Markdown (`<center><img …></center>` and then `### Praefix(접두사)`
with no blank line between them). CommonMark runs an HTML block on to the next blank line,
and the Markdown under such a line is lost in it; kramdown, which many blog notes were
written for, ends the block with the line. A top-level HTML block whose first line is an
element closed on that line (or one with no content, `<img …>`, `<br>`), and whose next line
is no HTML, ends there: the lines after it are parsed as Markdown in their place."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

_CLOSED_LINE = re.compile(
    r"\s*(?:<([A-Za-z][\w-]*)\b[^>]*>.*</\1\s*>|<(?:img|br|hr|input)\b[^>]*>)\s*",
    re.IGNORECASE,
)


def html_lines_plugin(md: MarkdownIt) -> None:
    md.core.ruler.push("html_lines", lambda state: _split(md, state))


def _split(md: MarkdownIt, state: StateCore) -> None:
    if "<" not in state.src or not any(map(_over_markdown, state.tokens)):
        return
    tokens: list[Token] = []
    for tok in state.tokens:
        tokens.extend(_parts(md, tok, state.env) if _over_markdown(tok) else [tok])
    state.tokens = tokens


def _over_markdown(tok: Token) -> bool:
    """Whether a token is a top-level HTML block of one closed line over lines of text."""
    if tok.type != "html_block" or tok.level != 0 or tok.map is None:
        return False
    first, _, rest = tok.content.partition("\n")
    following = rest.lstrip()
    return bool(following) and not following.startswith("<") and bool(_CLOSED_LINE.fullmatch(first))


def _parts(md: MarkdownIt, tok: Token, env: dict) -> list[Token]:
    """The block's first line, still HTML, and the tokens of the Markdown after it."""
    assert tok.map is not None
    first, _, rest = tok.content.partition("\n")
    start = tok.map[0]
    line = tok.copy()
    line.content, line.map = first + "\n", [start, start + 1]
    found = md.parse(rest, env)
    for t in found:
        if t.map is not None:
            t.map = [t.map[0] + start + 1, t.map[1] + start + 1]
    return [line, *found]
