"""The converter behind `html_document`: an HTML block as the tokens of the Markdown it
stands for (BeautifulSoup's tree, markdownify's Markdown), each element on its source line."""

from __future__ import annotations

from collections.abc import Iterator

from bs4 import BeautifulSoup, NavigableString, Tag
from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdownify import ATX, MarkdownConverter

DOCUMENT = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "dl", "dt", "blockquote"}
)
"""Elements that make an HTML block a piece of document rather than an embed."""

_OWN_RULE = frozenset({"details", "summary"})
"""Elements whose blocks stay HTML: `<details>` has a rule of its own."""

_AS_WRITTEN = frozenset({"table"})
"""Top-level elements kept as HTML: a table of HTML cells renders as the author made it."""

_CONTAINERS = frozenset({"ul", "ol", "dl", "blockquote"})

MAX_DEPTH = 50
"""Elements nested deeper than this keep their block as HTML: markdownify converts by
recursion, and a hostile sheet's thousand nested `<div>`s would exhaust the stack. No
document nests so deep."""


class _Converter(MarkdownConverter):
    def escape(self, text: str, parent_tags: set[str]) -> str:
        # Text the author wrote as `&lt;T&gt;` is text: left as `<T>`, Markdown would read it
        # as a tag, and the sanitizer would drop it.
        escaped = super().escape(text, parent_tags)
        return escaped.replace("&", "&amp;").replace("<", "&lt;")


_CONVERTER = _Converter(heading_style=ATX, bullets="-", escape_misc=False)


def tokens(md: MarkdownIt, tok: Token, env: dict) -> list[Token] | None:
    """The tokens of the Markdown a document block stands for, on its lines; None to keep it."""
    soup = BeautifulSoup(tok.content, "html.parser")
    if soup.find(_OWN_RULE) or not soup.find(DOCUMENT) or _deeper_than(soup, MAX_DEPTH):
        return None
    _pair_terms(soup)
    assert tok.map is not None
    first, last = tok.map[0], tok.map[1]
    found: list[Token] = []
    for line, lines, text in _elements(soup):
        start = min(first + line - 1, last - 1)
        end = min(start + lines, last)
        for t in md.parse(text, env):
            _shift(t, start, end)
            found.append(t)
    return found


def _elements(soup: BeautifulSoup) -> Iterator[tuple[int, int, str]]:
    """Each top-level element as Markdown, with the block line (from 1) where it starts and
    the number of lines it spans; loose text is on the line of the element before it."""
    line = 1
    for child in soup.children:
        if isinstance(child, Tag):
            line = _first_line(child) or line
            text = str(child) if child.name in _AS_WRITTEN else _CONVERTER.convert_soup(child)
        elif isinstance(child, NavigableString):
            text = str(child)
        else:
            continue
        if text.strip():
            yield line, str(child).count("\n") + 1, text.strip("\n") + "\n"


def _pair_terms(soup: BeautifulSoup) -> None:
    """Each loose `<dt>` and the `<dd>`s after it (their `<dl>` opened in an HTML block of
    its own, before a blank line) wrapped in a `<dl>` of their own, so that each term is read
    with its definition, on its own line."""
    for term in soup.find_all("dt", recursive=False):
        pair = term.wrap(soup.new_tag("dl"))
        later = pair.next_sibling
        while later is not None and (
            (isinstance(later, Tag) and later.name == "dd")
            or (isinstance(later, NavigableString) and not later.strip())
        ):
            following = later.next_sibling
            if isinstance(later, Tag):
                pair.append(later.extract())
            later = following


def _first_line(element: Tag) -> int | None:
    """Where an element's content starts: a list's first item may sit below its `<ul>`."""
    if element.name in _CONTAINERS and (inner := element.find(True)) is not None:
        return inner.sourceline
    return element.sourceline


def _shift(tok: Token, start: int, end: int) -> None:
    """Puts a token of a converted element on the element's own source lines."""
    if tok.map is not None:
        a, b = tok.map
        tok.map = [min(start + a, end - 1), max(min(start + b, end), min(start + a, end - 1) + 1)]


def _deeper_than(soup: BeautifulSoup, limit: int) -> bool:
    """Whether any element lies more than `limit` elements deep (walked without recursion)."""
    stack: list[tuple[Tag, int]] = [(soup, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in node.children if isinstance(child, Tag))
    return False
