"""An Obsidian callout of definition, `> [!definition] Term` with its text under it, is a note:
its title the term, its body the definition. One titled by a set (`> [!def] Key Terms`), or
with no title, holds a glossary, read as any other text. A callout of a question (`> [!question]-
What does DoU = 4 suggest?`, folded or not; Obsidian's `faq` and `help` are its other names) is a
question note, its body the answer: a deck of flashcards written as callouts. Other callouts
(`[!note]`, `[!tip]`) are remarks."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards.names import names_a_set
from flashcards.note import QUESTION, TERM
from flashcards.questions import asked
from flashcards.rules.found import Context, Found, close
from flashcards.rules.notes import blocks_note
from flashcards.terms import clean_term, key

KINDS = frozenset({"definition", "define", "def", "term", "concept", "vocab", "vocabulary"})
"""Callout kinds that define their title (Obsidian has none built in: vaults name their own)."""


QUESTIONS = frozenset({"question", "faq", "help"})
"""Callout kinds that ask their title, Obsidian's `question` and the names it takes for it."""


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    tok = toks[i]
    if tok.type == "callout_open" and tok.meta.get("kind") in QUESTIONS:
        return _question(ctx, toks, i)
    if tok.type != "callout_open" or tok.meta.get("kind") not in KINDS:
        return None
    end = close(toks, i)
    term = clean_term(str(tok.meta.get("title", "")))
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
