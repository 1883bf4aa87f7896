"""Sources to decks on disk: parse every source, report every problem, then write all or nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from flashcards import lock as locks
from flashcards.deck import DeckSpec, package
from flashcards.errors import ProblemsError
from flashcards.lock import Clock
from flashcards.note import Sheet
from flashcards.plan import Target, labels, load_sheets, problems_of, translations
from flashcards.write import write_atomic


@dataclass(frozen=True)
class Result:
    output: Path
    notes: int
    changed: bool


def build(plan: Sequence[Target], check: bool = False) -> list[Result]:
    """Build every target; with `check`, write nothing and tell which outputs would change."""
    sheets = load_sheets(plan)
    problems = [p for t in plan for p in problems_of(t, sheets)]
    if problems:
        raise ProblemsError(problems)
    clock = Clock.from_environ()
    results: list[Result] = []
    files: list[tuple[Path, bytes]] = []
    for target in plan:
        sheet = sheets[target.sources[0][1]]
        lock_file = locks.lock_path(target.output)
        data, lock = package(
            spec_for(target, sheet),
            sheet.notes,
            locks.load(lock_file),
            clock,
            translations(target, sheets),
        )
        lock_text = locks.dumps(lock).encode()
        changed = _differs(target.output, data) or _differs(lock_file, lock_text)
        results.append(Result(target.output, len(sheet.notes), changed))
        files += [(target.output, data), (lock_file, lock_text)]
    if not check:
        for path, data in files:
            write_atomic(path, data)
    return results


def spec_for(target: Target, sheet: Sheet) -> DeckSpec:
    """How the deck of a target looks: its name, description, category labels and type."""
    found = labels(target, sheet)
    return DeckSpec(
        namespace=target.namespace,
        name=target.name,
        description=target.description or sheet.description,
        tags=found.tags,
        category_names=found.names,
        language=target.language,
        translation_language=target.sources[1][0] if len(target.sources) > 1 else None,
        cloze=target.cloze,
    )


def _differs(path: Path, data: bytes) -> bool:
    if not path.is_file():  # reading a pipe would wait forever; writing it will be refused
        return True
    try:
        return path.read_bytes() != data
    except OSError:
        return True
