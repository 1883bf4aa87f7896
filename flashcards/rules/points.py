"""Helpers for the rules that read list items (`item`, `outline`, `glossary`, …): an item's
bold lead or entry, the points of a list, whether a list holds terms of its own or is a
glossary of its own, an item's siblings, whether a name may be a term's (whether a point
says something is `entries.says`)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import islice

from markdown_it.token import Token

from flashcards import markup
from flashcards.names import is_term_like, names_two
from flashcards.questions import asked
from flashcards.rules.found import close
from flashcards.rules.lead import (
    ALONE,
    EMPHASIS,
    SEPARATED,
    SPACED,
    Lead,
    bold_entry,
    lead,
    plain_lead,
)
from flashcards.rules.pairs import commaed_lead
from flashcards.sentences import joins_clause
from flashcards.terms import (
    CONTINUATIONS,
    HANGUL,
    is_condition,
    is_sentence,
    name_length,
    names_a_part,
    unglossed,
)


def item_lead(toks: Sequence[Token], i: int) -> Lead | None:
    """The bold term that starts the list item opened at `i`; None if it has none."""
    if i + 2 >= len(toks) or toks[i + 1].type != "paragraph_open":
        return None
    found = lead(toks[i + 2].children or [])
    if found is None or found.join == EMPHASIS:
        return None
    if found.join == ALONE and close(toks, i) == i + 4:
        # `- **CPU: The hardware that executes instructions.**`, holding nothing else
        found = bold_entry(toks[i + 2].children or []) or found
    if not markup.plain(found.rest).strip() and _stressed(found.term):
        return None  # `- **"A double-entry system records the dual effects of …"**`: stressed
    if found.join == SPACED and close(toks, i) == i + 4 and _one_word_on(found.term, found.rest):
        return None  # `- **연등회·팔관회** 강조`: stress in a phrase
    return found


MIN_STRESSED = 8
"""Words in a bold item with nothing after it that make it a sentence set in bold for stress
(a quote from the textbook), no term: a term is a name."""


def _stressed(bold: str) -> bool:
    # A gloss in parentheses is no part of a sentence: `**정규분포 (Normal Distribution /
    # Gaussian Distribution): `X ~ N(μ, σ²)`**` is a name and its formula.
    return len(unglossed(bold).split()) >= MIN_STRESSED and is_sentence(bold)


def _one_word_on(term: str, rest: Sequence[Token]) -> bool:
    """Whether a Korean bold phrase goes on with one Korean word and nothing else
    (`**연등회·팔관회** 강조`, `**승과·국사·왕사** 제도`): the word finishes the phrase the
    bold stresses, no definition, as Korean writes a definition in a phrase or a sentence
    (an item with points under it is a term all the same: `**과전법** 실시` over them).
    A word in another script is the bold word's meaning (`**apple** 사과`), and an English
    word may be one (`**ECS** containers`)."""
    text = markup.plain(rest).strip()
    if len(rest) != 1 or len(text.split()) != 1:
        return False
    return bool(HANGUL.search(term)) and bool(HANGUL.search(text))


def points(toks: Sequence[Token], start: int) -> list[str]:
    """The text of the first paragraph of each point of the list opened at `start`, at any
    depth."""
    return [
        markup.plain(toks[j + 2].children or [])
        for j in range(start + 1, close(toks, start))
        if toks[j].type == "list_item_open" and toks[j + 1].type == "paragraph_open"
    ]


def first_points(toks: Sequence[Token], start: int, count: int) -> list[str]:
    """The text of the first paragraph of the first `count` items of the list opened at
    `start` (not of the lists nested in them)."""
    level = toks[start].level + 1
    found = (
        markup.plain(toks[j + 2].children or [])
        for j in _inside(toks, start)
        if toks[j].level == level
        and toks[j].type == "list_item_open"
        and toks[j + 1].type == "paragraph_open"
    )
    return list(islice(found, count))


def _inside(toks: Sequence[Token], start: int) -> Iterator[int]:
    """The indexes of the tokens inside the block opened at `start`, up to its close (found
    as it goes: a caller that stops early reads no further)."""
    level, j = toks[start].level, start + 1
    while j < len(toks) and toks[j].level > level:
        yield j
        j += 1


def has_leads(toks: Sequence[Token], start: int) -> bool:
    """Whether any point of the list opened at `start` is a term of its own (a name over
    `- **역분전**: …` is their group, not a term)."""
    return any(
        toks[j].type == "list_item_open" and _term_lead(toks, j)
        for j in range(start, close(toks, start))
    )


def _term_lead(toks: Sequence[Token], j: int) -> bool:
    """Whether an item leads with a bold term: a label (`- **Definition**: …`, `- **Example**:
    …`) names a part of what is over it, and a remark (`- **Important**: …`) speaks of it."""
    found = item_lead(toks, j)
    return found is not None and not names_a_part(found.term)


NEIGHBOURS = 2
"""Siblings looked at on each side of an item: enough to tell an outline of terms, few
enough that a list of thousands of items costs time linear in its length."""


def neighbours(toks: Sequence[Token], i: int) -> list[int]:
    """The sibling items nearest the item at `i`: up to `NEIGHBOURS` before it and after."""
    level, before, after = toks[i].level, [], []
    j = i - 1
    while j >= 0 and toks[j].level >= level and len(before) < NEIGHBOURS:
        if toks[j].type == "list_item_open" and toks[j].level == level:
            before.append(j)
        j -= 1
    j = close(toks, i) + 1
    while j < len(toks) and toks[j].type == "list_item_open" and len(after) < NEIGHBOURS:
        after.append(j)
        j = close(toks, j) + 1
    return [*before, *after]


def items(toks: Sequence[Token], start: int) -> list[int]:
    """The items of the list opened at `start` (not those of the lists nested in them)."""
    level = toks[start].level + 1
    return [
        j
        for j in range(start + 1, close(toks, start))
        if toks[j].type == "list_item_open" and toks[j].level == level
    ]


def entry(toks: Sequence[Token], j: int) -> Lead | None:
    """The term and the rest of an item written `Term: definition` without bold; None for
    any other item."""
    if toks[j + 1].type != "paragraph_open":
        return None
    return plain_lead(toks[j + 2].children or [])


def commaed(toks: Sequence[Token], j: int) -> Lead | None:
    """The term and the rest of an item written `term, meaning` (`- squamous, flat`, see
    `pairs.commaed_lead`); None for any other item."""
    if toks[j + 1].type != "paragraph_open":
        return None
    return commaed_lead(toks[j + 2].children or [])


def commaed_items(toks: Sequence[Token], i: int) -> list[int]:
    """The items of the list at `i` when every one, two or more, is `term, meaning`: a
    glossary set apart by commas; none otherwise. One such item alone is as likely two
    things named together."""
    listed = items(toks, i)
    return listed if len(listed) >= 2 and all(commaed(toks, j) for j in listed) else []


MAX_NAME_WORDS = 5
"""A term's name is short; a longer line is a point of the outline, not a name."""

