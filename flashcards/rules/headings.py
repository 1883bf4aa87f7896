"""Heading terms: in a glossary of headings, each heading is a note and what stands under it
is its definition, labels kept as labels (`**Definition**: …`, `**장점**: …`).

Decided once the whole sheet is read: a heading with no sub-heading whose bold items are
mostly labels (known label words, or a pattern of bold items that repeat together under other
headings, see `_pattern`) is a term, and so are its sibling headings that hold only text.
`terms: headings` makes every such heading with text under it a term; `terms: bold` none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from flashcards import markup
from flashcards.note import Note
from flashcards.terms import BOLD, HEADINGS, is_index_heading, is_label, split_term


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
    labels: list[str] = field(default_factory=list)
    loose: list[int] = field(default_factory=list)
    content: bool = False
    """Whether any block stands under it."""

    @property
    def index(self) -> bool:
        return is_index_heading(self.name)


def parents(sections: Sequence[Section]) -> list[int]:
    """For each section, the index of the nearest section above it of a lower level (-1)."""
    found, stack = [], []
    for i, s in enumerate(sections):
        while stack and sections[stack[-1]].level >= s.level:
            stack.pop()
        found.append(stack[-1] if stack else -1)
        stack.append(i)
    return found


def heading_terms(sections: Sequence[Section], up: Sequence[int], mode: str) -> set[int]:
    """Indexes of the sections whose heading is a term."""
    if mode == BOLD:
        return set()
    candidates = [i for i, s in enumerate(sections) if _leaf(sections, i) and s.content]
    if mode == HEADINGS:
        return set(candidates)
    pattern = _pattern(sections, candidates)
    labelled = {i for i in candidates if _labelled(sections[i].labels, pattern)}
    with_terms = {up[i] for i in labelled}
    only_text = {
        i
        for i in candidates
        if up[i] in with_terms
        and not (sections[i].labels or sections[i].loose or sections[i].notes)
    }
    return labelled | only_text


def _pattern(sections: Sequence[Section], candidates: Sequence[int]) -> set[str]:
    """Bold items that are labels by repetition: under two or more headings, at least two
    together, where every bold item repeats so or is a label word. A term written twice
    (a duplicate) stands among terms that do not repeat, so it never makes a pattern."""
    pool = [i for i in candidates if sections[i].labels]
    while True:
        counts = Counter(k for i in pool for k in set(sections[i].labels))
        repeated = {k for k, n in counts.items() if n > 1}
        clean = [
            i
            for i in pool
            if len(repeated.intersection(sections[i].labels)) >= 2
            and all(k in repeated or is_label(k) for k in sections[i].labels)
        ]
        if clean == pool:
            return repeated
        pool = clean


def _labelled(keys: Sequence[str], pattern: set[str]) -> bool:
    """Whether most of a heading's bold items are labels: label words, or a pattern's."""
    labels = sum(is_label(k) or k in pattern for k in keys)
    return 2 * labels > len(keys) > 0


def _leaf(sections: Sequence[Section], i: int) -> bool:
    s = sections[i]
    later = sections[i + 1] if i + 1 < len(sections) else None
    return s.level > 0 and s.top and not s.index and (later is None or later.level <= s.level)


def heading_note(
    section: Section, lines: Sequence[str], end: int, category: str, path: str
) -> Note:
    """The note of a heading term: everything from the line after it to `end`."""
    toks = markup.tokens("".join(lines[section.body : end]))
    short, expansion = split_term(section.name)  # the name is cleaned already
    return Note(
        section.name,
        short,
        expansion,
        category,
        markup.block_plain(toks),
        markup.html(toks),
        path,
        section.line,
    )
