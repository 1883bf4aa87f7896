"""A list item that starts with a bold term is a note; what is nested in it is its definition.

`* **EC2 (Elastic Compute Cloud)**` with a nested line, `- **Lambda**: runs code`,
`- ★**재귀**: …`. Bold inside a sentence (`- **기획**과 …`) is no term, and a callout word
(`- **Note:** …`) opens a remark, not a note.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from markdown_it.token import Token

from flashcards import markup
from flashcards.errors import INFO, WARNING, Problem
from flashcards.names import labels_a_term, names_a_glossary, names_a_set
from flashcards.note import Note
from flashcards.rules import after_term, outline
from flashcards.rules.entries import defining_entry
from flashcards.rules.found import LISTS, Context, Found, close
from flashcards.rules.lead import (
    ALONE,
    BROKEN,
    DEFINED,
    SEPARATED,
    SPACED,
    Lead,
    lead,
)
from flashcards.rules.notes import lead_note, nested_notes
from flashcards.rules.points import (
    entry,
    glossary_items,
    item_lead,
    items,
    neighbours,
    numbered,
)
from flashcards.terms import (
    WEIGHING,
    clean_term,
    is_callout,
    is_condition,
    is_label,
    is_sentence,
    is_step,
    key,
    names_a_part,
)


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "list_item_open":
        return None
    found = item_lead(toks, i)
    if found is not None and (_step(toks[i], found) or _in_procedure(ctx, toks[i])):
        found = None
    if found is None:
        return _plain(ctx, toks, i)
    end = close(toks, i)
    if found.join == ALONE and end == i + 4:
        found = after_term.remarked(toks[i + 2].children or [], found)
    if not found.term:
        return Found(
            end, problems=[Problem(ctx.path, ctx.line(toks[i]), "empty bold term", WARNING)]
        )
    if is_callout(found.term):
        return Found(end)
    if after_term.leads_to(toks[i + 2].children or [], found):
        # `- **Lower discount rate** → Encourages banks to lend more`: a cause and its effect
        return Found(end, bold=[key(found.term)])
    if end == i + 4 and after_term.advises(found):
        # `- **GDP Components:** Understand what's included …`: a study tip, no definition
        advice = Problem(ctx.path, ctx.line(toks[i]), after_term.ADVISES, INFO)
        return Found(end, bold=[key(found.term)], problems=[advice])
    if end == i + 4 and after_term.asks(found):
        # `- **Price:** What is the cost or compensation?`: a prompt with no answer
        asks = Problem(ctx.path, ctx.line(toks[i]), after_term.ASKS, INFO)
        return Found(end, bold=[key(found.term)], problems=[asks])
    blocks, inner = _nested_terms(ctx, toks, i + 4, end, grouping=not found.rest)
    if is_condition(found.term):
        # `- **BG < 70:** 15g simple carbs`: a case of what the heading names, no note; seen,
        # so that a heading over such cases is a term.
        return Found(end, notes=inner, bold=[key(found.term), *(n.key for n in inner)])
    if not found.rest and ((inner and not blocks) or (blocks and names_a_set(found.term))):
        # `- **Compute**` over `- **EC2**: …` only, or `- **약물 투여 방법**` over the
        # methods: a group of points, not a term.
        return Found(end, notes=inner, bold=[key(found.term), *(n.key for n in inner)])
    note = lead_note(ctx, ctx.line(toks[i]), found, list(blocks))
    return Found(end, notes=[note, *inner], bold=[key(found.term), *(n.key for n in inner)])


_DEFINING = (SEPARATED, DEFINED)
_SET_APART = (*_DEFINING, BROKEN)


def _nested_terms(
    ctx: Context, toks: Sequence[Token], start: int, end: int, grouping: bool
) -> tuple[list[Token], list[Note]]:
    """A term keeps the terms defined under it as notes of their own (`- **미시경제학**: …`
    over `- **경제 활동**: …`): what it holds but those, and those. A bold name with nothing
    after it (`grouping`) keeps the entries of a glossary nested in it so too."""
    glossed = _glossaries(toks, start, end) if grouping else set()
    shared = _shared_labels(toks, start - 4)
    own = toks[start - 4].level + 1  # the item's own paragraphs

    def take(at: int) -> list[Note] | None:
        if toks[at].type == "paragraph_open":
            return _later_term(ctx, toks, at) if toks[at].level == own else None
        if at in glossed:  # `- **기업 활용 데이터베이스**` over `- OLTP(…): 데이터를 …`
            return _entry_notes(ctx, toks, at)
        sub = item_lead(toks, at)
        if sub is None:  # `- Soma` over `* Cell body containing the nucleus`
            return _outlined(ctx, toks, at)
        return set_apart_notes(ctx, toks, at, shared, sub)

    return nested_notes(toks, start, end, take)


def _later_term(ctx: Context, toks: Sequence[Token], at: int) -> list[Note] | None:
    """A later paragraph of the item that opens with a term of its own and a separator
    (`**亮度**$I$: …` after `1. **光度**$L$: …` and its formula): a note of its own, as the
    same paragraph at the top is; a label (`**Example**: …`) stays a part of the term above."""
    found = lead(toks[at + 1].children or [])
    if found is None or found.join not in _DEFINING or not found.rest:
        return None
    if names_a_part(found.term) or not found.term:
        return None
    return [lead_note(ctx, ctx.line(toks[at]), found)]


def set_apart_notes(
    ctx: Context,
    toks: Sequence[Token],
    at: int,
    shared: AbstractSet[str] = frozenset(),
    sub: Lead | None = None,
) -> list[Note] | None:
    """The notes of an item nested in a term that leads with a bold term of its own set apart
    from its definition (`**X**: …`, `**X**는 …`, or a bold line over it); None for bold words
    that open a point (`- **EC2** virtual servers`), a label, or a name in `shared` (see
    `_shared_labels`): they stay in the definition of the term above. `sub` is the item's
    lead when the caller has read it already."""
    sub = sub or item_lead(toks, at)
    if (
        sub is None
        or (sub.join not in _SET_APART and not _all_spaced(toks, at))
        or names_a_part(sub.term)
        or key(sub.term) in shared
    ):
        return None
    found = rule(ctx, toks, at)
    return found.notes if found is not None else []


MIN_SPACED = 3


def _all_spaced(toks: Sequence[Token], at: int) -> bool:
    """Whether the item at `at` and every item beside it, three or more, open with a bold term
    and its words after a space (`- **_FCFS_** Non-preemptive | …` beside `- **_SJF_** …`): a
    cheat sheet's terms under a term, each a note; one or two such are points of it."""
    listed = [at, *neighbours(toks, at)]
    if len(listed) < MIN_SPACED:
        return False
    leads = [item_lead(toks, j) for j in listed]
    return all(lead is not None and lead.join == SPACED and lead.rest for lead in leads)


