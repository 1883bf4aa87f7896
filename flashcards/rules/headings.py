"""Heading terms: in a glossary of headings, each heading is a note and what stands under it
is its definition, labels kept as labels (`**Definition**: …`, `**장점**: …`).

Decided once the whole sheet is read: a heading with no sub-heading whose bold items are
mostly labels (known label words, or a pattern of bold items that repeat together under other
headings, see `heading_labels`) is a term, and so are its sibling headings that hold only text.
`terms: headings` makes every such heading with text under it a term; `terms: bold` none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from flashcards.names import is_term_like, names_a_case, names_a_glossary, names_a_set
from flashcards.note import QUESTION
from flashcards.rules.heading_labels import mostly_labels, opens_with_label, phrased, unremarked
from flashcards.rules.heading_note import arrowed, defined_term, glossed
from flashcards.rules.section import POINTED, Section, candidate_headings, is_leaf
from flashcards.terms import BOLD, HEADINGS, is_sentence, key, parenthesised, split_term, translated


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
    the headings over labels of their parts, `pattern` the sheet's own labels (see
    `heading_labels`), `title` is the sheet's own, from its front matter."""
    if mode == BOLD:
        return set()
    questions = {
        i
        for i, s in enumerate(sections)
        if s.level > 0
        and s.top
        and s.content
        and i not in meta
        and s.question is not None
        and not _groups(s)
        and not s.card
    }
    candidates = candidate_headings(sections, meta)
    if mode == HEADINGS:
        return set(candidates) | questions
    labelled = {i for i in candidates if mostly_labels(sections[i].bold, pattern)}
    # Once two headings of a level show the sheet's labels, one of that level whose text
    # opens with a bold label and uses any of them is labelled too, whatever else it holds
    # (`### Hypokalemia` over `**Clinical Presentation:**` and `- **Cardiac:** …`).
    levels = {sections[i].level for i in labelled} if len(labelled) >= 2 else set()
    labelled |= {
        i
        for i, s in ((i, sections[i]) for i in candidates)
        if s.level in levels
        and s.opening == "label"
        and any(unremarked(k) in pattern for k in s.bold)
    }
    labelled |= phrased(sections, candidates)
    with_terms = {up[i] for i in labelled | questions | set(parts)}
    only_text = {
        i
        for i in candidates
        if up[i] in with_terms
        and not (sections[i].bold or sections[i].loose or sections[i].notes)
        and is_term_like(glossed(sections[i].name)[0])  # `### 평균과 분포`: two things
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
        and not is_leaf(sections, i)
    ]
    grouped = _grouped(sections, up, [*candidates, *opened], labelled | questions, meta)
    # A heading whose text opens by saying what it means names a term on its own
    # (`## 부채` over `자산 중에 남에게 빌린 재산을 말한다.`), even in a post of one term; so
    # does one that joins its term to a definition by an arrow (`## X $\\implies$ …`). A
    # sentence that gives a note of its own (`**채권**이란 …을 말한다`) defines that term.
    said = {
        i
        for i, s in enumerate(sections)
        if ((s.says and not s.opens_notes) or arrowed(s.name))
        and s.top
        and i not in meta
        and is_term_like(glossed(s.name)[0])
        and not s.index
    }
    opened = {i for i in candidates if opens_with_label(sections[i])}
    named = _named_by_glossary(sections, up, candidates)
    # `## Resource의 개념`, `## Definition of a vector`: the heading says its text defines
    # the term, unless that text holds terms of its own (`### 확률의 정의` over a glossary).
    named |= {
        i
        for i in candidates
        if defined_term(sections[i].name) is not None and len(sections[i].notes) == sections[i].weak
    }
    # `## EC2` over `- Elastic Compute Cloud` and its points: the heading's name spelled out
    # first says the heading names a term, whatever the points under it are.
    spelled = {i for i in candidates if sections[i].spelled}
    # `### Case: Hamilton v. Kember, 2008 …` over the facts, the issue and the decision: a
    # case is a term of law, its points its definition.
    cases = {i for i in candidates if names_a_case(sections[i].name)}
    # `#### Colitis (Clostridium difficile)` over `- Gram positive` and `- persistent spores`:
    # a name given with its other name is a term introduced, whatever its points say.
    glossed_names = {i for i in candidates if _glossed_name(sections[i])}
    labels = {j for children in parts.values() for j in children}
    found = labelled | only_text | questions | grouped | said | opened | named | set(parts)
    found |= spelled | cases | glossed_names
    found -= labels | {i for i in found if _asks_inside(sections[i])}
    found |= _named_twice(sections, meta, found)
    return found or _post(sections, meta, title)


