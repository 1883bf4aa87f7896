"""Jekyll's Liquid tags on a line of their own (`{% raw %}`, `{% include toc %}`, `{% capture
context1 %}`): the site's template, run before the Markdown is read, and never text a reader
sees. Each such line outside code is read as the blank line the site shows there, so that
the tag is no term (`{% capture context2 %}` over a list) and each line keeps its number; a
code block the site's way (`{% highlight ruby %}` … `{% endhighlight %}`) is read as a fence."""

from __future__ import annotations

import re

from flashcards.syntax.code_lines import code_lines

_TAG = re.compile(r"[ \t]*\{%-?[ \t]*(?P<name>\w+)(?P<given>[^%\n]*?)-?%\}[ \t]*")
"""A line that is one Liquid tag: `{% include blocks.html topic="명제" %}`, `{%- endraw -%}`."""


def untagged(text: str) -> str:
    """The text with each line that is one Liquid tag outside code read as a blank line, and
    a highlight tag as the fence it stands for. Most sheets have no tag, and are returned as
    they are without being parsed."""
    if "{%" not in text:
        return text
    lines = text.split("\n")
    code = code_lines(text)
    for n, line in enumerate(lines):
        tag = _TAG.fullmatch(line) if n not in code else None
        if tag is not None:
            lines[n] = _read_as(tag, line[: len(line) - len(line.lstrip())])
    return "\n".join(lines)


def _read_as(tag: re.Match[str], indent: str) -> str:
    """What a tag's line is read as: a fence at its indent for a highlight tag (inside a
    list item, the item's code), else a blank line."""
    if tag["name"] == "highlight":
        return indent + "```" + " ".join(tag["given"].split()[:1])
    return indent + "```" if tag["name"] == "endhighlight" else ""
