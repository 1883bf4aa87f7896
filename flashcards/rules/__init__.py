"""The shapes a sheet writes its notes in, one rule a file, tried in order at each token.

Each rule looks at the token at `i` and says what it recognises there: the notes it gives
(with their lines), the keys of the bold items it saw, the list items it leaves as no note,
and how far it read. A rule is tried only at the tokens that can open its shape (`AT`, by
token type: most tokens open none). Adding a shape is adding a file and a line to `AT`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from markdown_it.token import Token

from flashcards.rules import (
    abbreviation,
    answered_items,
    asked_item,
    bold_choice,
    bold_heading,
    boxed_item,
    broken_item,
    broken_paragraph,
    choices,
    cloze_lines,
    code_glossary,
    definition_callout,
    definition_list,
    details,
    entry_item,
    example_item,
    example_lead,
    flashcard_lines,
    folded_answer,
    glossary,
    introduced,
    item,
    item_heading,
    label,
    lead_in,
    marked_items,
    marked_question,
    named_formula,
    navigation,
    outline,
    paired_item,
    paragraph,
    pipe_rows,
    plain_paragraphs,
    prompt_comments,
    prose_definition,
    question_item,
    question_line,
    quiz,
    quoted_answer,
    spaced_paragraphs,
    table,
    translated,
)
from flashcards.rules.found import Context, Found

Rule = Callable[[Context, Sequence[Token], int], Found | None]

_LISTS: tuple[Rule, ...] = (
    navigation.rule,
    lead_in.rule,
    marked_items.rule,
    question_item.rule,
    answered_items.rule,
    glossary.rule,
    translated.rule,
    boxed_item.rule,
)

AT: Mapping[str, tuple[Rule, ...]] = {
    "bullet_list_open": _LISTS,
    "ordered_list_open": _LISTS,
    "list_item_open": (
        cloze_lines.rule,
        item_heading.rule,
        example_item.rule,
        asked_item.rule,
        quoted_answer.rule,
        abbreviation.rule,
        outline.rule,
        broken_item.rule,
        prose_definition.rule,
        entry_item.rule,
        paired_item.rule,
        item.rule,
    ),
    "paragraph_open": (
        flashcard_lines.rule,
        pipe_rows.rule,
        cloze_lines.rule,
        choices.rule,
        marked_question.rule,
        folded_answer.rule,
        quiz.rule,
        bold_choice.rule,
        question_line.rule,
        example_lead.rule,
        label.rule,
        bold_heading.rule,
        paragraph.rule,
        spaced_paragraphs.rule,
        plain_paragraphs.rule,
        broken_paragraph.rule,
        prose_definition.rule,
        introduced.rule,
    ),
    "table_open": (table.rule,),
    "html_block": (details.rule, prompt_comments.rule),
    "dl_open": (definition_list.rule,),
    "callout_open": (definition_callout.rule,),
    "math_block": (named_formula.rule,),
    "fence": (code_glossary.rule,),
    "code_block": (code_glossary.rule,),
}
"""The rules tried at a token of each type, in this order; the first that recognises the
token wins."""

__all__ = ["AT", "Context", "Found", "Rule"]
