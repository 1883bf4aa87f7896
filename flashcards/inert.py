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


def inert(html: str) -> str:
    """`html` with the first character of each Anki syntax sequence written as a character
    reference, so that a learner sees the same text and Anki finds no tag in it.

    Any other character keeps its bytes: a field without such a sequence comes back unchanged.
    A run such as "{{{" or ":::" has every character but its last replaced, so no pair is left.
    """
    return _OPENING.sub(lambda m: _REFERENCES[m[0]], html)
