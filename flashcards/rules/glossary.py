"""A list whose every item is `Term: definition`, without bold, is a glossary: an
abbreviation list (`- Dx: Diagnosis`), a vocabulary list. A list of which only some items
have a colon (a to-do list, sentences) is no glossary."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.rules.found import Context, Found, close
from flashcards.rules.lead import Lead, lead
from flashcards.rules.notes import lead_note
from flashcards.terms import OBJECTS, clean_term, is_callout, is_sentence

MAX_WORDS = 6
MAX_CHARACTERS = 40
"""A term is short, and opens with no article: a longer text before the colon (`The first
thing to know: …`) is a sentence, and a list of such is no glossary."""

_TERM = re.compile("^(?P<term>[^:\uff1a\\n]+?)\\s*(?:[:\uff1a]|\\s[-–—→=])(?:\\s+|$)")
_AFTER_CODE = re.compile("^\\s*(?:[:\uff1a]|[-–—→=](?=\\s))\\s*")
"""A separator after a term written as code: `` `Node`: A worker machine ``."""


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type not in ("bullet_list_open", "ordered_list_open"):
        return None
    if ctx.inside(i) not in ("", "blockquote"):
        return None
    end = close(toks, i)
    items = [
        j
        for j in range(i + 1, end)
        if toks[j].type == "list_item_open" and toks[j].level == toks[i].level + 1
    ]
    if len(items) < 2:
        return None
    found = [_entry(toks, j) for j in items]
    entries = [(j, f) for j, f in zip(items, found, strict=True) if f is not None]
    others = [j for j, f in zip(items, found, strict=True) if f is None]
    # Two thirds or more `Term: definition`, and the rest bare names (`- gcloud`, a tool
    # listed without a word of it): a glossary. A sentence among them makes it none.
    if len(entries) < 2 or 3 * len(entries) < 2 * len(items):
        return None
    if not all(_bare_name(toks, j) for j in others):
        return None
    notes = [
        lead_note(ctx, ctx.line(toks[j]), entry, list(toks[j + 4 : close(toks, j)]))
        for j, entry in entries  # what is nested under the item's first line goes with it
    ]
    return Found(end, notes=notes, bold=[n.key for n in notes], weak=True)


def _bare_name(toks: Sequence[Token], j: int) -> bool:
    """Whether an item is only a short name: one paragraph of at most three words."""
    if toks[j + 1].type != "paragraph_open" or close(toks, j) != j + 4:
        return False
    text = markup.plain(toks[j + 2].children or [])
    return 0 < len(text.split()) <= 3 and not is_sentence(text) and ":" not in text


def _entry(toks: Sequence[Token], j: int) -> Lead | None:
    """The term and the rest of an item written `Term: definition`; None for any other item."""
    if toks[j + 1].type != "paragraph_open":
        return None
    return plain_lead(toks[j + 2].children or [])


def plain_lead(children: Sequence[Token]) -> Lead | None:
    """The term and the rest of a line written `Term: definition` without bold (the term
    short, with no article); None for any other line."""
    if lead(children) is not None or not children:
        return None  # bold items are read by the list item rule
    if children[0].type == "code_inline" and len(children) > 1 and children[1].type == "text":
        after = _AFTER_CODE.match(children[1].content)
        if after is None:
            return None
        rest = children[1].copy()
        rest.content = children[1].content[after.end() :]
        term = clean_term(children[0].content)
        words = term.split()
        if not words or len(words) > MAX_WORDS or not (rest.content or children[2:]):
            return None
        return Lead(term, "separated", [rest, *children[2:]] if rest.content else children[2:])
    if children[0].type != "text":
        return None
    match = _TERM.match(children[0].content)
    if match is None:
        return None
    term = clean_term(match["term"])
    words = term.split()
    if not words or len(term) > MAX_CHARACTERS or len(words) > MAX_WORDS:
        return None
    if is_callout(term) or words[0].casefold() in OBJECTS:
        return None
    first = children[0].copy()
    first.content = children[0].content[match.end() :]
    rest = [first, *children[1:]] if first.content else list(children[1:])
    return Lead(term, "separated", rest) if rest else None
