"""The note a heading term gives (its text, up to the next heading), and the headings whose
text opens by defining them (`## Absorption` over `The movement of the drug …`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from flashcards import markup
from flashcards.names import (
    case_name,
    is_term_like,
    names_a_case,
    names_a_set,
    names_examples,
    names_two,
)
from flashcards.note import QUESTION, TERM, Note
from flashcards.rules.details import opens_fold
from flashcards.rules.found import Context
from flashcards.rules.notes import blocks_note
from flashcards.rules.section import Section
from flashcards.terms import BOLD, key, parenthesised, split_term, translated


def heading_note(
    section: Section, lines: Sequence[str], end: int, category: str, path: str
) -> Note:
    """The note of a heading term: everything from the line after it to `end` (0-based,
    not included). A heading that asks "What is X?" (`X란?`) is the term X; one that asks
    anything else, a question."""
    text = "".join(lines[section.body : end])
    term, kind = section.name, TERM  # the name is cleaned already
    question = section.question
    if question is not None:
        term, kind = question[0], TERM if question[1] else QUESTION
    elif (defined := defined_term(term)) is not None:
        term = defined  # `## Resource의 개념`: the term Resource
    elif names_a_case(term):
        term = case_name(term)  # `Case: Donoghue v. Stevenson, [1932] …`: the case, cited
    elif not text.strip() and translated(term) and (parts := parenthesised(term)):
        term, text = parts  # `# 신세포암종 (Renal cell carcinoma)` alone: a word, its other name
    else:
        term, gloss = glossed(term)
        if gloss:  # `### 데이터 조작어 (DML) : SELECT, INSERT, …`: the gloss opens the text
            text = f"{gloss}\n\n{text}"
    toks = [tok for tok in markup.tokens(text) if not opens_fold(tok)]
    return blocks_note(Context(path, 0, category), section.line, term, toks, kind)


_DEFINED = re.compile(
    r"^(?P<term>\S.*?)\s*의\s*(?:개념|정의|뜻|의미)$"
    r"|^(?:the\s+)?(?:definition|concept|meaning)\s+of\s+(?:an?\s+|the\s+)?(?P<en>\S.*)$",
    re.IGNORECASE,
)


def defined_term(name: str) -> str | None:
    """The term a heading says its text defines (`Resource의 개념`, `벡터의 정의`, `Definition
    of a Vector`): the words before 의 or after `of`; None for any other heading."""
    match = _DEFINED.match(name.strip())
    if match is None:
        return None
    term = (match["term"] or match["en"]).strip()
    return term if is_term_like(term) else None


_GLOSSED = re.compile(
    r"^(?P<term>[^:=]+?)(?:(?P<space>\s?):|\s*\$\\(?P<arrow>implies|Rightarrow|rightarrow|to)\$"
    r"|(?P<equals>\s=))\s+(?P<gloss>\S.*)$"
)


def arrowed(name: str) -> bool:
    """Whether a heading joins its term to a definition by an arrow (`X $\\implies$ …`)."""
    match = _GLOSSED.match(name)
    return match is not None and match["arrow"] is not None


def glossed(name: str) -> tuple[str, str]:
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
        and _opens_definition(s)
        and (s.notes or s.loose or s.bold)  # text, and then points of its own
        and not s.opens_notes
        and is_term_like(s.name)
        and s.question is None
    }
    taken = chosen | meta
    itself = {i for i, s in enumerate(sections) if i not in taken and _defines_itself(s)}
    # A heading that opens with its own term's note introduces a term as these do.
    return (found if len(found | itself) >= 2 else set()) | itself


def _opens_definition(section: Section) -> bool:
    """Whether a heading's text opens with a definition of its own: a sentence or a quote,
    or points that say something about the heading (`### 백혈구 (Leukocyte)` over `- 혈액
    1㎜³에 5,000~10,000개` and then `- **호중구**: …`), unless the heading names a set whose
    points are its members (`Network devices`, `Examples`, see `_plural`)."""
    if section.opening in _OPENS_DEFINITION:
        return True
    if section.described:
        return True  # `### Pod` over `쿠버네티스가 사용하는 가장 기본적인 배포 단위`: what it is
    name = section.name
    return section.opening == "sentences" and not (
        names_a_set(name) or names_two(name) or names_examples(name) or _plural(name)
    )


def _plural(name: str) -> bool:
    """Whether an English name ends in a plural (`Weather Variables`, `Logical fallacies`):
    the things its points go on to name, each in a point of its own. A field's name is one
    thing (`Genetics`)."""
    last = key(name).split()[-1] if name.split() else ""
    return last.isalpha() and last.isascii() and last.endswith("s") and not last.endswith(_SINGULAR)


_SINGULAR = ("ss", "us", "is", "ics")


def _defines_itself(section: Section) -> bool:
    """Whether a heading's text opens with the note of the heading's own term (`### 1. Offer`
    over `An **offer** is a manifestation of …`): that note is the heading's."""
    if not (section.level > 0 and section.top and section.opens_notes):
        return False
    opening = section.notes[0]
    if opening.key not in key(section.name):
        return False  # nearly every heading: its opening note names another term
    name = glossed(section.name)[0]
    # `## Morphologie(형태론)` over `형태론은 …이다.`: the heading's term, in its gloss's words
    named = (name, split_term(name)[0], *(parenthesised(name) or ()))
    return key(opening.term) in {key(n) for n in named}


def own_note(section: Section, category: str) -> Note | None:
    """The note of a heading whose text opens by defining its term (see `_defines_itself`):
    the opening note, named as the heading names it, in the category above the heading."""
    if not _defines_itself(section):
        return None
    return replace(section.notes[0], term=glossed(section.name)[0], category=category)
