"""Markdown source to notes: the walk dispatches each token to the shape rules (`rules/`),
then decides what only the whole sheet can tell (heading terms, duplicates, categories)."""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from markdown_it.token import Token

from flashcards import frontmatter, markup
from flashcards.cache import Cache, digest
from flashcards.errors import ERROR, INFO, WARNING, Problem
from flashcards.note import Note, Sheet
from flashcards.rules import RULES, Context, Found
from flashcards.rules.found import line_of
from flashcards.rules.headings import Section, heading_note, heading_terms, parents
from flashcards.syntax import math
from flashcards.terms import AUTO, heading_name, key, split_term

NO_NOTES = (
    "no notes found: a note is a bold term with its definition (in a list item, a paragraph "
    "or a table row), a heading over its definition, or a <details> question"
)

PARALLEL_FROM = 500_000
"""Characters from which a sheet is parsed by two worker processes (when two cores are
usable): below, starting them costs more than it saves. Measured on 2 cores: a 5,000-note
Korean sheet (500,000 characters) builds in 0.9 s either way, a 10,000-note one in 1.31 s with
them against 1.52 s without."""


def _usable_cores() -> int:
    # The cores this process may run on (a container or `taskset` may allow fewer than exist).
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def parse(
    text: str,
    path: str,
    cut: bool = True,
    workers: int | None = None,
    terms: str | None = None,
    cache: Cache | None = None,
) -> Sheet:
    """The notes of one normalised source text; problems are collected, not raised.

    The text is parsed piece by piece (see `markup.pieces`), in worker processes when it is
    large and the machine has the cores; `cut=False` parses it in one piece, `workers`
    overrides the choice. With a `cache`, a piece parsed by an earlier build is taken from
    it instead. Every way gives the same notes. `terms` (`auto`, `headings`, `bold`)
    overrides what the sheet's front matter says of its terms.
    """
    pieces = markup.pieces(text, cut)
    jobs = [(path, line, text[start:end], end == len(text)) for line, start, end in pieces]
    walk = _Walk(path, first=False)  # takes in the walk of each piece
    with _Known.of(cache, path) as known:
        todo = [job for job in jobs if not known.has(job)]
        if workers is None:
            size = sum(len(job[2]) for job in todo)
            workers = 2 if size >= PARALLEL_FROM and _usable_cores() > 1 else 1
        with _results(todo, workers) as results:
            for job, (line, start, _) in zip(jobs, pieces, strict=True):
                part, open_end = known.walk(job, results)
                if open_end:  # the cut was inside a fence or raw HTML: the rest goes as one
                    part, _ = known.walk((path, line, text[start:], True), iter(()))
                walk.absorb(part)
                if open_end:
                    break
    return walk.sheet(text, terms)


