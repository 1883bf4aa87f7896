"""The sheets of the decks to build, read, parsed and checked: what is wrong with each, and
with the decks they make together (a heading the config lacks, translations that differ).

Kept apart from the deck writer, so that `lint` and `notes` never load genanki.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from flashcards import media
from flashcards.cache import Cache
from flashcards.deck import Categories, Deck
from flashcards.errors import ERROR, WARNING, Problem, ProblemsError
from flashcards.look import heading_tag
from flashcards.note import Note, Sheet
from flashcards.parse import parse
from flashcards.plan import places_problems
from flashcards.read import read_text


def load_sheet(source: Path, terms: str | None = None, cache: Cache | None = None) -> Sheet:
    """The parsed source; its errors are left in it, so that all of them can be reported.
    With a `cache`, the pieces parsed by an earlier build are taken from it."""
    text = read_text(source)
    sheet = parse(text, str(source), terms=terms, cache=cache)
    # Here, so that `lint` and `build` both see what is wrong with its pictures.
    pictures = media.problems(sheet, text)
    if not pictures:
        return sheet
    return dataclasses.replace(sheet, problems=tuple(sorted((*sheet.problems, *pictures))))


def load_sheets(decks: Iterable[Deck], cache: Cache | None = None) -> dict[Path, Sheet]:
    """Every source of the decks, each read once."""
    paths = {path: d.terms for d in decks for _, path in d.sources}
    return {path: load_sheet(path, terms, cache) for path, terms in paths.items()}


def checked(
    decks: Iterable[Deck], strict: bool = False, cache: Cache | None = None
) -> dict[Path, Sheet]:
    """Every source of the decks, read once; raises every problem that fails the build, of
    every deck at once, with every warning (one may explain an error)."""
    decks = list(decks)
    sheets = load_sheets(decks, cache)
    problems = [p for d in decks for p in problems_of(d, sheets)]
    problems += warnings(sheets)
    if any(p.fails(strict) for p in problems):
        raise ProblemsError(problems)
    return sheets


def warnings(sheets: Mapping[Path, Sheet]) -> list[Problem]:
    """The warnings of every sheet (not its infos: `lint` shows those), in line order."""
    return sorted({p for s in sheets.values() for p in s.problems if p.level == WARNING})


def problems_of(deck: Deck, sheets: Mapping[Path, Sheet]) -> list[Problem]:
    """Errors of a deck's sources, unknown headings, and terms its translations lack."""
    problems: list[Problem] = []
    for language, path in deck.sources:
        sheet = sheets[path]
        problems += sheet.errors
        if deck.categories is not None:
            problems += _unknown_headings(sheet, language, deck.categories)
        else:
            problems += _tag_clashes(sheet)
    if deck.translation is not None and not problems:
        (own_language, own), (language, path) = deck.sources[0], deck.translation
        problems += parity(
            sheets[own], sheets[path], _keys(deck, own_language), _keys(deck, language)
        )
    return problems


def translations(deck: Deck, sheets: Mapping[Path, Sheet]) -> dict[str, Note]:
    """The translating source's notes by key: the other side of a bilingual deck."""
    if deck.translation is None:
        return {}
    return {note.key: note for note in sheets[deck.translation[1]].notes}


def _tag_clashes(sheet: Sheet) -> list[Problem]:
    """Headings that would make one tag: Anki's tags ignore case, spaces become `_`."""
    first: dict[str, tuple[str, int]] = {}
    problems = []
    for name, line in sheet.categories:
        tag = heading_tag(name).casefold()
        other, other_line = first.setdefault(tag, (name, line))
        if other != name:
            message = (
                f'heading "{name}" makes the same tag as "{other}" at line {other_line}'
                " (tags ignore case); rename one"
            )
            problems.append(Problem(sheet.path, line, message))
    return problems


def parity(
    main: Sheet, other: Sheet, main_keys: Mapping[str, str], other_keys: Mapping[str, str]
) -> list[Problem]:
    """Two sheets that translate each other must hold the same terms in the same categories."""
    theirs = {n.key: n for n in other.notes}
    ours = {n.key: n for n in main.notes}
    problems = [
        Problem(n.path, n.line, f'term "{n.short}" is missing from {other.path}')
        for key, n in ours.items()
        if key not in theirs
    ]
    problems += [
        Problem(n.path, n.line, f'term "{n.short}" is not in {main.path}')
        for key, n in theirs.items()
        if key not in ours
    ]
    for key, n in theirs.items():
        if key in ours:
            here, there = other_keys.get(n.category, n.category), main_keys.get(ours[key].category)
            if here != there:
                message = (
                    f'term "{n.short}" is under "{here}" here but under "{there}"'
                    f" in {main.path}:{ours[key].line}"
                )
                problems.append(Problem(n.path, n.line, message))
    return problems


def _keys(deck: Deck, language: str) -> dict[str, str]:
    """Heading -> category key in one language (identity without a config)."""
    cats = deck.categories
    if cats is None:
        return {}
    return {h: cats.key_of(language, h) or h for h in cats.headings(language)}


def _unknown_headings(sheet: Sheet, language: str, categories: Categories) -> list[Problem]:
    known = ", ".join(categories.headings(language)) or "none"
    return [
        Problem(sheet.path, line, f'heading "{name}" is not in the category map; known: {known}')
        for name, line in sheet.categories
        if categories.key_of(language, name) is None
    ]


def lint(decks: Sequence[Deck], said: Iterable[Problem] = ()) -> list[Problem]:
    """Every problem of every source and deck, with what was `said` of the config, in file
    and line order."""
    found: list[Problem] = list(said)
    sheets: dict[Path, Sheet] = {}
    for deck in decks:
        found += places_problems(deck)
        for _, path in deck.sources:
            try:
                sheets[path] = sheets.get(path) or load_sheet(path, deck.terms)
            except ProblemsError as exc:
                found += exc.problems
        if all(path in sheets for _, path in deck.sources):
            found += problems_of(deck, sheets)
    found += [p for sheet in sheets.values() for p in sheet.problems if p.level != ERROR]
    return sorted(set(found), key=lambda p: (p.path, p.line, p.message))
