"""The command line: each command loads what it needs and calls one function that decides.

Modules are imported inside the commands, so that `--help` costs little more than click.
"""

from __future__ import annotations

import contextlib
import signal
import sys
from pathlib import Path

import click

from flashcards.errors import FlashcardsError, grouped

DEFAULT_CONFIG = Path("source/decks.yaml")

_CONFIG = click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=DEFAULT_CONFIG,
    show_default=True,
    help="The deck config.",
)
_SOURCE = click.Path(path_type=Path)
_STRICT = click.option("--strict", is_flag=True, help="Fail on warnings too.")
_TERMS = click.option(
    "--terms",
    type=click.Choice(["auto", "headings", "bold"]),
    help="How SOURCE writes its terms (default: what its front matter says, else auto).",
)
_SUBDECKS = click.option(
    "--subdecks",
    type=click.Choice(["folders", "files", "none"]),
    help="For a folder SOURCE: a subdeck per subfolder (default), per file, or none.",
)


@click.group()
@click.version_option(package_name="flashcards")
def main() -> None:
    """Turn Markdown study sheets into Anki decks."""
    _exit_on_sigterm()


def _exit_on_sigterm() -> None:
    # As an exit, not a kill: temporary folders and staged files are removed on the way out.
    with contextlib.suppress(ValueError):  # not the main thread: its program's business
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


@main.command()
@click.argument("source", required=False, type=_SOURCE)
@click.option("-o", "--output", type=click.Path(), help="Deck file for SOURCE.")
@_SUBDECKS
@click.option("--check", is_flag=True, help="Write nothing; fail if a deck is not current.")
@click.option(
    "--language",
    type=click.Choice(["ko", "en"]),
    help="The language of SOURCE's cards (default: told from its text).",
)
@_TERMS
@_STRICT
@_CONFIG
def build(
    source: Path | None,
    output: str | None,
    subdecks: str | None,
    check: bool,
    language: str | None,
    terms: str | None,
    strict: bool,
    config_path: Path,
) -> None:
    """Build every deck of the config, or the one deck of SOURCE (a sheet or a folder)."""
    from flashcards import config as configs
    from flashcards import plan, progress
    from flashcards.build import build as build_decks

    if source is None:
        if output is not None or language or terms or subdecks:
            raise click.UsageError("-o/--output, --language, --terms and --subdecks need a SOURCE")
        decks = configs.load(config_path).decks
    else:
        decks = (plan.source_deck(source, output, language or "", terms, subdecks),)
    with progress.on_terminal(sys.stderr) as report:
        built = build_decks(decks, check=check, strict=strict, report=report)
    results = built.results
    for line in grouped(built.warnings):
        click.echo(line, err=True)
    stale = [r for r in results if r.changed]
    for r in results:
        if check:
            state = "stale: run 'flashcards build'" if r.changed else "current"
            click.echo(f"{r.output}: {state}", err=r.changed)
        else:
            click.echo(f"{r.output}: {r.notes} notes{'' if r.changed else ', unchanged'}")
    if check and stale:
        raise FlashcardsError(f"{len(stale)} of {_count(len(results), 'deck')} stale")


