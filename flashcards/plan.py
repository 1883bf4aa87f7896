"""What to build and what is wrong with it: sources read and checked, no deck written.

Kept apart from `build`, so that `lint` and `notes` never load the deck writer.
"""

from __future__ import annotations

import dataclasses
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from flashcards import media, sanitize
from flashcards.cache import Cache
from flashcards.config import Categories, Config
from flashcards.errors import WARNING, Problem, ProblemsError, fail
from flashcards.identity import history_file
from flashcards.language import detect as detect_language
from flashcards.note import Note, Sheet
from flashcards.parse import parse
from flashcards.read import read_text
from flashcards.write import check_target, place

_NOT_IN_TAG = re.compile(r'[\s":]+')


@dataclass(frozen=True)
class Target:
    """One deck to make: from which sources, to which file, under which identity."""

    sources: tuple[tuple[str, Path], ...]
    """(language, path); the first is the deck's own, any others its translations."""
    output: Path
    namespace: str
    """The deck's identity: its GUIDs and IDs come from it."""
    name: str
    history: Path
    """The deck's history file: named by its identity, so any output reads the same one."""
    language: str = ""
    description: str = ""
    categories: Categories | None = None
    """The config's category map; None: tags are made from the headings themselves."""
    cloze: bool = False
    terms: str | None = None
    """How the sources write their terms (`auto`, `headings`, `bold`); None: as they say."""


@dataclass(frozen=True)
class Labels:
    """How a deck labels its notes' categories: a tag and a display name per heading."""

    tags: Mapping[str, str]
    names: Mapping[str, str]


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


def load_sheets(plan: Iterable[Target], cache: Cache | None = None) -> dict[Path, Sheet]:
    """Every source of a plan, each read once."""
    paths = {path: t.terms for t in plan for _, path in t.sources}
    return {path: load_sheet(path, terms, cache) for path, terms in paths.items()}


def checked_sheets(
    plan: Iterable[Target], strict: bool = False, cache: Cache | None = None
) -> dict[Path, Sheet]:
    """Every source of a plan, read once; raises every error of every target at once, with
    every warning (which, when `strict`, fails on its own)."""
    plan = list(plan)
    sheets = load_sheets(plan, cache)
    problems = [p for t in plan for p in problems_of(t, sheets)]
    if problems or strict:
        # A failing build shows its warnings too: one may be what explains an error.
        problems += warnings(sheets)
    if problems:
        raise ProblemsError(problems)
    return sheets


def warnings(sheets: Mapping[Path, Sheet]) -> list[Problem]:
    """The warnings of every sheet (not its infos: `lint` shows those), in line order."""
    return sorted({p for s in sheets.values() for p in s.problems if p.level == WARNING})


def targets(config: Config) -> list[Target]:
    return [
        Target(
            sources=d.sources,
            output=d.output,
            namespace=d.key,
            name=d.name,
            history=history_file(config.history, d.key),
            language=d.language,
            description=description(d.description),
            categories=config.categories,
            cloze=d.cloze,
            terms=d.terms,
        )
        for d in config.decks
    ]


def description(text: str) -> str:
    """A deck description from the config as Anki may show it: its HTML cut down to the safe
    subset, as a sheet's intro is (plain text keeps its bytes)."""
    return sanitize.clean(text) if "<" in text or "&" in text else text


def single_target(
    source: Path, output: str | Path | None, language: str = "", terms: str | None = None
) -> Target:
    """A deck from one source with no config: named, and identified, by the source's file
    name; its history beside the source, its language told from its text unless given.
    `output` as written: a name that ends in a separator is a folder, not a deck file."""
    # NFC: macOS, zip and Dropbox write Korean names decomposed; the same name either way must
    # give the same deck, GUIDs and history.
    stem = unicodedata.normalize("NFC", source.name.removesuffix(".md"))
    if isinstance(output, str) and output.endswith(("/", os.sep)):
        raise fail(output, 1, "cannot write: names a folder; name the deck file in it")
    output = Path(output) if output is not None else Path(stem + ".apkg")
    history = history_file(source.parent, stem)
    if place(output) == place(history):
        raise fail(str(output), 1, "this is the deck's history file; choose another output")
    if place(output) == place(source):
        raise fail(str(output), 1, "this is the deck's own sheet; choose another output")
    return Target(((language, source),), output, stem, stem, history, language, terms=terms)


