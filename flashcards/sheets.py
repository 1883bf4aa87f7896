"""The sheets of the decks to build, read, parsed and checked: what is wrong with each, and
with the decks they make together (a heading the config lacks, translations that differ).

Kept apart from the deck writer, so that `lint` and `notes` never load genanki.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from flashcards import media, vault
from flashcards.cache import Cache
from flashcards.deck import Categories, Deck
from flashcards.errors import ERROR, INFO, WARNING, Problem, ProblemsError
from flashcards.look import Look, heading_tag, look
from flashcards.note import Note, Sheet
from flashcards.parse import NO_NOTES, parse, walk_ahead
from flashcards.piece_cache import cached
from flashcards.plan import places_problems
from flashcards.progress import Report, silent
from flashcards.read import read_text
from flashcards.terms import same_term
from flashcards.walk import Job, Walk


def load_sheet(
    source: Path,
    terms: str | None = None,
    cache: Cache | None = None,
    text: str | None = None,
    ahead: Mapping[Job, tuple[Walk, bool]] | None = None,
) -> Sheet:
    """The parsed source; its errors are left in it, so that all of them can be reported.
    With a `cache`, the pieces parsed by an earlier build are taken from it; with `ahead`,
    those walked ahead. `text`: the source as already read."""
    text = read_text(source) if text is None else text
    sheet = parse(text, str(source), terms=terms, cache=cache, ahead=ahead)
    # Here, so that `lint` and `build` both see what is wrong with its pictures.
    pictures = media.problems(sheet, text)
    if not pictures:
        return sheet
    return dataclasses.replace(sheet, problems=tuple(sorted((*sheet.problems, *pictures))))


def load_sheets(
    decks: Iterable[Deck], cache: Cache | None = None, report: Report = silent
) -> dict[Path, Sheet]:
    """Every sheet of the decks, each read once; `report` hears how many are read."""
    decks = list(decks)
    vault.forget()
    paths = {path: d.terms for d in decks for _, path in d.files}
    foldered = {path for d in decks if d.folder for _, path in d.files}
    texts = {path: read_text(path) for path in paths} if len(paths) > 1 else {}
    ahead = walk_ahead([(t, str(p)) for p, t in texts.items() if not cached(cache, str(p))])
    read = {}
    for done, (path, terms) in enumerate(paths.items(), 1):
        sheet = load_sheet(path, terms, cache, texts.get(path), ahead)
        read[path] = quiet(sheet) if path in foldered and not sheet.notes else sheet
        report(f"reading sheets: {done:,} of {len(paths):,} files")
    return read


def quiet(sheet: Sheet) -> Sheet:
    """A sheet of a folder that gives no notes (a README, an index, a daily note): what is
    said of it is only worth a word, and only to `lint`."""
    said = [
        Problem(p.path, p.line, "gives no notes", INFO)
        if p.message == NO_NOTES
        else dataclasses.replace(p, level=INFO)
        if p.level == WARNING
        else p
        for p in sheet.problems
    ]
    return dataclasses.replace(sheet, problems=tuple(sorted(said)))


@dataclass(frozen=True)
class Checked:
    """The sheets of the decks, read and checked, and the warnings they and their decks give."""

    sheets: dict[Path, Sheet]
    warnings: list[Problem]


def checked(
    decks: Iterable[Deck],
    strict: bool = False,
    cache: Cache | None = None,
    report: Report = silent,
) -> Checked:
    """Every sheet of the decks, read once; raises every problem that fails the build, of
    every deck at once, with every warning (one may explain an error)."""
    decks = list(decks)
    sheets = load_sheets(decks, cache, report)
    problems = [p for d in decks for p in problems_of(d, sheets)]
    said = warnings(sheets, problems)
    if any(p.fails(strict) for p in (*problems, *said)):
        raise ProblemsError([*problems, *said])
    return Checked(sheets, said)


def warnings(sheets: Mapping[Path, Sheet], problems: Iterable[Problem] = ()) -> list[Problem]:
    """The warnings of every sheet (not its infos: `lint` shows those) and among `problems`
    (those of the decks they make together, see `problems_of`), in line order."""
    found = {p for s in sheets.values() for p in s.problems if p.level == WARNING}
    found |= {p for p in problems if p.level == WARNING}
    return sorted(found)


def problems_of(deck: Deck, sheets: Mapping[Path, Sheet]) -> list[Problem]:
    """Errors of a deck's sheets, unknown headings, terms its translations lack, and terms
    two sheets of a folder share."""
    problems: list[Problem] = []
    for language, path in deck.files:
        sheet = sheets[path]
        problems += sheet.errors
        if deck.categories is not None:
            problems += _unknown_headings(sheet, language, deck.categories)
        else:
            problems += _tag_clashes(sheet)
    if deck.translation is not None and not any(p.fails() for p in problems):
        for part in deck.parts:
            (own_language, own), (language, path) = part.sources[:2]
            problems += parity(
                sheets[own], sheets[path], _keys(deck, own_language), _keys(deck, language)
            )
    if deck.folder:
        problems += _first_of_each(deck, sheets)[1]
        if not any(sheets[part.sources[0][1]].notes for part in deck.parts):
            folder = str(deck.sources[0][1])
            message = f"no notes in any of its {len(deck.parts)} sheets; " + NO_NOTES
            problems.append(Problem(folder, 1, message))
    return problems


@dataclass(frozen=True)
class Composed:
    """A deck's notes as its cards show them: its own sheet, how it shows them, and the
    notes that translate them."""

    sheet: Sheet
    look: Look
    translations: dict[str, Note]


def composed(deck: Deck, read: Mapping[Path, Sheet], pictures: media.Pictures) -> Composed:
    """The deck of the sheets `read`, its pictures named as in the deck and kept in
    `pictures`."""
    own = {path: pictures.sheet(read[path]) for _, path in deck.files}
    sheet = deck_sheet(deck, own)
    return Composed(sheet, look(deck, sheet, own), translations(deck, own))


def deck_sheet(deck: Deck, sheets: Mapping[Path, Sheet]) -> Sheet:
    """The deck's own sheet: for a folder deck, its sheets' notes one after another, the
    first of each term kept; their headings, renames and the first intro."""
    if not deck.folder:
        return sheets[deck.parts[0].sources[0][1]]
    own = [sheets[part.sources[0][1]] for part in deck.parts]
    return Sheet(
        path=str(deck.sources[0][1]),
        notes=tuple(_first_of_each(deck, sheets)[0]),
        description=next((s.description for s in own if s.description), ""),
        categories=tuple(c for s in own for c in s.categories),
        renames=tuple(r for s in own for r in s.renames),
    )


def _first_of_each(deck: Deck, sheets: Mapping[Path, Sheet]) -> tuple[list[Note], list[Problem]]:
    """The notes of a folder deck's sheets with the first of each term; each later one is a
    warning naming both places (one sheet's own duplicates its walk has taken out)."""
    first: dict[str, Note] = {}
    kept: list[Note] = []
    problems = []
    for part in deck.parts:
        for note in sheets[part.sources[0][1]].notes:
            other = first.setdefault(same_term(note.key), note)
            if other is note:
                kept.append(note)
                continue
            message = (
                f'duplicate term "{note.short}": "{other.short}" is at {other.path}:{other.line};'
                " the first is kept"
            )
            problems.append(Problem(note.path, note.line, message, WARNING))
    return kept, problems


def translations(deck: Deck, sheets: Mapping[Path, Sheet]) -> dict[str, Note]:
    """The translating sheets' notes by key: the other side of a bilingual deck."""
    if deck.translation is None:
        return {}
    return {note.key: note for part in deck.parts for note in sheets[part.sources[1][1]].notes}


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
    if not main_keys:  # no category map: headings in two languages cannot be compared
        return problems
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
    vault.forget()
    for deck in decks:
        found += places_problems(deck)
        for _, path in deck.files:
            try:
                sheets[path] = sheets.get(path) or load_sheet(path, deck.terms)
            except ProblemsError as exc:
                found += exc.problems
            if deck.folder and path in sheets and not sheets[path].notes:
                sheets[path] = quiet(sheets[path])
        if all(path in sheets for _, path in deck.files):
            found += problems_of(deck, sheets)
    found += [p for sheet in sheets.values() for p in sheet.problems if p.level != ERROR]
    return sorted(set(found), key=lambda p: (p.path, p.line, p.message))
