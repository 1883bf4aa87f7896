"""Sources to decks on disk: parse every source, report every problem, then write all or nothing."""

from __future__ import annotations

import filecmp
import gc
import os
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from flashcards import lock as locks
from flashcards import media
from flashcards.cache import FOLDER, Cache
from flashcards.deck import DeckSpec, Packed, package
from flashcards.errors import WARNING, Problem, ProblemsError, fail
from flashcards.lock import Clock, Lock, file_sha256
from flashcards.note import Sheet
from flashcards.plan import (
    Target,
    checked_sheets,
    labels,
    language_of,
    sheet_tags,
    translations,
    warnings,
)
from flashcards.progress import Report, silent
from flashcards.write import check_target, scratch, write_all


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
    plan: Sequence[Target], check: bool = False, strict: bool = False, report: Report = silent
) -> Built:
    """Build every target; with `check`, write nothing and tell which outputs would change;
    with `strict`, a warning fails the build like an error; `report` hears how far it is."""
    with few_collections():
        return _build(plan, check, strict, report)


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


def _build(plan: Sequence[Target], check: bool, strict: bool, report: Report) -> Built:
    for target in plan:
        for path in (*(p for _, p in target.sources), target.output):
            _check_name(path)
        check_target(target.output)
        check_target(target.history)
    report(f"reading {_count(len({p for t in plan for _, p in t.sources}), 'sheet')}")
    with scratch() as folder:
        # `--check` writes nothing, not even the cache: it builds as a first build would.
        cache = None if check or not plan else Cache(plan[0].history.parent / FOLDER, folder)
        try:
            return _build_in(plan, strict, check, report, folder, cache)
        finally:
            if cache is not None:
                cache.release()


def _build_in(
    plan: Sequence[Target],
    strict: bool,
    check: bool,
    report: Report,
    folder: Path,
    cache: Cache | None,
) -> Built:
    """The build, in the scratch `folder`, with the build `cache` this build holds (if any)."""
    sheets = checked_sheets(plan, strict, cache)
    clock = Clock.from_environ()
    results: list[Result] = []
    problems: list[Problem] = []
    files: list[tuple[Path, bytes | Path]] = []
    for number, target in enumerate(plan):
        deck_file = folder / f"{number}.apkg"
        result, packed = _deck(target, sheets, clock, deck_file, report, cache)
        results.append(result)
        problems += packed.problems
        # The deck first, its history last: a kill between the two leaves a history whose
        # `written` hash does not match the deck, which the next build notices.
        files += [(target.output, deck_file), (target.history, _history_file(deck_file))]
    if strict and any(p.level == WARNING for p in problems):
        raise ProblemsError(problems)
    if not check:
        report(f"writing {_count(len(plan), 'deck')}")
        write_all(files)
    if cache is not None:
        cache.commit()  # only now: a build that fails adds nothing to the cache
    return Built(results, sorted({*warnings(sheets), *problems}))


def _deck(
    target: Target,
    sheets: Mapping[Path, Sheet],
    clock: Clock,
    deck_file: Path,
    report: Report,
    cache: Cache | None,
) -> tuple[Result, Packed]:
    """Write the deck of `target` to `deck_file` and its history beside it."""
    sheet = sheets[target.sources[0][1]]
    total = f"{len(sheet.notes):,} notes"
    report(f"{target.output}: {total} parsed")

    def written(count: int) -> None:
        report(f"{target.output}: {count:,} of {total} written")

    packed = _package(target, sheet, sheets, clock, deck_file, written, cache)
    deck = locks.Written(_relative(target.output, target.history), file_sha256(deck_file))
    history = _history_file(deck_file)
    locks.write(replace(packed.lock, written=deck), history)
    changed = _differs(target.output, deck_file) or _differs(target.history, history)
    return Result(target.output, len(sheet.notes), changed), packed


def _history_file(deck_file: Path) -> Path:
    return deck_file.with_suffix(".lock.json")


def _package(
    target: Target,
    sheet: Sheet,
    sheets: Mapping[Path, Sheet],
    clock: Clock,
    out: Path,
    written: Callable[[int], None],
    cache: Cache | None,
) -> Packed:
    history = read_history(target)
    # The deck's own store: it carries only the pictures its notes show.
    store = media.Store()
    own = {path: store.sheet(sheets[path]) for _, path in target.sources}
    sheet = own[target.sources[0][1]]
    try:
        spec = spec_for(target, sheet)
        return package(
            spec,
            sheet.notes,
            history,
            clock,
            out,
            translations(target, own),
            store.files(),
            written,
            cache,
        )
    except (OSError, sqlite3.Error) as exc:
        # A full or read-only temporary folder: nothing of the old deck has been touched.
        message = f"cannot build in the temporary folder {out.parent}: {exc}; free some space"
        raise fail(str(target.output), 1, message) from None


def read_history(target: Target) -> Lock:
    """The deck's history: its file, else a version-1 lock beside the output, else what the
    previous deck file holds; where the history and its deck file disagree, the deck wins."""
    namespace = target.namespace
    lock = locks.load(target.history, namespace)
    legacy = locks.legacy_path(target.output)
    if lock is None and legacy != target.history:
        lock = locks.load_legacy(legacy, namespace)
    if lock is None:
        return _recovered(target.output, namespace) or locks.empty(namespace)
    if lock.written is None:
        return lock
    deck = target.history.parent / lock.written.path
    if not deck.is_file():
        return lock
    if file_sha256(deck) != lock.written.sha256:
        found = _recovered(deck, namespace)
        return locks.merged(lock, found) if found else lock
    if lock.version < locks.VERSION:  # which notes the last build held: its deck file says
        found = _recovered(deck, namespace)
        return locks.present(lock, found.notes) if found else lock
    return lock


def _recovered(deck: Path, namespace: str) -> Lock | None:
    if not deck.is_file():
        return None
    from flashcards.recover import recover

    return recover(deck, namespace)


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _check_name(path: Path) -> None:
    """A file name must be text: it goes into the deck (its name, the Source field) and into
    the history."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fsencode(path).decode("utf-8", "backslashreplace")
        message = "the file name is not valid UTF-8; rename the file (its name goes into the deck)"
        raise fail(shown, 1, message) from None


def _relative(output: Path, history: Path) -> str:
    """The deck file's path as its history records it: from the history's folder."""
    return Path(
        os.path.relpath(os.path.abspath(output), os.path.abspath(history.parent))
    ).as_posix()


def spec_for(target: Target, sheet: Sheet) -> DeckSpec:
    """How the deck of a target looks: its name, description, category labels and type."""
    found = labels(target, sheet)
    return DeckSpec(
        namespace=target.namespace,
        name=target.name,
        description=target.description or sheet.description,
        tags=found.tags,
        category_names=found.names,
        language=language_of(target, sheet),
        translation_language=target.sources[1][0] if len(target.sources) > 1 else None,
        cloze=target.cloze,
        sheet_tags=sheet_tags(sheet),
        renames=dict(sheet.renames),
    )


def _differs(path: Path, built: Path) -> bool:
    if not path.is_file():  # reading a pipe would wait forever; writing it will be refused
        return True
    try:
        return not filecmp.cmp(path, built, shallow=False)
    except OSError:
        return True
