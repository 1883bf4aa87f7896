"""Anki syntax in a sheet's text made inert: shown as written, never played, typeset or clozed."""

from __future__ import annotations

import re

# Anki finds its own syntax in a field's raw HTML: sound and TTS tags ("[sound:x.mp3]",
# "[anki:tts]…[/anki:tts]", and "[anki:play:…]" that its reviewer turns into a play button),
# LaTeX ("[$]…[/$]", "[$$]…[/$$]", "[latex]…[/latex]") and cloze markers ("{{c1::…::hint}}").
# Each match starts at the character this finds; the lookahead leaves the rest as it is.
_OPENING = re.compile(
    r"\[(?=sound:|/?anki:|/?(?:\$\$?|latex)\])"  # the bracket of a media or LaTeX tag
    r"|\{(?=\{)|\}(?=\})|:(?=:)",  # each brace or colon that another one follows
    re.IGNORECASE,
)

# A numeric character reference is the same character to the browser (in text and in an
# attribute value alike), but not to Anki's patterns, which read the raw HTML.
_REFERENCES = {"[": "&#91;", "{": "&#123;", "}": "&#125;", ":": "&#58;"}


# MathJax, on every client, typesets what stands between "\(" and "\)" or "\[" and "\]" in
# the page's text, where a character reference is already read: a backslash before a bracket
# gets an invisible word joiner (U+2060) after it. A sheet asks for math with dollars only;
# its formulas stand in spans of their own (`flashcards.syntax.math`) and stay live.
_FORMULA = re.compile(r'(<(?:span|div) class="math">[^<]*</(?:span|div)>)')
_DELIMITER = re.compile(r"\\(?=[()\[\]])")
_JOINED = "\\&#8288;"


def inert(html: str) -> str:
    """`html` with the first character of each Anki syntax sequence written as a character
    reference, so that a learner sees the same text and Anki finds no tag in it.

    Any other character keeps its bytes: a field without such a sequence comes back unchanged.
    A run such as "{{{" or ":::" has every character but its last replaced, so no pair is left.
    """
    if "\\" in html:
        parts = _FORMULA.split(html)  # odd parts are formulas: their delimiters are live
        parts[::2] = [_DELIMITER.sub(_JOINED, part) for part in parts[::2]]
        html = "".join(parts)
    return _OPENING.sub(lambda m: _REFERENCES[m[0]], html)
