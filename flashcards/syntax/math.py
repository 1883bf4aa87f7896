"""`$…$` and `$$…$$` math, written for Anki's MathJax as `\\(…\\)` and `\\[…\\]`.

mdit-py-plugins' dollarmath finds the math; only the delimiters it is written with are ours.
This is the one way a sheet asks Anki to typeset: its own `[$]…[/$]` stays inert text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from mdit_py_plugins.dollarmath import dollarmath_plugin

from flashcards.syntax.line_breaks import ends_line

MATH_CLASS = "math"
"""The class around every formula: the preview shows its TeX in a box (Anki typesets it)."""

INLINE = {"math_inline": "$", "math_inline_double": "$$"}
BLOCK = "math_block"

_ANKI_TAG = re.compile(r"\[/?\$\$?\]")

# A "$$" the plugin left as text, not escaped: an opening with no closing.
_LONE = re.compile(r"(?<!\\)\$\$")


def math_plugin(md: MarkdownIt) -> None:
    # No space inside the dollars and no digit outside them, so "$5 and $10" is a price;
    # no blank line inside "$$": a forgotten closing must not swallow the rest of the sheet.
    md.use(
        dollarmath_plugin,
        allow_labels=False,
        allow_space=False,
        allow_digits=False,
        allow_blank_lines=False,
        double_inline=True,
    )
    # Anki's own "[$]…[/$]" and "[$$]…[/$$]" hold dollars too; they stay inert text.
    md.inline.ruler.before("math_inline", "anki_latex_tag", _anki_tag)
    md.add_render_rule("math_inline", _inline)
    md.add_render_rule("math_inline_double", _display_inline)
    md.add_render_rule(BLOCK, _block)


def _anki_tag(state: StateInline, silent: bool) -> bool:
    """Anki's LaTeX tag as plain text, so its dollars neither open nor close a formula."""
    found = _ANKI_TAG.match(state.src, state.pos)
    if found is None:
        return False
    if not silent:
        state.push("text", "", 0).content = found[0]
    state.pos = found.end()
    return True


def _tex(tok: Token) -> str:
    # Escaped like any text: the browser decodes "&lt;" back to "<" before MathJax reads it.
    return escapeHtml(tok.content.strip())


def _inline(
    _renderer: object, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return f'<span class="{MATH_CLASS}">\\({_tex(tokens[idx])}\\)</span>'


def _display_inline(
    _renderer: object, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    # A span, not a div: it stands inside a paragraph; MathJax sets \[…\] on its own line.
    return f'<span class="{MATH_CLASS}">\\[{_tex(tokens[idx])}\\]</span>'


def _block(
    _renderer: object, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return f'<div class="{MATH_CLASS}">\\[{_tex(tokens[idx])}\\]</div>\n'


def plain(tok: Token) -> str:
    """A formula in plain text: its TeX between the dollars it was written with."""
    marker = INLINE.get(tok.type, "$$")
    return f"{marker}{tok.content.strip()}{marker}"


def unbalanced(toks: Sequence[Token]) -> Iterator[int]:
    """The line (0-based, in `toks`' text) of each line with a "$$" that opens no formula."""
    for tok in toks:
        if tok.type != "inline" or not tok.map:
            continue
        lines = tok.content.split("\n")
        row = 0  # the line of the paragraph that the child stands on
        for child in tok.children or []:
            if ends_line(child):
                row += 1
            elif child.type == "text" and "$$" in child.content and _lone(lines, row):
                yield tok.map[0] + row


def _lone(lines: Sequence[str], row: int) -> bool:
    # Written "\$\$", or Anki's "[$$]" tag, it is text on purpose, and no mistake.
    return row < len(lines) and _LONE.search(_ANKI_TAG.sub("", lines[row])) is not None
