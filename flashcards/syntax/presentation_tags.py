"""Tags that only colour or size text, `<span style="color:red">**Term**</span>: …`, `<font
color=ffd400>`, or a tag of the writer's own theme, `<cyan>**Inter-speaker**</cyan> = …`: the
author sees the words and their colour, so the rules read the words. A card keeps no such
style (the sanitizer drops it), so the tags go here, in every line of text; their words stay.
Tags a card keeps (`<br>`, `<sup>`, `<del>`) and those whose content is no text (`<script>`)
stay as they are."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from flashcards.syntax.inline_rewrite import inline_rewrite
from flashcards.terms import words

_TAG = re.compile(r"</?(?P<name>[A-Za-z][\w-]*)(?:\s[^<>]*)?/?>")

CARD_TAGS = frozenset(
    words(
        """a abbr b blockquote br code dd del details div dl dt em h1 h2 h3 h4 h5 h6 hr i ins kbd
    li mark ol p pre q s samp small span strong sub summary sup table tbody td tfoot th thead
    tr u ul var"""
    )
)
"""The tags a card keeps (the sanitizer keeps these and drops the rest, and every style)."""

_EMBEDDING = ("img", "picture", "source", "video", "audio", "iframe", "embed", "object", "svg")
_NO_TEXT = ("math", "canvas", "input", "script", "style", "textarea", "title", "template")
KEPT = (CARD_TAGS - {"span"}) | frozenset(_EMBEDDING + _NO_TEXT)
"""The tags that stay: those a card keeps, what embeds a picture or a player, and those whose
content is no text to read."""


def presentation_tags_plugin(md: MarkdownIt) -> None:
    md.core.ruler.push("presentation_tags", inline_rewrite(_drop))


def _drop(children: list[Token]) -> list[Token]:
    return [child for child in children if not _presents(child)]


def _presents(child: Token) -> bool:
    """Whether an inline token is a tag that only styles the text around it."""
    if child.type != "html_inline":
        return False
    match = _TAG.fullmatch(child.content.strip())
    return match is not None and match["name"].lower() not in KEPT
