"""An outline: a list item that names a term in a few words, with the sentences that
describe it nested under it (points, or a quote), is a note (`- 폭포수 모형` over `- 이전
단계로 돌아갈 수 없다는 전제하에 …`). A label (`- 장점`, `- types`) or a sentence is no term."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.names import named, names_a_glossary, names_two
from flashcards.note import Note
from flashcards.rules.entries import among_entries, defining_entry, points_say, says
from flashcards.rules.found import LISTS, Context, Found, close
from flashcards.rules.glossary import whole_glossary
from flashcards.rules.lead import Lead, lead, plain_lead
from flashcards.rules.notes import blocks_note, lead_note, nested_notes
from flashcards.rules.points import (
    commaed,
    entry,
    has_leads,
    is_task,
    items,
    names_a_term,
    neighbours,
    points,
)
from flashcards.terms import CJK, LATIN, clean_term, is_label, key


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    found = _outline(ctx, toks, i)
    if found is None:
        return None
    return Found(close(toks, i), notes=found, bold=[n.key for n in found])


def _outline(
    ctx: Context, toks: Sequence[Token], i: int, entries: set[int] | None = None
) -> list[Note] | None:
    """The notes of the item at `i` when it names a term over its description: its own, then
    those of the items inside it that name terms of their own (an outline at any depth:
    `- 요구사항의 유형` over `- 기능 요구사항` over what that is). `entries` are the items
    inside that are entries beside another (see `among_entries`), when an outer term found
    them already."""
    name = _term(toks, i)
    if name is None:
        return None
    sides = _sides(ctx, toks, i, name)
    if sides or names_two(name):  # two things named side by side: a topic, not a term
        return sides or None
    if close(toks, i + 4) + 1 == close(toks, i) and (
        named := whole_glossary(ctx, toks, i + 4, _nested_beside(toks, i))
    ):
        return named  # `- 장소 관련 전치사` over `- auf : 위`, `- an : 곁`, …: their name
    if not (_describes(toks, i + 4) or _among_terms(toks, i)):
        return None
    head = _head(toks, i)
    end = close(toks, i)
    if entries is None:
        entries = among_entries(toks, i + 4, end)
    defined = head is not None and says(markup.plain(head.rest))
    if defined:
        # `4. Recession - when …` over `- Depression - a severe recession`: a term defined
        # on its own line holds entries as terms of their own, one alone too
        entries = entries | {j for j in items(toks, i + 4) if defining_entry(toks, j)}
    # Every block nested in the item: the outline terms among them are notes of their own.
    kept, inner = nested_notes(toks, i + 4, end, lambda at: _inner(ctx, toks, at, entries))
    if not kept and len(items(toks, i + 4)) == 1 and not defined:
        # `- 관계(Relation)` over one point, `- 개체들 사이의 연관성`, and that point's own
        # points: a group of one is no group; the point says what the term is.
        kept, inner = list(toks[i + 4 : end]), []
    line = ctx.line(toks[i])
    note = blocks_note(ctx, line, name, kept) if head is None else lead_note(ctx, line, head, kept)
    return [note, *inner]


def _inner(ctx: Context, toks: Sequence[Token], at: int, entries: set[int]) -> list[Note] | None:
    """The notes of an item inside an outline term: an outline term of its own, or an entry
    beside another (`- 평균 대치법` over `- 조건부 평균대치법 : 회귀분석을 …`)."""
    found = _outline(ctx, toks, at, entries)
    if found is None and at in entries:
        head = entry(toks, at) or commaed(toks, at)
        assert head is not None
        return [lead_note(ctx, ctx.line(toks[at]), head, toks[at + 4 : close(toks, at)])]
    return found


def _nested_beside(toks: Sequence[Token], i: int) -> list[int]:
    """The lists nested under the sibling items of the item at `i` that hold one."""
    found = []
    for j in neighbours(toks, i):
        if toks[j + 1].type == "paragraph_open" and toks[j + 4].type in LISTS:
            found.append(j + 4)
    return found


def _sides(ctx: Context, toks: Sequence[Token], i: int, name: str) -> list[Note]:
    """The notes of an item that names the terms defined under it (`- 안정적 귀인 vs 불안정
    귀인` over `- 안정적 귀인: …` and `- 불안정 귀인: …`): those terms, two or more; the
    item itself is their group, no note."""
    named_key, level = key(name), toks[i].level + 2  # item, its nested list, their items
    found: list[Note] = []
    for j in range(i + 4, close(toks, i)):
        if toks[j].type != "list_item_open" or toks[j].level != level:
            continue
        side = entry(toks, j)
        if side is not None and key(side.term) in named_key:
            blocks = list(toks[j + 4 : close(toks, j)])
            found.append(lead_note(ctx, ctx.line(toks[j]), side, blocks))
    return found if len(found) >= 2 else []


def _head(toks: Sequence[Token], i: int) -> Lead | None:
    """The item's line when it is `Term: gloss` (`- ROE (Return On Equity) : 자기자본이익율`):
    the gloss opens the definition."""
    return plain_lead(toks[i + 2].children or [])


def _term(toks: Sequence[Token], i: int) -> str | None:
    """The term an item names over a nested list, if it names one."""
    if toks[i].type != "list_item_open" or toks[i + 1].type != "paragraph_open":
        return None
    nested = i + 4  # after the item's first paragraph
    if nested >= close(toks, i) or toks[nested].type not in _NESTED:
        return None
    children = toks[i + 2].children or []
    if lead(children) is not None:
        return None  # bold items are read by the list item rule
    if is_task(toks, i):
        return None  # `- [ ] Review Notes` over `- [ ] Go Over Terms`: the writer's to-do
    head = plain_lead(children)
    name = head.term if head is not None else named(_unstopped(clean_term(markup.plain(children))))
    if not (names_a_term(name) or _label_translated(toks, nested, name)):
        return None
    if names_a_glossary(name) or has_leads(toks, nested):
        return None  # `+ 용어` over `+ MAC Address` and what it is: the items are the terms
    return name


def _label_translated(toks: Sequence[Token], nested: int, name: str) -> bool:
    """Whether a label word stands over its translation (`- 定義` over `- define`, `-
    example` over `- 예시`): in a vocabulary the word is one to learn, not a label."""
    said = points(toks, nested) if toks[nested].type in LISTS else []
    return is_label(name) and len(said) == 1 and _scripts_differ(name, said[0])


def _scripts_differ(one: str, other: str) -> bool:
    """Whether one text is written in Latin letters only and the other in none."""
    latin = [bool(LATIN.search(text)) for text in (one, other)]
    east = [bool(CJK.search(text)) for text in (one, other)]
    return latin[0] != latin[1] and east[0] != east[1] and latin[0] != east[0]


_NESTED = (*LISTS, "blockquote_open", "paragraph_open")
"""What may describe an outline term under its name: points, a quote, or a paragraph of a
loose item (`1. 데이터 관점` over an indented paragraph)."""


def _unstopped(name: str) -> str:
    """A word or two with a full stop (`- Illustrious.` over its senses) is a name: the stop
    goes. A longer line that ends in one stays a sentence."""
    stripped = name.removesuffix(".")
    return stripped if stripped != name and len(stripped.split()) <= 2 else name


def _among_terms(toks: Sequence[Token], i: int) -> bool:
    """Whether the item stands among siblings that name terms over their descriptions
    (`- 나선형 모형` between `- 프로토타입 모형` and `- 애자일 모형`): then its own nested
    points describe it, however short the first of them."""
    near = neighbours(toks, i)
    if len(near) >= 2 and all(_one_point(toks, j) for j in (i, *near)):
        return True  # `* DR` over `* 데이터 레지스터`, beside `* AR` over `* 주소 레지스터`
    outlined = [j for j in near if _term(toks, j) is not None and _describes(toks, j + 4)]
    if len(outlined) < 2 or 2 * len(outlined) < len(near):
        return False
    # Written as its siblings are, one point of a few words is its description too (`*
    # relation` over `* set of tuple`, beside `* tuple` over the sentence that says what it is).
    said = points(toks, i + 4)
    if 3 * len(outlined) >= 2 * len(near):
        # written as nearly all its siblings are, its phrases describe it as theirs do; words
        # one by one (`- 구성원` over `- 개발자`, `- 고객`) list its members
        return any(len(text.split()) >= 2 for text in said)
    return any(says(text) for text in said) or len(said) == 1


def _one_point(toks: Sequence[Token], j: int) -> bool:
    """Whether the item at `j` names a term over one point of one line, nothing more: a
    glossary written as an outline, each name over its gloss. The gloss may hold points of
    its own (`- 例外` over `- exception`, over `- exception handling :例外処理`): a phrase
    made from the word stays under its gloss."""
    if _term(toks, j) is None or toks[j + 4].type not in LISTS:
        return False
    inner = j + 5
    if toks[inner].type != "list_item_open" or toks[inner + 1].type != "paragraph_open":
        return False
    end = close(toks, inner)
    return (
        (end == inner + 4 or toks[inner + 4].type in LISTS)
        and close(toks, j + 4) == end + 1
        and "\n" not in (toks[inner + 2].content or "")
    )


def _describes(toks: Sequence[Token], nested: int) -> bool:
    """Whether the nested list says something of the term: its first point a sentence, or
    words enough beside a gloss in parentheses (a list of names says nothing); or the quote
    nested under it does (`1. 과잉 일반화` over `> 특수한 상황의 경험으로부터 …`)."""
    if toks[nested].type == "blockquote_open":
        quoted = toks[nested + 2] if toks[nested + 1].type == "paragraph_open" else None
        return quoted is not None and says(markup.plain(quoted.children or []))
    if toks[nested].type == "paragraph_open":
        return says(markup.plain(toks[nested + 1].children or []))
    first = nested + 1
    if toks[first].type != "list_item_open" or toks[first + 1].type != "paragraph_open":
        return False
    return points_say(toks, nested)
