"""What to build and what is wrong with it: sources read and checked, no deck written.

Kept apart from `build`, so that `lint` and `notes` never load the deck writer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from flashcards.config import Config
from flashcards.errors import Problem, ProblemsError
from flashcards.note import Sheet
from flashcards.parse import parse
from flashcards.read import read_text


@dataclass(frozen=True)
class Target:
    """One deck to make: from which source, to which file, under which identity."""

    source: Path
    output: Path
    namespace: str
    name: str
    description: str = ""
    tags: dict[str, str] | None = None
    """Heading -> tag from a config; None: tags are made from the headings themselves."""


def load_sheet(source: Path) -> Sheet:
    """The parsed source; its errors are left in it, so that all of them can be reported."""
    return parse(read_text(source), str(source))


def targets(config: Config) -> list[Target]:
    return [
        Target(
            source=d.source,
            output=d.output,
            namespace=d.key,
            name=d.name,
            description=d.description,
            tags=config.tags(d.language),
        )
        for d in config.decks
    ]


def single_target(source: Path, output: Path | None) -> Target:
    """A deck from one source with no config: named, and identified, by the source's file name."""
    stem = source.name.removesuffix(".md")
    return Target(source, output or Path(stem + ".apkg"), namespace=stem, name=stem)


def problems_of(target: Target, sheet: Sheet) -> list[Problem]:
    """A sheet's errors, and its headings that the config's category map does not know."""
    problems = list(sheet.errors)
    if target.tags is not None:
        known = ", ".join(sorted(target.tags)) or "none"
        problems += [
            Problem(
                sheet.path, line, f'heading "{name}" is not in the category map; known: {known}'
            )
            for name, line in sheet.categories
            if name not in target.tags
        ]
    return problems


def tags_of(target: Target, sheet: Sheet) -> dict[str, str]:
    """Category -> tag: from the config, or else the heading with `_` for spaces."""
    if target.tags is not None:
        return target.tags
    return {name: "_".join(name.split()) for name, _ in sheet.categories}


def lint(plan: Iterable[Target]) -> list[Problem]:
    """Every problem and warning of every source, in file and line order."""
    found: list[Problem] = []
    for target in plan:
        try:
            sheet = load_sheet(target.source)
        except ProblemsError as exc:
            found += exc.problems
            continue
        found += problems_of(target, sheet)
        found += [p for p in sheet.problems if p.warning]
    return sorted(set(found), key=lambda p: (p.path, p.line, p.message))
