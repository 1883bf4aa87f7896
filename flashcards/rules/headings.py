"""Heading terms: in a glossary of headings, each heading is a note and what stands under it
is its definition, labels kept as labels (`**Definition**: …`, `**장점**: …`).

Decided once the whole sheet is read: a heading with no sub-heading whose bold items are
mostly labels (known label words, or a pattern of bold items that repeat together under other
headings, see `_pattern`) is a term, and so are its sibling headings that hold only text.
`terms: headings` makes every such heading with text under it a term; `terms: bold` none.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from flashcards import markup
from flashcards.note import QUESTION, TERM, Note
from flashcards.rules.found import Context
from flashcards.rules.notes import blocks_note
from flashcards.terms import (
    BOLD,
    HEADINGS,
    STRUCTURE,
    asked,
    is_condition,
    is_course_part,
    is_index_heading,
    is_label,
    is_meta,
    is_sentence,
    is_term_like,
    key,
    names_a_set,
    parenthesised,
    split_term,
)


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
    most headings, the sheet's label (see `_phrased`)."""

    @property
    def opens_notes(self) -> bool:
        """Whether its first block opens with its first note (`**채권**이란 …`, or a glossary
        right under the heading)."""
        return bool(self.notes) and self.notes[0].line == self.first[0]

    @property
    def index(self) -> bool:
        return is_index_heading(self.name)


_NUMBERED = re.compile(r"(\d{1,2})\.\d{1,2} +(?=\S)")
_LETTERED = re.compile(r"([A-Ha-h])[.)] +(?=\S)")
"""`A. ACE Inhibitors`, `b) Loop diuretics`: an outline's lettered headings, from `A.` on."""


def unnumber(sections: Sequence[Section]) -> None:
    """Drop section numbers written without a final dot (`### 5.1 개념`, `### 5.2 투자
    가이드`): two headings or more of one level numbered under the same number are numbered
    sections; one alone keeps its number (`## 1.5 Release notes`, `## 3.14 Pi`). Letters
    too (`#### A. ACE Inhibitors`, `#### B. ARBs`), two or more of a level, from `A.` on; one
    alone keeps its letter (`## A. Lincoln`). Roman numerals likewise (`## I. …`, `## II. …`)."""
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
    """For each section, the index of the nearest section above it of a lower level (-1)."""
    found, stack = [], []
    for i, s in enumerate(sections):
        while stack and sections[stack[-1]].level >= s.level:
            stack.pop()
        found.append(stack[-1] if stack else -1)
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


def label_parts(
    sections: Sequence[Section], up: Sequence[int], meta: set[int]
) -> dict[int, list[int]]:
    """Headings whose first sub-heading labels their definition (`## 재간접형 펀드` over `###
    개념` and `### 특징`, `## Mitochondria` over `### Definition`), each with its sub-headings
    that are labels: the heading names a term, and all its text, labels and all, is its
    definition."""
    children: dict[int, list[int]] = {}
    for i in range(len(sections)):
        if up[i] >= 0 and i not in meta:
            children.setdefault(up[i], []).append(i)
    # A sub-heading under most headings with sub-headings (`###Overview` under each event)
    # labels their parts, whatever its words.
    repeated = Counter(
        name for under in children.values() for name in _child_names(sections, under)
    )
    often = max(MIN_REPEATED, len(children) / 2)
    patterned = {name for name, n in repeated.items() if n >= often}
    labels = patterned | DEFINING_LABELS
    found: dict[int, list[int]] = {}
    for above, under in children.items():
        parent, first = sections[above], sections[under[0]].name
        # Once a sheet labels its terms' parts so, a label word opens one too (`###Cause`).
        if not (key(first) in labels or (patterned and is_label(first))) or above in meta:
            continue
        if parent.level > 0 and parent.top and not parent.index and _names_term(parent.name):
            found[above] = [
                i for i in under if is_label(sections[i].name) or key(sections[i].name) in labels
            ]
    return found


MIN_REPEATED = 3
"""Headings a sub-heading's name stands under, at least, to be a label by repetition."""


