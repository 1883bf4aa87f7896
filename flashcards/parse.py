"""Markdown source to notes: the text cut into pieces, each piece walked (see `walk`) here,
in worker processes, or taken from the build cache (see `piece_cache`), and the walks taken
in one after another."""

from __future__ import annotations

import dataclasses
import os
import signal
import sys
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager

from flashcards import markup
from flashcards.cache import Cache
from flashcards.errors import WARNING, Problem
from flashcards.note import Sheet
from flashcards.piece_cache import Known
from flashcards.rules import details
from flashcards.rules.found import line_of
from flashcards.syntax import conflict_markers, math, outline_pages, template_tags
from flashcards.walk import NO_NOTES, Job, Walk

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
    ahead: Mapping[Job, tuple[Walk, bool]] | None = None,
) -> Sheet:
    """The notes of one normalised source text; problems are collected, not raised.

    The text is parsed piece by piece (see `markup.pieces`), in worker processes when it is
    large and the machine has the cores; `cut=False` parses it in one piece, `workers`
    overrides the choice. With a `cache`, a piece parsed by an earlier build is taken from
    it instead, and from `ahead` (see `walk_ahead`). Every way gives the same notes.
    `terms` (`auto`, `headings`, `bold`) overrides what the sheet's front matter says of its
    terms.
    """
    text, conflicts = _document(text)
    pieces = markup.pieces(text, cut)
    jobs = _jobs(text, path, pieces)
    ahead = ahead or {}
    walk = Walk(path, first=False)  # takes in the walk of each piece
    with Known.of(cache, path) as known:
        missing = [not known.has(job) for job in jobs]
        todo = [job for job, miss in zip(jobs, missing, strict=True) if miss and job not in ahead]
        if workers is None:
            workers = _workers(sum(len(job[2]) for job in todo))
        with _results(todo, workers) as results:
            for job, miss, (line, start, _) in zip(jobs, missing, pieces, strict=True):
                walked = (ahead.get(job) or next(results)) if miss else None
                part, open_end = known.walk(job, walked)
                if open_end:  # the cut was inside a fence or raw HTML: the rest goes as one
                    rest = (path, line, text[start:], True)
                    part, _ = known.walk(rest, None if known.has(rest) else _walk_piece(rest))
                walk.absorb(part)
                if open_end:
                    break
    sheet = walk.sheet(text, terms)
    if not conflicts:
        return sheet
    problems = [Problem(path, line, CONFLICT, WARNING) for line in conflicts]
    return dataclasses.replace(sheet, problems=(*problems, *sheet.problems))


CONFLICT = "unresolved merge conflict (<<<<<<< … >>>>>>>): both versions are read; keep one in git"


def _document(text: str) -> tuple[str, list[int]]:
    """The text the parser reads (see `outline_pages`, `conflict_markers`, `template_tags`),
    and the line of each merge conflict left in it."""
    text, conflicts = conflict_markers.unmarked(template_tags.untagged(text))
    return outline_pages.as_document(text), conflicts


def walk_ahead(sources: Sequence[tuple[str, str]]) -> dict[Job, tuple[Walk, bool]]:
    """The walks of the pieces of many (text, path) sheets at once, in worker processes when
    they are large together: a folder of small sheets is parsed as fast as one large sheet.
    Empty when they are too small to gain from workers."""
    if _workers(sum(len(text) for text, _ in sources)) <= 1:
        return {}  # decided before any text is cut: most builds are this small
    texts = [(_document(text)[0], path) for text, path in sources]
    jobs = [job for text, path in texts for job in _jobs(text, path, markup.pieces(text))]
    with _results(jobs, 2) as results:
        return dict(zip(jobs, results, strict=True))


def _jobs(text: str, path: str, pieces: Sequence[tuple[int, int, int]]) -> list[Job]:
    return [(path, line, text[start:end], end == len(text)) for line, start, end in pieces]


def _workers(size: int) -> int:
    """Two workers for `size` characters of text to parse, when they are enough and two
    cores are usable; else none but this process."""
    return 2 if size >= PARALLEL_FROM and _usable_cores() > 1 else 1


@contextmanager
def _results(jobs: list[Job], workers: int) -> Iterator[Iterator[tuple[Walk, bool]]]:
    """The walk of each piece, in order: here, or from a pool of `workers` processes."""
    if workers <= 1 or len(jobs) <= 1:
        yield map(_walk_piece, jobs)
        return
    import multiprocessing  # 10 ms of every start, for large sheets only

    context = multiprocessing.get_context(_start_method())
    pool = context.Pool(workers, initializer=_worker_start)
    try:
        yield pool.imap(_walk_piece, jobs, chunksize=max(1, len(jobs) // (workers * 16)))
    except BaseException:
        pool.terminate()  # an error or a signal: the workers' work is lost anyway
        raise
    else:
        # Closed, the workers end on their own once their tasks are done. Killed while idle
        # (as leaving `with Pool` does), a worker may die holding the task queue's lock, and
        # the pool then waits for it for ever.
        pool.close()
    finally:
        pool.join()


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


UNBALANCED_MATH = "unbalanced $$: the formula is never closed and shows as text; end it with $$"


def _walk_piece(job: Job) -> tuple[Walk, bool]:
    """A walk over one piece, and whether it ends inside a block it did not close."""
    path, offset, piece, last = job
    toks = markup.tokens(piece)
    walk = Walk(path, first=offset == 0)
    deepest = markup.too_deep(toks)
    if deepest is not None:
        line = line_of(deepest, offset)
        message = markup.too_deep_message(toks, deepest)
        walk.problems.append(Problem(path, line, message))
    for line in sorted(set(math.unbalanced(toks))):
        walk.problems.append(Problem(path, offset + line + 1, UNBALANCED_MATH, WARNING))
    walk.feed(toks, offset)
    # Cut inside a block (a fence, raw HTML, a <details> answer): the rest goes as one piece.
    return walk, not last and (markup.ends_open(toks, piece) or details.unclosed(toks))


__all__ = ["NO_NOTES", "PARALLEL_FROM", "parse", "walk_ahead"]
