"""How a deck shows its notes, told from its sheets: the tag and the display name of each
category, its cards' language, the tags every note gets, and the renames its sheet declares."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from flashcards.deck import Deck
from flashcards.language import detect as detect_language
from flashcards.note import Sheet

_NOT_IN_TAG = re.compile(r'[\s":]+')


@dataclass(frozen=True)
class Look:
    """What a deck's notes carry beside their own fields."""

    description: str
    tags: Mapping[str, str]
    """Tag of each category (heading); a category missing here gets no tag."""
    category_names: Mapping[str, str] = field(default_factory=dict)
    """Display name of each category (heading); by default the heading itself."""
    language: str = ""
    translation_language: str | None = None
    """Set for a bilingual deck: the language of its notes' translations."""
    sheet_tags: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Tags of every note of a sheet (by its path): what its front matter asks for, as valid
    Anki tags, and in a folder deck, the tag of its file (`file::network::tcp`)."""
    subdecks: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """The subdeck of each sheet's notes (by its path), as levels under the deck; a sheet
    missing here is in the deck itself."""
    renames: Mapping[str, str] = field(default_factory=dict)
    """Renames the sheet declares: a new term's key -> the old key whose history it takes."""


def look(deck: Deck, sheet: Sheet, sheets: Mapping[Path, Sheet]) -> Look:
    """How the deck whose own sheet is `sheet` shows its notes; `sheets` by path, each of
    the sheets it is made of."""
    headings = [name for name, _ in sheet.categories]
    cats = deck.categories
    if cats is None:
        tags, names = {h: heading_tag(h) for h in headings}, {h: h for h in headings}
    else:
        keys = {h: cats.key_of(deck.language, h) or h for h in headings}
        tags = {h: cats.tag(k) for h, k in keys.items()}
        names = {h: cats.name(k, deck.language) for h, k in keys.items()}
    return Look(
        description=deck.description or sheet.description,
        tags=tags,
        category_names=names,
        language=deck.language or detect_language(sheet.notes),
        translation_language=deck.translation,
        sheet_tags={
            str(path): tags
            for part in deck.parts
            for path in [part.sources[0][1]]
            if (tags := (*sheet_tags(sheets[path]), *file_tag(part.name)))
        },
        subdecks={str(part.sources[0][1]): part.subdeck for part in deck.parts if part.subdeck},
        renames=dict(sheet.renames),
    )


def file_tag(name: str) -> tuple[str, ...]:
    """The tag of a folder deck's sheet, from its path in the folder: `file::network::tcp`
    for `network/tcp.md`; none for a deck of one sheet."""
    if not name:
        return ()
    levels = [_tag_text(level) or "untitled" for level in PurePosixPath(name).with_suffix("").parts]
    return ("::".join(("file", *levels)),)


def sheet_tags(sheet: Sheet) -> tuple[str, ...]:
    """The sheet's own tags as Anki tags: Obsidian's nested `a/b` becomes `a::b`."""
    # A level with nothing a tag can show ("a/ /b") is no level: "a::b", never "a::untitled::b".
    tags = ("::".join(p for p in map(_tag_text, t.split("/")) if p) for t in sheet.tags)
    return tuple(dict.fromkeys(t for t in tags if t))


def heading_tag(heading: str) -> str:
    """A valid Anki tag from a heading: no spaces, quotes or control characters, and no `::`
    hierarchy by accident."""
    return _tag_text(heading) or "untitled"


def _tag_text(text: str) -> str:
    """`text` as a tag or a level of one; empty when none of it can be shown."""
    printable = "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf"))
    return _NOT_IN_TAG.sub("_", printable).strip("_")
