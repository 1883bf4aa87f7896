"""What a deck is: one record from the config (or a sheet named on the command line) to the
deck writer: its key, name, language, sources, output and history."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
class Part:
    """One sheet of a deck, with its translations, and the subdeck that holds its notes."""

    sources: tuple[tuple[str, Path], ...]
    """(language, file) of the sheet and each of its translations, the deck's own first."""
    subdeck: tuple[str, ...] = ()
    """The levels under the deck that hold its cards; () for the deck itself."""
    name: str = ""
    """Its path from its folder (`network/tcp.md`); "" for a deck of one sheet."""


@dataclass(frozen=True)
class Deck:
    """One deck to build: from one source, or from a source and its translations."""

    key: str
    """Its identity: its IDs and note GUIDs come from it, and its history file's name."""
    name: str
    """Its name in Anki."""
    sources: tuple[tuple[str, Path], ...]
    """(language, path) of each source as named (a file, a folder or a glob); the deck's own
    first, any others its translations."""
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
    parts: tuple[Part, ...] = ()
    """Its sheets, each with its translations; by default its sources are its one sheet."""
    subdecks: str = "folders"
    """Where a folder deck's cards go: a subdeck per `folders`, per `files`, or `none`."""

    def __post_init__(self) -> None:
        if not self.parts:
            object.__setattr__(self, "parts", (Part(self.sources),))

    @property
    def files(self) -> tuple[tuple[str, Path], ...]:
        """(language, file) of every sheet it reads: its parts' sources, in order."""
        return tuple(source for part in self.parts for source in part.sources)

    def subdeck_name(self, levels: Sequence[str]) -> str:
        """The name in Anki of its subdeck of `levels`: `CS::network`; its own for none."""
        return "::".join((self.name, *levels))

    @property
    def folder(self) -> bool:
        """Whether it is a deck of a folder (or glob) of sheets."""
        return any(part.name for part in self.parts)

    @property
    def translation(self) -> str | None:
        """The language of its translations, for a bilingual deck."""
        return self.sources[1][0] if len(self.sources) > 1 else None
