"""The shapes a sheet writes its notes in, one rule a file, tried in order at each token.

Each rule looks at the token at `i` and says what it recognises there: the notes it gives
(with their lines), the keys of the bold items it saw, the list items it leaves as no note,
and how far it read. Adding a shape is adding a file and a line to `RULES`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from markdown_it.token import Token

from flashcards.rules import (
    abbreviation,
    definition_callout,
    definition_list,
    details,
    glossary,
    item,
    item_heading,
    lead_in,
    navigation,
    outline,
    paragraph,
    question_item,
    table,
)
from flashcards.rules.found import Context, Found

Rule = Callable[[Context, Sequence[Token], int], Found | None]

RULES: tuple[Rule, ...] = (
    navigation.rule,
    lead_in.rule,
    question_item.rule,
    item_heading.rule,
    glossary.rule,
    abbreviation.rule,
    outline.rule,
    item.rule,
    paragraph.rule,
    table.rule,
    details.rule,
    definition_list.rule,
    definition_callout.rule,
)
"""Tried in this order; the first that recognises the token wins."""

__all__ = ["RULES", "Context", "Found", "Rule"]