def _child_names(sections: Sequence[Section], under: Sequence[int]) -> set[str]:
    return {key(sections[i].name) for i in under}


DEFINING_LABELS = frozenset(
    {"정의", "개념", "뜻", "의미", "definition", "meaning", "concept", "description", "설명"}
    | {"signs", "symptoms", "signs and symptoms", "histology", "etiology", "aetiology"}
    | {"pathophysiology", "pathogenesis", "clinical presentation", "clinical features"}
    | {"caused by", "mechanism", "mechanism of action", "증상", "원인", "병태생리", "임상 양상"}
    | {"core idea", "key idea", "main idea", "central idea", "basic idea", "big idea"}
    | {"핵심 개념", "핵심 아이디어", "핵심 내용", "요지"}
)
"""Labels of what a term is, and of how a disease or a drug shows and works (`Signs`,
`Histology`, `Caused by`): a heading whose first sub-heading is one names a term."""


def _names_term(name: str) -> bool:
    term = _glossed(name)[0]
    return is_term_like(term) and not is_label(term) and not names_a_set(term)


def heading_terms(
    sections: Sequence[Section],
    up: Sequence[int],
    mode: str,
    meta: set[int],
    parts: dict[int, list[int]],
    pattern: set[str],
    title: str = "",
) -> set[int]:
    """Indexes of the sections whose heading is a term (or asks a question); `parts` are
    the headings over labels of their parts (see `label_parts`), `pattern` the sheet's own
    labels (see `label_pattern`), `title` is the sheet's own, from its front matter."""
    if mode == BOLD:
        return set()
    questions = {
        i
        for i, s in enumerate(sections)
        if s.level > 0
        and s.top
        and s.content
        and i not in meta
        and asked(s.name) is not None
        and not _groups(s)
    }
    candidates = _candidates(sections, meta)
    if mode == HEADINGS:
        return set(candidates) | questions
    labelled = {i for i in candidates if _labelled(sections[i].bold, pattern)}
    # Once two headings of a level show the sheet's labels, one of that level whose text
    # opens with a bold label and uses any of them is labelled too, whatever else it holds
    # (`### Hypokalemia` over `**Clinical Presentation:**` and `- **Cardiac:** …`).
    levels = {sections[i].level for i in labelled} if len(labelled) >= 2 else set()
    labelled |= {
        i
        for i, s in ((i, sections[i]) for i in candidates)
        if s.level in levels
        and s.opening == "label"
        and any(_unremarked(k) in pattern for k in s.bold)
    }
    labelled |= _phrased(sections, candidates)
    with_terms = {up[i] for i in labelled | questions | set(parts)}
    only_text = {
        i
        for i in candidates
        if up[i] in with_terms
        and not (sections[i].bold or sections[i].loose or sections[i].notes)
        and key(sections[i].name) not in STRUCTURE  # `## Introduction` beside `## Why?`
        and is_term_like(_glossed(sections[i].name)[0])  # `### 평균과 분포`: two things
    }
    # A heading over sub-headings may name a term too, by the sentence that opens its text
    # (`# Interval` over `The difference between two pitches.` and `## Just Intonation`).
    opened = [
        i
        for i, s in enumerate(sections)
        if s.level > 0
        and s.top
        and not s.index
        and s.opening in ("paragraph", "sentences")
        and not s.counts
        and i not in meta
        and not _leaf(sections, i)
    ]
    grouped = _grouped(sections, up, [*candidates, *opened], labelled | questions)
    # A heading whose text opens by saying what it means names a term on its own
    # (`## 부채` over `자산 중에 남에게 빌린 재산을 말한다.`), even in a post of one term; so
    # does one that joins its term to a definition by an arrow (`## X $\\implies$ …`). A
    # sentence that gives a note of its own (`**채권**이란 …을 말한다`) defines that term.
    said = {
        i
        for i, s in enumerate(sections)
        if ((s.says and not s.opens_notes) or _arrowed(s.name))
        and s.top
        and i not in meta
        and is_term_like(_glossed(s.name)[0])
        and not s.index
    }
    opened = {i for i in candidates if opens_with_label(sections[i])}
    labels = {j for children in parts.values() for j in children}
    found = (labelled | only_text | questions | grouped | said | opened | set(parts)) - labels
    return found or _post(sections, meta, title)


