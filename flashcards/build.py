"""A build, stage by stage: the decks planned, their sheets read and checked, each deck's
history read and its deck written beside it in a scratch folder, then every file written at
once or none. The stages live in their own modules; this one only runs them in order."""

from __future__ import annotations

import filecmp
import gc
import os
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from flashcards import history, media, plan, progress, sheets
from flashcards.cache import FOLDER, Cache
from flashcards.deck import Deck
from flashcards.errors import Problem, ProblemsError, fail
from flashcards.history import file as history_file
from flashcards.history.file import Clock
from flashcards.identity import HISTORY_SUFFIX
from flashcards.note import Sheet
from flashcards.package import package
from flashcards.progress import Report, silent
from flashcards.write import scratch, write_all


@dataclass(frozen=True)
class Result:
    output: Path
    notes: int
    changed: bool


@dataclass(frozen=True)
class Built:
    results: list[Result]
    warnings: list[Problem]
    """Local problems of the sources: each deck was built from everything else."""


def build(
    decks: Sequence[Deck], check: bool = False, strict: bool = False, report: Report = silent
) -> Built:
    """Build every deck; with `check`, write nothing and tell which outputs would change;
    with `strict`, a warning fails the build like an error; `report` hears how far it is."""
    plan.check_places(decks)
    report(f"reading {_count(len({p for d in decks for _, p in d.files}), 'sheet')}")
    with few_collections(), scratch() as folder:
        # `--check` writes nothing, not even the cache: it builds as a first build would.
        cache = None if check or not decks else Cache(decks[0].history.parent / FOLDER, folder)
        try:
            read = sheets.checked(decks, strict, cache, report)
            clock = Clock.from_environ()
            written = [
                _deck(deck, read.sheets, clock, folder / f"{n}.apkg", report, cache)
                for n, deck in enumerate(decks)
            ]
            problems = [p for _, _, found in written for p in found]
            if any(p.fails(strict) for p in problems):
                raise ProblemsError(problems)
            if not check:
                report(f"writing {_count(len(decks), 'deck')}")
                write_all([file for _, files, _ in written for file in files])
            if cache is not None:
                cache.commit()  # only now: a build that fails adds nothing to the cache
        finally:
            if cache is not None:
                cache.release()
    results = [result for result, _, _ in written]
    return Built(results, sorted({*read.warnings, *problems}))


@contextmanager
def few_collections() -> Iterator[None]:
    # A build makes millions of objects that either die young or live to the end. With the
    # default thresholds the cyclic collector rescans the survivors again and again (a third
    # of the time of a 100,000-note build); collecting young objects less often keeps the
    # chunk-sized garbage of the parser collected without those rescans.
    thresholds = gc.get_threshold()
    gc.set_threshold(200_000, 50, 1000)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def _deck(
    deck: Deck,
    read: Mapping[Path, Sheet],
    clock: Clock,
    deck_file: Path,
    report: Report,
    cache: Cache | None,
) -> tuple[Result, list[tuple[Path, bytes | Path]], list[Problem]]:
    """The deck written to `deck_file` and its history beside it: its result, the files to
    put in place (the deck first, its history last: a kill between the two leaves a history
    whose `written` hash does not match the deck, which the next build notices), and what
    to tell the author."""
    pictures = media.Pictures()  # the deck's own: it carries only the pictures its notes show
    made = sheets.composed(deck, read, pictures)
    sheet = made.sheet
    report(f"{deck.output}: {len(sheet.notes):,} notes parsed")
    try:
        packed = package(
            deck,
            made.look,
            sheet.notes,
            history.read(deck),
            clock,
            deck_file,
            made.translations,
            pictures.files(),
            progress.count(report, str(deck.output), len(sheet.notes)),
            cache,
        )
    except (OSError, sqlite3.Error) as exc:
        # A full or read-only temporary folder: nothing of the old deck has been touched.
        message = f"cannot build in the temporary folder {deck_file.parent}: {exc}; free some space"
        raise fail(str(deck.output), 1, message) from None
    written = history_file.Written(
        _relative(deck.output, deck.history), history_file.file_sha256(deck_file)
    )
    kept = deck_file.with_name(deck.key + HISTORY_SUFFIX)
    history_file.write(replace(packed.history, written=written), kept)
    changed = _differs(deck.output, deck_file) or _differs(deck.history, kept)
    files: list[tuple[Path, bytes | Path]] = [(deck.output, deck_file), (deck.history, kept)]
    return Result(deck.output, len(sheet.notes), changed), files, packed.problems


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _relative(output: Path, history: Path) -> str:
    """The deck file's path as its history records it: from the history's folder."""
    return Path(
        os.path.relpath(os.path.abspath(output), os.path.abspath(history.parent))
    ).as_posix()


def _differs(path: Path, built: Path) -> bool:
    if not path.is_file():  # reading a pipe would wait forever; writing it will be refused
        return True
    try:
        return not filecmp.cmp(path, built, shallow=False)
    except OSError:
        return True
