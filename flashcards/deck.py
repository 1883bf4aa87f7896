"""What a deck is: one record from the config (or a sheet named on the command line) to the
deck writer: its key, name, language, sources, output and history."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Category:
    """A language-neutral category key, with its heading and display name in each language."""

    key: str
    headings: Mapping[str, str]
    names: Mapping[str, str]


@dataclass(frozen=True)
class Categories:
    """The category map: how the headings of each language become one set of tags."""

    tag_root: str
    items: tuple[Category, ...]

    def key_of(self, language: str, heading: str) -> str | None:
        return next((c.key for c in self.items if c.headings.get(language) == heading), None)

    def tag(self, key: str) -> str:
        return f"{self.tag_root}::{key}" if self.tag_root else key

    def name(self, key: str, language: str) -> str:
        category = next(c for c in self.items if c.key == key)
        return category.names.get(language) or category.headings.get(language) or key

    def headings(self, language: str) -> list[str]:
        return [c.headings[language] for c in self.items if language in c.headings]


@dataclass(frozen=True)
class Deck:
    """One deck to build: from one source, or from a source and its translations."""

    key: str
    """Its identity: its IDs and note GUIDs come from it, and its history file's name."""
    name: str
    """Its name in Anki."""
    sources: tuple[tuple[str, Path], ...]
    """(language, path) of each source; the deck's own first, any others its translations."""
    output: Path
    history: Path
    """Its history file: named by its key, so any output reads the same one."""
    language: str = ""
    """The language of its cards; "" tells it from the text of its own source."""
    description: str = ""
    """"" takes its own source's intro."""
    categories: Categories | None = None
    """The config's category map; None: tags are made from the headings themselves."""
    cloze: bool = False
    terms: str | None = None
    """How its sources write their terms (`auto`, `headings`, `bold`); None: as they say."""
    line: int = 0
    """Where the config declares it; 0 for a deck of a sheet named on the command line."""

    @property
    def sheet(self) -> Path:
        """Its own source."""
        return self.sources[0][1]

    @property
    def translation(self) -> tuple[str, Path] | None:
        """(language, path) of the source that translates its own, for a bilingual deck."""
        return self.sources[1] if len(self.sources) > 1 else None
