"""Labels under headings: the bold items and sub-headings a sheet repeats under its terms
(`**Definition**:`, `### 개념`, `*키워드*`), which make each heading over them a term.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence

from flashcards.names import is_term_like, names_a_set
from flashcards.rules.heading_note import glossed
from flashcards.rules.section import Section, candidate_headings
from flashcards.terms import STOPS, is_condition, is_label, key, parenthesised


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
        if above in meta or not (parent.level > 0 and parent.top and not parent.index):
            continue
        # Once a sheet labels its terms' parts so, a label word opens one too (`###Cause`).
        labelled = key(first) in labels or (patterned and is_label(first))
        if parent.question is not None and labelled:
            # `## Q1. …의 차이점은?` over `### 핵심 답변` and `### 꼬리 질문 대비`: every part
            # under a question is its answer's
            found[above] = list(under)
        elif labelled and names_term(parent.name):
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
    | {"핵심 개념", "핵심 아이디어", "핵심 내용", "요지", "overview", "개요"}
)
"""Labels of what a term is, and of how a disease or a drug shows and works (`Signs`,
`Histology`, `Caused by`): a heading whose first sub-heading is one names a term."""


def names_term(name: str) -> bool:
    term = glossed(name)[0]
    return is_term_like(term) and not is_label(term) and not names_a_set(term)


def opens_with_label(section: Section) -> bool:
    """Whether a heading's text opens with a bold label of what its term is (`### Strain
    Theory` over `- **Core Idea:** …`, then `- **Key Thinkers:** …`; see `DEFINING_LABELS`),
    or gives its definition under a label of its own among its first points (`# Polymer` over
    `- **Greek:** many parts` and `- **Definition:** …`): the heading names that term, whatever
    its other bold items are."""
    first = section.bold[:MAX_BEFORE_DEFINITION]
    return (
        bool(first)
        and (
            unremarked(first[0]) in DEFINING_LABELS
            or any(unremarked(b) in DEFINITION_LABELS for b in first)
        )
        and section.opening in _LABEL_OPENINGS
        and names_term(section.name)
    )


DEFINITION_LABELS = frozenset({"definition", "정의", "meaning", "뜻", "의미"})
"""Labels of a term's definition itself, which a heading's text may give after a remark of
its own (`**Greek:**`, `**Origin:**`)."""

MAX_BEFORE_DEFINITION = 3
"""Bold items under a heading, at most, up to its definition's label."""


_LABEL_OPENINGS = ("label", "sentences", "bullet_list", "paragraph")
"""What a heading's text opens with when a bold label opens it: the label alone on its line,
or a point or a paragraph that opens with it."""


MAX_LABELS = 12
"""Labels structure a term's text: a handful under each heading (`Definition`, `Example`,
`Pros`, `Cons`), never dozens."""


def label_pattern(sections: Sequence[Section], meta: set[int]) -> set[str]:
    """The keys of the bold items the sheet uses as labels by repetition (see `_pattern`),
    each in the singular too: no notes, wherever they stand (`**Education:**` under a
    heading of drugs too)."""
    pattern = _pattern(sections, candidate_headings(sections, meta))
    return pattern | {_singular(k) for k in pattern}


def is_patterned(note_key: str, pattern: set[str]) -> bool:
    """Whether a note's key is one of the sheet's labels (see `label_pattern`), in either
    number."""
    return note_key in pattern or _singular(note_key) in pattern


def _pattern(sections: Sequence[Section], candidates: Sequence[int]) -> set[str]:
    """Bold items that are labels by repetition: under two or more headings, at least two
    together (`Key Fact` and `Key Facts` one), where most bold items repeat so or are label
    words; and the others under those headings beside them. A term written twice (a
    duplicate) stands among terms that do not repeat, so it never makes a pattern, and a
    section written twice (`### Concepts` over the same glossary, pasted again further down)
    repeats under one name only: labels repeat under different terms. One bold item alone is
    a label too when it stands under most of the headings (see `_common`)."""
    labels = {i: _labelling(sections[i]) for i in candidates}
    # A heading over more bold items than labels ever are holds a list of terms.
    pool = [i for i in candidates if 0 < len(labels[i]) <= MAX_LABELS]
    common = _common(sections, labels, pool)
    while True:
        named = _by_name(sections, labels, pool, _singular)
        counts = Counter(k for keys in named.values() for k in keys)
        repeated = {k for k, n in counts.items() if n > 1}
        clean = [i for i in pool if _repeats(labels[i], repeated)]
        if clean == pool:
            break
        pool = clean
    bolded = [i for i in candidates if labels[i]]
    if MIN_SHARE * len(pool) < len(bolded):
        # `**Calcium channel blockers**` under `### Antihypertensive Drugs` and `###
        # Antianginal Drugs`, among thirty headings of drug classes: terms listed twice
        return common
    return common | {k for i in pool for k in labels[i]}


