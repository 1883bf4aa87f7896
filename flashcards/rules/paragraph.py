"""A paragraph that starts with a bold term and a separator is a note, like a list item.

`**Latency** - …`, `**Load Balancer**: …`, `**Packet** — …`; the paragraph's next lines
belong to the definition. `**Tip:** …` and other callout words open a remark, not a note.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards.rules.found import Context, Found
from flashcards.rules.item import make_note
from flashcards.rules.lead import SEPARATED, lead
from flashcards.terms import is_callout


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "paragraph_open" or toks[i].level != 0:
        return None
    found = lead(toks[i + 1].children or [])
    if found is None or found.join != SEPARATED or not found.term or is_callout(found.term):
        return None
    return Found(i + 2, notes=[make_note(ctx, toks[i], found, [])])
