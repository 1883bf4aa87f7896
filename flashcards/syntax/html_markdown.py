"""The converter behind `html_document`: an HTML block as the tokens of the Markdown it
stands for (BeautifulSoup's tree, markdownify's Markdown), each element on its source line."""

from __future__ import annotations

from collections.abc import Iterator
from copy import copy

from bs4 import BeautifulSoup, NavigableString, Tag
from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdownify import ATX, MarkdownConverter

DOCUMENT = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "dl", "dt", "blockquote", "table"}
)
"""Elements that make an HTML block a piece of document rather than an embed."""

_OWN_RULE = frozenset({"details", "summary"})
"""Elements whose blocks stay HTML: `<details>` has a rule of its own."""


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
    for line, lines, text, rows, items in _elements(soup):
        start = min(first + line - 1, last - 1)
        end = min(start + lines, last)
        parsed = md.parse(text, env)
        for t in parsed:
            _shift(t, start, end)
            found.append(t)
        _on_rows(parsed, [min(first + row - 1, last - 1) for row in rows])
        _on_items(parsed, [min(first + item - 1, last - 1) for item in items])
    return found


def _elements(soup: BeautifulSoup) -> Iterator[tuple[int, int, str, list[int], list[int]]]:
    """Each top-level element as Markdown, with the block line (from 1) where it starts, the
    number of lines it spans, for a table the line of each row and for a list the line of
    each item; loose text is on the line of the element before it."""
    line = 1
    for child in soup.children:
        rows: list[int] = []
        items: list[int] = []
        if isinstance(child, Tag):
            line = _first_line(child) or line
            if child.name == "table":
                text, rows = _table(child, line)
            else:
                text = _CONVERTER.convert_soup(child)
                items = [li.sourceline or line for li in child.find_all("li")]
        elif isinstance(child, NavigableString):
            text = str(child)
        else:
            continue
        if text.strip():
            yield line, str(child).count("\n") + 1, text.strip("\n") + "\n", rows, items


def _table(table: Tag, line: int) -> tuple[str, list[int]]:
    """An HTML table as a Markdown table, each cell on one line (its points joined by line
    breaks), and the line of each row: a table of terms written in HTML is read as one
    written in Markdown. A table with no header cells gets a blank header, as a grid does;
    one of a single column stays HTML."""
    rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    cells = [[_cell(td) for td in tr.find_all(("td", "th"), recursive=False)] for tr in rows]
    width = max((len(row) for row in cells), default=0)
    if width < 2:  # a box drawn as a table, one cell wide: kept as the author made it
        return str(table), []
    lines = [tr.sourceline or line for tr in rows]
    if not rows[0].find("th", recursive=False):
        cells, lines = [[""] * width, *cells], [lines[0], *lines]
    padded = [row + [""] * (width - len(row)) for row in cells]
    text = [_row(padded[0]), _row(["---"] * width), *(_row(row) for row in padded[1:])]
    return "\n".join(text) + "\n", lines


def _cell(cell: Tag) -> str:
    """A cell's Markdown on one line: its lines and points joined by `<br>`, pipes escaped."""
    inner = copy(cell)
    inner.name = "div"  # its content alone: a cell converts with the table's pipes around it
    text = _CONVERTER.convert_soup(inner).strip()
    return "<br>".join(part.strip() for part in text.splitlines() if part.strip()).replace(
        "|", "\\|"
    )


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _on_rows(parsed: list[Token], rows: list[int]) -> None:
    """Puts each row of a converted table on the line of its `<tr>` (the header's and the
    separator's lines both on the first row's)."""
    opened = [t for t in parsed if t.type == "tr_open"]
    for tok, line in zip(opened, rows, strict=False):
        tok.map = [line, line + 1]


def _on_items(parsed: list[Token], items: list[int]) -> None:
    """Puts each item of a converted list, and the paragraph that opens it, on the line of
    its `<li>`, when the Markdown holds one item for each (an item written over several
    lines of HTML becomes one line of Markdown)."""
    opened = [k for k, t in enumerate(parsed) if t.type == "list_item_open"]
    if len(opened) != len(items):
        return
    for k, line in zip(opened, items, strict=True):
        parsed[k].map = [line, max(line + 1, parsed[k].map[1] if parsed[k].map else 0)]
        if k + 1 < len(parsed) and parsed[k + 1].type == "paragraph_open":
            parsed[k + 1].map = [line, line + 1]


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