def _asks_inside(section: Section) -> bool:
    """Whether a heading marked as a question (`### 문제 1: 핵심 역량 이론`) opens its text with
    the question it titles (`**질문**: … 주장한 사람은?`): that question is the note, the
    heading its title."""
    return section.opens_notes and section.notes[0].kind == QUESTION


def _glossed_name(section: Section) -> bool:
    """Whether a heading names a term and its other name in parentheses (`Colitis
    (Clostridium difficile)`, `The Archaea (archaebacteria)`) over points of its own and no
    notes: a writer who gives a heading's other name is introducing a term. A set's name and
    which of it (`nouns (family)`, a plural in lower case) is none."""
    parts = parenthesised(section.name)
    if parts is None or section.notes or section.aside or section.opening not in POINTED:
        return False
    name, gloss = parts
    if names_a_set(name) or (name.islower() and name.endswith("s")):
        return False  # `nouns (family)`: a kind of words, and which of them
    return is_term_like(name) and not any(c.isdigit() for c in gloss) and len(gloss.split()) <= 4


def _named_twice(sections: Sequence[Section], meta: set[int], terms: set[int]) -> set[int]:
    """Headings with nothing under them that name a term in two scripts (`# 신세포암종 (Renal
    cell carcinoma)`), at a level where two headings or more are terms: a word and its other
    name, a vocabulary's note (see `heading_note`)."""
    levels = Counter(sections[i].level for i in terms)
    return {
        i
        for i, s in enumerate(sections)
        if levels[s.level] >= 2
        and not s.content
        and s.top
        and i not in meta
        and is_leaf(sections, i)
        and translated(s.name)
    }


def _named_by_glossary(
    sections: Sequence[Section], up: Sequence[int], candidates: Sequence[int]
) -> set[int]:
    """Headings under a heading that says they are terms (`## 용어 정리`, `## Key terms`,
    `## Glossary` over `### Kurtosis (첨도)` and its points): each a term, whatever its
    text opens with, unless it names a group itself (`## 통계 용어` over a table of terms)
    or stands over notes of its own. A sheet's title (`# Vocabulary`) is no such heading."""
    return {
        i
        for i in candidates
        if up[i] > 0
        and sections[up[i]].level > 1  # `# Vocabulary`, the sheet's title, over its parts
        and names_a_glossary(sections[up[i]].name)
        and not names_a_glossary(sections[i].name)
        and not names_a_set(sections[i].name)
        and is_term_like(glossed(sections[i].name)[0])
        and not sections[i].notes
    }


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
    sections: Sequence[Section],
    up: Sequence[int],
    candidates: Sequence[int],
    terms: set[int],
    meta: set[int],
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
        and is_term_like(glossed(s.name)[0])
        # `### DUAL 용어` over `- Successor — 최적 경로`: a set over its members; over a
        # phrase alone (`## Interval - 2 half steps` over `Major Second`) it is asked about
        and not (names_a_set(s.name) and (s.opening != "phrase" or s.notes or s.bold))
        and not _groups(s)
        and not _members(s)
        # `## Common Vision Problems` over `Myopia is a …`, `Hyperopia is a …`, …: a group
        and sum(is_sentence(n.definition) for n in s.notes) < MIN_DEFINED
    }
    named = {i for i in loose if sections[i].opening in _DEFINING}
    siblings = Counter(up[i] for i in named | terms)
    # At the very top, sections are a sheet's categories, unless most of them name terms
    # (a glossary of top-level headings, `# 빠른호흡 (Tachypnea)` over its text); a section
    # about the document (`## Prerequisites`) is none of them.
    top = sum(1 for i, s in enumerate(sections) if up[i] == 0 and s.content and i not in meta)
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
