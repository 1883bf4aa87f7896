"""A code block of `Term - definition` lines is a glossary kept in monospace: a note a line.

Authors fence a word list to keep it aligned (`Watt - Unit for power`); code never has most
of its lines so. A block that names a language (```` ```python ````) is code, and so is one
whose lines read as code (`;`, braces) or as settings (`port: 8080`, one word after each key).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from flashcards.rules.found import Context, Found
from flashcards.rules.lead import Lead, plain_lead
from flashcards.rules.notes import lead_note
from flashcards.terms import crossed, is_label

PLAIN = frozenset({"", "text", "txt", "plain", "plaintext", "md", "markdown"})
"""Fence infos that name no language: what such a fence holds may be words."""

MIN_ENTRIES = 3
MIN_WORDS = 3
"""Words after most terms: a definition is a phrase (`Unit for power`), a setting or a
command one or two (`port: 8080`, `Linux: ifconfig`)."""

_MARKER = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
_CODE = re.compile(r"[;{}]|^\s*[(\[]")


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    tok = toks[i]
    if tok.level != 0 or (tok.type == "fence" and tok.info.strip().casefold() not in PLAIN):
        return None
    first = ctx.line(tok) + (1 if tok.type == "fence" else 0)
    unboxed = [(first + k, _unboxed(line)) for k, line in enumerate(tok.content.splitlines())]
    lines = [(n, line) for n, line in unboxed if line and not _groups(line)]
    entries = [(n, found) for n, line in lines if (found := _entry(line)) is not None]
    if not _glossary(entries, len(lines)):
        return None
    boxed = _FRAME.search(tok.content) is not None
    if boxed and 2 * sum(crossed(f.term, _rest(f)) for _, f in entries) < len(entries):
        return None  # `│ BEFORE: Bank has bonds │`: a drawing that explains, no word list
    notes = [lead_note(ctx, n, found) for n, found in entries]
    return Found(i, notes=notes, bold=[n.key for n in notes], weak=True)


def _entry(line: str) -> Lead | None:
    """The term and definition of a line written `Term - definition`; None for another line."""
    text = _MARKER.sub("", line, count=1).strip()
    found = plain_lead([Token("text", "", 0, content=text)])
    if found is None or is_label(found.term) or _CODE.search(_rest(found)):
        return None
    return found


def _unboxed(line: str) -> str:
    """A line without the box drawn around the block (`│ ¡Hola! - 안녕! │`), its frame's
    own lines (`┌───┐`) left empty."""
    return _BOX.sub("", line).strip()


_BOX = re.compile(r"^[\s\u2500-\u257f]+|[\s\u2500-\u257f]+$")
_FRAME = re.compile(r"[\u2500-\u257f]")


def _groups(line: str) -> bool:
    """Whether a line only names the entries under it (`형식적:`, `Informal:`): a label, as a
    heading is, in a block that has no headings."""
    return line.endswith((":", "\uff1a")) and len(line.split()) <= MAX_GROUP


MAX_GROUP = 4


def _glossary(entries: Sequence[tuple[int, Lead]], lines: int) -> bool:
    """Three or more entries, three in four lines or more, and after half of them a phrase
    or a translation (`Adiós. - 안녕히 가세요`)."""
    worded = sum(
        len(_rest(found).split()) >= MIN_WORDS or crossed(found.term, _rest(found))
        for _, found in entries
    )
    return len(entries) >= MIN_ENTRIES and 4 * len(entries) >= 3 * lines and 2 * worded >= lines


def _rest(found: Lead) -> str:
    return "".join(t.content for t in found.rest)
