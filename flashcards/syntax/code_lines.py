"""Which lines of a source are code, for the rewrites that read a sheet line by line before
it is parsed: a line shown as code is shown as written."""

from __future__ import annotations

from markdown_it import MarkdownIt


def code_lines(text: str) -> set[int]:
    """The lines (from 0) inside fenced or indented code, where such lines are shown."""
    found: set[int] = set()
    for tok in MarkdownIt("commonmark").parse(text):
        if tok.type in ("fence", "code_block") and tok.map:
            found.update(range(*tok.map))
    return found
