"""A plain list item whose first line names a term and whose next lines, in the same
paragraph, say what it is (`* 모집단 (population)` and, after a line break,
`어떤 질문이나 실험을 위해 관심의 대상이 되는 개체나 사건의 집합`): a note, as a bold term over a
line break is one. Anything nested in the item belongs to its definition."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.names import named
from flashcards.rules.entries import says
from flashcards.rules.found import Context, Found, close
from flashcards.rules.lead import BROKEN, Lead, lead, plain_lead
from flashcards.rules.notes import lead_note
from flashcards.rules.points import names_a_term
from flashcards.terms import clean_term


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "list_item_open" or toks[i + 1].type != "paragraph_open":
        return None
    found = broken_lead(toks[i + 2].children or [])
    if found is None:
        return None
    end = close(toks, i)
    note = lead_note(ctx, ctx.line(toks[i]), found, toks[i + 4 : end])
    return Found(end, notes=[note], bold=[note.key])


def broken_lead(children: Sequence[Token], colon: bool = False) -> Lead | None:
    """The term on an item's first line and the lines after it that say what it is; None
    for any other item. With `colon`, the name may end with one (`Semigroup:`)."""
    if lead(children) is not None or plain_lead(children) is not None:
        return None  # bold items and `Term: definition` items have rules of their own
    first, *more = markup.lines(children)
    if not more:
        return None
    text = markup.plain(first).strip()
    name = named(clean_term(text.rstrip(":\uff1a") if colon else text))
    rest = _after_first_line(children)
    if not names_a_term(name) or not says(markup.plain(rest)):
        return None
    return Lead(name, BROKEN, rest)


def _after_first_line(children: Sequence[Token]) -> list[Token]:
    breaks = [j for j, child in enumerate(children) if child.type in markup.BREAKS]
    return list(children[breaks[0] + 1 :])
