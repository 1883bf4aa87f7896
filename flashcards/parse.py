"""Markdown source to notes: every list item that starts with a bold term is one note."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from markdown_it.token import Token

from flashcards import markup
from flashcards.errors import Problem
from flashcards.note import Note, Sheet
from flashcards.terms import clean_term, heading_name, split_term, strip_separator

NO_NOTES = "no notes found: a note is a list item that starts with a bold term"


@dataclass
class _Section:
    """A heading and what the walk found under it."""

    name: str
    line: int
    start: int
    """Index of the heading's first token: where a description before it ends."""
    notes: int = 0
    loose_items: list[int] = field(default_factory=list)


PARALLEL_FROM = 4_000_000
"""Characters from which a sheet is parsed by two worker processes: below, starting them
costs more than it saves."""


def parse(text: str, path: str, cut: bool = True, workers: int | None = None) -> Sheet:
    """The notes of one normalised source text; problems are collected, not raised.

    The text is parsed piece by piece (see `markup.pieces`), in worker processes when it is
    large and the machine has the cores; `cut=False` parses it in one piece, `workers`
    overrides the choice. Every way gives the same notes.
    """
    pieces = markup.pieces(text, cut)
    if workers is None:
        workers = 2 if len(text) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1 else 1
    jobs = [(path, line, text[start:end], end == len(text)) for line, start, end in pieces]
    walk = _Walk(path)
    with _results(jobs, workers) as results:
        for (line, start, _), (part, open_fence) in zip(pieces, results, strict=False):
            if open_fence:  # the cut was inside a fenced code block: the rest goes as one
                part, _ = _walk_piece((path, line, text[start:], True))
            walk.absorb(part)
            if open_fence:
                break
    return walk.sheet()


