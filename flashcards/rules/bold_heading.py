"""A bold term alone on its line, over a list of what it is (`**On Demand**` then `- 사용한
만큼 지불`, `- 비용이 제일 높지만 …`): the bold line is a small heading, and the list its
definition; a term written as code alone on its line (`` `세포괴사` ``) is read the same,
and groups a list of entries, and so is a plain line that only names a term (`Subnet` over
`- VPC 내부에서 …`) when the first point says what it is. A label (`**장점**`) over its
points, a name over bold terms of their own (their group), over a list of names
(`**Services**` over `- EC2`), or one that leads with a colon into a list of entries
(`**Common Roots:**` over `- bene (good): …`), or one over a vocabulary, words and their
meanings (`**관용표현**` over `- existing equipment 기존 설비`), is no note; with a colon over
what it is
(`**Consuls**:` over `- Generals in war`), it is one."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.names import is_term_like, names_a_set, names_two
from flashcards.rules.broken_item import broken_lead
from flashcards.rules.entries import says
from flashcards.rules.found import LISTS, Context, Found, close
from flashcards.rules.glossary import glossary_entries
from flashcards.rules.lead import ALONE, SEPARATED, Lead, lead
from flashcards.rules.notes import blocks_note
from flashcards.rules.points import entry, has_leads, items, names_a_term, points
from flashcards.rules.translated import MIN_TRANSLATED, translated_items
from flashcards.terms import (
    OBJECTS,
    PRONOUNS,
    ends_with_colon,
    heading_name,
    is_callout,
    is_caption,
    is_label,
    key,
)

_SAYS_INSIDE = re.compile(r"\uff1a\s*\S|:\s+\S")
"""A colon inside a line, with words after it: the line says something of a name, and names
nothing itself (`Strategy: plan, ploy, pattern`); one between letters is a name's (`aop:before`)."""


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "paragraph_open" or ctx.inside(i) != "":
        return None
    children = toks[i + 1].children or []
    coded = _code_alone(children)
    # A plain line right under a heading is the heading's own text (`### Assonance` over
    # `Repetition of similar vowels` and its examples), no small heading of its own; a name
    # glossed in parentheses names a term wherever it stands (`agility(민첩성)`).
    under = i > 0 and toks[i - 1].type == "heading_close" and not _glossed(children)
    named = None if coded is not None or under else _name_alone(children)
    found = lead(children) or coded or named
    after = i + 3  # after the paragraph's close
    if found is None or after >= len(toks):
        return None
    colon = found.join == SEPARATED and not found.rest  # `**Consuls**:` and nothing after
    if found.join != ALONE and not colon:
        return None
    if toks[after].type not in LISTS or toks[after].level != toks[i].level:
        return None
    leads_in = colon or coded is not None or ends_with_colon(markup.plain(children))
    if (leads_in or _glossary(toks, after)) and _entries(toks, after):
        return None  # `**Common Roots:**` leads into the list: its items are the terms
    vocabulary = glossary_entries(toks, after)
    whole = len(vocabulary) == len(items(toks, after))
    if vocabulary and (whole or not any(entry(toks, j) for j, _ in vocabulary)):
        return None  # `**분사 관용표현**` over `- existing equipment 기존 설비`: their group
    if not is_term_like(found.term) or is_callout(found.term) or has_leads(toks, after):
        return None
    if _broken_entries(toks, after):
        return None  # `관계형 데이터베이스` over `- Field (column)` and what it is: a group
    if _SAYS_INSIDE.search(found.term):
        return None  # `` `战略管理: 5种规范、4个构成要素` ``: the parts it names, a summary
    if is_caption(found.term):
        return None  # `**Figure 6.12a: Binary fission.**` over its steps: a figure shown
    if len(found.term.split()) > 1 and _CLAIM.search(found.term):
        return None  # `**확률분포에 따라 … 차이가 있다**` over its points: a claim they explain
    said = [says(text) for text in points(toks, after)]
    if not any(said):
        return None
    if found is named and (not said[0] or vocabulary or _translations(toks, after)):
        # A plain name's first point says what it is (`Subnet` over `- VPC 내부에서 …`);
        # a line over a glossary (`조동사처럼 쓰이는 표현` over `- be able to 할 수 있다`),
        # or over words and their meanings among sentences (`Le visage` over `- Il a les
        # yeux bleus.` and `- nez : nm. 코`), leads into its terms.
        return None
    term = heading_name(found.term)  # `**3. 가정법**`: a small heading, numbered as headings are
    if names_two(term):
        return None  # `**1.자동사 vs 타동사**` over both: a comparison, a topic, no one term
    end = close(toks, after)
    note = blocks_note(ctx, ctx.line(toks[i]), term, toks[after : end + 1])
    return Found(end, notes=[note], bold=[key(term)])