@main.command()
@click.argument("source", required=False, type=_SOURCE)
@click.option(
    "--collection",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="The learner's collection.anki2 (with Anki closed).",
)
@click.option("--dry-run", is_flag=True, help="Print what would change; write nothing.")
@click.option(
    "--force", is_flag=True, help="Take the sheet's side where a note was edited in Anki."
)
@click.option(
    "--delete", is_flag=True, help="Delete notes whose terms left the sheets (default: suspend)."
)
@click.option(
    "--full-sync",
    is_flag=True,
    help="Allow note-type changes that make the next AnkiWeb sync a full one.",
)
@_SUBDECKS
@_TERMS
@_STRICT
@_CONFIG
def sync(
    source: Path | None,
    collection: Path,
    dry_run: bool,
    force: bool,
    delete: bool,
    full_sync: bool,
    subdecks: str | None,
    terms: str | None,
    strict: bool,
    config_path: Path,
) -> None:
    """Write every deck of the config, or the deck of SOURCE, into a collection."""
    from flashcards import config as configs
    from flashcards import plan
    from flashcards.sync import sync as sync_decks
    from flashcards.sync.changes import Options, describe

    if source is None:
        if terms or subdecks:
            raise click.UsageError("--terms and --subdecks need a SOURCE")
        decks = configs.load(config_path).decks
    else:
        decks = (plan.source_deck(source, None, terms=terms, subdecks=subdecks),)
    options = Options(dry_run=dry_run, force=force, delete=delete, full_sync=full_sync)
    synced = sync_decks(decks, collection, options, strict)
    for line in grouped(synced.problems):
        click.echo(line, err=True)
    for changes in synced.changes:
        for line in describe(changes, dry_run):
            click.echo(line)


@main.command()
@click.argument("source", type=_SOURCE)
@click.option("--json", "as_json", is_flag=True, help="One JSON array of notes.")
@_TERMS
def notes(source: Path, as_json: bool, terms: str | None) -> None:
    """List the notes that SOURCE (a sheet or a folder) gives."""
    import json
    from dataclasses import asdict

    from flashcards import plan, sheets
    from flashcards.errors import ProblemsError

    deck = plan.source_deck(source, None, terms=terms)
    read = sheets.load_sheets([deck])
    problems = sheets.problems_of(deck, read)
    errors = [p for p in problems if p.fails()]
    if errors:
        raise ProblemsError(errors)
    for line in grouped(sheets.warnings(read, problems)):
        click.echo(line, err=True)
    sheet = sheets.deck_sheet(deck, read)
    if as_json:
        click.echo(json.dumps([asdict(n) for n in sheet.notes], ensure_ascii=False, indent=2))
        return
    for n in sheet.notes:
        click.echo(f"{n.path}:{n.line}: [{n.category}] {n.term}")


@main.command()
@click.argument("sources", nargs=-1, type=_SOURCE)
@_TERMS
@_STRICT
@_CONFIG
def lint(sources: tuple[Path, ...], terms: str | None, strict: bool, config_path: Path) -> None:
    """Report every problem in SOURCES, or in every source of the config."""
    from flashcards import config as configs
    from flashcards import plan, sheets
    from flashcards.errors import INFO, Problem

    said: tuple[Problem, ...] = ()
    if sources:
        decks = [plan.source_deck(s, None, terms=terms) for s in sources]
    elif terms:
        raise click.UsageError("--terms needs SOURCES")
    else:
        config = configs.load(config_path)
        decks, said = list(config.decks), config.problems
    problems = sheets.lint(decks, said)
    failing = [p for p in problems if p.fails(strict)]
    for p in problems:
        click.echo(str(p), err=True)
    if failing:
        raise FlashcardsError(_count(len(failing), "error"))
    infos = len([p for p in problems if p.level == INFO])
    warnings = _count(len(problems) - infos, "warning")
    sources = {path for d in decks for _, path in d.files}
    more = f", {infos} info" if infos else ""
    click.echo(f"{_count(len(sources), 'source')} checked, {warnings}{more}")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


@main.command()
@click.option(
    "-o",
    "--output",
    "folder",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("preview"),
    show_default=True,
    help="Folder for index.html.",
)
@_CONFIG
def preview(folder: Path, config_path: Path) -> None:
    """Write a page with every card of every deck, light and night, at phone width."""
    from flashcards import config as configs
    from flashcards import progress
    from flashcards.preview import preview as write_preview

    decks = configs.load(config_path).decks
    with progress.on_terminal(sys.stderr) as report:
        out = write_preview(decks, folder, report)
    click.echo(f"{out}: open it in a browser")
