"""A paragraph that only names examples (`**Examples:**`, `For example:`, `예시:`) over a
list: the list's items are the cases that illustrate what stands above, sentences and their
translations, no terms; as under a heading that names examples. The label is seen as any
bold label is (see `rules.label`)."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.names import names_examples
from flashcards.rules.found import LISTS, Context, Found, close
from flashcards.terms import key


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "paragraph_open" or i + 3 >= len(toks) or toks[i + 3].type not in LISTS:
        return None
    lines = markup.lines(toks[i + 1].children or [])
    name = markup.plain(lines[0]).strip()
    if len(lines) != 1 or not names_examples(name):
        return None
    bold = markup.bold_whole(lines[0]) is not None
    return Found(close(toks, i + 3) + 1, bold=[key(name.rstrip(":\uff1a "))] if bold else [])
