"""Lines a merge left in a sheet where git could not join two versions (`<<<<<<< HEAD`,
`=======`, `>>>>>>> 68d6a4f`): no Markdown of the writer's. Read as CommonMark, `=======`
under a line makes that line a heading, and the sheet's structure turns around it. Each such
line outside code is read as a blank line, so that both versions are read as written, each
line on its own number; the parser warns at the line that opens each conflict. A sheet about
git that shows these lines in a code block keeps them."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

_MARKER = re.compile(r"^(?:<{7}|>{7})(?:[ \t].*)?$|^={7}[ \t]*$", re.M)
_OPENS = "<" * 7


def unmarked(text: str) -> tuple[str, list[int]]:
    """The text with each conflict marker outside code read as a blank line, and the line
    (from 1) of each marker that opens a conflict. Most sheets have none, and are returned
    as they are without being parsed."""
    if _MARKER.search(text) is None:
        return text, []
    lines = text.split("\n")
    code = _code_lines(text)
    marked = [n for n, line in enumerate(lines) if n not in code and _MARKER.match(line)]
    opened = [n + 1 for n in marked if lines[n].startswith(_OPENS)]
    for n in marked:
        lines[n] = ""
    return "\n".join(lines), opened


def _code_lines(text: str) -> set[int]:
    """The lines (from 0) inside fenced or indented code, where such lines are shown."""
    found: set[int] = set()
    for tok in MarkdownIt("commonmark").parse(text):
        if tok.type in ("fence", "code_block") and tok.map:
            found.update(range(*tok.map))
    return found
