"""Pieces of a sheet parsed by an earlier build, taken from the build cache: each walk kept
as plain values, with its line numbers counted from its piece's start, so that a piece is
found again wherever the lines above it moved."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from flashcards.cache import Cache, digest
from flashcards.errors import Problem
from flashcards.note import Note
from flashcards.rules.section import Section
from flashcards.walk import Job, Walk


class Known:
    """The walks of pieces an earlier build parsed, by what they depend on (the piece, its
    path, whether it starts or ends the text), with their line numbers counted from the
    piece's start; and what this parse adds, written as it goes."""

    def __init__(self, old: dict[str, _Dumped], put: Callable[[object], None] | None) -> None:
        self.old = old
        self.put = put
        self.used: set[str] = set()
        self.parsed = False

    @classmethod
    @contextmanager
    def of(cls, cache: Cache | None, path: str) -> Iterator[Known]:
        if cache is None:
            yield cls({}, None)
            return
        name = f"pieces-{digest(path)}"
        old = {key: value for key, value in _pairs(cache.records(name))}
        with cache.writing(name) as put:
            known = cls(old, put)
            yield known
        if not known.parsed and known.used == old.keys():
            # Every piece as the build before had it (a folder's untouched sheets): the entry
            # is kept as it is, not written and synced again.
            cache.unchanged(name)

    def has(self, job: Job) -> bool:
        return self.put is not None and _key(job) in self.old

    def walk(self, job: Job, walked: tuple[Walk, bool] | None) -> tuple[Walk, bool]:
        """The walk of `job`: `walked` if it was parsed now (kept for the next build), else
        the one the cache has (see `has`)."""
        key = _key(job)
        self.used.add(key)
        if walked is not None:
            self.parsed = True
            if self.put is not None:
                self.put((key, _dump(*walked, job[1])))
            return walked
        dumped = self.old[key]
        if self.put is not None:
            self.put((key, dumped))
        return _load(dumped, job[0], job[1])


def cached(cache: Cache | None, path: str) -> bool:
    """Whether an earlier build left the pieces of the sheet at `path` in the cache."""
    return cache is not None and cache.path(f"pieces-{digest(path)}").exists()


_Dumped = tuple[Any, ...]
"""A walk as plain values, its lines counted from its piece's start (see `_dump`)."""


def _key(job: Job) -> str:
    path, offset, piece, last = job
    return digest(path, "first" if offset == 0 else "", "last" if last else "", piece)


def _pairs(records: Iterable[object]) -> Iterator[tuple[str, _Dumped]]:
    for record in records:
        if isinstance(record, tuple) and len(record) == 2:
            yield record


def _dump(walk: Walk, open_end: bool, offset: int) -> _Dumped:
    sections = tuple(
        (
            s.name,
            s.line - offset,
            s.level,
            s.top,
            s.body - offset,
            tuple(n.record(offset) for n in s.notes),
            tuple(n.record(offset) for n in s.aside),
            tuple(s.bold),
            tuple(s.bare),
            tuple(n - offset for n in s.loose),
            s.content,
            s.weak,
            s.opening,
            tuple(n - offset if n else n for n in s.first),
            s.says,
            s.counts,
            s.phrase,
            s.described,
            s.asks,
            s.spelled,
        )
        for s in walk.sections
    )
    problems = tuple((p.path, p.line - offset, p.message, p.level) for p in walk.problems)
    front = None if walk.front is None else (walk.front[0], walk.front[1] - offset)
    return (sections, problems, walk.description, walk.intro, walk.blocks, front, open_end)


def _load(dumped: _Dumped, path: str, offset: int) -> tuple[Walk, bool]:
    sections, problems, description, intro, blocks, front, open_end = dumped
    walk = Walk(path, first=intro)
    walk.sections = [
        Section(
            name,
            line + offset,
            level,
            top,
            body + offset,
            notes=[Note.from_record(n, offset) for n in notes],
            aside=[Note.from_record(n, offset) for n in aside],
            bold=list(bold),
            bare=list(bare),
            loose=[n + offset for n in loose],
            content=content,
            weak=weak,
            opening=opening,
            first=(first[0] + offset if first[0] else 0, first[1] + offset if first[1] else 0),
            says=says,
            counts=counts,
            phrase=phrase,
            described=described,
            asks=asks,
            spelled=spelled,
        )
        for (
            name,
            line,
            level,
            top,
            body,
            notes,
            aside,
            bold,
            bare,
            loose,
            content,
            weak,
            opening,
            first,
            says,
            counts,
            phrase,
            described,
            asks,
            spelled,
        ) in sections
    ]
    walk.problems = [Problem(p, line + offset, m, level) for p, line, m, level in problems]
    walk.description, walk.blocks = description, blocks
    walk.front = None if front is None else (front[0], front[1] + offset)
    return walk, open_end
