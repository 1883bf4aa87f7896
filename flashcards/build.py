"""Sources to decks on disk: parse every source, report every problem, then write all or nothing."""

from __future__ import annotations

import filecmp
import gc
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from flashcards import lock as locks
from flashcards.deck import DeckSpec, package
from flashcards.errors import Problem
from flashcards.lock import Clock
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
from flashcards.write import write_all


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


def build(plan: Sequence[Target], check: bool = False, strict: bool = False) -> Built:
    """Build every target; with `check`, write nothing and tell which outputs would change;
    with `strict`, a warning fails the build like an error."""
    with _few_collections():
        return _build(plan, check, strict)


@contextmanager
def _few_collections() -> Iterator[None]:
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


def _build(plan: Sequence[Target], check: bool, strict: bool) -> Built:
    sheets = checked_sheets(plan, strict)
    clock = Clock.from_environ()
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="flashcards-") as folder:
        files: list[tuple[Path, bytes | Path]] = []
        for number, target in enumerate(plan):
            sheet = sheets[target.sources[0][1]]
            lock_file = locks.lock_path(target.output)
            deck_file = Path(folder) / f"{number}.apkg"
            lock = package(
                spec_for(target, sheet),
                sheet.notes,
                locks.load(lock_file),
                clock,
                deck_file,
                translations(target, sheets),
            )
            new_lock = deck_file.with_suffix(".lock.json")
            new_lock.write_text(locks.dumps(lock), encoding="utf-8")
            changed = _differs(target.output, deck_file) or _differs(lock_file, new_lock)
            results.append(Result(target.output, len(sheet.notes), changed))
            files += [(target.output, deck_file), (lock_file, new_lock)]
        if not check:
            write_all(files)
    return Built(results, warnings(sheets))


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
    )


def _differs(path: Path, built: Path) -> bool:
    if not path.is_file():  # reading a pipe would wait forever; writing it will be refused
        return True
    try:
        return not filecmp.cmp(path, built, shallow=False)
    except OSError:
        return True