def language_of(target: Target, sheet: Sheet) -> str:
    """The deck's language: as configured or given, else told from the sheet's text."""
    return target.language or detect_language(sheet.notes)


def sheet_tags(sheet: Sheet) -> tuple[str, ...]:
    """The sheet's own tags as Anki tags: Obsidian's nested `a/b` becomes `a::b`."""
    # A level with nothing a tag can show ("a/ /b") is no level: "a::b", never "a::untitled::b".
    tags = ("::".join(p for p in map(_tag_text, t.split("/")) if p) for t in sheet.tags)
    return tuple(dict.fromkeys(t for t in tags if t))


def problems_of(target: Target, sheets: Mapping[Path, Sheet]) -> list[Problem]:
    """Errors of a target's sources, unknown headings, and terms its translations lack."""
    problems: list[Problem] = []
    for language, path in target.sources:
        sheet = sheets[path]
        problems += sheet.errors
        if target.categories is not None:
            problems += _unknown_headings(sheet, language, target.categories)
        else:
            problems += _tag_clashes(sheet)
    if len(target.sources) > 1 and not problems:
        (main_language, main), *others = target.sources
        for language, path in others:
            problems += parity(
                sheets[main], sheets[path], _keys(target, main_language), _keys(target, language)
            )
    return problems


def labels(target: Target, sheet: Sheet) -> Labels:
    """Tag and display name of each category of the target's main sheet."""
    headings = [name for name, _ in sheet.categories]
    if target.categories is None:
        return Labels({h: heading_tag(h) for h in headings}, {h: h for h in headings})
    cats = target.categories
    keys = {h: cats.key_of(target.language, h) or h for h in headings}
    return Labels(
        {h: cats.tag(k) for h, k in keys.items()},
        {h: cats.name(k, target.language) for h, k in keys.items()},
    )


def heading_tag(heading: str) -> str:
    """A valid Anki tag from a heading: no spaces, quotes or control characters, and no `::`
    hierarchy by accident."""
    return _tag_text(heading) or "untitled"


def _tag_text(text: str) -> str:
    """`text` as a tag or a level of one; empty when none of it can be shown."""
    printable = "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf"))
    return _NOT_IN_TAG.sub("_", printable).strip("_")


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


def translations(target: Target, sheets: Mapping[Path, Sheet]) -> dict[str, Note]:
    """The second source's notes by key: the other language's side of a bilingual deck."""
    if len(target.sources) < 2:
        return {}
    return {note.key: note for note in sheets[target.sources[1][1]].notes}


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


def _keys(target: Target, language: str) -> dict[str, str]:
    """Heading -> category key in one language (identity without a config)."""
    cats = target.categories
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


def lint(plan: Sequence[Target], said: Iterable[Problem] = ()) -> list[Problem]:
    """Every problem and warning of every source, with what was `said` of the config, in file
    and line order."""
    found: list[Problem] = list(said)
    sheets: dict[Path, Sheet] = {}
    for target in plan:
        for path in (target.output, target.history):
            try:
                check_target(path)
            except ProblemsError as exc:
                found += exc.problems
        for _, path in target.sources:
            try:
                sheets[path] = sheets.get(path) or load_sheet(path, target.terms)
            except ProblemsError as exc:
                found += exc.problems
        if all(path in sheets for _, path in target.sources):
            found += problems_of(target, sheets)
    found += [p for sheet in sheets.values() for p in sheet.problems if p.warning]
    return sorted(set(found), key=lambda p: (p.path, p.line, p.message))
