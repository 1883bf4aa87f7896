"""An outline: a list item that names a term in a few words, with the sentences that
describe it nested under it, is a note (`- 폭포수 모형` over `- 이전 단계로 돌아갈 수 없다는
전제하에 …`). A label (`- 장점`, `- types`) or a sentence is no term."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.rules.found import Context, Found, close
from flashcards.rules.item import item_lead
from flashcards.rules.lead import lead
from flashcards.rules.notes import blocks_note
from flashcards.terms import asked, clean_term, is_sentence, is_term_like

MAX_WORDS = 5
"""A term's name is short; a longer line is a point of the outline, not a name."""
MIN_WORDS = 4
"""What describes a term says something: a nested line of fewer words is a list of names."""


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "list_item_open" or toks[i + 1].type != "paragraph_open":
        return None
    end = close(toks, i)
    nested = i + 4  # after the item's first paragraph
    if nested >= end or toks[nested].type not in ("bullet_list_open", "ordered_list_open"):
        return None
    children = toks[i + 2].children or []
    if lead(children) is not None:
        return None  # bold items are read by the list item rule
    name = clean_term(markup.plain(children))
    if not _names_a_term(name) or not _describes(toks, nested):
        return None
    note = blocks_note(ctx, ctx.line(toks[i]), name, toks[nested:end])
    return Found(end, notes=[note], bold=[note.key])


def _names_a_term(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= MAX_WORDS
        and not text.endswith((":", "\uff1a"))
        and not is_sentence(text)
        and is_term_like(text)
        and asked(text) is None
    )


def _describes(toks: Sequence[Token], nested: int) -> bool:
    """Whether the nested list says something of the term: its first item a sentence, and
    no item a term of its own (then the name above them is a group: `- 수조권의 분배` over
    `- **역분전**: …`)."""
    first = nested + 1
    if toks[first].type != "list_item_open" or toks[first + 1].type != "paragraph_open":
        return False
    text = markup.plain(toks[first + 2].children or [])
    if not (is_sentence(text) or len(text.split()) >= MIN_WORDS):
        return False
    return not any(
        toks[j].type == "list_item_open" and item_lead(toks, j) is not None
        for j in range(nested, close(toks, nested))
    )
