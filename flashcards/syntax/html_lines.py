"""A line of HTML over Markdown (`<center><img …></center>` and then `### Praefix(접두사)`
with no blank line between them). CommonMark runs an HTML block on to the next blank line,
and the Markdown under such a line is lost in it; kramdown, which many blog notes were
written for, ends the block with the line. A line that is one block element closed on it
(`<center>…</center>`, `<div>…</div>`), or a picture alone (`<img …>`), over a line that is
no HTML, is an HTML block of its own: the lines after it are read as Markdown."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.common.html_blocks import block_names
from markdown_it.rules_block import StateBlock

_CLOSED_LINE = re.compile(r"<([A-Za-z][\w-]*)\b[^>]*>.*</\1\s*>\s*", re.IGNORECASE)
_EMPTY_LINE = re.compile(r"<img\b[^>]*>\s*", re.IGNORECASE)
"""A picture alone on its line; a line of `<br>` tags is passed over (see `line_breaks`)."""
_BLOCK_NAMES = frozenset(block_names)


def html_lines_plugin(md: MarkdownIt) -> None:
    md.block.ruler.before(
        "html_block", "html_line", _html_line, {"alt": ["paragraph", "reference", "blockquote"]}
    )


def _html_line(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if not state.md.options.get("html") or state.sCount[start] - state.blkIndent >= 4:
        return False
    at, stop = state.bMarks[start] + state.tShift[start], state.eMarks[start]
    if state.src[at : at + 1] != "<":
        return False
    closed = _CLOSED_LINE.fullmatch(state.src, at, stop)
    if closed is not None:
        block = closed[1].casefold() in _BLOCK_NAMES
        if not block:  # `<code>READ COMMITTED</code>`: inline, a paragraph to CommonMark
            return False
    elif _EMPTY_LINE.fullmatch(state.src, at, stop) is not None:
        block = False  # an empty element starts an HTML block only alone, never mid-paragraph
    else:
        return False
    if silent:
        return block  # what may end a paragraph: a block element, as CommonMark's own rule
    if not _markdown_after(state, start, end):
        return False
    token = state.push("html_block", "", 0)
    token.map = [start, start + 1]
    token.content = state.getLines(start, start + 1, state.blkIndent, True)
    state.line = start + 1
    return True


def _markdown_after(state: StateBlock, start: int, end: int) -> bool:
    """Whether the line after `start` holds text that is no HTML: what CommonMark would have
    taken into the block."""
    following = start + 1
    if following >= end or state.isEmpty(following):
        return False
    at = state.bMarks[following] + state.tShift[following]
    return state.src[at : at + 1] != "<"
