"""A term introduced in running text, as a textbook does: a phrase set in bold or italic
that its sentence names (`… is called **passive transport**`, `… were called _church
modes_`, `… 과정을 **전사(transcription)**라고 한다`), or that a sentence defines by a
condition (`Two names are _enharmonic_ if they are aliases for the same note`). Each is a
note, its definition the sentence it stands in. Emphasis for its own sake (`**not**`) and a
phrase merely stressed in a sentence name nothing."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards.rules.found import Context, Found
from flashcards.rules.running_text import PLACES, introduced


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "paragraph_open" or ctx.inside(i) not in PLACES:
        return None
    notes = introduced(ctx, toks, i)
    return Found(i + 2, aside=notes) if notes else None
