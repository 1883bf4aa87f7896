"""An Obsidian callout of definition, `> [!definition] Term` with its text under it, is a
note: its title the term, its body the definition. One titled by a set (`> [!def] Key
Terms`), or with no title, holds a glossary, read as any other text. A callout of a question
(`> [!question]- What does DoU = 4 suggest?`, folded or not; Obsidian's `faq` and `help` are
its other names) is a question note, its body the answer: a deck of flashcards written as
callouts. Other callouts (`[!note]`, `[!tip]`) are remarks, unless folded shut (`> [!note]-
Chargaff-Regeln (1951)` over its points: a term and its hidden text, a note). A vault's own
kind, one Obsidian does not have, that titles three callouts or more near each other (`>
[!word]+ 질문` over `> question`, and the next word alike) is the kind the vault made for its
cards: each such callout is a note."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards.names import is_term_like, names_a_set
from flashcards.note import QUESTION, TERM
from flashcards.questions import asked
from flashcards.rules.found import Context, Found, close
from flashcards.rules.notes import blocks_note
from flashcards.sanitize import CALLOUT_KINDS
from flashcards.terms import clean_term, key

KINDS = frozenset({"definition", "define", "def", "term", "concept", "vocab", "vocabulary"})
"""Callout kinds that define their title (Obsidian has none built in: vaults name their own)."""


FOLDED = frozenset({"note", "info", "abstract", "summary", "tldr", "important"})
"""Callout kinds that hold a note when folded shut (`> [!note]- Chargaff-Regeln (1951)` over
the rules): the writer hid the body under its title to recall it, as a card hides its back.
Folded boxes of other kinds (`[!example]-`, `[!tip]-`, `[!todo]-`) say by their kind what
they hold, and stay so; open ones are remarks."""

QUESTIONS = frozenset({"question", "faq", "help"})
"""Callout kinds that ask their title, Obsidian's `question` and the names it takes for it."""


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    tok = toks[i]
    if tok.type == "callout_open" and tok.meta.get("kind") in QUESTIONS:
        return _question(ctx, toks, i)
    if tok.type != "callout_open":
        return None
    kind = tok.meta.get("kind")
    hidden = kind in FOLDED and tok.meta.get("folded")
    if kind not in KINDS and not hidden and not _own_kind(toks, i, kind):
        return None
    end = close(toks, i)
    term = clean_term(str(tok.meta.get("title", "")))
    if hidden and asked(term):
        return _question(ctx, toks, i)  # `> [!note]- Why does ice float?`
    if hidden and not is_term_like(term):
        return None  # `> [!note]- Summary`: a part of the text, folded away
    if not term or names_a_set(term):
        # `> [!def] Key Terms` over a glossary, `!!! definition` over its sentences, a box
        # of no title: the terms its text defines are the notes
        return None
    body = toks[close(toks, i + 1) + 1 : end]  # after the title, before the callout's close
    note = blocks_note(ctx, ctx.line(tok), term, body)
    return Found(end, notes=[note], bold=[key(term)])


def _question(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    """The question note of a question callout with a title and a body: "What is X?" names
    the term X, as a heading that asks it does (see `questions.asked`)."""
    end = close(toks, i)
    title = str(toks[i].meta.get("title", "")).strip()
    body = toks[close(toks, i + 1) + 1 : end]
    if not title or not body:
        return None  # a box of no title holds text to read as any other
    term, named = asked(title) or (title, False)
    note = blocks_note(ctx, ctx.line(toks[i]), term, body, TERM if named else QUESTION)
    return Found(end, notes=[note], bold=[key(term)] if named else [])


OWN_KIND_CALLOUTS = 3
"""Titled callouts of a vault's own kind that make it a kind of card."""

NEAR = 400
"""Tokens either side of a callout among which the others of its kind are looked for: a
sheet's cards stand together, and a bounded look keeps a sheet of many kinds linear."""


def _own_kind(toks: Sequence[Token], i: int, kind: object) -> bool:
    """Whether the callout at `i` is of a kind Obsidian does not have, titling at least
    `OWN_KIND_CALLOUTS` callouts near it, itself among them."""
    if not isinstance(kind, str) or kind in CALLOUT_KINDS or kind in QUESTIONS:
        return False
    titled = 0
    for tok in toks[max(0, i - NEAR) : i + NEAR]:
        if tok.type == "callout_open" and tok.meta.get("kind") == kind and tok.meta.get("title"):
            titled += 1
            if titled >= OWN_KIND_CALLOUTS:
                return True
    return False