def _shared_labels(toks: Sequence[Token], i: int) -> set[str]:
    """The bold names nested both in the item at `i` and in an item beside it (`- **조건:**`,
    `- **분산:**` under each of `1. **이항분포**`, `2. **포아송 분포**`): what the writer
    says of each term in turn, its labels, not terms of their own."""
    inner = _inner_names(toks, i)
    if not inner:
        return set()
    beside = {name for j in neighbours(toks, i) for name in _inner_names(toks, j)}
    return inner & beside


def _inner_names(toks: Sequence[Token], i: int) -> set[str]:
    """The keys of the bold names that open the items nested right inside the item at `i`."""
    level = toks[i].level + 2  # the item, its list, the items of that list
    return {
        key(found.term)
        for k in range(i + 1, close(toks, i))
        if toks[k].type == "list_item_open"
        and toks[k].level == level
        and (found := item_lead(toks, k)) is not None
    }


def _outlined(ctx: Context, toks: Sequence[Token], at: int) -> list[Note] | None:
    """The notes of an outline term nested in a term (`- Soma` over its points, under `-
    **The Neuron**`); a numbered step, a label, a set of things or a part of the term above
    (`1. 문제 탐색`, `- Renal Excretion에 영향을 미치는 인자`) stays in its definition."""
    if numbered(toks[at]):
        return None  # `1. 분석 기획` under `- **빅데이터 분석 방법론**`: a step of it
    if not neighbours(toks, at):
        return None  # one point under a term is its definition (the seed's own shape)
    found = outline.rule(ctx, toks, at)
    if found is None or not found.notes:
        return None
    name = found.notes[0].term
    if names_a_part(name) or names_a_set(name) or labels_a_term(name) or is_label(name):
        return None
    return found.notes


