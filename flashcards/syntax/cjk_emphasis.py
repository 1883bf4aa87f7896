"""CJK-friendly emphasis: `**PCB(Process Control Block)**는` is bold, as Koreans write it.

CommonMark does not close `**` between `)` and a Hangul letter: a run after punctuation must
be followed by space or punctuation to be right-flanking (commonmark-spec issue 650). The
"CJK-friendly amendments" (tats-u/markdown-cjk-friendly, `specification.md`) let a CJK
character stand where that space or punctuation would; this rule follows them for `*` and
`_` in place of markdown-it-py's `emphasis` tokenizer (its pairing, `balance_pairs` and
`emphasis` post-processing, is unchanged). Soft line breaks are not touched: between two
Hangul words a line break stays a space, as Korean needs (joining lines is for Chinese and
Japanese only).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from re import Pattern

from markdown_it import MarkdownIt
from markdown_it.common.utils import isWhiteSpace
from markdown_it.rules_inline.state_inline import Delimiter, Scanned, StateInline

_IDEOGRAPHIC_VS = range(0xE0100, 0xE01F0)
"""Ideographic Variation Selectors (the spec's 2.1)."""
_GENERAL_VS = range(0xFE00, 0xFE0F)
"""Non-emoji general-use Variation Selectors: U+FE00 to U+FE0E (U+FE0F asks for emoji)."""


def cjk_emphasis_plugin(md: MarkdownIt) -> None:
    md.inline.ruler.at("emphasis", _tokenize)


@lru_cache(maxsize=4096)
def is_cjk(char: str) -> bool:
    """A CJK character: East Asian Width W, F or H and no default emoji presentation, or of
    the Hangul script (whose jamo are of narrow or neutral width)."""
    if char.isascii():
        return False
    code = ord(char)
    if unicodedata.east_asian_width(char) in ("W", "F", "H") and (
        code < 0x2300 or 0x2C00 <= code < 0x10000
    ):
        return True  # Hangul, kana, ideographs, CJK punctuation: no emoji stands here
    return _cjk_pattern().match(char) is not None


@lru_cache(maxsize=1)
def _cjk_pattern() -> Pattern[str]:
    # The `regex` module knows the Unicode properties Python's own lacks (width, emoji,
    # script); loaded only for text beyond ASCII.
    import regex

    return regex.compile(
        r"[[\p{ea=W}\p{ea=F}\p{ea=H}]--[\p{Emoji_Presentation}]]|\p{sc=Hangul}", regex.V1
    )


def is_punctuation(char: str) -> bool:
    """CommonMark 0.31.2's Unicode punctuation: general category P or S."""
    return unicodedata.category(char).startswith(("P", "S"))


def _non_cjk_punctuation(char: str) -> bool:
    return is_punctuation(char) and not is_cjk(char)


def scan(src: str, start: int, end: int, can_split_word: bool) -> Scanned:
    """Whether the run of `*` or `_` at `start` can open and close emphasis, by the
    amended flanking rules; `end` is where the inline text ends."""
    marker, pos = src[start], start
    while pos < end and src[pos] == marker:
        pos += 1
    # The characters around the run; the start and end of the line count as white space.
    last = src[start - 1] if start > 0 else " "
    before = src[start - 2] if start > 1 else " "
    following = src[pos] if pos < end else " "
    last_space, next_space = isWhiteSpace(ord(last)), isWhiteSpace(ord(following))
    # A sequence before the run may end in a variation selector: what it follows counts.
    selected = ord(last) in _GENERAL_VS
    lead = before if selected else last
    last_non_cjk_punct = _non_cjk_punctuation(lead)
    next_non_cjk_punct = _non_cjk_punctuation(following)
    left = not next_space and (
        not next_non_cjk_punct
        or last_space
        or last_non_cjk_punct
        or is_cjk(lead)
        or ord(last) in _IDEOGRAPHIC_VS
    )
    right = not last_space and (
        not last_non_cjk_punct or next_space or next_non_cjk_punct or is_cjk(following)
    )
    if can_split_word:  # `*`
        return Scanned(left, right, pos - start)
    # `_` and `__` open only where a word may not go on across them, and close likewise.
    last_punct = is_punctuation(lead)
    can_open = left and (not right or last_punct)
    can_close = right and (not left or is_punctuation(following))
    return Scanned(can_open, can_close, pos - start)


def _tokenize(state: StateInline, silent: bool) -> bool:
    """markdown-it-py's emphasis tokenizer, with the amended `scan`: each marker a text
    token, and a delimiter for the pairing that follows."""
    start = state.pos
    marker = state.src[start]
    if silent or marker not in ("_", "*"):
        return False
    scanned = scan(state.src, start, state.posMax, marker == "*")
    for _ in range(scanned.length):
        token = state.push("text", "", 0)
        token.content = marker
        state.delimiters.append(
            Delimiter(
                marker=ord(marker),
                length=scanned.length,
                token=len(state.tokens) - 1,
                end=-1,
                open=scanned.can_open,
                close=scanned.can_close,
            )
        )
    state.pos += scanned.length
    return True
