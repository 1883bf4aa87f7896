"""Sections: each heading and what the walk found under it, and what every heading rule
asks of them: numbers dropped, the heading above each, sections about the document itself,
headings with no sub-heading.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from flashcards.names import is_course_part, is_index_heading, names_examples
from flashcards.note import Note
from flashcards.questions import asked, names_an_aspect, unmarked_question
from flashcards.terms import is_meta, is_structure, lists_contents

POINTED = ("bullet_list", "ordered_list", "sentences")
"""How a heading's text opens when it is points (see `walk._opening`)."""


@dataclass
class Section:
    """A heading and what the walk found under it, up to the next heading."""

    name: str
    line: int
    level: int
    """1 to 6; 0 for what stands before the first heading."""
    top: bool = True
    """Not inside a list or a quote."""
    body: int = 0
    """The 0-based line after the heading: where its text starts."""
    notes: list[Note] = field(default_factory=list)
    aside: list[Note] = field(default_factory=list)
    """Notes that stand beside whatever the heading is (see `Found.aside`)."""
    bold: list[str] = field(default_factory=list)
    """Keys of the bold items seen under it (see `Found.bold`)."""
    bare: list[str] = field(default_factory=list)
    """Keys among `bold` of plain names over nothing (see `Found.bare`)."""
    loose: list[int] = field(default_factory=list)
    content: bool = False
    """Whether any block stands under it."""
    weak: int = 0
    """How many of its notes a heading term over them would take in (see `Found.weak`)."""
    opening: str = ""
    """The kind of the first block under it (`paragraph`, `bullet_list`, …)."""
    first: tuple[int, int] = (0, 0)
    """The 1-based first and last lines of that block."""
    says: bool = False
    """Whether that block opens by saying what the heading means (`…을 말한다.`)."""
    counts: bool = False
    """Whether that block opens by counting the kinds that follow (`There are three types of
    …`): a heading over them groups them."""
    phrase: str = ""
    """The key of a line of a few words that opens its text (`*키워드*`, `Keywords`): under
    most headings, the sheet's label (see `heading_labels.phrased`)."""
    described: bool = False
    """Whether its text opens with a phrase of more words than a label's that says what the
    heading is without being a sentence (`### Pod` over `쿠버네티스가 사용하는 가장 기본적인 배포
    단위`); one that ends with a colon leads to what follows (`Abbreviations used on charts:`)."""
    asks: bool = False
    """Whether the heading asks a question whatever its words: its writer marked it (`### Q:
    …`, see `marks_question`), or it asks without its mark (see `mark_questions`)."""
    spelled: bool = False
    """Whether its text opens with the heading's name spelled out (`## EC2` over `- Elastic
    Compute Cloud`): the heading names a term."""
    card: bool = False
    """Whether the heading is a card its writer made (`## … {{c1::answer}}`, see
    `cloze_lines`): a note itself, in the category of the heading above."""

    @property
    def opens_notes(self) -> bool:
        """Whether its first block opens with its first note (`**채권**이란 …`, or a glossary
        right under the heading)."""
        return bool(self.notes) and self.notes[0].line == self.first[0]

    @property
    def question(self) -> tuple[str, bool] | None:
        """What the heading asks (see `questions.asked`): one marked a question asks its
        words whatever they are."""
        question = asked(self.name)
        return (self.name, False) if question is None and self.asks else question

    @property
    def index(self) -> bool:
        return is_index_heading(self.name)


_NUMBERED = re.compile(r"(\d{1,2}(?:\.\d{1,2})*)\.\d{1,2} +(?=\S)")
"""`5.1 개념`, `2.2.1 Accrual Journal Entries`: a section's number, and the number it is under."""


_LETTERED = re.compile(r"([A-Ha-h])[.)] +(?=\S)")
"""`A. ACE Inhibitors`, `b) Loop diuretics`: an outline's lettered headings, from `A.` on."""


