"""A bold label on a line of its own over a term's text (`**정의**` then `유동성 함정은 …`,
`**Symptoms:**`): no note, but the label is seen, so that a heading over labels is known to
name the term they describe (see `rules.headings`)."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.rules.found import Context, Found
from flashcards.terms import is_label, key


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "paragraph_open" or ctx.inside(i) != "":
        return None
    first = markup.lines(toks[i + 1].children or [])[0]
    inner = markup.bold_whole(first)
    if inner is None:
        return None
    name = markup.plain(inner).strip().rstrip(":\uff1a").strip()
    return Found(i + 2, bold=[key(name)]) if is_label(name) else None
