"""A plain list item whose first line names a term and whose next lines, in the same
paragraph, say what it is (`* 모집단 (population)` and, after a line break,
`어떤 질문이나 실험을 위해 관심의 대상이 되는 개체나 사건의 집합`): a note, as a bold term over a
line break is one. Anything nested in the item belongs to its definition. When every line
after the first is `Term: definition`, the first names a glossary: each line is a note."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.names import named
from flashcards.note import Note
from flashcards.rules.entries import says
from flashcards.rules.found import Context, Found, close
from flashcards.rules.lead import BROKEN, Lead, lead, plain_lead
from flashcards.rules.notes import lead_note, line_notes
from flashcards.rules.points import names_a_term
from flashcards.terms import clean_term, is_label


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "list_item_open" or toks[i + 1].type != "paragraph_open":
        return None
    found = broken_lead(toks[i + 2].children or [])
    if found is None:
        return None
    end = close(toks, i)
    entries = _entries(ctx, toks, i) if end == i + 4 else []
    if entries:
        return Found(end, notes=entries, bold=[n.key for n in entries])
    note = lead_note(ctx, ctx.line(toks[i]), found, toks[i + 4 : end])
    return Found(end, notes=[note], bold=[note.key])


MIN_ENTRIES = 2


def _entries(ctx: Context, toks: Sequence[Token], i: int) -> list[Note]:
    """The notes of an item whose first line names a glossary and whose every line after it
    is `Term: definition` (`- Cryptanalytic attacks` over `ciphertext-only attack : …` and
    `known-plaintext attack : …`): a note a line, and the name none, as over a list of such
    items (see `rules.glossary`)."""
    children = toks[i + 2].children or []
    lines = markup.lines(children)[1:]
    leads = [plain_lead(line, arrows=False) for line in lines]
    if len(lines) < MIN_ENTRIES or any(f is None or is_label(f.term) for f in leads):
        return []
    numbers = ctx.rows(toks, i + 1)[1:]
    return line_notes(ctx, numbers, lines, leads)


def broken_lead(children: Sequence[Token], colon: bool = False) -> Lead | None:
    """The term on an item's first line and the lines after it that say what it is; None
    for any other item. With `colon`, the name may end with one (`Semigroup:`)."""
    if lead(children) is not None or plain_lead(children) is not None:
        return None  # bold items and `Term: definition` items have rules of their own
    first, *more = markup.lines(children)
    if not more:
        return None
    text = markup.plain(first).strip()
    name = named(clean_term(text.rstrip(":\uff1a") if colon else text))
    rest = _after_first_line(children)
    if not names_a_term(name) or not (says(markup.plain(rest)) or _formula(rest)):
        return None
    return Lead(name, BROKEN, rest)


def _formula(rest: Sequence[Token]) -> bool:
    """Whether the lines after a name are a formula alone, set apart in `$$` (`- 毕奥-萨伐尔定律`
    over `$$ B(x) = … $$`): a law named and written out."""
    kept = [
        t
        for t in rest
        if t.type not in markup.BREAKS and not (t.type == "text" and not t.content.strip())
    ]
    return bool(kept) and all(t.type == "math_inline_double" for t in kept)


def _after_first_line(children: Sequence[Token]) -> list[Token]:
    breaks = [j for j, child in enumerate(children) if child.type in markup.BREAKS]
    return list(children[breaks[0] + 1 :])