def unnumber(sections: Sequence[Section]) -> None:
    """Drop section numbers written without a final dot (`### 5.1 개념`, `### 5.2 투자
    가이드`, `### 2.2.1 …`): two headings or more of one level numbered under the same number
    are numbered sections; one alone keeps its number (`## 1.5 Release notes`, `## 3.14
    Pi`). Letters too (`#### A. ACE Inhibitors`, `#### B. ARBs`), two or more of a level,
    from `A.` on; one alone keeps its letter (`## A. Lincoln`). Roman numerals likewise (`##
    I. …`, `## II. …`)."""
    numbered = [(s, _NUMBERED.match(s.name)) for s in sections]
    counts = Counter((s.level, m[1]) for s, m in numbered if m is not None)
    for s, m in numbered:
        if m is not None and counts[(s.level, m[1])] >= 2:
            s.name = s.name[m.end() :]
    # `A. ACE Inhibitors` beside `B. ARBs`: an outline's letters, dropped likewise.
    lettered = [(s, m) for s in sections if (m := _LETTERED.match(s.name)) is not None]
    per_level = Counter(s.level for s, _ in lettered)
    opened = {s.level for s, m in lettered if m[1] in "Aa"}
    for s, m in lettered:
        if s.level in opened and per_level[s.level] >= 2:
            s.name = s.name[m.end() :]
    # `I. Social Structure Theories` beside `II. Social Process Theories`: Roman numerals.
    roman = [(s, m) for s in sections if (m := _ROMAN.match(s.name)) is not None]
    per_level = Counter(s.level for s, _ in roman)
    opened = {s.level for s, m in roman if m[1] in ("I", "i")}
    for s, m in roman:
        if s.level in opened and per_level[s.level] >= 2:
            s.name = s.name[m.end() :]


_ROMAN = re.compile(r"(I{1,3}|IV|VI{0,3}|IX|X|i{1,3}|iv|vi{0,3}|ix|x)[.)] +(?=\S)")
"""`II. Social Process Theories`: an outline's Roman numerals, from `I.` on, two or more of a
level."""


def parents(sections: Sequence[Section]) -> list[int]:
    """For each section, the index of the nearest section above it of a lower level (-1).
    A table of contents is no section's parent: `## 목차` over its links, then `### 데이터`
    and the rest of the sheet at a level under it."""
    found, stack = [], []
    for i, s in enumerate(sections):
        while stack and sections[stack[-1]].level >= s.level:
            stack.pop()
        found.append(stack[-1] if stack else -1)
        if not lists_contents(s.name):
            stack.append(i)
    return found


def meta_sections(sections: Sequence[Section], up: Sequence[int]) -> set[int]:
    """Indexes of the sections about the document itself (see `terms.META`), and of every
    section under one: never notes."""
    found: set[int] = set()
    for i, s in enumerate(sections):
        if s.level > 0 and (is_meta(s.name) or up[i] in found):
            found.add(i)
    return found


def is_leaf(sections: Sequence[Section], i: int) -> bool:
    s = sections[i]
    if not (s.level > 0 and s.top and not s.index):
        return False
    # A heading inside a quote or a list item (`> #### Unknown Unicast`) is part of the text
    # it stands in: the heading above it may still be a leaf.
    k = i + 1
    while k < len(sections) and not sections[k].top:
        k += 1
    return k == len(sections) or sections[k].level <= s.level


def mark_questions(sections: Sequence[Section]) -> None:
    """Mark the headings with no sub-heading that ask a question without its mark (`### How
    does a stoma open` over its points): the text under one answers it. Over sub-headings,
    such words title a part (`# Why Cloud Storage Matters`)."""
    for i, s in enumerate(sections):
        if not s.asks and is_leaf(sections, i) and _asks(s.name):
            s.asks = True


def _asks(name: str) -> bool:
    return unmarked_question(name) or names_an_aspect(name)


def candidate_headings(sections: Sequence[Section], meta: set[int]) -> list[int]:
    """The headings that may name terms: with text under them and no sub-heading, and not a
    part of a course (`### Unit 1: Introduction` over its `**Key Concepts:**`)."""
    return [
        i
        for i, s in enumerate(sections)
        if is_leaf(sections, i)
        and s.content
        and i not in meta
        and not is_course_part(s.name)
        and not is_structure(s.name)  # `#### Overview` over a glossary: its entries
        and not names_examples(s.name)  # `### Examples`, `##### 예시~ 学生로!`: cases
        and not s.card
    ]
