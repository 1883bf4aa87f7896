"""Paragraphs whose first line names a term and whose next lines say what it is, one after
another (`Semigroup:` over `A set with an associative operation`, then `Monoids` over `A
semigroup with an identity element`): a glossary written without bullets, a note each. One
such paragraph alone among others is a line of text over a sentence, no note."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.rules.broken_item import broken_lead
from flashcards.rules.entries import says
from flashcards.rules.found import Context, Found
from flashcards.rules.lead import BROKEN, Lead, lead
from flashcards.rules.notes import lead_note
from flashcards.rules.points import names_a_term
from flashcards.terms import heading_name, is_label


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "paragraph_open" or ctx.inside(i) != "":
        return None
    found = _broken(toks, i)
    # Two side by side at least, with the text of a definition between them (`**Public
    # Cloud**` over its lines and then a paragraph more, before `**Private Cloud**`): one
    # alone is a line of text over a sentence
    if found is None:
        return None
    if not (_broken(toks, i + 3) or _broken(toks, _before(toks, i))) and not (
        _bold_at(toks, i) and any(_bold_at(toks, j) for j in _paragraphs_around(toks, i))
    ):
        return None
    made = lead_note(ctx, ctx.line(toks[i]), found)
    # A bold name counts as bold items do: repeated under headings, it is the sheet's label.
    bold = [made.key] if lead(toks[i + 1].children or []) is not None else []
    return Found(i + 2, notes=[made], bold=bold, weak=True)


def _broken(toks: Sequence[Token], i: int) -> Lead | None:
    if not 0 <= i < len(toks) - 1 or toks[i].type != "paragraph_open":
        return None
    children = toks[i + 1].children or []
    return broken_lead(children, colon=True) or _bold_broken(children)


def _bold_broken(children: Sequence[Token]) -> Lead | None:
    """A bold name alone on the paragraph's first line over what it is (`**Cognition**` over
    `The process or act of acquiring knowledge …`): a label (`**왜 중요한가**`), a sentence
    or a question over the text is none."""
    found = lead(children)
    if found is None or found.join != BROKEN:
        return None
    name = heading_name(found.term).rstrip(":\uff1a").strip()
    if not names_a_term(name) or is_label(name) or not says(markup.plain(found.rest)):
        return None
    return Lead(name, BROKEN, found.rest)


def _bold_at(toks: Sequence[Token], i: int) -> bool:
    """Whether the paragraph at `i` opens with a bold name alone on its line over what it is."""
    return _bold_broken(toks[i + 1].children or []) is not None


def _paragraphs_around(toks: Sequence[Token], i: int) -> list[int]:
    """Where the top-level paragraphs next to the one at `i` open, a few each way, up to the
    first block of another kind."""
    around: list[int] = []
    j = i
    for _ in range(MAX_BETWEEN):
        j = _before(toks, j)
        if j < 0:
            break
        around.append(j)
    j = i
    for _ in range(MAX_BETWEEN):
        j += 3
        if j >= len(toks) or toks[j].type != "paragraph_open" or toks[j].level != 0:
            break
        around.append(j)
    return around


MAX_BETWEEN = 4
"""Paragraphs a bold name's definition may run to before the next such name."""


def _before(toks: Sequence[Token], i: int) -> int:
    """Where the paragraph right before the one at `i` opens, if one does; -1 if not."""
    return i - 3 if i >= 3 and toks[i - 1].type == "paragraph_close" else -1