def _post(sections: Sequence[Section], meta: set[int], title: str) -> set[int]:
    """The one heading of a post about one term, titled by it (`title: Inflammation` over
    `## Inflammation` and its points), in a sheet that gives no other note: the post is
    that term's definition."""
    headed = [i for i, s in enumerate(sections) if s.level > 0 and i not in meta]
    if not title or len(headed) != 1 or any(s.notes for s in sections):
        return set()
    i = headed[0]
    s = sections[i]
    usable = s.top and s.content and not s.index and s.opening not in ("", "label")
    if not usable or not is_term_like(s.name) or names_a_set(s.name):
        return set()
    name, titled = key(split_term(s.name)[0]), key(title)
    return {i} if name in titled or titled in key(s.name) else set()


_DEFINING = {
    "paragraph",
    "sentences",
    "blockquote",
    "math_block",
    "fence",
    "code_block",
    "table",
}
"""What a term's definition opens with, under its heading: a sentence (not a `phrase`, a
label such as `객체지향 설계 원칙`), points that are sentences, a quote, a formula, code, a
table; a list of plain items (a to-do list, names) is no definition of the heading's words."""


_ALIKE = {*_DEFINING, "phrase"}
"""What a heading's text may open with, beside headings of its level that name terms."""

MIN_DEFINED = 2
"""Terms a heading's text defines in sentences of their own (`Pressure is the force …`,
`Temperature is the measure …`) that make the heading their group."""

_POINTS = ("bullet_list", "ordered_list")
"""What a heading's text may open with among sibling headings that name terms: its points
(`### 4.3 AWS DynamoDB` over `- NoSQL DB 서비스`, beside `### 4.2 AWS RDS …` over its text)."""


def _grouped(
    sections: Sequence[Section], up: Sequence[int], candidates: Sequence[int], terms: set[int]
) -> set[int]:
    """Leaf headings that name terms under a heading that groups them (`## Data Structures`
    over `### Linked List` and `### Hash Map`, each with its text): a heading of a term's
    name, with no notes of its own but those it would take in, beside at least one other
    such heading (or a question) under a heading of the sheet (not its very top); its text
    opens with a sentence, a formula, code or a table (see `_DEFINING`)."""
    loose = {
        i
        for i, s in ((i, sections[i]) for i in candidates)
        if len(s.notes) == s.weak
        and is_term_like(_glossed(s.name)[0])
        and not names_a_set(s.name)  # `### DUAL 용어` over `- Successor — 최적 경로`
        and not _groups(s)
        and not _members(s)
        # `## Common Vision Problems` over `Myopia is a …`, `Hyperopia is a …`, …: a group
        and sum(is_sentence(n.definition) for n in s.notes) < MIN_DEFINED
    }
    named = {i for i in loose if sections[i].opening in _DEFINING}
    siblings = Counter(up[i] for i in named | terms)
    # At the very top, sections are a sheet's categories, unless most of them name terms
    # (a glossary of top-level headings, `# 빠른호흡 (Tachypnea)` over its text).
    top = sum(1 for i, s in enumerate(sections) if up[i] == 0 and s.content)
    grouped = {i for i in named if sections[up[i]].level > 0 and siblings[up[i]] >= 2}
    glossary = siblings[0] >= 3 and 2 * siblings[0] >= top
    if glossary:
        grouped |= {i for i in named if up[i] == 0}
    # Once the sheet shows that its headings of one level name terms, a heading of that
    # level alone under its group (`## Bones` over `### Scapula` only) names one too, and so
    # does one whose text opens with a phrase (`#### Biosphere` over `Made of living things`).
    levels = {sections[i].level for i in grouped} if len(grouped) >= 2 else set()
    alike = {i for i in loose if sections[i].opening in _ALIKE}
    grouped |= _parallel(sections, up, loose)
    pointed = {i for i in loose if sections[i].opening in _POINTS and siblings[up[i]] >= 2}
    return grouped | {
        i
        for i in named | alike | pointed
        if sections[i].level in levels and (up[i] > 0 or glossary)
    }


