"""Sources to decks on disk: parse every source, report every problem, then write all or nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from flashcards import lock as locks
from flashcards.deck import DeckSpec, package
from flashcards.errors import ProblemsError
from flashcards.lock import Clock
from flashcards.plan import Target, load_sheet, problems_of, tags_of
from flashcards.write import write_atomic


@dataclass(frozen=True)
class Result:
    output: Path
    notes: int
    changed: bool


def build(plan: Sequence[Target], check: bool = False) -> list[Result]:
    """Build every target; with `check`, write nothing and tell which outputs would change."""
    sheets = [load_sheet(t.source) for t in plan]
    problems = [p for t, s in zip(plan, sheets, strict=True) for p in problems_of(t, s)]
    if problems:
        raise ProblemsError(problems)
    clock = Clock.from_environ()
    results: list[Result] = []
    files: list[tuple[Path, bytes]] = []
    for target, sheet in zip(plan, sheets, strict=True):
        spec = DeckSpec(
            target.namespace,
            target.name,
            target.description or sheet.description,
            tags_of(target, sheet),
        )
        lock_file = locks.lock_path(target.output)
        data, lock = package(spec, sheet.notes, locks.load(lock_file), clock)
        lock_text = locks.dumps(lock).encode()
        changed = _differs(target.output, data) or _differs(lock_file, lock_text)
        results.append(Result(target.output, len(sheet.notes), changed))
        files += [(target.output, data), (lock_file, lock_text)]
    if not check:
        for path, data in files:
            write_atomic(path, data)
    return results


def _differs(path: Path, data: bytes) -> bool:
    try:
        return path.read_bytes() != data
    except OSError:
        return True