_OPEN_ENDS = CONTINUATIONS | {"like", "including", "e.g.", "i.e.", "such"}
"""Words a line that goes on below ends with (`interfering with freedoms like` over the
freedoms): a lead-in, not a name."""


def names_a_term(text: str) -> bool:
    """Whether an item's line may name a term over its description: short, no sentence, no
    lead-in (`Types:`, `… like`), no question, no Korean clause, no word for a person of the
    lesson."""
    words = text.split()
    return (
        0 < name_length(text) <= MAX_NAME_WORDS  # a gloss makes no name longer
        and not text.endswith((":", "\uff1a"))
        and not is_sentence(text)
        and (is_term_like(text) or names_two(text))
        and asked(text) is None
        and not is_condition(text)  # `- 5000 미만` over what that size allows: a case
        and not _QUESTION_WORD_KO.search(text)
        and not joins_clause(text)
        and words[-1].casefold() not in _OPEN_ENDS
        and not any(word.casefold() in _PEOPLE for word in words)
    )


_QUESTION_WORD_KO = re.compile(r"(?:^|\s)(?:왜|어떻게|무엇|무슨|언제|어디|누가|누구|어느)")
"""A Korean question word: a line with one asks (`왜 중요한가`, `어떻게 확인하나`), even
without its question mark, and names nothing."""

