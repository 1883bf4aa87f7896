"""A display formula that names what it computes in words, on the left of its equals sign
(`$$Price\\:elasticity\\:of\\:demand = \\frac{dQ}{dP} * \\frac{P}{Q}$$`, `$$\\text{표본평균} =
\\frac{1}{n}\\sum x_i$$`), is a note: the name its term, the formula after the sign its
definition. A writer who spaces words into TeX (`\\:`, `\\ `) or sets them as text
(`\\text{…}`) is naming the quantity; a letter or a symbol (`$$E = mc^2$$`) names none. The
note stands beside whatever the heading over it is: a term's formula under its own heading
is that heading's."""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence

from markdown_it.token import Token

from flashcards.rules.found import Context, Found
from flashcards.rules.notes import blocks_note
from flashcards.terms import HANGUL, key

_WRAPPED = re.compile(r"\\(?:text|mathrm|textrm|textit|mbox|operatorname)\s*\{([^{}]*)\}")
_SPACING = re.compile(r"\\[:,;! ]|\\quad\b|\\qquad\b|~")
_NAME = re.compile(r"[A-Za-z\uac00-\ud7a3][A-Za-z\uac00-\ud7a3'\u2019()\- ]*")
"""What a name in words is, once its TeX is taken off: letters, spaces, a hyphen, brackets."""


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    tok = toks[i]
    if tok.type != "math_block":
        return None
    named = _named(tok.content)
    if named is None:
        return None
    name, formula = named
    if key(name) == key(ctx.category):
        return None  # `## Sample mean` over its formula: the heading's note holds it
    body = copy.copy(tok)
    body.content = formula
    note = blocks_note(ctx, ctx.line(tok), name, [body])
    return Found(i, aside=[note], bold=[key(name)])


def _named(tex: str) -> tuple[str, str] | None:
    """The name in words on the left of the formula's first equals sign, and the formula
    after it; None when the left side is no name so written."""
    left, sign, right = tex.partition("=")
    if not sign or not right.strip() or "\n" in left.strip():
        return None
    words = _WRAPPED.sub(r" \1 ", left)
    typeset = words != left or _SPACING.search(left) is not None or HANGUL.search(left)
    name = " ".join(_SPACING.sub(" ", words).split())
    if not typeset or not _NAME.fullmatch(name):
        return None
    if len(name.split()) < 2 and not HANGUL.search(name):
        return None  # `\text{MSE}`: an abbreviation a formula may use as a symbol
    return name, right.strip()
