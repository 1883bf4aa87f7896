"""kramdown's block attribute lists, a line such as `{: .notice--info}` that Jekyll sheets
write under a paragraph to style it: markup for the page, no text of the sheet."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from flashcards.syntax.page_lines import skipping

_LINE = re.compile(r"\{:(?![:/])[^{}\n]*\}[ \t]*")
"""`{: .class #id key="value"}` and `{:ref: .class}`; `{::comment}` and `{:/comment}` are an
extension, no list."""


def attribute_lists_plugin(md: MarkdownIt) -> None:
    """A line that is only a block attribute list gives no token, and ends the paragraph
    above it, as kramdown reads it."""
    md.block.ruler.before(
        "paragraph", "attribute_list", skipping(_LINE), {"alt": ["paragraph", "blockquote", "list"]}
    )
