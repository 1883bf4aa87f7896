"""A line of only `<br>` tags where a block would start (`### 데이터` over `<br/>` over the
text): the writer's spacing. Markdown would open an HTML block there that runs to the next
blank line and swallows the text under it; here the line gives no token, and the text after
it is read as Markdown."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from flashcards.syntax.page_lines import skipping

_LINE = re.compile(r"(?:<br\s*/?>[ \t]*)+", re.IGNORECASE)


def line_breaks_plugin(md: MarkdownIt) -> None:
    """Lines of only `<br>` tags at the start of a block give no token."""
    md.block.ruler.before("html_block", "line_breaks", skipping(_LINE))
