"""Bold written as HTML, `<strong>프로세스</strong>란 …` or `<b>Tort</b>: …`: the author sees bold
on the page, so the rules do too. So is a term underlined (`<u>Abstraction:</u> Defines …`):
underline sets words apart as bold does. CommonMark keeps the tags as raw HTML inline; here
each pair in one line of text becomes the bold tokens `**` gives."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from flashcards.syntax.inline_rewrite import inline_rewrite

_OPEN = re.compile(r"<(?P<tag>strong|b|u)(?:\s[^<>]*)?>", re.IGNORECASE)
_CLOSE = re.compile(r"</(?P<tag>strong|b|u)\s*>", re.IGNORECASE)


def html_strong_plugin(md: MarkdownIt) -> None:
    md.core.ruler.push("html_strong", inline_rewrite(_pair))


def _pair(children: list[Token]) -> list[Token]:
    """Each `<strong>`, `<b>` or `<u>` with the first closing tag of its name after it, turned to
    bold in place (rendered with the tag the author wrote); a tag left unpaired stays HTML."""
    opened: tuple[int, str] | None = None
    for i, child in enumerate(children):
        if child.type != "html_inline":
            continue
        if match := _OPEN.fullmatch(child.content):
            opened = (i, match["tag"].lower())
        elif (match := _CLOSE.fullmatch(child.content)) and opened is not None:
            at, tag = opened
            if match["tag"].lower() == tag:
                children[at] = Token("strong_open", tag, 1, markup="**", level=child.level)
                children[i] = Token("strong_close", tag, -1, markup="**", level=child.level)
                opened = None
    return children
