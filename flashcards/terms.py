"""Small text rules of the grammar: term forms, heading enumerators, definition separators."""

from __future__ import annotations

import re

# "EC2 (Elastic Compute Cloud)" and "CDN(콘텐츠 배포 네트워크)": a short form, then one
# parenthesised expansion that ends the term.
_EXPANDED = re.compile(r"^(?P<short>.*?\S)\s*\((?P<expansion>[^()]*\S[^()]*)\)$", re.S)

# "1. ", "2) ", "03 - ", "4 — " before a heading's words; "3.14 Pi" keeps its number.
_ENUMERATOR = re.compile(r"^\d+(?:[.)]|\s*[-–—])\s+")

# What may stand between a term and a definition on one line: "**EC2**: ...", "**EC2** — ...".
_SEPARATOR = re.compile(r"^\s*[:\-–—]?\s*")


def split_term(term: str) -> tuple[str, str]:
    """The short form and the expansion ("" when there is none) of a term."""
    match = _EXPANDED.match(term)
    if match is None:
        return term, ""
    return match["short"].strip(), match["expansion"].strip()


def clean_term(bold_text: str) -> str:
    """The term in a bold span: trimmed, a trailing colon dropped."""
    return bold_text.strip().removesuffix(":").strip()


def heading_name(heading_text: str) -> str:
    """A heading as a category name, its leading enumerator removed."""
    text = heading_text.strip()
    name = _ENUMERATOR.sub("", text, count=1)
    return name if name else text


def strip_separator(text: str) -> str:
    """Definition text with the separator after the term removed."""
    return _SEPARATOR.sub("", text, count=1)
