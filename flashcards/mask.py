"""Blanking a term out of its own definition, so a reverse card never gives the answer away."""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

BLANK = '<span class="blank">[…]</span>'

_TAG = re.compile(r"(<[^>]*>)")


def mask(html: str, names: Iterable[str]) -> str:
    """`html` with every mention of any of `names` replaced by a blank, tags untouched."""
    pattern = _pattern(names)
    if pattern is None:
        return html
    parts = _TAG.split(html)
    return "".join(p if p.startswith("<") else pattern.sub(BLANK, p) for p in parts)


def _pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    # Longest first, so "EC2 (Elastic Compute Cloud)" is blanked whole, not piece by piece.
    words = sorted({escape(n, quote=False) for n in names if n.strip()}, key=len, reverse=True)
    if not words:
        return None
    # A Latin or digit neighbour means another word ("EC2" in "EC22"); Korean particles
    # attach directly ("EC2를"), so they do not count as neighbours.
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![A-Za-z0-9])(?:{alternatives})(?![A-Za-z0-9])", re.IGNORECASE)
