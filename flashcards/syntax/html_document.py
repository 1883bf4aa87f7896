"""A sheet written in HTML read as the Markdown it stands for.

Blog exports and some editors save notes as raw HTML (`<h4>`, `<p>`, `<ul><li>`,
`<strong>`), which CommonMark keeps as opaque HTML blocks: no rule would see a heading, a
list or a bold term in them. A top-level HTML block that holds such document elements is
converted to Markdown (markdownify, on a BeautifulSoup tree) and parsed in its place, each
element on the source line where it starts. `<details>` blocks are left to their own rule,
and a block without document elements (a picture, a `<div>` of badges) stays HTML.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

_DOCUMENT_TAG = re.compile(r"<(?:h[1-6]|p|ul|ol|dl|dt|blockquote|table)[\s>/]", re.IGNORECASE)
"""An opening tag of a document element (see `html_markdown.DOCUMENT`): only a block with
one is worth converting, and only then is the converter (BeautifulSoup, markdownify) loaded,
so a sheet without such HTML never pays for importing it."""

_INSIDE = "html_document"
"""Set in the environment while a converted block is parsed, so it is never converted again."""


def html_document_plugin(md: MarkdownIt) -> None:
    md.core.ruler.push("html_document", lambda state: _convert(md, state))


def _convert(md: MarkdownIt, state: StateCore) -> None:
    if "<" not in state.src or state.env.get(_INSIDE) or not any(map(_candidate, state.tokens)):
        return
    from flashcards.syntax import html_markdown  # loaded only for a sheet with such HTML

    tokens: list[Token] = []
    state.env[_INSIDE] = True
    try:
        for tok in state.tokens:
            found = html_markdown.tokens(md, tok, state.env) if _candidate(tok) else None
            tokens.extend([tok] if found is None else found)
    finally:
        state.env.pop(_INSIDE, None)
    state.tokens = tokens


def _candidate(tok: Token) -> bool:
    return (
        tok.type == "html_block"
        and tok.level == 0
        and tok.map is not None
        and _DOCUMENT_TAG.search(tok.content) is not None
    )