MIN_PARALLEL = 3


def _parallel(sections: Sequence[Section], up: Sequence[int], loose: set[int]) -> set[int]:
    """Headings of one group written alike: three or more, every heading under a heading
    of the sheet, each a name over its points or text (`#### Visual Learners` over `- Learn
    through seeing`, beside `#### Auditory Learners` and `#### Kinesthetic Learners`), none
    over notes of its own: the kinds of what the heading above them names, each a term."""
    children: dict[int, list[int]] = {}
    for i, above in enumerate(up):
        if above > 0:
            children.setdefault(above, []).append(i)
    found: set[int] = set()
    for under in children.values():
        alike = [
            i
            for i in under
            if i in loose
            and not sections[i].notes  # over a glossary, its entries are the terms
            and sections[i].opening in (*_ALIKE, *_POINTS)
        ]
        if len(alike) == len(under) >= MIN_PARALLEL:
            found.update(alike)
    return found


def opens_with_label(section: Section) -> bool:
    """Whether a heading's text opens with a bold label of what its term is (`### Strain
    Theory` over `- **Core Idea:** …`, then `- **Key Thinkers:** …`; see `DEFINING_LABELS`):
    the heading names that term, whatever its other bold items are."""
    return (
        bool(section.bold)
        and _unremarked(section.bold[0]) in DEFINING_LABELS
        and section.opening in _LABEL_OPENINGS
        and _names_term(section.name)
    )


_LABEL_OPENINGS = ("label", "sentences", "bullet_list", "paragraph")
"""What a heading's text opens with when a bold label opens it: the label alone on its line,
or a point or a paragraph that opens with it."""


MAX_LABELS = 12
"""Labels structure a term's text: a handful under each heading (`Definition`, `Example`,
`Pros`, `Cons`), never dozens."""


def _candidates(sections: Sequence[Section], meta: set[int]) -> list[int]:
    """The headings that may name terms: with text under them and no sub-heading, and not a
    part of a course (`### Unit 1: Introduction` over its `**Key Concepts:**`)."""
    return [
        i
        for i, s in enumerate(sections)
        if _leaf(sections, i) and s.content and i not in meta and not is_course_part(s.name)
    ]


def label_pattern(sections: Sequence[Section], meta: set[int]) -> set[str]:
    """The keys of the bold items the sheet uses as labels by repetition (see `_pattern`),
    each in the singular too: no notes, wherever they stand (`**Education:**` under a
    heading of drugs too)."""
    pattern = _pattern(sections, _candidates(sections, meta))
    return pattern | {_singular(k) for k in pattern}


def is_patterned(note_key: str, pattern: set[str]) -> bool:
    """Whether a note's key is one of the sheet's labels (see `label_pattern`), in either
    number."""
    return note_key in pattern or _singular(note_key) in pattern


def _pattern(sections: Sequence[Section], candidates: Sequence[int]) -> set[str]:
    """Bold items that are labels by repetition: under two or more headings, at least two
    together (`Key Fact` and `Key Facts` one), where most bold items repeat so or are label
    words; and the others under those headings beside them. A term written twice (a
    duplicate) stands among terms that do not repeat, so it never makes a pattern. One bold
    item alone is a label too when it stands under most of the headings (see `_common`)."""
    # A heading over more bold items than labels ever are holds a list of terms.
    pool = [i for i in candidates if 0 < len(sections[i].bold) <= MAX_LABELS]
    common = _common(sections, pool)
    while True:
        counts = Counter(k for i in pool for k in set(map(_singular, sections[i].bold)))
        repeated = {k for k, n in counts.items() if n > 1}
        clean = [
            i
            for i in pool
            if len(repeated.intersection(map(_singular, sections[i].bold))) >= 2
            and 2 * sum(_singular(k) in repeated or is_label(k) for k in sections[i].bold)
            > len(sections[i].bold)
        ]
        if clean == pool:
            return common | {k for i in pool for k in sections[i].bold}
        pool = clean


