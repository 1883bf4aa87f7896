"""Headings written with no space after their marks (`##Jamestown 1607`, `###Overview`).

CommonMark wants a space after an ATX heading's `#`s, and reads `##Jamestown` as text; the
Markdown of many older notes (and GitHub's renderer before 2017) made it a heading, and
their writers wrote every heading so. Two to six marks and then a letter, or a bracket or a
quote before one (`##「组织行为」学的课本`), open a heading. One mark and a word stays
text: Obsidian writers open lines with tags (`#biology`, `#todo read chapter 3`), and C with
directives (`#include <stdio.h>`).
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

_TIGHT = re.compile(r"(#{2,6})(?=[^\W\d_]|[\u300c\u300e\u3010\u300a\uff08(\"\u201c\u2018\[])(.*)$")
_CLOSING = re.compile(r"\s+#+\s*$")
"""Marks that close a heading (`##Overview ##`), after a space: `##Learning C#` keeps its `#`."""


def tight_headings_plugin(md: MarkdownIt) -> None:
    md.block.ruler.after(
        "heading", "tight_heading", _tight_heading, {"alt": ["paragraph", "blockquote"]}
    )


def _tight_heading(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if state.is_code_block(start):
        return False
    line = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]
    match = _TIGHT.match(line)
    if match is None:
        return False
    if silent:
        return True
    level = len(match[1])
    state.line = start + 1
    opening = state.push("heading_open", f"h{level}", 1)
    opening.markup = match[1]
    opening.map = [start, state.line]
    inline = state.push("inline", "", 0)
    inline.content = _CLOSING.sub("", match[2]).strip()
    inline.map = [start, state.line]
    inline.children = []
    closing = state.push("heading_close", f"h{level}", -1)
    closing.markup = match[1]
    return True