def _glossaries(toks: Sequence[Token], start: int, end: int) -> set[int]:
    """The entries of the lists right inside an item that are glossaries of their own, half
    their items or more defining terms: the parts or the factors of a thing (`- 약물의
    분자량: …`, `- pH: …` under `- **흡수 속도에 영향을 미치는 요소**`) stay its definition."""
    level = toks[start - 4].level + 1
    found: set[int] = set()
    for k in range(start, end):
        if toks[k].level != level or toks[k].type not in LISTS:
            continue
        listed = items(toks, k)
        if len(listed) < 2:
            continue  # one point under a name is its definition (the seed's own shape)
        glossary = glossary_items(toks, k)
        defining = {at for at in glossary if defining_entry(toks, at)}
        if 2 * len(defining) >= len(listed):
            found |= {at for at in glossary if defining_entry(toks, at, among=True)}
    return found


def _entry_notes(ctx: Context, toks: Sequence[Token], at: int) -> list[Note]:
    """An entry's note, what is nested in it its definition."""
    head = entry(toks, at)
    if head is None or is_label(head.term):
        return []
    return [lead_note(ctx, ctx.line(toks[at]), head, list(toks[at + 4 : close(toks, at)]))]


def _step(opening: Token, found: Lead) -> bool:
    """`1. **Fork** the repository`: a numbered step with its verb in bold, no term."""
    after = found.rest[0].content if found.rest and found.rest[0].type == "text" else ""
    return numbered(opening) and found.join == SPACED and is_step(after)


_PROCEDURE = re.compile(r"^how to\b|^steps\b|\bsteps$|\bprocedure$|절차$|순서$")
"""A heading that names a procedure (`HOW TO ACTUALLY ASSIGN R or S`, `설치 절차`)."""


def _in_procedure(ctx: Context, opening: Token) -> bool:
    """`1. **Assign Priorities**: …` under `### How to assign R or S`: a step, no term."""
    return numbered(opening) and _PROCEDURE.search(key(ctx.category)) is not None


def _plain(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    """An item with no bold term: no note, and worth a word if it stands in a list of notes
    (a top-level item that holds no note either)."""
    if toks[i].level != 1 or _holds_note(toks, i) or toks[i + 1].type == "dl_open":
        return None  # a definition list opening the item is read as one
    # Its head, when a short name (`- basics` over its points): repeated under several
    # headings, such heads are labels, as bold ones are (see `rules.headings`).
    head = markup.plain(toks[i + 2].children or []) if toks[i + 1].type == "paragraph_open" else ""
    if names_a_glossary(head.strip().removesuffix(":")) and close(toks, i) > i + 4:
        return None  # `- Key terms:` over its terms: they are the notes
    name = key(clean_term(head))
    named = head and len(head.split()) <= 3 and not is_sentence(head)
    # `- Cons:` over `- Nuclear weapons proliferation` and why: arguments, no terms
    end = close(toks, i) if name in WEIGHING else i
    heads = close(toks, i) > i + 4
    bold, bare = ([name], [] if heads else [name]) if named else ([], [])
    return Found(end, loose=[ctx.line(toks[i])], bold=bold, bare=bare)


def _holds_note(toks: Sequence[Token], i: int) -> bool:
    end = close(toks, i)
    return any(
        toks[j].type == "list_item_open" and item_lead(toks, j) is not None
        for j in range(i + 1, end)
    )
