"""Korean study sheets in the seed's shape (source/aws.ko.md), of any number of notes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flashcards.parse import parse
from flashcards.read import read_text
from flashcards.terms import heading_name, split_term

SEED = Path(__file__).resolve().parent.parent / "source" / "aws.ko.md"
NOTES_PER_CATEGORY = 50


@dataclass(frozen=True)
class Seed:
    """What a generated sheet cycles through: the seed's intro, categories and notes."""

    intro: str
    categories: tuple[str, ...]
    notes: tuple[tuple[str, str], ...]
    """(term, definition as written on its nested line, without the bullet)."""


def read_seed(path: Path = SEED) -> Seed:
    """The seed's notes found by the project's own parser, definitions copied as written."""
    lines = read_text(path).splitlines()
    sheet = parse("\n".join(lines), str(path))
    notes = tuple((n.term, _nested_text(lines[n.line])) for n in sheet.notes)
    categories = tuple(heading_name(name) for name, _ in sheet.categories)
    return Seed(lines[0], categories, notes)


def _nested_text(line: str) -> str:
    """`   * definition` -> `definition`, whatever the indent."""
    bullet, _, text = line.strip().partition(" ")
    if bullet not in "*-+" or not text:
        raise ValueError(f"expected a nested definition item, got {line!r}")
    return text


def unique_term(term: str, index: int) -> str:
    """`EC2 (Elastic Compute Cloud)` -> `EC2-00042 (Elastic Compute Cloud 42)`."""
    short, expansion = split_term(term)
    numbered = f"{short}-{index:05d}"
    return f"{numbered} ({expansion} {index})" if expansion else numbered


def sheet_text(count: int, seed: Seed) -> str:
    """An intro line, then `# N. category` headings of about 50 notes each."""
    parts = [seed.intro, "", ""]
    for index in range(count):
        if index % NOTES_PER_CATEGORY == 0:
            number = index // NOTES_PER_CATEGORY + 1
            name = seed.categories[(number - 1) % len(seed.categories)]
            parts += [f"# {number}. {name} {number}", ""]
        term, definition = seed.notes[index % len(seed.notes)]
        parts += [f" * **{unique_term(term, index)}**", f"   * {definition}", ""]
    return "\n".join(parts) + "\n"


def write_sheet(path: Path, count: int, seed: Seed) -> Path:
    path.write_text(sheet_text(count, seed), encoding="utf-8")
    return path
