"""Headings written with no space after their marks (`##Jamestown 1607`, `###Overview`).

CommonMark wants a space after an ATX heading's `#`s, and reads `##Jamestown` as text; the
Markdown of many older notes (and GitHub's renderer before 2017) made it a heading, and
their writers wrote every heading so. Two to six marks and then a letter open a heading.
One mark opens one only when words follow it that are no tags (`#Chapters 1 - 8`): `#tag`
and `#biology #cells` stay an Obsidian writer's tags, `#include <stdio.h>` a C directive.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

_TIGHT = re.compile(r"(#{1,6})(?=[^\W\d_])(.*)$")
_TAGS = re.compile(r"#[^\s#]+(?:\s+#[^\s#]+)*\s*")
_CLOSING = re.compile(r"\s+#+\s*$")
"""Marks that close a heading (`##Overview ##`), after a space: `##Learning C#` keeps its `#`."""
_DIRECTIVE = re.compile(r"#(?:include|define|undef|pragma|if|ifdef|ifndef|else|elif|endif)\b")


def tight_headings_plugin(md: MarkdownIt) -> None:
    md.block.ruler.after(
        "heading", "tight_heading", _tight_heading, {"alt": ["paragraph", "blockquote"]}
    )


def _tight_heading(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if state.is_code_block(start):
        return False
    line = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]
    match = _TIGHT.match(line)
    if match is None or not _heading(match[1], line):
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


def _heading(marks: str, line: str) -> bool:
    if len(marks) > 1:
        return True
    words = line.split()
    return len(words) > 1 and not _TAGS.fullmatch(line) and not _DIRECTIVE.match(line)