@contextmanager
def _results(jobs: list[_Job], workers: int) -> Iterator[Iterator[tuple[_Walk, bool]]]:
    """The walk of each piece, in order: here, or from a pool of `workers` processes."""
    if workers <= 1 or len(jobs) <= 1:
        yield map(_walk_piece, jobs)
        return
    # Spawned, not forked: a process with threads (a test run, a host app) forks unsafely.
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        yield pool.imap(_walk_piece, jobs, chunksize=max(1, len(jobs) // (workers * 16)))


_Job = tuple[str, int, str, bool]
"""(path, number of lines before the piece, the piece, whether it ends the text)."""


def _walk_piece(job: _Job) -> tuple[_Walk, bool]:
    """A walk over one piece, and whether it ends inside a fence it did not close."""
    path, offset, piece, last = job
    toks = markup.tokens(piece)
    walk = _Walk(path)
    deepest = markup.too_deep(toks)
    if deepest is not None:
        line = _line(deepest) + offset
        message = f"nested more than {markup.MAX_NESTING // 2 - 1} levels deep; flatten the lists"
        walk.problems.append(Problem(path, line, message))
    walk.feed(toks, offset)
    return walk, not last and markup.ends_in_fence(toks, piece)


class _Walk:
    """What the walk over a source's tokens has found so far, one part after another."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.terms: list[Note] = []  # every bold item, with or without a definition
        self.problems: list[Problem] = []
        self.sections = [_Section("", 1, -1)]  # notes before any heading
        self.description: list[str] = []
        self.described = False

    def feed(self, toks: Sequence[Token], offset: int) -> None:
        i = 0
        while i < len(toks):
            tok = toks[i]
            if tok.type == "heading_open":
                name = heading_name(markup.plain(toks[i + 1].children or []))
                self.sections.append(_Section(name, _line(tok) + offset, i))
            elif tok.type == "list_item_open" and _starts_with_bold(toks, i):
                end = _close(toks, i)
                self._describe(toks, i)
                self._add(_note(toks[i : end + 1], self.sections[-1].name, self.path, offset))
                i = end + 1
                continue
            elif tok.type == "list_item_open" and tok.level == 1 and not _holds_note(toks, i):
                self.sections[-1].loose_items.append(_line(tok) + offset)
            i += 1
        if not self.described:
            self.description.append(markup.html(toks))
        # Token indexes mean nothing in the next chunk; only the last section is looked up.
        self.sections[-1].start = -1

    def absorb(self, later: _Walk) -> None:
        """Take in the walk over the next piece of the same text."""
        first, *sections = later.sections
        # What stands before a piece's first heading belongs to the section open before it.
        self.sections[-1].notes += first.notes
        self.sections[-1].loose_items += first.loose_items
        self.sections += sections
        self.terms += later.terms
        self.problems += later.problems
        if not self.described:
            self.description += later.description
            self.described = later.described

    def _describe(self, toks: Sequence[Token], i: int) -> None:
        """Keep what stands before the first category, once the first note shows where it is."""
        if self.described:
            return
        section = self.sections[-1]
        end = section.start if section.start >= 0 else _block_start(toks, i)
        self.description.append(markup.html(toks[:end]))
        self.described = True

    def _add(self, found: Note | Problem) -> None:
        if isinstance(found, Problem):
            self.problems.append(found)
        else:
            self.terms.append(found)
        self.sections[-1].notes += 1

    def sheet(self) -> Sheet:
        notes = [n for n in self.terms if n.definition]
        problems = self.problems + [_no_definition(n) for n in self.terms if not n.definition]
        problems += _section_warnings(self.sections, self.path)
        problems += _duplicates(self.terms)
        if not notes and not any(not p.warning for p in problems):
            problems.append(Problem(self.path, 1, NO_NOTES))
        description = "\n".join(d for d in self.description if d) if self.described else ""
        categories = tuple((s.name, s.line) for s in self.sections if s.notes and s.name)
        return Sheet(self.path, tuple(notes), description, categories, tuple(sorted(problems)))


def _line(tok: Token) -> int:
    return tok.map[0] + 1 if tok.map else 0


def _close(toks: Sequence[Token], start: int) -> int:
    """Index of the token that closes the one opened at `start`."""
    level = toks[start].level
    closing = toks[start].type.replace("_open", "_close")
    for j in range(start + 1, len(toks)):
        if toks[j].level == level and toks[j].type == closing:
            return j
    raise ValueError(f"unclosed {toks[start].type}")  # markdown-it always closes


def _block_start(toks: Sequence[Token], i: int) -> int:
    """Index of the top-level block that holds token `i`."""
    while i > 0 and toks[i].level > 0:
        i -= 1
    return i


def _inline_children(toks: Sequence[Token], i: int) -> list[Token]:
    """The inline tokens of the first paragraph of the list item opened at `i`."""
    if i + 2 >= len(toks) or toks[i + 1].type != "paragraph_open":
        return []
    return [c for c in toks[i + 2].children or [] if c.type != "text" or c.content]


def _starts_with_bold(toks: Sequence[Token], i: int) -> bool:
    children = _inline_children(toks, i)
    return bool(children) and children[0].type == "strong_open"


def _holds_note(toks: Sequence[Token], i: int) -> bool:
    end = _close(toks, i)
    return any(
        toks[j].type == "list_item_open" and _starts_with_bold(toks, j) for j in range(i, end)
    )


def _strong_close(children: Sequence[Token]) -> int:
    depth = 0
    for j, child in enumerate(children):
        depth += {"strong_open": 1, "strong_close": -1}.get(child.type, 0)
        if depth == 0:
            return j
    return len(children)


def _note(item: Sequence[Token], category: str, path: str, offset: int) -> Note | Problem:
    """A note from the tokens of one list item, from its open to its close."""
    line = _line(item[0]) + offset
    children = _inline_children(item, 0)
    close = _strong_close(children)
    term = clean_term(markup.plain(children[1:close]))
    if not term:
        return Problem(path, line, "empty bold term")
    rest = _after_separator(children[close + 1 :])
    blocks = list(item[4:-1])  # after the first paragraph, before the item's close
    if not rest:
        blocks = _unwrap_single_item(blocks)
    html_parts = [markup.inline_html(rest), markup.html(blocks)]
    text_parts = [markup.plain(rest), markup.block_plain(blocks)]
    text = "\n".join(p for p in text_parts if p)
    short, expansion = split_term(term)
    html = "\n".join(p for p in html_parts if p)
    return Note(term, short, expansion, category, text, html, path, line)


def _no_definition(note: Note) -> Problem:
    return Problem(note.path, note.line, f'term "{note.term}" has no definition')


def _after_separator(children: Sequence[Token]) -> list[Token]:
    """Inline tokens after the term, without the `:`, `-`, `–` or `—` that joins them."""
    rest = list(children)
    while rest and rest[0].type in ("softbreak", "hardbreak"):
        rest.pop(0)
    if rest and rest[0].type == "text":
        first = rest[0].copy()
        first.content = strip_separator(first.content)
        rest[0] = first
        if not first.content:
            return _after_separator(rest[1:])
    return rest


def _unwrap_single_item(blocks: list[Token]) -> list[Token]:
    """A definition written as one nested item is that item's content, not a one-line list."""
    if len(blocks) < 4 or not blocks[0].type.endswith("_list_open"):
        return blocks
    if _close(blocks, 0) != len(blocks) - 1 or _close(blocks, 1) != len(blocks) - 2:
        return blocks
    return blocks[2:-2]


def _section_warnings(sections: Sequence[_Section], path: str) -> list[Problem]:
    problems = []
    for s in sections:
        if s.loose_items and not s.notes and s.name:
            message = f'section "{s.name}" has list items but no bold terms, so it gives no notes'
            problems.append(Problem(path, s.line, message, warning=True))
        elif s.notes:
            message = "list item does not start with a bold term, so it is not a note"
            problems += [Problem(path, n, message, warning=True) for n in s.loose_items]
    return problems


def _duplicates(notes: Sequence[Note]) -> list[Problem]:
    first: dict[str, Note] = {}
    problems = []
    for note in notes:
        if note.key in first:
            other = first[note.key]
            message = f'duplicate term "{note.short}": "{other.short}" is at line {other.line}'
            problems.append(Problem(note.path, note.line, message))
        else:
            first[note.key] = note
    return problems
