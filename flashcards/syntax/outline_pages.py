"""Outline pages: a page written wholly as one outline, as Logseq writes every page.

In an outliner every block is a list item, headings too (`- ## Core Beliefs`), and what a
heading heads is nested under it; properties are lines of `key:: value` (`tags:: #Biology`,
`collapsed:: true`). Read as CommonMark, the page is one deep list and its headings are lost
inside it. A page whose every line at the margin opens an item or sets a property, with at
least one heading among its items, is parsed as the document it outlines: each heading item
is a heading at the margin, what is nested under it is its text (one level out), and a
property line is metadata, read as a blank line. Every line stays on its own line number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_ITEM = re.compile(r"([ \t]*)[-*+][ \t]")
_HEADING_ITEM = re.compile(r"([ \t]*)[-*+][ \t]+(#{1,6}[ \t].*)")
_PROPERTY = re.compile(r"[ \t]*[\w.-]+::(?:[ \t]|$)")
_FRONT_MATTER = re.compile(r"---\n.*?\n---(?:\n|$)", re.S)
_OTHER_AT_MARGIN = re.compile(r"^(?![ \t]|[-*+][ \t]|[\w.-]+::(?:[ \t]|$)|$)", re.M)
"""A line at the margin that neither opens an item nor sets a property (nor is blank)."""
_ANY_HEADING_ITEM = re.compile(r"^[ \t]*[-*+][ \t]+#{1,6}[ \t]", re.M)


def as_document(text: str) -> str:
    """The text of an outline page as the document it outlines (front matter kept as it
    is); any other text as it is. The parser reads the result, so that notes and their
    definitions come from it alike."""
    front = _FRONT_MATTER.match(text)
    start = front.end() if front else 0
    if not is_outline_page(text, start):
        return text
    return text[:start] + "\n".join(lifted(text[start:].split("\n")))


def is_outline_page(text: str, start: int = 0) -> bool:
    """Whether every line at the margin (from `start`) opens an item or sets a property,
    and at least one item is a heading. Most sheets fail on their first line."""
    if _OTHER_AT_MARGIN.search(text, start):
        return False
    return _ANY_HEADING_ITEM.search(text, start) is not None


def lifted(lines: Sequence[str]) -> list[str]:
    """The lines of an outline page as the document it outlines, one for one."""
    heads: list[tuple[str, str]] = []  # each open heading item's indent, and its children's
    out = []
    for line in lines:
        if _PROPERTY.match(line):
            out.append("")
            continue
        item = _ITEM.match(line)
        if item:
            while heads and len(heads[-1][0]) >= len(item[1]):
                heads.pop()  # an item as far out as a heading is no longer under it
        heading = _HEADING_ITEM.fullmatch(line)
        if heading:
            out.append(heading[2])
            heads.append((heading[1], ""))
            continue
        if item and heads and not heads[-1][1]:
            indent, _ = heads[-1]
            heads[-1] = (indent, item[1])  # the first child sets how far its siblings stand
        out.append(_outdented(line, heads[-1][1] if heads else ""))
    return out


def _outdented(line: str, indent: str) -> str:
    """The line with `indent` taken from its start, or what it has of it."""
    if line.startswith(indent):
        return line[len(indent) :]
    return line.lstrip(" \t")