def _code_alone(children: Sequence[Token]) -> Lead | None:
    """A line that is one code span and nothing else (`` `세포괴사` ``, `` `git log` ``): a
    term set apart as code rather than bold, over its points as a bold one would be."""
    inner = [c for c in children if not (c.type == "text" and not c.content.strip())]
    if len(inner) != 1 or inner[0].type != "code_inline" or not inner[0].content.strip():
        return None
    return Lead(inner[0].content.strip(), ALONE, [])


def _name_alone(children: Sequence[Token]) -> Lead | None:
    """A line of plain text that only names a term (`Subnet`, `CIDR(Classless Inter-Domain
    Routing)`), no label (`개념`, `구성 요소`), no set of things, no sentence: in a sheet
    written without headings, a small heading as a bold line is."""
    if len(children) != 1 or children[0].type != "text":
        return None
    name = children[0].content.strip()
    if _GAPS.search(name) or not names_a_term(name) or is_label(name) or names_a_set(name):
        return None  # a line laid out in columns (`enzyme      enzyme`) is a drawing
    if any(word in _NOT_IN_NAMES for word in key(name).split()):
        return None  # `Know these core contrasts`: words that speak to the reader, no name
    return Lead(name, ALONE, [])


_CLAIM = re.compile(r"(?:[.!?\u3002]|(?:있|없|한|된|이|했|였|같|진|는)다)$")
"""How a line of several words that states something ends: a stop, or a Korean verb's plain
form (`…차이가 있다`, `…달라진다`), where a name may end in `음` or `함` (`세포 죽음`)."""

_NOT_IN_NAMES = OBJECTS | PRONOUNS
_GAPS = re.compile(r"\S(?:\t| {2,})\S")


def _entries(toks: Sequence[Token], start: int) -> bool:
    """Whether most points of the list opened at `start` are `Term: definition` entries."""
    listed = items(toks, start)
    return 2 * sum(entry(toks, j) is not None for j in listed) > len(listed)


def _broken_entries(toks: Sequence[Token], start: int) -> bool:
    """Whether most points of the list opened at `start`, two or more, name a term on their
    first line and say what it is on the next (see `rules.broken_item`): terms of their own."""
    listed = items(toks, start)
    broken = sum(
        toks[j + 1].type == "paragraph_open" and broken_lead(toks[j + 2].children or []) is not None
        for j in listed
    )
    return broken >= 2 and 2 * broken > len(listed)


def _glossary(toks: Sequence[Token], start: int) -> bool:
    """Whether every point of the list opened at `start` is an entry, and most say what their
    terms are (`**데이터 형태**` over `- 정형 데이터 (Structured Data) : 형태가 있고 연산 가능`):
    the bold line names their group. Short values (`- Port: 80`) may be its own parts."""
    found = [entry(toks, j) for j in items(toks, start)]
    if not found or None in found:
        return False
    return 2 * sum(says(markup.plain(f.rest)) for f in found if f is not None) > len(found)


_GLOSSED = re.compile(r"[^()]{1,40}?\s?\([^()]{1,40}\)")
"""`agility(민첩성)`, `채택(Adoption)`: a name and its gloss, and nothing after."""


def _glossed(children: Sequence[Token]) -> bool:
    return _GLOSSED.fullmatch(markup.plain(children).strip()) is not None


def _translations(toks: Sequence[Token], i: int) -> bool:
    """Whether enough items of the list at `i` are a word and its meaning in another script
    to make it a vocabulary, whatever stands beside them (see `rules.translated`)."""
    return len(translated_items(toks, i)) >= MIN_TRANSLATED
