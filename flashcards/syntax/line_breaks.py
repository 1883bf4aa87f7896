"""`<br>` tags, as writers use them. A line of only `<br>` tags where a block would start
(`### 데이터` over `<br/>` over the text) is the writer's spacing: Markdown would open an HTML
block there that runs to the next blank line and swallows the text under it; here the line
gives no token, and the text after it is read as Markdown. A `<br>` inside text
(`- PnP(Plug and Play)<br>하드웨어를 설치하면 …`) is a line break, as a reader sees it, and the
rules read the line as two; tags side by side, or beside a line end, are one break."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererProtocol
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from flashcards.syntax.page_lines import skipping

_LINE = re.compile(r"(?:<br\s*/?>[ \t]*)+", re.IGNORECASE)
_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
BREAKS = frozenset({"softbreak", "hardbreak"})
"""The inline tokens that break a line."""


def ends_line(tok: Token) -> bool:
    """Whether an inline token ends a line of the source: a break, but for a `<br>` written
    inside a line, which breaks the line a reader sees and not the source's."""
    return tok.type in BREAKS and "\n" in tok.meta.get("html", "\n")


def line_breaks_plugin(md: MarkdownIt) -> None:
    """Lines of only `<br>` tags at the start of a block give no token; a tag in text breaks
    the line."""
    md.block.ruler.before("html_block", "line_breaks", skipping(_LINE))
    md.core.ruler.push("inline_breaks", _inline_breaks)
    md.add_render_rule("hardbreak", _render_break)


def _inline_breaks(state: StateCore) -> None:
    for block in state.tokens:
        if (
            block.type == "inline"
            and block.children
            and any(c.type == "html_inline" and _TAG.fullmatch(c.content) for c in block.children)
        ):
            block.children = _broken(block.children)


def _broken(children: list[Token]) -> list[Token]:
    """The tokens with each `<br>` a hard break, and a break beside another joined to it;
    each such break keeps the HTML it stands for, so the card shows what it did."""
    out: list[Token] = []
    for child in children:
        tag = child.type == "html_inline" and _TAG.fullmatch(child.content) is not None
        if not tag and child.type not in BREAKS:
            out.append(child)
            continue
        html = child.content if tag else _HTML[child.type]
        if out and out[-1].type in BREAKS and (tag or out[-1].meta.get("html")):
            out[-1].meta["html"] = out[-1].meta.get("html", _HTML[out[-1].type]) + html
            out[-1].type = "hardbreak"
        elif tag:
            out.append(Token("hardbreak", "br", 0, level=child.level, meta={"html": html}))
        else:
            out.append(child)
    return out


_HTML = {"softbreak": "\n", "hardbreak": "<br />\n"}
"""What markdown-it renders for each break (with CommonMark's `xhtmlOut`, without `breaks`)."""


def _render_break(
    self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return tokens[idx].meta.get("html") or _HTML["hardbreak"]
