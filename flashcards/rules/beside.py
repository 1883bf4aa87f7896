"""What a heading term keeps beside its own note: the terms its text goes on to define
after saying what it means, those its answer defines on the way, those under the labels it
opens with, and its kinds under a point that names a set. Decided once the whole sheet is
read, from the section and the sheet's lines."""

from __future__ import annotations

import re
from collections.abc import Sequence

from flashcards.names import names_a_set
from flashcards.note import Note
from flashcards.questions import sets_a_task
from flashcards.rules.entries import says
from flashcards.rules.heading_labels import opens_with_label
from flashcards.rules.heading_note import glossed
from flashcards.rules.section import Section
from flashcards.terms import STOPS, abbreviates, is_label, key, parenthesised, translated


def defined_after(section: Section) -> list[Note]:
    """The notes after the first block of a heading whose text opens by saying what it means
    (`## 육종` over `…에서 생긴 암을 의미한다.` and a glossary): terms its text goes on to
    define, which a term heading keeps beside it, unless they are only what it would take in
    (short values, `- Access: O(n)`)."""
    if not section.says or len(section.notes) <= section.weak:
        return []
    return [n for n in section.notes if n.line > section.first[1] and not is_label(n.term)]


def stated(section: Section, lines: Sequence[str], taken: Sequence[Note]) -> list[Note]:
    """The terms a heading term's text defines in sentences of their own, each opening with
    the term in bold and its copula (`A **mid-ocean ridge** is a broad ridge …` under `##
    Major Features of Earth`): a writer who states what a word is makes it a term."""
    question = section.question
    name = question[0] if question is not None and question[1] else glossed(section.name)[0]
    return [
        n
        for n in section.notes
        if n not in taken
        and _STATED.match(lines[n.line - 1])
        and not is_label(n.term)
        and key(n.term) != key(name)
        and not abbreviates(name, n.term)  # `### TCP` over `**Transmission Control …** is`
    ]


_STATED = re.compile(
    r"\s*(?:(?:an?|the)\s+)?(?:\*\*|__)[^*_\n]+(?:\*\*|__)\s+(?:is|are|refers\s+to|means)\s",
    re.IGNORECASE,
)


def answered(section: Section, lines: Sequence[str]) -> list[Note]:
    """The terms the answer under a question heading defines on the way (`**프로세스**란 …`
    under `프로세스와 스레드의 차이를 알려주세요`): notes beside the question."""
    question = section.question
    if question is None or question[1] or len(section.notes) <= section.weak:
        return []
    # `### Describe the Benefits of Using Cloud Services` over `- **Elasticity:** …`: a task
    # the terms in its points answer, each a term of its own
    bidden = sets_a_task(section.name)
    return [
        n
        for n in section.notes
        if len(n.term) > 1  # `**A:** When the consequence …`: the answer's own label
        and not is_label(n.term)
        and says(n.definition)
        and (
            not _LISTED_LINE.match(lines[n.line - 1])
            or (bidden and _BOLD.search(lines[n.line - 1]))
            or _gives_other_name(n.term)
        )
    ]


def _gives_other_name(term: str) -> bool:
    """Whether a term is given with its other name (`후보 키(candidate key)`, `DDL(Data
    Definition Language)`): a writer who names a point twice introduces a term."""
    parts = parenthesised(term)
    return translated(term) or (parts is not None and abbreviates(*parts))


_LISTED_LINE = re.compile(r"\s*(?:[-*+]|\d+[.)])\s")
_BOLD = re.compile(r"\*\*|__|<b>|<strong>", re.IGNORECASE)
"""Bold on a line: a term set apart, where a plain `Adults: 150 minutes` is a point."""


def under_labels(section: Section, lines: Sequence[str]) -> list[Note]:
    """The terms defined under the labels of a heading whose text opens with a label of what
    it is (`- **Ethnic Heterogeneity:** …` nested in `- **Characteristics:**`, under `###
    Social Disorganization Theory` over `- **Core Idea:** …`): notes beside the heading; the
    labels themselves, at the top of its text, are its definition."""
    if not opens_with_label(section):
        return []
    return [
        n
        for n in section.notes
        if _NESTED_LINE.match(lines[n.line - 1])
        and not is_label(n.term)
        and not n.term.endswith(STOPS)  # `| 저는 의사예요. | I am a doctor. |`: an example
        and says(n.definition)
    ]


def kinds(section: Section, lines: Sequence[str], taken: Sequence[Note]) -> list[Note]:
    """The terms nested under a point of a heading term that names a set (`### Sclerenchyma`
    over `- Types` and its `- **Fibers**: …`, `- **Sclereids**: …`): its kinds, each a note
    beside the heading, whose text keeps them too."""
    return [n for n in section.notes if n not in taken and of_a_set(n, lines)]


def of_a_set(note: Note, lines: Sequence[str]) -> bool:
    """Whether a note's item is nested in a point that names a set (`- Types` over `-
    **Fibers**: …`) and says what its term is: a kind, a term of its own, never a label."""
    if not _NESTED_LINE.match(lines[note.line - 1]) or not says(note.definition):
        return False
    parent = _parent_point(lines, note.line - 1)
    return parent is not None and names_a_set(parent)


def _parent_point(lines: Sequence[str], at: int) -> str | None:
    """The text of the list item that holds the nested item on line `at` (0-based), its
    markup, marker and colon aside; None when the item stands in no other."""
    indent = len(lines[at]) - len(lines[at].lstrip())
    for k in range(at - 1, -1, -1):
        line = lines[k]
        stripped = line.lstrip()
        if not stripped.strip():
            continue
        if len(line) - len(stripped) < indent:
            point = _LISTED_LINE.match(line)
            if point is None:
                return None
            return line[point.end() :].strip().strip("*_").rstrip(":\uff1a").strip("*_ ")
    return None


_NESTED_LINE = re.compile(r"(?:[ \t]+(?:[-*+]|\d+[.)])\s|\s*\|)")