_PEOPLE = frozenset({"we", "you", "he", "she", "they"})
"""Words for the people of a lesson: `Evidence points she states` is the writer's note of
what was said, no name (`I`, a Roman numeral in `Type I`, and `it`, `IT`, may be names)."""


def glossary_items(toks: Sequence[Token], i: int) -> set[int]:
    """The items of a list nested in a term that are entries, when the list is a glossary
    of its own: half its items or more terms set apart (one is enough; bold or italic ones,
    `*adagio*: …`, count too), and the rest bare names."""
    listed = items(toks, i)
    plain = {j for j in listed if entry(toks, j) is not None}
    termed = plain | {j for j in listed if _set_apart(toks, j)}
    others = [j for j in listed if j not in termed]
    if not termed or 2 * len(termed) < len(listed):
        return set()
    return plain if all(bare_name(toks, j) for j in others) else set()


def _set_apart(toks: Sequence[Token], j: int) -> bool:
    if toks[j + 1].type != "paragraph_open":
        return False
    found = lead(toks[j + 2].children or [])
    return found is not None and found.join == SEPARATED


def numbered(opening: Token) -> bool:
    """Whether the list item opened by a token is numbered (`1.`, `1)`), not bulleted."""
    return opening.markup in (".", ")")


TASK = re.compile(r"^\[[ xX]\]\s*")
"""A task list's box, `[ ]` or `[x]`, before the item's words."""


def is_task(toks: Sequence[Token], j: int) -> bool:
    """Whether an item is a task of a to-do list (`- [ ] copy exercise from page 14`)."""
    return toks[j + 1].type == "paragraph_open" and bool(
        TASK.match(markup.plain(toks[j + 2].children or []))
    )


def one_paragraph(toks: Sequence[Token], j: int) -> bool:
    """Whether the item at `j` is one paragraph with nothing nested in it."""
    return toks[j + 1].type == "paragraph_open" and close(toks, j) == j + 4


def lone_text(toks: Sequence[Token], j: int) -> str | None:
    """The text of an item that is one paragraph with nothing nested in it; None for any
    other item."""
    return markup.plain(toks[j + 2].children or []) if one_paragraph(toks, j) else None


def name_over(toks: Sequence[Token], i: int) -> str | None:
    """The text of the item that the block at `i` (a list, a table) is nested right under,
    when that item's first block is one paragraph and the block at `i` comes next."""
    head = i - 4
    if (
        head >= 0
        and toks[head].type == "list_item_open"
        and toks[head + 1].type == "paragraph_open"
        and toks[head + 3].type == "paragraph_close"
    ):
        return markup.plain(toks[head + 2].children or []).strip()
    return None


def enclosing(toks: Sequence[Token], i: int) -> int:
    """Where the block that holds the one at `i` opens (a list for an item, an item for what
    it holds); -1 at the top."""
    j = i - 1
    while j >= 0 and toks[j].level >= toks[i].level:
        j -= 1
    return j


def in_section_item(toks: Sequence[Token], i: int) -> bool:
    """Whether the block at `i` stands in a list item that is a section of the sheet: one
    that opens with a heading (`1. # 해커스`) and holds a table; writers number their sections
    so, and the tables in such an item are at the section's top."""
    j = enclosing(toks, i)
    return j >= 0 and section_item(toks, j)


def section_item(toks: Sequence[Token], j: int) -> bool:
    """Whether the list item at `j` opens with a heading and holds a table (see
    `in_section_item`)."""
    if toks[j].type != "list_item_open" or toks[j + 1].type != "heading_open":
        return False
    level = toks[j].level + 1
    end = close(toks, j)
    return any(t.type == "table_open" and t.level == level for t in toks[j:end])


def bare_name(toks: Sequence[Token], j: int) -> bool:
    """Whether an item is only a short name: one paragraph of at most three words."""
    text = lone_text(toks, j)
    return text is not None and _short_name(text)


def _short_name(text: str) -> bool:
    return 0 < len(text.split()) <= 3 and not is_sentence(text) and ":" not in text
