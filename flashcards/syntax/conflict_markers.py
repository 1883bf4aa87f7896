"""Lines a merge left in a sheet where git could not join two versions (`<<<<<<< HEAD`,
`=======`, `>>>>>>> 68d6a4f`): no Markdown of the writer's. Read as CommonMark, `=======`
under a line makes that line a heading, and the sheet's structure turns around it. Each such
line of a conflict outside code is read as a blank line, so that both versions are read as
written, each line on its own number; the parser warns at the line that opens each conflict.
A sheet about git that shows these lines in a code block keeps them."""

from __future__ import annotations

import re

from flashcards.syntax.code_lines import code_lines

_MARKER = re.compile(r"(?:<{7}|\|{7}|>{7})(?:[ \t].*)?|={7}[ \t]*")
"""`<<<<<<< HEAD`, `||||||| base` (git's diff3 style), `=======`, `>>>>>>> 68d6a4f`."""


def unmarked(text: str) -> tuple[str, list[int]]:
    """The text with the marker lines of each conflict outside code read as blank lines, and
    the line (from 1) that opens each conflict. A conflict is its three markers in order;
    `=======` alone under a line is a heading's underline, and stays one. Most sheets have no
    marker, and are returned as they are without being parsed."""
    if "\n=======" not in text:
        return text, []
    lines = text.split("\n")
    conflicts = _conflicts(lines, code_lines(text))
    for marked in conflicts:
        for n in marked:
            lines[n] = ""
    return "\n".join(lines), [marked[0] + 1 for marked in conflicts]


def _conflicts(lines: list[str], code: set[int]) -> list[list[int]]:
    """The marker lines (from 0) of each conflict, in order, outside code."""
    found: list[list[int]] = []
    marked: list[int] = []
    for n, line in enumerate(lines):
        if n in code or not _MARKER.fullmatch(line):
            continue
        kind, middle = line[0], any(lines[k][0] == "=" for k in marked)
        if kind == "<":
            marked = [n]
        elif marked and not middle and kind in "|=":
            marked.append(n)
        elif marked and middle and kind == ">":
            found.append([*marked, n])
            marked = []
    return found
