"""A list that finishes a lead-in sentence is a list of what something does, not of terms:
`Cloud storage lets teams:` then `- **Scale dynamically**: …`. The lead-in ends in a colon
right after a word that asks for a verb to follow (`can`, `will`, `lets teams`, `helps you`,
`allows you to`): each bold item is that verb, and none is a note. A lead-in that sets an
exercise (`Practice: …`) leads to prompts, no notes either."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.rules.found import LISTS, Context, Found, close
from flashcards.terms import EXERCISES, key

_ASKS_FOR_A_VERB = re.compile(
    r"\b(?:(?:can|could|will|would|should|must|may|might|to)(?:\s+\w+ly)?"
    r"|(?:lets?|helps?|allows?|enables?|makes?)(?:\s+\w+)?)\s*:$",
    re.IGNORECASE,
)
"""A lead-in that ends in a modal or `to` (`With it you can:`, `… allows you to:`), or in a
causative verb with its object (`lets teams:`): the list supplies the verb. A verb after the
modal or `to` is the lead-in's own (`Key concepts to know:`, `You will learn:`), and the list
names what it takes; so do "Key terms:" and "The main services are:"."""


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type not in LISTS or i < 3:
        return None
    if toks[i - 1].type != "paragraph_close" or toks[i - 1].level != toks[i].level:
        return None
    lead_in = markup.plain(toks[i - 2].children or [])
    if not (_ASKS_FOR_A_VERB.search(lead_in) or _sets_exercise(lead_in)):
        return None
    return Found(close(toks, i))


def _sets_exercise(lead_in: str) -> bool:
    """Whether a lead-in sets an exercise (`Practice: conjugate the verb …`, a label word
    before its colon): its items are prompts to answer (`1. Tu (comer)`), no terms."""
    label, colon, _ = lead_in.partition(":")
    return bool(colon) and key(label) in EXERCISES
