"""A `javascript:` (or `vbscript:`, `file:`, `data:`) link keeps its words, not its target."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.common.normalize_url import validateLink
from markdown_it.token import Token

from flashcards.syntax.inline_rewrite import inline_rewrite


def links_plugin(md: MarkdownIt) -> None:
    # markdown-it would leave such a link as its raw Markdown text, `[click](javascript:…)`;
    # the parser is told to accept every target, and the rule unwraps the unsafe ones.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    md.core.ruler.push("drop_unsafe_links", inline_rewrite(_unwrapped))


def _unwrapped(children: list[Token]) -> list[Token]:
    kept: list[Token] = []
    dropping: list[bool] = []  # for each open link: is it being unwrapped?
    for child in children:
        if child.type == "link_open":
            unsafe = _unsafe(str(child.attrGet("href") or ""))
            dropping.append(unsafe)
            if unsafe:
                continue
        elif child.type == "link_close" and dropping and dropping.pop():
            continue
        kept.append(child)
    return kept


def _unsafe(href: str) -> bool:
    """Whether a link's target (normalized already) must go. markdown-it lets `data:image/…`
    through as a picture; on a card it would be a link to the picture's bytes, carried in
    the deck, so every `data:` target goes."""
    return href.strip().lower().startswith("data:") or not validateLink(href)