def _common(sections: Sequence[Section], pool: Sequence[int]) -> set[str]:
    """The bold items that stand under most headings with bold items, three at least, a
    remark in parentheses aside (`**Rule (24 words):**` under each heading of bar-exam
    rules): labels, even one alone under each."""
    under = Counter(k for i in pool for k in {_label_key(b) for b in sections[i].bold})
    often = max(MIN_REPEATED, len(pool) / 2)
    found = {k for k, n in under.items() if n >= often}
    return {b for i in pool for b in sections[i].bold if _label_key(b) in found}


def _phrased(sections: Sequence[Section], candidates: Sequence[int]) -> set[int]:
    """Headings whose text opens with the same line of a few words as most others' do, three
    at least (`## Letter of Guarantee (L/G)` over `*키워드*`, its keywords and its quoted
    definition, beside `## Trust Receipt (T/R)` over the same): the line labels a part of
    each term, whatever its markup, as a repeated bold label does. A heading whose text holds
    notes of its own stays their group."""
    phrased = [i for i in candidates if sections[i].phrase]
    often = max(MIN_REPEATED, len(phrased) / 2)
    counts = Counter(sections[i].phrase for i in phrased)
    return {
        i
        for i in phrased
        if counts[sections[i].phrase] >= often
        and not sections[i].notes  # `liner 운송은 …을 말한다` in its text: the terms it holds
        and _names_term(sections[i].name)
    }


def _label_key(bold: str) -> str:
    return _singular(_unremarked(bold))


def _singular(label: str) -> str:
    """A label in English with its plural ending aside: `Key Facts` under one heading and
    `Key Fact` under the next are one label."""
    if label.isascii() and len(label) > 3 and label.endswith("s") and not label.endswith("ss"):
        return label[:-1]
    return label


def _unremarked(name: str) -> str:
    """A label with its remark in parentheses aside (`clinical presentation (murderer
    mnemonic)`)."""
    parts = parenthesised(name)
    return name if parts is None else parts[0]


def _labelled(keys: Sequence[str], pattern: set[str]) -> bool:
    """Whether most of a heading's bold items are labels: label words, cases (`**BG <
    70:**`, see `terms.is_condition`), or a pattern's."""
    labels = sum(is_label(k) or is_condition(k) or k in pattern for k in keys)
    return 2 * labels > len(keys) > 0


_OPENS_DEFINITION = ("paragraph", "blockquote")
"""What a heading's own definition opens with, before the notes it lists: a sentence, or a
quote (`## 귀인` over `> 자신이나 타인의 행동과 그 결과를 추론하는 과정`)."""


def introduced_terms(
    sections: Sequence[Section], mode: str, chosen: set[int], meta: set[int]
) -> set[int]:
    """Headings that name a term in their opening sentence and then list notes of their own
    (`## Absorption` over `The movement of the drug into the blood.` and `- **Diffusion**: …`),
    in a sheet of two or more: each is a note of its opening text, and its notes stay."""
    if mode == BOLD:
        return set()
    found = {
        i
        for i, s in enumerate(sections)
        if i not in chosen
        and i not in meta
        and s.level > 0
        and s.top
        and s.opening in _OPENS_DEFINITION
        and (s.notes or s.loose or s.bold)  # text, and then points of its own
        and not s.opens_notes
        and is_term_like(s.name)
        and asked(s.name) is None
    }
    taken = chosen | meta
    itself = {i for i, s in enumerate(sections) if i not in taken and _defines_itself(s)}
    # A heading that opens with its own term's note introduces a term as these do.
    return (found if len(found | itself) >= 2 else set()) | itself


def _defines_itself(section: Section) -> bool:
    """Whether a heading's text opens with the note of the heading's own term (`### 1. Offer`
    over `An **offer** is a manifestation of …`): that note is the heading's."""
    if not (section.level > 0 and section.top and section.opens_notes):
        return False
    opening = section.notes[0]
    if opening.key not in key(section.name):
        return False  # nearly every heading: its opening note names another term
    name = _glossed(section.name)[0]
    # `## Morphologie(형태론)` over `형태론은 …이다.`: the heading's term, in its gloss's words
    named = (name, split_term(name)[0], *(parenthesised(name) or ()))
    return key(opening.term) in {key(n) for n in named}


