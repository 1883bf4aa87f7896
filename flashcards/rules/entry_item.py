"""`Term: definition` items among points that are sentences (`- Error: Difference between
a data point and a predicted value.` beside `- Bell shaped distribution.`): each such item,
beside another, is a note of its own, and the sentences stay the text of whatever the
heading over them is. Alone among sentences, an entry is a note when its definition opens by
naming the kind of thing the term is (`- Fallacy: a tempting but flawed form of reasoning.`).
A list of entries only is a glossary (`rules.glossary`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.names import is_term_like
from flashcards.rules import item
from flashcards.rules.entries import defining_entry, names_its_kind
from flashcards.rules.found import Context, Found, close
from flashcards.rules.lead import SEPARATED, Lead, with_content
from flashcards.rules.notes import lead_note, nested_notes
from flashcards.rules.points import entry, neighbours
from flashcards.rules.prose_definition import defines_in_prose
from flashcards.terms import clean_term, is_sentence, key, name_length, translated


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "list_item_open":
        return None
    if not defining_entry(toks, i):
        return _formula(ctx, toks, i)
    found = entry(toks, i)
    assert found is not None
    near = neighbours(toks, i)
    if not any(defining_entry(toks, j) for j in near) and not _defines_alone(toks, near, found):
        return None  # one `Note: …` among sentences is a remark
    if len(found.term) == 1 and "a" <= found.term <= "z":
        return None  # `- b : 밀집되어 있으나 …`: a part of a figure, (b), or a symbol
    end = close(toks, i)
    # `- **결실 (Deletion):** …` under the entry: a term of its own, as under a bold term
    kept, inner = nested_notes(toks, i + 4, end, lambda at: item.set_apart_notes(ctx, toks, at))
    made = lead_note(ctx, ctx.line(toks[i]), found, kept)
    return Found(end, aside=[made, *inner], bold=[key(found.term), *(n.key for n in inner)])


def _defines_alone(toks: Sequence[Token], near: list[int], found: Lead) -> bool:
    """Whether an entry alone among sentences defines its term: the term is named in two
    scripts (`- 혼동 요인(confounding factor) : 결과에 영향을 미치는 …`, see
    `terms.translated`), an item beside it defines its own in prose, or its definition names
    the kind of thing the term is, and the items beside it are sentences (in a to-do list,
    `- Call: the bank about the card` is a task)."""
    if translated(found.term):
        return True
    if any(defines_in_prose(toks, j) for j in near):
        return True  # `- Scarcity: means …` beside `- Efficiency means …`: a list of terms
    return names_its_kind(markup.plain(found.rest)) and any(
        toks[j + 1].type == "paragraph_open"
        and is_sentence(markup.plain(toks[j + 2].children or []))
        for j in near
    )


_FORMULA = re.compile(
    r"(?P<term>[^=<>()\d\s/*\u00d7\u00f7+\-][^=<>/*\u00d7\u00f7+]*?(?:\([^()=]*\))?)\s*=\s*"
    r"(?P<formula>\S+(?:\s*[/*\u00d7\u00f7+\-]\s*\S+)+.*)"
)
"""`배당성향 = 배당금 / 주당순이익`, `BPS (주당순자산) = (자산총계 - 부채총계) / 발행주식수`: a
quantity named, and how it is worked out."""

MAX_FORMULA_NAME = 4


def _formula(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    """An item that names a quantity and gives its formula (see `_FORMULA`) is a note: its
    front the name, its back the formula. A symbol (`x = a + b`) names no term."""
    if toks[i + 1].type != "paragraph_open":
        return None
    children = toks[i + 2].children or []
    if len(children) != 1 or children[0].type != "text":
        return None
    match = _FORMULA.fullmatch(children[0].content.strip())
    if match is None:
        return None
    term = clean_term(match["term"])
    if name_length(term) > MAX_FORMULA_NAME or len(term) < 2:
        return None
    if not is_term_like(term) or not any(c.isalpha() for c in term[:2]):
        return None
    operands = [o for o in _OPERATORS.split(match["formula"]) if o.strip("() ")]
    if any(len(o.split()) > MAX_FORMULA_NAME for o in operands):
        return None  # `… = 27 이 된다고 보면 된다`: a sentence
    if 2 * sum(_named(o) for o in operands) < len(operands):
        return None  # `집합 범위 = 30 - 3 = 27`: a sum worked out, no formula
    found = Lead(term, SEPARATED, [with_content(children[0], match["formula"])])
    end = close(toks, i)
    made = lead_note(ctx, ctx.line(toks[i]), found, toks[i + 4 : end])
    return Found(end, aside=[made], bold=[key(term)])


_OPERATORS = re.compile(r"\s*[/*\u00d7\u00f7+\-=<>→]\s*")


def _named(operand: str) -> bool:
    """Whether an operand of a formula is a quantity's name, not a number."""
    return sum(c.isalpha() for c in operand) >= 2
