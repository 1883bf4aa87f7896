"""A definition list is a list of notes: each term (`Term`) with the definitions under it
(`: definition`), as mdit-py-plugins' `deflist` reads them; a term with several definitions
has them one after another. One may open a list item too (`- Sutures` over `: 봉합의 의미`).
Definitions with no term line, right under a heading (`# Data` over `: 수집한 사실들 …`), are
the heading's (see `syntax.headless_definitions`)."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.rules.found import Context, Found, close
from flashcards.rules.notes import note
from flashcards.terms import clean_term


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "dl_open" or ctx.inside(i) not in ("", "blockquote", "list_item"):
        return None
    end = close(toks, i)
    entries: list[tuple[str, int, list[Sequence[Token]]]] = []  # term, line, definitions
    j = i + 1
    while j < end:
        closing = close(toks, j)
        if toks[j].type == "dt_open":
            term = clean_term(markup.plain(toks[j + 1].children or []))
            entries.append((term, ctx.line(toks[j]), []))
        elif toks[j].type == "dd_open" and entries:
            entries[-1][2].append(toks[j + 1 : closing])
        j = closing + 1
    notes = [
        note(
            ctx,
            line,
            term,
            "\n".join(markup.html(d) for d in definitions),
            "\n".join(markup.block_plain(d) for d in definitions),
        )
        for term, line, definitions in entries
        if term
    ]
    return Found(end, notes=notes, bold=[n.key for n in notes])


def headless(toks: Sequence[Token], i: int) -> bool:
    """Whether the definition list at `i` opens with a definition where its term would be
    (`: 수집한 사실들 …` right under a heading)."""
    return toks[i].type == "dl_open" and toks[i + 1].type == "dd_open"