MIN_SHARE = 8
"""A sheet's labels by repetition stand under one in this many of its headings over bold
items, at least: items repeated under fewer are terms the writer listed under two topics."""


def _by_name(
    sections: Sequence[Section],
    labels: Mapping[int, list[str]],
    pool: Sequence[int],
    keyed: Callable[[str], str],
) -> dict[str, set[str]]:
    """The keys of the bold items (see `_labelling`) under each heading's name, headings of
    one name together."""
    found: dict[str, set[str]] = {}
    for i in pool:
        found.setdefault(key(sections[i].name), set()).update(map(keyed, labels[i]))
    return found


def _common(
    sections: Sequence[Section], labels: Mapping[int, list[str]], pool: Sequence[int]
) -> set[str]:
    """The bold items that stand under most headings with bold items, three at least, a
    remark in parentheses aside (`**Rule (24 words):**` under each heading of bar-exam
    rules): labels, even one alone under each."""
    under = Counter(
        k for keys in _by_name(sections, labels, pool, _label_key).values() for k in keys
    )
    often = max(MIN_REPEATED, len(pool) / 2)
    found = {k for k, n in under.items() if n >= often}
    return {b for i in pool for b in labels[i] if _label_key(b) in found}


def _repeats(keys: Sequence[str], repeated: set[str]) -> bool:
    """Whether a heading's labels repeat: two or more of them, and most of them repeated or
    label words."""
    singular = [_singular(k) for k in keys]
    return len(repeated.intersection(singular)) >= 2 and 2 * sum(
        s in repeated or is_label(k) for k, s in zip(keys, singular, strict=True)
    ) > len(keys)


def _labelling(section: Section) -> list[str]:
    """A heading's bold items that may be labels: all but the plain names over nothing
    (`* Worst Case` in a list of cases), which label nothing."""
    return list((Counter(section.bold) - Counter(section.bare)).elements())


def phrased(sections: Sequence[Section], candidates: Sequence[int]) -> set[int]:
    """Headings whose text opens with the same line of a few words as most others' do, three
    at least (`## Letter of Guarantee (L/G)` over `*키워드*`, its keywords and its quoted
    definition, beside `## Trust Receipt (T/R)` over the same): the line labels a part of
    each term, whatever its markup, as a repeated bold label does. A heading whose text holds
    notes of its own stays their group."""
    opening = [i for i in candidates if sections[i].phrase]
    often = max(MIN_REPEATED, len(opening) / 2)
    counts = Counter(sections[i].phrase for i in opening)
    return {
        i
        for i in opening
        if counts[sections[i].phrase] >= often
        and not sections[i].notes  # `liner 운송은 …을 말한다` in its text: the terms it holds
        and names_term(sections[i].name)
    }


def _label_key(bold: str) -> str:
    return _singular(unremarked(bold))


def _singular(label: str) -> str:
    """A label in English with its plural ending aside: `Key Facts` under one heading and
    `Key Fact` under the next are one label."""
    if label.isascii() and len(label) > 3 and label.endswith("s") and not label.endswith("ss"):
        return label[:-1]
    return label


def unremarked(name: str) -> str:
    """A label with its remark in parentheses aside (`clinical presentation (murderer
    mnemonic)`)."""
    parts = parenthesised(name)
    return name if parts is None else parts[0]


def mostly_labels(keys: Sequence[str], pattern: set[str]) -> bool:
    """Whether most of a heading's bold items are labels: label words, cases (`**BG <
    70:**`, see `terms.is_condition`), or a pattern's. A sentence in bold is neither label nor
    term (`| 저는 의사예요. | I am a doctor. |`, an example of the pattern in use)."""
    keys = [k for k in keys if not k.endswith(STOPS)]
    labels = sum(is_label(k) or is_condition(k) or k in pattern for k in keys)
    return 2 * labels > len(keys) > 0
