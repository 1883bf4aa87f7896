"""Code written as HTML, `<code>READ COMMITTED</code>` over its points: the author sees code
on the page, so the rules do too. CommonMark keeps the tags as raw HTML inline; here a pair
around plain text in one line becomes the code token a pair of backticks gives."""

from __future__ import annotations

import html
import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from flashcards.syntax.inline_rewrite import inline_rewrite

_OPEN = re.compile(r"<code(?:\s[^<>]*)?>", re.IGNORECASE)
_CLOSE = re.compile(r"</code\s*>", re.IGNORECASE)


def html_code_plugin(md: MarkdownIt) -> None:
    md.core.ruler.push("html_code", inline_rewrite(_joined))


def _joined(children: list[Token]) -> list[Token]:
    """The tokens with each `<code>`, text, `</code>` run turned to one code token; a tag
    around anything but text (`<code><b>x</b></code>`) stays HTML."""
    out: list[Token] = []
    i = 0
    while i < len(children):
        run = children[i : i + 3]
        if (
            len(run) == 3
            and run[0].type == "html_inline"
            and _OPEN.fullmatch(run[0].content)
            and run[1].type == "text"
            and run[2].type == "html_inline"
            and _CLOSE.fullmatch(run[2].content)
        ):
            content = html.unescape(run[1].content)
            out.append(
                Token("code_inline", "code", 0, content=content, markup="`", level=run[0].level)
            )
            i += 3
            continue
        out.append(children[i])
        i += 1
    return out