@contextmanager
def _results(jobs: list[_Job], workers: int) -> Iterator[Iterator[tuple[_Walk, bool]]]:
    """The walk of each piece, in order: here, or from a pool of `workers` processes."""
    if workers <= 1 or len(jobs) <= 1:
        yield map(_walk_piece, jobs)
        return
    context = multiprocessing.get_context(_start_method())
    with context.Pool(workers, initializer=_worker_start) as pool:
        yield pool.imap(_walk_piece, jobs, chunksize=max(1, len(jobs) // (workers * 16)))


def _worker_start() -> None:
    # A forked worker inherits the command's SIGTERM handler, which exits by raising
    # SystemExit wherever the worker is: inside the pool's queue lock, the pool's terminate
    # then waits for it forever. A worker is ended by the signal itself.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _start_method() -> str:
    """Forked where that is safe (Linux, this process has one thread): a forked worker starts
    with everything imported, where a spawned one imports it all again (0.15 s of a
    10,000-note build). A process with threads (a test run, a host app) forks unsafely."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return "fork"
    return "spawn"


class _Known:
    """The walks of pieces an earlier build parsed, by what they depend on (the piece, its
    path, whether it starts or ends the text), with their line numbers counted from the
    piece's start; and what this parse adds, written as it goes."""

    def __init__(self, old: dict[str, _Dumped], put: Callable[[object], None] | None) -> None:
        self.old = old
        self.put = put

    @classmethod
    @contextmanager
    def of(cls, cache: Cache | None, path: str) -> Iterator[_Known]:
        if cache is None:
            yield cls({}, None)
            return
        name = f"pieces-{digest(path)}"
        old = {key: value for key, value in _pairs(cache.records(name))}
        with cache.writing(name) as put:
            yield cls(old, put)

    def has(self, job: _Job) -> bool:
        return self.put is not None and _key(job) in self.old

    def walk(self, job: _Job, results: Iterator[tuple[_Walk, bool]]) -> tuple[_Walk, bool]:
        """The walk of `job`: from the cache, else the next of `results` (or parsed here)."""
        if self.put is None:
            return next(results, None) or _walk_piece(job)
        key = _key(job)
        dumped = self.old.get(key)
        if dumped is not None:
            self.put((key, dumped))
            return _load(dumped, job[0], job[1])
        walked = next(results, None) or _walk_piece(job)
        self.put((key, _dump(*walked, job[1])))
        return walked


_Dumped = tuple[Any, ...]
"""A walk as plain values, its lines counted from its piece's start (see `_dump`)."""


def _key(job: _Job) -> str:
    path, offset, piece, last = job
    return digest(path, "first" if offset == 0 else "", "last" if last else "", piece)


def _pairs(records: Iterable[object]) -> Iterator[tuple[str, _Dumped]]:
    for record in records:
        if isinstance(record, tuple) and len(record) == 2:
            yield record


def _dump(walk: _Walk, open_end: bool, offset: int) -> _Dumped:
    sections = tuple(
        (
            s.name,
            s.line - offset,
            s.level,
            s.top,
            s.body - offset,
            tuple(_dump_note(n, offset) for n in s.notes),
            tuple(s.labels),
            tuple(n - offset for n in s.loose),
            s.content,
        )
        for s in walk.sections
    )
    problems = tuple((p.path, p.line - offset, p.message, p.level) for p in walk.problems)
    front = None if walk.front is None else (walk.front[0], walk.front[1] - offset)
    return (sections, problems, walk.description, walk.intro, walk.blocks, front, open_end)


def _dump_note(n: Note, offset: int) -> tuple[str | int, ...]:
    # The path is the walk's own: not repeated for every note.
    return (n.term, n.short, n.expansion, n.category, n.definition, n.html, n.line - offset, n.kind)


def _load(dumped: _Dumped, path: str, offset: int) -> tuple[_Walk, bool]:
    sections, problems, description, intro, blocks, front, open_end = dumped
    walk = _Walk(path, first=intro)
    walk.sections = [
        Section(
            name,
            line + offset,
            level,
            top,
            body + offset,
            [Note(*n[:6], path, n[6] + offset, n[7]) for n in notes],
            list(labels),
            [n + offset for n in loose],
            content,
        )
        for name, line, level, top, body, notes, labels, loose, content in sections
    ]
    walk.problems = [Problem(p, line + offset, m, level) for p, line, m, level in problems]
    walk.description, walk.blocks = description, blocks
    walk.front = None if front is None else (front[0], front[1] + offset)
    return walk, open_end


UNBALANCED_MATH = "unbalanced $$: the formula is never closed and shows as text; end it with $$"

_Job = tuple[str, int, str, bool]
"""(path, number of lines before the piece, the piece, whether it ends the text)."""


def _walk_piece(job: _Job) -> tuple[_Walk, bool]:
    """A walk over one piece, and whether it ends inside a block it did not close."""
    path, offset, piece, last = job
    toks = markup.tokens(piece)
    walk = _Walk(path, first=offset == 0)
    deepest = markup.too_deep(toks)
    if deepest is not None:
        line = line_of(deepest, offset)
        message = markup.too_deep_message(toks, deepest)
        walk.problems.append(Problem(path, line, message))
    for line in sorted(set(math.unbalanced(toks))):
        walk.problems.append(Problem(path, offset + line + 1, UNBALANCED_MATH, WARNING))
    walk.feed(toks, offset)
    return walk, not last and markup.ends_open(toks, piece)


class _Walk:
    """What the walk over a source's tokens has found so far, one piece after another."""

    def __init__(self, path: str, first: bool) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.sections = [Section("", 1, 0)]  # what stands before any heading
        self.description = ""
        self.intro = first  # still reading the intro: no heading but a title, no note yet
        self.blocks = 0  # top-level blocks seen in the intro
        self.front: tuple[str, int] | None = None
        self._context: Context | None = None

    def feed(self, toks: Sequence[Token], offset: int) -> None:
        i, intro_end, title = 0, None, None
        while i < len(toks):
            tok = toks[i]
            if tok.type == "front_matter":
                self.front = (tok.content, line_of(tok, offset))
            elif tok.type == "heading_open":
                if self.intro and self.blocks:
                    intro_end, self.intro = i, False
                elif self.intro:
                    title = i
                self._heading(toks, i, offset)
            else:
                found = self._match(toks, i, offset)
                if found is not None and found.notes and self.intro:
                    # A note right under the first heading makes it a category, not a title.
                    end = _block_start(toks, i) if title is None else title
                    intro_end, self.intro = end, False
                if found is not None:
                    i = found.end
            if tok.level == 0 and tok.nesting >= 0 and tok.type != "front_matter":
                self.blocks += 1
            i += 1
        if intro_end is not None or self.intro:
            self.description = markup.html(toks[: len(toks) if intro_end is None else intro_end])

    def _heading(self, toks: Sequence[Token], i: int, offset: int) -> None:
        tok = toks[i]
        name = heading_name(markup.plain(toks[i + 1].children or []))
        body = (tok.map[1] if tok.map else 0) + offset
        self.sections.append(
            Section(name, line_of(tok, offset), int(tok.tag[1]), tok.level == 0, body)
        )

    def _match(self, toks: Sequence[Token], i: int, offset: int) -> Found | None:
        section = self.sections[-1]
        if toks[i].level == 0 and toks[i].type != "front_matter":
            section.content = True
        ctx = self._context
        if ctx is None or ctx.category != section.name or ctx.offset != offset:
            ctx = self._context = Context(self.path, offset, section.name)
        for rule in RULES:
            found = rule(ctx, toks, i)
            if found is not None:
                section.notes += found.notes
                section.labels += found.labels
                section.loose += found.loose
                self.problems += found.problems
                return found
        return None

    def absorb(self, later: _Walk) -> None:
        """Take in the walk over the next piece of the same text."""
        first, *sections = later.sections
        # What stands before a piece's first heading belongs to the section open before it.
        last = self.sections[-1]
        last.notes += first.notes
        last.labels += first.labels
        last.loose += first.loose
        last.content = last.content or first.content
        self.sections += sections
        self.problems += later.problems
        # Only the first piece holds the intro and the front matter.
        self.description = self.description or later.description
        self.front = self.front or later.front

    def sheet(self, text: str, terms: str | None) -> Sheet:
        front = (
            frontmatter.read(self.front[0], self.path, self.front[1])
            if self.front
            else frontmatter.FrontMatter()
        )
        up = parents(self.sections)
        owner = _categories(self.sections, up)
        chosen = heading_terms(self.sections, up, terms or front.terms or AUTO)
        notes = self._notes(text, up, owner, chosen)
        problems = [*self.problems, *front.problems, *_no_definitions(notes)]
        notes = [n for n in notes if n.definition]
        kept, duplicates = _unique(notes)
        problems += duplicates + _section_problems(self.sections, chosen, self.path)
        renames = _renames(front, kept, self.path, self.front[1] if self.front else 1)
        problems += renames.problems
        if not kept and not any(p.level == ERROR for p in problems):
            problems.append(Problem(self.path, 1, NO_NOTES))
        used = {n.category for n in kept}
        categories = tuple(
            (s.name, s.line)
            for i, s in enumerate(self.sections)
            if owner[i] == i and s.name in used and s.name
        )
        return Sheet(
            self.path,
            tuple(kept),
            self.description,
            tuple(dict.fromkeys(categories)),
            tuple(sorted(problems)),
            front.tags,
            renames.pairs,
        )

    def _notes(self, text: str, up: list[int], owner: list[int], chosen: set[int]) -> list[Note]:
        """Every note in document order, each with the category its heading gives."""
        lines = text.splitlines(keepends=True) if chosen else []
        notes: list[Note] = []
        for i, s in enumerate(self.sections):
            if i in chosen:
                end = self.sections[i + 1].line - 1 if i + 1 < len(self.sections) else len(lines)
                category = self.sections[owner[up[i]]].name if up[i] >= 0 else ""
                notes.append(heading_note(s, lines, end, category, self.path))
                continue
            name = self.sections[owner[i]].name
            notes += (
                s.notes
                if name == s.name
                else [dataclasses.replace(n, category=name) for n in s.notes]
            )
        return notes


def _categories(sections: Sequence[Section], up: Sequence[int]) -> list[int]:
    """For each section, the section whose heading names its category: its own, or for an
    index heading (`## L`) the one above it."""
    owner: list[int] = []
    for i, s in enumerate(sections):
        owner.append(owner[up[i]] if s.index and up[i] >= 0 else i)
    return owner


def _block_start(toks: Sequence[Token], i: int) -> int:
    """Index of the top-level block that holds token `i`."""
    while i > 0 and toks[i].level > 0:
        i -= 1
    return i


def _no_definitions(notes: Sequence[Note]) -> list[Problem]:
    message = 'term "{}" has no definition, so it is not a note'
    return [
        Problem(n.path, n.line, message.format(n.term), WARNING) for n in notes if not n.definition
    ]


def _unique(notes: Sequence[Note]) -> tuple[list[Note], list[Problem]]:
    """The notes with the first of each key; each later one is a warning naming both lines."""
    first: dict[str, Note] = {}
    problems = []
    for note in notes:
        other = first.setdefault(note.key, note)
        if other is not note:
            message = (
                f'duplicate term "{note.short}": "{other.short}" is at line {other.line};'
                " the first is kept"
            )
            problems.append(Problem(note.path, note.line, message, WARNING))
    return list(first.values()), problems


def _section_problems(sections: Sequence[Section], chosen: set[int], path: str) -> list[Problem]:
    problems = []
    for i, s in enumerate(sections):
        if i in chosen or not s.loose:
            continue
        has_notes = any(n.definition for n in s.notes)
        if not has_notes and s.name:
            message = f'section "{s.name}" has list items but no terms, so it gives no notes'
            problems.append(Problem(path, s.line, message, INFO))
        elif has_notes:
            message = "list item does not start with a bold term, so it is not a note"
            problems += [Problem(path, n, message, WARNING) for n in s.loose]
    return problems


__all__ = ["NO_NOTES", "PARALLEL_FROM", "parse"]


@dataclasses.dataclass(frozen=True)
class _Renames:
    pairs: tuple[tuple[str, str], ...]
    problems: list[Problem]


def _renames(front: frontmatter.FrontMatter, notes: list[Note], path: str, line: int) -> _Renames:
    """The front matter's renames as (key, old key); a new term the sheet lacks is a warning."""
    if not front.renamed:
        return _Renames((), [])
    keys = {key(n.term): n.key for n in notes} | {n.key: n.key for n in notes}
    pairs, problems = [], []
    for new, old in front.renamed:
        if key(new) not in keys:
            message = f'renamed: "{new}" is not a term of this sheet; ignored'
            problems.append(Problem(path, line, message, WARNING))
            continue
        pairs.append((keys[key(new)], key(split_term(old)[0])))
    return _Renames(tuple(pairs), problems)
