"""Whether a point says something, and which items are entries that define a term
(`- Error: Difference between a data point and …`) rather than a part, a state, a
measurement or a sequence of the thing a text is about: what the rules that read list items
share."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.names import is_term_like
from flashcards.questions import may_ask
from flashcards.rules.found import LISTS
from flashcards.rules.lead import ARROWS, lead, plain_lead
from flashcards.rules.points import commaed_items, entry, first_points, one_paragraph
from flashcards.sentences import ends_in_kind_ko, first_sentence, says_what
from flashcards.terms import (
    HANGUL,
    KANA_HAN_LETTERS,
    is_condition,
    is_date,
    is_label,
    is_sentence,
    possessive,
    translated,
)

MAX_WORDS = 3
"""A term named among sentences is short: `Confidence Level`, `z-score`."""


def defining_entry(toks: Sequence[Token], j: int, among: bool = False) -> bool:
    """Whether the item at `j` is `Term: definition` with a short term and a definition
    that says something; `among` entries that do, a few words will do (`랜덤 추출: 무작위로
    표본 추출` over `계통 추출: 번호 부여, 일정 간격으로 추출`)."""
    if toks[j + 1].type != "paragraph_open":
        return False
    found = plain_lead(toks[j + 2].children or [])
    if found is None:
        return False
    term, definition = found.term, markup.plain(found.rest)
    return (
        len(_GLOSS.sub("", term).split()) <= MAX_WORDS  # `귀무가설 (H0 Null Hypothesis)`
        and is_term_like(term)
        and not is_label(term)
        and not is_date(term, months=True)  # `- Mar - LBJ doesn't seek re-election`
        and not is_condition(term)
        and not any(possessive(word) for word in term.split()[:-1])  # `피부의 면적`: a part
        and (says(definition) or _said(definition) or (among and bool(definition.strip())))
        and not _figures(definition)
        and sum(definition.count(arrow) for arrow in ARROWS) < 2  # `A → B → C`: a sequence
    )


def _said(definition: str) -> bool:
    """Whether a short definition still says what its term is: a noun phrase that names it
    (`모델링에 사용되는 언어`, see `sentences.says_what`), or a phrase in Chinese or Japanese,
    which set no spaces, of as many letters as words say elsewhere (`インターネット技術を活用して
    構築する組織内のネットワーク`)."""
    if HANGUL.search(definition) and len(definition.split()) >= MIN_KOREAN_WORDS:
        # `행과 열로 구성`: a Korean word carries its particle, and says more; a request
        # (`put을 비교 설명하시오`) asks, and says nothing of the term
        return not may_ask(definition)
    return says_what(definition) or len(_HAN_KANA.findall(definition)) >= MIN_HAN_LETTERS


_HAN_KANA = re.compile(f"[{KANA_HAN_LETTERS}]")
MIN_HAN_LETTERS = 8
MIN_KOREAN_WORDS = 3


def names_its_kind(definition: str) -> bool:
    """Whether a definition opens by naming the kind of thing its term is, as a dictionary
    does (`a tempting but flawed form of reasoning`, `the connective with wide scope`)."""
    if _KIND.match(definition) is not None:
        return True
    # `1bit의 정보를 저장할 수 있는 기억소자`: in Korean the kind comes last, after what it
    # does, at the end of the first sentence (`… 입력 분포가 바뀌는 현상. 이를 해결하기 …`)
    return ends_in_kind_ko(first_sentence(definition).rstrip(".").split(), things=False)


_KIND = re.compile(r"(?:an?|the|any|one)\s+\w", re.IGNORECASE)


def _figures(text: str) -> bool:
    """Whether a definition is mostly figures (`손과 발바닥 0.8~1.4㎜, 다른 부위 0.07㎜`): a
    measurement of something, not what a term means."""
    words = text.split()
    return 3 * sum(any(c.isdigit() for c in w) for w in words) >= len(words)


MIN_WORDS = 4
"""What describes a term says something: a point of fewer words names a thing."""

_GLOSS = re.compile(r"\([^()]*\)")


def points_say(toks: Sequence[Token], start: int) -> bool:
    """Whether one of the first few points of the list opened at `start` says something:
    terse points (`- Lipid soluble` over `- Usable in GIT, CNS, Eye`) describe too, and a list
    of names (`- EAC (Email Account Compromise)`, `- 디스크`) does not."""
    return any(says(text) for text in first_points(toks, start, FIRST_POINTS))


FIRST_POINTS = 3


def says(text: str) -> bool:
    """Whether a point says something: a sentence, or words enough beside a gloss in
    parentheses (a list of names says nothing)."""
    text = _GLOSS.sub("", text)
    return is_sentence(text) or len(text.split()) >= MIN_WORDS


def among_entries(toks: Sequence[Token], start: int, end: int) -> set[int]:
    """The items from `start` to `end` that define a term (see `defining_entry`) beside
    another item of their own list that does, and those of a list of `term, meaning` items
    (see `points.commaed_items`): each item read once, however long the list."""
    by_list: dict[int, list[int]] = {}
    loosely: dict[int, list[int]] = {}  # entries of a few words (`- Sonorants: airflow not …`)
    listed: Counter[int] = Counter()
    opened: list[int] = []
    commas: set[int] = set()  # lists of `term, meaning` items (`- squamous, flat`), whole
    for k in range(start, end):
        kind = toks[k].type
        if kind in LISTS:
            opened.append(k)
            commaed = commaed_items(toks, k)
            if commaed:
                commas.add(k)
                by_list[k] = commaed
        elif kind in _LIST_ENDS and opened:
            opened.pop()
        elif kind == "list_item_open" and opened and opened[-1] not in commas:
            listed[opened[-1]] += 1
            if defining_entry(toks, k):
                by_list.setdefault(opened[-1], []).append(k)
            if defining_entry(toks, k, among=True) and _colon(toks, k):
                loosely.setdefault(opened[-1], []).append(k)
    # A list of entries only, two or more, is a glossary of its own, a few words each too.
    whole = {k: found for k, found in loosely.items() if len(found) == listed[k] >= 2}
    found = {k for found in [*by_list.values(), *whole.values()] if len(found) >= 2 for k in found}
    # `- 혼동 요인(confounding factor) : …` alone among points: a term introduced by its
    # other name, as `rules.entry_item` reads one at the top
    return found | {
        k
        for at, items in by_list.items()
        if at not in commas
        for k in items
        if _named_twice(toks, k)
    }


def _named_twice(toks: Sequence[Token], k: int) -> bool:
    head = entry(toks, k)
    return head is not None and translated(head.term)


_LIST_ENDS = ("bullet_list_close", "ordered_list_close")


def _colon(toks: Sequence[Token], j: int) -> bool:
    """Whether the item at `j` sets its term apart by a colon (`- Sonorants: …`), not by an
    equals sign or an arrow (`- polar = slower`, `- Ann -> Ian`: a comparison, a change)."""
    text = markup.plain(toks[j + 2].children or [])
    head, colon, _ = text.partition(":")
    return bool(colon) and not any(mark in head for mark in ("=", *ARROWS))


def after_a_point(toks: Sequence[Token], i: int, first: int) -> bool:
    """Whether the item at `i`, which names no term in bold, comes after `first`, the first
    item of its list, and that item is a point of one line that says something (no entry, no
    name): what the list is about is named above it, not by the items."""
    if first >= i or toks[i + 1].type != "paragraph_open":
        return False
    if lead(toks[i + 2].children or []) is not None:
        return False  # `- **isogloss** - line drawn …` after `- regional factors influence …`
    if translated(markup.plain(markup.lines(toks[i + 2].children or [])[0]).strip()):
        return False  # `- 1) 공유결합 (Covalent Bond)`: a name in two scripts names a term
    if not one_paragraph(toks, first):
        return False
    return entry(toks, first) is None and says(markup.plain(toks[first + 2].children or []))
