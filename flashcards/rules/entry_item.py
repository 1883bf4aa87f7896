"""`Term: definition` items among points that are sentences (`- Error: Difference between
a data point and a predicted value.` beside `- Bell shaped distribution.`): each such item,
beside another, is a note of its own, and the sentences stay the text of whatever the
heading over them is. Alone among sentences, an entry is a note when its definition opens by
naming the kind of thing the term is (`- Fallacy: a tempting but flawed form of reasoning.`).
A list of entries only is a glossary (`rules.glossary`)."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.rules.entries import defining_entry, names_its_kind
from flashcards.rules.found import Context, Found, close
from flashcards.rules.lead import Lead
from flashcards.rules.notes import lead_note
from flashcards.rules.points import entry, neighbours
from flashcards.terms import is_sentence, key, translated


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "list_item_open" or not defining_entry(toks, i):
        return None
    found = entry(toks, i)
    assert found is not None
    near = neighbours(toks, i)
    if not any(defining_entry(toks, j) for j in near) and not _defines_alone(toks, near, found):
        return None  # one `Note: …` among sentences is a remark
    if len(found.term) == 1 and "a" <= found.term <= "z":
        return None  # `- b : 밀집되어 있으나 …`: a part of a figure, (b), or a symbol
    end = close(toks, i)
    made = lead_note(ctx, ctx.line(toks[i]), found, toks[i + 4 : end])
    return Found(end, aside=[made], bold=[key(found.term)])


def _defines_alone(toks: Sequence[Token], near: list[int], found: Lead) -> bool:
    """Whether an entry alone among sentences defines its term: the term is named in two
    scripts (`- 혼동 요인(confounding factor) : 결과에 영향을 미치는 …`, see
    `terms.translated`), or its definition names the kind of thing the term is, and the items
    beside it are sentences (in a to-do list, `- Call: the bank about the card` is a task)."""
    if translated(found.term):
        return True
    return names_its_kind(markup.plain(found.rest)) and any(
        toks[j + 1].type == "paragraph_open"
        and is_sentence(markup.plain(toks[j + 2].children or []))
        for j in near
    )
