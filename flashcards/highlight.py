"""Fenced code highlighted at build time with Pygments: classed spans, coloured by the card CSS."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from pygments.token import STANDARD_TYPES, Comment, Keyword, Name, Number, Operator, String

if TYPE_CHECKING:
    from pygments.formatters import HtmlFormatter

PREFIX = "hl-"
"""Pygments' short classes (`k`, `s`, `c`) prefixed, so they never meet the card's own classes."""

# The token kinds a card colours, most specific first; each is a CSS variable in `cards.CSS`.
_COLOURS = (
    (Operator.Word, "--code-keyword"),
    (Keyword, "--code-keyword"),
    (Name.Builtin, "--code-builtin"),
    (Name.Function, "--code-function"),
    (Name.Class, "--code-function"),
    (Name.Decorator, "--code-builtin"),
    (String, "--code-string"),
    (Number, "--code-number"),
    (Comment, "--code-comment"),
)

CLASSES = frozenset(f"{PREFIX}{short}" for short in STANDARD_TYPES.values() if short)
"""Every class the highlighter writes: the sanitizer keeps them where a sheet has raw HTML."""


def highlight(code: str, language: str, _attrs: str = "") -> str:
    """`code` as HTML spans for markdown-it's fence; "" (plain, escaped by the caller) when
    the language is none Pygments knows."""
    if not language:
        return ""
    # Imported here: Pygments' formatters and lexer tables cost every build 5 ms, and only a
    # sheet with fenced code needs them.
    from pygments import highlight as pygmentize
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        lexer = get_lexer_by_name(language, stripnl=False, ensurenl=False)
    except ClassNotFound:
        return ""
    return pygmentize(code, lexer, _formatter())


@cache
def _formatter() -> HtmlFormatter:
    from pygments.formatters import HtmlFormatter

    # Classed spans only: a card's colours live in the note type's CSS, once for light and
    # once for night, and an inline style would fix one of them for both.
    return HtmlFormatter(nowrap=True, classprefix=PREFIX)


def css() -> str:
    """One rule per colour: the classes of every token kind under it, e.g. all strings."""
    groups: dict[str, list[str]] = {}
    for token, short in STANDARD_TYPES.items():
        variable = next((v for kind, v in _COLOURS if token in kind), None)
        if short and variable:
            groups.setdefault(variable, []).append(f".{PREFIX}{short}")
    rules = [f"{', '.join(sorted(names))} {{ color: var({v}); }}" for v, names in groups.items()]
    comments = (f".{PREFIX}{s}" for t, s in STANDARD_TYPES.items() if s and t in Comment)
    rules.append(f"{', '.join(sorted(comments))} {{ font-style: italic; }}")
    return "\n".join(rules) + "\n"
