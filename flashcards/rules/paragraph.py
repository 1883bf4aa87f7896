"""A paragraph that starts with a bold term and a separator is a note, like a list item.

`**Latency** - …`, `**Load Balancer**: …`, `**데드락(Deadlock)**은 …`; the paragraph's next
lines belong to the definition, unless they start with a bold term and a separator too:
lines of `**Term**: definition` one under another are a note each. A paragraph in a quote
(`> **SRAM** : …`) is read the same. `**Tip:** …` and other callout words open a remark.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.note import Note
from flashcards.rules.entries import says
from flashcards.rules.found import Context, Found
from flashcards.rules.lead import BROKEN, DEFINED, SEPARATED, Lead, lead
from flashcards.rules.notes import lead_note, line_notes
from flashcards.rules.points import names_a_term
from flashcards.rules.running_text import introduced
from flashcards.terms import (
    is_about_using,
    is_callout,
    is_label,
    is_property,
    key,
    names_a_part,
)

_PLACES = ("", "blockquote")
"""Where a paragraph may stand to be a note: at the top, or in a quote (not in a list item,
whose paragraphs belong to the item, nor in a callout, which is a remark)."""


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "paragraph_open" or ctx.inside(i) not in _PLACES:
        return None
    children = toks[i + 1].children or []
    whole = _term_lead(children)
    if whole is None:
        return _under_caption(ctx, toks, i) or _names_over_lines(ctx, toks, i)
    if is_callout(whole.term):
        return None
    if is_about_using(whole.term):
        return Found(i + 2)  # `> **How to use:** Read the question …`: to the reader
    first = ctx.line(toks[i])
    lines = markup.lines(children)
    leads = [_term_lead(line) for line in lines]
    if all(found is None or _labels(found) for found in leads) or _labels(whole):
        # `**Definition**: …` over `**Example**: …`: the parts of what the heading names,
        # and so are the lines under a first line that labels one (`**Impact:** …` and
        # `**Solution:** …` under `**Definition:** …`)
        return Found(i + 2, bold=[key(found.term) for found in leads if found is not None])
    leads = [None if found is not None and _labels(found) else found for found in leads]
    if sum(found is not None for found in leads) < 2:
        # `**채권**이란 …을 말하며, **채무**는 …`: a term the same paragraph goes on to
        # introduce is a note too.
        made = lead_note(ctx, first, whole)
        aside = introduced(ctx, toks, i, skip=made.key)
        return Found(i + 2, notes=[made], aside=aside, bold=[made.key])
    numbers = ctx.rows(toks, i)
    lines, leads, numbers = _opening_term(lines, leads, numbers)
    notes = line_notes(ctx, numbers, lines, leads)
    # A line among them that introduces a term another way (`A _monopoly_ … comprises a
    # single seller`) gives a note too, beside the one it goes on with.
    keys = {n.key for n in notes}
    aside = [n for n in introduced(ctx, toks, i) if n.key not in keys]
    return Found(i + 2, notes=notes, aside=aside, bold=[n.key for n in notes])


def _opening_term(
    lines: list[list[Token]], leads: list[Lead | None], numbers: list[int]
) -> tuple[list[list[Token]], list[Lead | None], list[int]]:
    """The lines from the first that opens with a term: a bold term broken over two lines
    (`**Tanaka` over `Hiro**: a first-year student`) is one line here, and lines before a
    first term that is none are passed over."""
    k = next(n for n, found in enumerate(leads) if found is not None)
    for j in range(1, k):
        head = _term_lead(markup.joined(lines[: j + 1]))
        if head is not None:
            merged = [markup.joined(lines[: j + 1]), *lines[j + 1 :]]
            return merged, [head, *leads[j + 1 :]], [numbers[0], *numbers[j + 1 :]]
    return lines[k:], leads[k:], numbers[k:]


def _under_caption(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    """Lines of `**Term**: definition` under a line of text that leads to them
    (`Propositional knowledge has 3 core parts:`): a note each, the line no note."""
    children = toks[i + 1].children or []
    lines = markup.lines(children)
    leads = [_term_lead(line) for line in lines[1:]]
    if len(leads) < 2 or None in leads[:2] or any(_labels(f) for f in leads if f is not None):
        return None
    numbers = ctx.rows(toks, i)
    return Found(i + 2, notes=line_notes(ctx, numbers[1:], lines[1:], leads))


def _names_over_lines(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    """Bold names each alone on a line over the lines that say what they are, one paragraph
    of them (`**Median Plane**` over `Passes vertically through …`, then `**Sagittal
    Plane**` over its line): a note for each name, its lines up to the next name; two names
    at least, the first on the paragraph's first line."""
    lines = markup.lines(toks[i + 1].children or [])
    named = [k for k, line in enumerate(lines) if _name_line(line)]
    if len(named) < MIN_NAMES or named[0] != 0:
        return None
    numbers = ctx.rows(toks, i)
    notes: list[Note] = []
    for k, end in zip(named, [*named[1:], len(lines)], strict=True):
        said = lines[k + 1 : end]
        if not said or not says(markup.plain(markup.joined(said))):
            return None  # a name over nothing it says: a list of names, no glossary
        term = markup.plain(lines[k]).strip()
        notes.append(lead_note(ctx, numbers[k], Lead(term, BROKEN, markup.joined(said))))
    return Found(i + 2, notes=notes, bold=[n.key for n in notes])


MIN_NAMES = 2
"""Bold names in one paragraph that make it a glossary of names over their lines."""


def _name_line(line: Sequence[Token]) -> bool:
    """Whether a line is only a bold name: one that may name a term (see
    `points.names_a_term`), as a bold name over its line does (`broken_paragraph`), no
    label."""
    inner = markup.bold_whole(line)
    name = markup.plain(inner).strip() if inner is not None else ""
    return names_a_term(name) and not is_label(name)


def _labels(found: Lead) -> bool:
    """Whether a line's bold term labels a part of a term (`**Example**: …`) or a property of
    the document (`**Date:** November 26, 2025`), no term."""
    return names_a_part(found.term) or is_property(found.term)


def _term_lead(children: Sequence[Token]) -> Lead | None:
    found = lead(children)
    if found is None or found.join not in (SEPARATED, DEFINED) or not found.term:
        return None
    return found
