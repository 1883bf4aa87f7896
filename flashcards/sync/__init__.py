"""`flashcards sync`: a deck's notes written straight into a learner's collection with the
official `anki` library, as Anki itself would write them: what the sheets add and change
arrives, what they drop is suspended, and nothing the learner made or edited is lost.

The stages: the decks' notes as a build makes them (`wanted`), the collection opened or
refused (`guard`), what would change (`changes`), and the changes made (`apply`), with
what was written kept in the collection itself (`state`) for the next sync.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from flashcards.deck import Deck
from flashcards.errors import Problem
from flashcards.sync.changes import Changes, Options


@dataclass(frozen=True)
class Synced:
    """What a sync did (or, dry, would do) to each deck, and what to tell the learner."""

    changes: list[Changes]
    problems: list[Problem]
    backup: bool


def sync(decks: Sequence[Deck], collection: Path, options: Options, strict: bool = False) -> Synced:
    """Sync every deck into the collection at `collection`; raises, with nothing written,
    when the sheets fail to build or the collection cannot be written safely."""
    from flashcards.sync import apply, changes, guard, wanted

    found = wanted.notes(decks, strict)
    with guard.opened(collection) as col:
        planned = [changes.compare(col, deck, options) for deck in found.decks]
        guard.check_schema(col, planned, options)
        backup = False
        if not options.dry_run and any(c.writes for c in planned):
            guard.backup(col, collection)
            backup = True
            for plan in planned:
                apply.apply(col, plan, options)
    problems = [*found.problems, *(p for c in planned for p in c.problems)]
    return Synced(planned, problems, backup)
