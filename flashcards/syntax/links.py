"""A `javascript:` (or `vbscript:`, `file:`, `data:`) link keeps its words, not its target."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.common.normalize_url import validateLink
from markdown_it.rules_core import StateCore
from markdown_it.token import Token


def links_plugin(md: MarkdownIt) -> None:
    # markdown-it would leave such a link as its raw Markdown text, `[click](javascript:…)`;
    # the parser is told to accept every target, and the rule unwraps the unsafe ones.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    md.core.ruler.push("drop_unsafe_links", _drop_unsafe_links)


def _drop_unsafe_links(state: StateCore) -> None:
    for block in state.tokens:
        if block.type == "inline" and block.children:
            block.children = _unwrapped(block.children)


def _unwrapped(children: list[Token]) -> list[Token]:
    kept: list[Token] = []
    dropping: list[bool] = []  # for each open link: is it being unwrapped?
    for child in children:
        if child.type == "link_open":
            unsafe = not validateLink(str(child.attrGet("href") or ""))  # normalized already
            dropping.append(unsafe)
            if unsafe:
                continue
        elif child.type == "link_close" and dropping and dropping.pop():
            continue
        kept.append(child)
    return kept
