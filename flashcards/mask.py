"""Blanking a term out of its own definition, so a reverse card never gives the answer away."""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

BLANK = '<span class="blank">[…]</span>'

_TAG = re.compile(r"(<[^>]*>)")
_REFERENCE = re.compile(r"&#?\w+;")
_MATH = re.compile(r'<(span|div) class="math">')


def mask(html: str, names: Iterable[str]) -> str:
    """`html` with every mention of any of `names` replaced by a blank, tags untouched.

    Case does not matter. A Latin letter or digit next to a mention makes it part of another
    word ("EC2" in "EC22"); Korean particles attach directly ("EC2를") and do not.
    """
    # Longest first, so "EC2 (Elastic Compute Cloud)" is blanked whole, not piece by piece.
    words = sorted({escape(n, quote=False).lower() for n in names if n.strip()}, key=len)[::-1]
    if not words:
        return html
    parts = _TAG.split(html)
    out = []
    for i, part in enumerate(parts):
        # A formula is TeX for MathJax: a blank inside it would break the whole formula.
        kept = part.startswith("<") or (i > 0 and _MATH.match(parts[i - 1]) is not None)
        out.append(part if kept else _blank(part, words))
    return "".join(out)


def _blank(text: str, words: list[str]) -> str:
    # str.find, not a regex built per note: compiling one costs more than a whole note's build.
    low = text.lower()
    if len(low) != len(text):  # a rare letter whose lower case is longer: offsets would drift
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    # Per position, not per earlier match: a term repeated a thousand times in its own
    # definition must cost a thousand checks, not a million.
    taken = bytearray(len(text) + 1)
    inside_reference = bytearray(len(text) + 1)
    if "&" in text:
        for match in _REFERENCE.finditer(text):
            inside_reference[match.start() + 1 : match.end()] = b"\1" * (len(match[0]) - 1)
    spans: list[tuple[int, int]] = []
    for word in words:
        start = low.find(word)
        while start >= 0:
            end = start + len(word)
            if (
                _standalone(low, start, end)
                and not any(taken[start:end])
                and not (inside_reference[start] or inside_reference[end])
            ):
                spans.append((start, end))
                taken[start:end] = b"\1" * (end - start)
            start = low.find(word, start + 1)
    out, last = [], 0
    for start, end in sorted(spans):
        out += [text[last:start], BLANK]
        last = end
    out.append(text[last:])
    return "".join(out)


def _standalone(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (_latin_or_digit(before) or _latin_or_digit(after))


def _latin_or_digit(char: str) -> bool:
    return char.isascii() and char.isalnum()
