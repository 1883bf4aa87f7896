"""Paragraphs of `Term: definition` without bold, one after another, are a glossary too
(`Neutral stimulus: a stimulus that triggers no response` over `Conditioned stimulus: …`):
a note each, and so is one beside a list of such items (`Empiricism - …` over
`- Associationism - …`). One such paragraph alone is a sentence with a colon, and no note,
unless its lines are such, one under another (`energy = ability to do work` over `power = …`):
a note a line."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.note import Note
from flashcards.rules.found import Context, Found
from flashcards.rules.lead import plain_lead
from flashcards.rules.notes import lead_note, line_notes
from flashcards.rules.points import entry


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "paragraph_open" or ctx.inside(i) not in ("", "blockquote"):
        return None
    lined = _lines(ctx, toks, i)
    if lined:
        return Found(i + 2, notes=lined, weak=True)
    found = plain_lead(toks[i + 1].children or [], arrows=False)
    if found is None or not (_alike(toks, _opening_before(toks, i)) or _alike(toks, i + 3)):
        return None
    return Found(i + 2, notes=[lead_note(ctx, ctx.line(toks[i]), found)], weak=True)


def _lines(ctx: Context, toks: Sequence[Token], i: int) -> list[Note]:
    """A note a line, when the paragraph's lines are `Term = definition` one under another
    (`work = energy transferred by force` over `power = the rate …`); a line that is none
    goes on with the definition above it."""
    lines = markup.lines(toks[i + 1].children or [])
    leads = [plain_lead(line, arrows=False) for line in lines]
    if leads[0] is None or len(lines) < 2 or 2 * sum(x is not None for x in leads) < len(lines):
        return []
    return line_notes(ctx, ctx.line(toks[i]), lines, leads)


def _alike(toks: Sequence[Token], j: int) -> bool:
    """Whether a block of the same shape opens at `j`: a paragraph, or a list whose first
    item's paragraph is one."""
    if not 0 <= j < len(toks) - 1:
        return False
    if toks[j].type in _LISTS:  # markdown-it always opens a list with an item
        return entry(toks, j + 1) is not None
    return (
        toks[j].type == "paragraph_open"
        and plain_lead(toks[j + 1].children or [], arrows=False) is not None
    )


_LISTS = ("bullet_list_open", "ordered_list_open")


def _opening_before(toks: Sequence[Token], i: int) -> int:
    """Where the block before the one opening at `i` opens, at the same level; -1 if none."""
    if i == 0 or toks[i - 1].nesting != -1:
        return -1
    level = toks[i].level
    j = i - 1
    while j >= 0 and not (toks[j].level == level and toks[j].nesting == 1):
        j -= 1
    return j
