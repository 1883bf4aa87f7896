"""A definition list is a list of notes: each term (`Term`) with the definitions under it
(`: definition`), as mdit-py-plugins' `deflist` reads them. Terms written one under another
before their definitions share them."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.note import Note
from flashcards.rules.found import Context, Found, close
from flashcards.rules.notes import blocks_note
from flashcards.terms import clean_term, key


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "dl_open" or ctx.inside(i) not in ("", "blockquote"):
        return None
    end = close(toks, i)
    notes: list[Note] = []
    terms: list[tuple[str, int]] = []  # terms waiting for their definitions
    j = i + 1
    while j < end:
        closing = close(toks, j)
        if toks[j].type == "dt_open":
            if terms and toks[j - 1].type == "dd_close":
                terms = []  # the terms before had their definitions
            terms.append((clean_term(markup.plain(toks[j + 1].children or [])), ctx.line(toks[j])))
        elif toks[j].type == "dd_open":
            blocks = toks[j + 1 : closing]
            notes += [blocks_note(ctx, line, term, blocks) for term, line in terms if term]
        j = closing + 1
    return Found(end, notes=_merged(notes), labels=[n.key for n in notes])


def _merged(notes: list[Note]) -> list[Note]:
    """One note per term: a term with several definitions has them one after another."""
    merged: dict[tuple[str, int], Note] = {}
    for note in notes:
        found = merged.get((key(note.term), note.line))
        if found is None:
            merged[(key(note.term), note.line)] = note
            continue
        html, text = f"{found.html}\n{note.html}", f"{found.definition}\n{note.definition}"
        merged[(key(note.term), note.line)] = _with_definition(found, html, text)
    return list(merged.values())


def _with_definition(note: Note, html: str, text: str) -> Note:
    from dataclasses import replace

    return replace(note, html=html, definition=text)
