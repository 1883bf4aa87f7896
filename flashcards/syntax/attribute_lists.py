"""kramdown's block attribute lists, a line such as `{: .notice--info}` that Jekyll sheets
write under a paragraph to style it, and the attributes Pandoc, bookdown and kramdown put at
a heading's end (`## 약동학 {#PK-introduction}`, `### Beta (베타) {#beta}`): markup for the
page, no text of the sheet."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

from flashcards.syntax.page_lines import skipping

_LINE = re.compile(r"\{:(?![:/])[^{}\n]*\}[ \t]*")
"""`{: .class #id key="value"}` and `{:ref: .class}`; `{::comment}` and `{:/comment}` are an
extension, no list."""


_HEADING_END = re.compile(
    r"[ \t]+\{[ \t]*(?:[#.][\w:.-]+|-)(?:[ \t]+[#.][\w:.-]+|[ \t]+\w+=\S+)*[ \t]*\}$"
)
"""`{#id}`, `{#id .class}`, `{.unnumbered}`, `{-}` after a space at a heading's end; `{x}`, a
word in braces, is the heading's own text."""


def attribute_lists_plugin(md: MarkdownIt) -> None:
    """A line that is only a block attribute list gives no token, and ends the paragraph
    above it, as kramdown reads it; the attributes at a heading's end are dropped."""
    md.block.ruler.before(
        "paragraph", "attribute_list", skipping(_LINE), {"alt": ["paragraph", "blockquote", "list"]}
    )
    md.core.ruler.before("inline", "heading_attributes", _heading_attributes)


def _heading_attributes(state: StateCore) -> None:
    for k, tok in enumerate(state.tokens):
        if tok.type == "inline" and k and state.tokens[k - 1].type == "heading_open":
            tok.content = _HEADING_END.sub("", tok.content)
