"""Markdown to card HTML and plain text: one configured markdown-it, a few rules of ours."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.common.normalize_url import validateLink
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

KEY_CLASS = "key"

MAX_NESTING = 100
"""markdown-it silently drops what lies deeper than this many token levels; see `too_deep`."""
"""The class that marks an author's key phrase (inline code) on a card."""


def _code_inline(
    _renderer: object, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return f'<code class="{KEY_CLASS}">{escapeHtml(tokens[idx].content)}</code>'


def _image(
    _renderer: object, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    # A deck ships no media, so a picture would be a broken link on every card.
    return ""


def _drop_unsafe_links(state: StateCore) -> None:
    """A `javascript:` (or `vbscript:`, `file:`, `data:`) link keeps its words, not its target.

    markdown-it would leave such a link as its raw Markdown text, `[click](javascript:…)`;
    the parser is told to accept every target, and this rule unwraps the unsafe ones.
    """
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


def _make() -> MarkdownIt:
    # html=False: raw HTML in a source reaches a card as visible text, never as markup.
    md = MarkdownIt(
        "commonmark",
        {"html": False, "linkify": False, "typographer": False, "maxNesting": MAX_NESTING},
    )
    md.validateLink = lambda url: True  # type: ignore[method-assign]  # see _drop_unsafe_links
    md.core.ruler.push("drop_unsafe_links", _drop_unsafe_links)
    md.add_render_rule("code_inline", _code_inline)
    md.add_render_rule("image", _image)
    return md


MD = _make()
_BREAKS = {"softbreak", "hardbreak"}


_HEADING = re.compile(r"^#{1,6}(?:[ \t]|$)", re.M)
_REFERENCE = re.compile(r"^ {0,3}\[(?:[^\]\\]|\\.)+\]:", re.M)


def pieces(text: str, cut: bool = True) -> list[tuple[int, int, int]]:
    """Where to cut the text for parsing: (number of lines before, start, end) of each piece.

    Parsing a large sheet whole builds and holds millions of tokens at once. An ATX heading
    at the start of a line ends every open block but a top-level fenced code block, so the
    text is cut before each one and the pieces parse as the whole does; a piece that ends
    inside such a fence shows that the cut was inside it (see `ends_in_fence`). Not cut at
    all when a link reference definition, usable anywhere in the text, is present.
    """
    if not cut or _REFERENCE.search(text):
        return [(0, 0, len(text))]
    cuts = [m.start() for m in _HEADING.finditer(text) if m.start() > 0]
    found, line = [], 0
    for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True):
        found.append((line, start, end))
        line += text.count("\n", start, end)
    return found


def ends_in_fence(toks: Sequence[Token], part: str) -> bool:
    """Whether the part's last top-level block is a fenced code block left open."""
    last = next((t for t in reversed(toks) if t.level == 0), None)
    if last is None or last.type != "fence" or not last.map:
        return False
    lines = part.split("\n")
    closing = lines[last.map[1] - 1].strip() if last.map[1] - 1 > last.map[0] else ""
    marker = last.markup
    return not (closing.startswith(marker) and not closing.strip(marker[0]))


def tokens(text: str) -> list[Token]:
    """The block token stream of a source; each block token's `map` holds its lines."""
    return MD.parse(text)


def too_deep(toks: Sequence[Token]) -> Token | None:
    """The first token at the depth where markdown-it stops reading, if any.

    Past `MAX_NESTING` levels the parser skips the rest of the block without a word; a
    definition cut short would be a wrong card, so the parser reports it instead.
    """
    # A container opened at the last level has its content tokenized one level deeper,
    # where markdown-it gives up.
    return next((t for t in toks if t.nesting == 1 and t.level >= MAX_NESTING - 1), None)


def html(block_tokens: Sequence[Token]) -> str:
    """Card HTML for a run of block tokens."""
    kept: list[Token] = []
    dropped = False
    for t in block_tokens:
        if t.type == "inline" and t.children:
            t.children = _without_images(t.children)
            dropped = not t.children and bool(kept) and kept[-1].type == "paragraph_open"
            if dropped:
                kept.pop()  # a paragraph that held only a picture goes whole
                continue
        elif t.type == "paragraph_close" and dropped:
            dropped = False
            continue
        kept.append(t)
    return MD.renderer.render(kept, MD.options, {}).strip()


def _without_images(children: list[Token]) -> list[Token]:
    """Inline tokens without pictures, and without the line breaks that only framed them."""
    kept = [c for c in children if c.type != "image"]
    while kept and kept[0].type in _BREAKS | {"text"} and not kept[0].content.strip():
        kept.pop(0)
    while kept and kept[-1].type in _BREAKS | {"text"} and not kept[-1].content.strip():
        kept.pop()
    return kept


def inline_html(children: Sequence[Token]) -> str:
    """Card HTML for a run of inline tokens."""
    return MD.renderer.renderInline(children, MD.options, {}).strip()


def plain(children: Sequence[Token]) -> str:
    """The words a reader sees in a run of inline tokens, without markup."""
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())


def block_plain(block_tokens: Sequence[Token]) -> str:
    """Plain text of a run of block tokens, a line per block of text."""
    lines: list[str] = []
    for t in block_tokens:
        if t.type == "inline":
            lines.append(plain(t.children or []))
        elif t.type in ("fence", "code_block"):
            lines.append(t.content.strip())
    return "\n".join(line for line in lines if line)