def own_note(section: Section, category: str) -> Note | None:
    """The note of a heading whose text opens by defining its term (see `_defines_itself`):
    the opening note, named as the heading names it, in the category above the heading."""
    if not _defines_itself(section):
        return None
    return replace(section.notes[0], term=_glossed(section.name)[0], category=category)


def _groups(section: Section) -> bool:
    """Whether a heading stands over notes rather than text of its own: its first block
    gives the first of three or more notes (`## What is knowledge?` over a glossary), or the
    notes are of the terms it names (`### 대인 지각 vs 대물 지각` over both)."""
    name = key(section.name)
    if sum(n.key in name for n in section.notes) >= 2:
        return True
    return len(section.notes) >= 3 and section.opens_notes


def _members(section: Section) -> bool:
    """Whether a heading names a kind in the plural and two of its notes or more are of that
    kind (`### Psychotic Disorders` over `- Schizophreniform disorder: 1 ~ 6 months` and `-
    Brief psychotic disorder: < 1 month`): their group, not a term they are values of."""
    words = key(section.name).split()
    kind = words[-1] if words else ""
    if len(kind) < 4 or not kind.endswith("s") or kind.endswith("ss"):
        return False
    singular = kind.removesuffix("es") if kind.endswith("ses") else kind.removesuffix("s")
    return sum(n.key.endswith(singular) for n in section.notes) >= 2


def _leaf(sections: Sequence[Section], i: int) -> bool:
    s = sections[i]
    if not (s.level > 0 and s.top and not s.index):
        return False
    # A heading inside a quote or a list item (`> #### Unknown Unicast`) is part of the text
    # it stands in: the heading above it may still be a leaf.
    k = i + 1
    while k < len(sections) and not sections[k].top:
        k += 1
    return k == len(sections) or sections[k].level <= s.level


def heading_note(
    section: Section, lines: Sequence[str], end: int, category: str, path: str
) -> Note:
    """The note of a heading term: everything from the line after it to `end` (0-based,
    not included). A heading that asks "What is X?" (`X란?`) is the term X; one that asks
    anything else, a question."""
    text = "".join(lines[section.body : end])
    term, kind = section.name, TERM  # the name is cleaned already
    question = asked(section.name)
    if question is not None:
        term, kind = question[0], TERM if question[1] else QUESTION
    else:
        term, gloss = _glossed(term)
        if gloss:  # `### 데이터 조작어 (DML) : SELECT, INSERT, …`: the gloss opens the text
            text = f"{gloss}\n\n{text}"
    toks = markup.tokens(text)
    return blocks_note(Context(path, 0, category), section.line, term, toks, kind)


_GLOSSED = re.compile(
    r"^(?P<term>[^:=]+?)(?:(?P<space>\s?):|\s*\$\\(?P<arrow>implies|Rightarrow|rightarrow|to)\$"
    r"|(?P<equals>\s=))\s+(?P<gloss>\S.*)$"
)


def _arrowed(name: str) -> bool:
    """Whether a heading joins its term to a definition by an arrow (`X $\\implies$ …`)."""
    match = _GLOSSED.match(name)
    return match is not None and match["arrow"] is not None


def _glossed(name: str) -> tuple[str, str]:
    """A heading term written with its gloss set apart by a colon (`DML : SELECT, INSERT`,
    `DDL: CREATE, ALTER, DROP`), an arrow in TeX (`Judicial Review $\\implies$ Examining
    …`) or an equals sign (`사분범위 = 상한 사분위수 - 하한 사분위수`, a formula): the term
    before it and the gloss; the name itself
    and "" for any other. A colon with no space before it and no list after it is part of
    the heading (`Quality inversion: major`, one prompt of several)."""
    match = _GLOSSED.match(name)
    if match is None or not is_term_like(match["term"]):
        return name, ""
    if not (match["space"] or match["arrow"] or match["equals"]) and "," not in match["gloss"]:
        return name, ""
    return match["term"].strip(), match["gloss"].strip()
