"""`decks.yaml`: which decks to build from which sources, and how headings become tags.

Loaded with PyYAML's safe composer, so every error can name its line, unknown keys are
rejected (with the valid ones listed) and a key given twice is an error, not a silent win.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from flashcards import folders, sanitize
from flashcards.deck import Categories, Category, Deck, Part
from flashcards.errors import INFO, Problem, fail
from flashcards.identity import DECK_KEY, history_file
from flashcards.read import read_text
from flashcards.terms import MODES
from flashcards.write import place

_TOP_KEYS = {"tag_root": False, "history": False, "categories": False, "decks": True}
_DECK_KEYS = {
    "key": True,
    "name": True,
    "language": True,
    "source": False,
    "sources": False,
    "output": True,
    "description": False,
    "cloze": False,
    "terms": False,
    "subdecks": False,
}
_CATEGORY_KEYS = {"heading": True, "name": False}
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Config:
    """The whole deck config; paths in it are relative to its own folder."""

    path: Path
    categories: Categories
    decks: tuple[Deck, ...]
    history: Path
    """The folder of the decks' history files, one per deck key (commit it with the decks)."""
    problems: tuple[Problem, ...] = ()
    """What `lint` says of it beside the sheets' problems."""


class _Nodes:
    """Typed access to composed YAML nodes, failing with the file and the node's line."""

    def __init__(self, path: Path) -> None:
        self.name = str(path)

    def line(self, node: yaml.Node) -> int:
        return node.start_mark.line + 1

    def mapping(self, node: yaml.Node, keys: Mapping[str, bool], what: str) -> dict:
        if not isinstance(node, yaml.MappingNode):
            raise fail(self.name, self.line(node), f"{what} must be a mapping")
        items: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            key = self.scalar(key_node, "a key")
            if keys and key not in keys:
                valid = ", ".join(sorted(keys))
                raise fail(
                    self.name,
                    self.line(key_node),
                    f"unknown key {key!r} in {what}; valid keys: {valid}",
                )
            if key in items:
                raise fail(self.name, self.line(key_node), f"key {key!r} given twice in {what}")
            items[key] = (key_node, value_node)
        for key, required in keys.items():
            if required and key not in items:
                raise fail(self.name, self.line(node), f"{what} lacks the required key {key!r}")
        return items

    def scalar(self, node: yaml.Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
            raise fail(self.name, self.line(node), f"{what} must be a non-empty text")
        value = str(node.value).strip()
        if "\0" in value or _SURROGATE.search(value):
            # A NUL ends a name in every file system; a lone surrogate is no character at all.
            message = f"{what} holds a NUL or an unpaired surrogate, which no text may hold"
            raise fail(self.name, self.line(node), message)
        return value

    def tag(self, node: yaml.Node, what: str) -> str:
        """A text that becomes part of an Anki tag: no spaces, no empty level."""
        value = self.scalar(node, what)
        if any(c.isspace() for c in value) or '"' in value or "" in value.split("::"):
            message = (
                f"{what} {value!r} must be a tag: no spaces or quotes, and no empty level"
                " around '::' (Anki splits tags at spaces)"
            )
            raise fail(self.name, self.line(node), message)
        return value

    def flag(self, node: yaml.Node, what: str) -> bool:
        value = self.scalar(node, what).lower()
        if value not in ("true", "false"):
            raise fail(self.name, self.line(node), f"{what} must be true or false")
        return value == "true"

    def choice(self, node: yaml.Node, what: str, choices: tuple[str, ...]) -> str:
        value = self.scalar(node, what)
        if value not in choices:
            message = f"{what} must be one of {', '.join(choices)}, not {value!r}"
            raise fail(self.name, self.line(node), message)
        return value

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            raise fail(self.name, self.line(node), f"{what} must be a list")
        return list(node.value)


def load(path: Path) -> Config:
    """The config at `path`, checked, with its source files known to exist."""
    text = read_text(path)
    name = str(path)
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise fail(name, line, f"not valid YAML: {problem}") from None
    except RecursionError:
        # PyYAML composes nested collections recursively: some thousand levels exhaust
        # Python's stack. The line is as far as its reader had got.
        message = "nested too deep to read: a config needs only a few levels of nesting"
        raise fail(name, loader.line + 1, message) from None
    finally:
        loader.dispose()
    if root is None:
        raise fail(name, 1, "empty config: it needs 'decks'")
    reader = _Nodes(path)
    top = reader.mapping(root, _TOP_KEYS, "the config")
    tag_root = reader.tag(top["tag_root"][1], "tag_root") if "tag_root" in top else ""
    found = _categories(reader, top["categories"][1]) if "categories" in top else ()
    categories = Categories(tag_root, found)
    history = path.parent
    if "history" in top:
        history = _relative(path.parent, reader.scalar(top["history"][1], "history"))
    decks = _decks(reader, top["decks"][1], path.parent, categories, history)
    _check_paths(reader, decks, path)
    return Config(path, categories, decks, history, tuple(_nested(reader, decks)))


def _categories(reader: _Nodes, node: yaml.Node) -> tuple[Category, ...]:
    found = []
    for key, (key_node, value) in reader.mapping(node, {}, "categories").items():
        if not key.replace("-", "").replace("_", "").isalnum() or not key.isascii():
            message = f"category key {key!r} must be ASCII letters, digits, '-' or '_'"
            raise fail(reader.name, reader.line(key_node), message)
        headings, names = {}, {}
        for language, (_, entry) in reader.mapping(value, {}, f"category {key!r}").items():
            what = f"category {key!r} in {language!r}"
            if isinstance(entry, yaml.ScalarNode):
                headings[language] = reader.scalar(entry, what)
                continue
            fields = reader.mapping(entry, _CATEGORY_KEYS, what)
            headings[language] = reader.scalar(fields["heading"][1], f"heading of {what}")
            if "name" in fields:
                names[language] = reader.scalar(fields["name"][1], f"name of {what}")
        found.append(Category(key, headings, names))
    return tuple(found)


def _relative(base: Path, path: str) -> Path:
    # "source/../decks/x.apkg" reads badly in messages; the folders are ours, no symlink games.
    return Path(os.path.normpath(base / path))


def _sources(reader: _Nodes, fields: dict, language: str, base: Path) -> list[folders.Named]:
    """The deck's sources, its own language first, each a file or a folder that exists, or
    a glob."""
    if ("source" in fields) == ("sources" in fields):
        message = "a deck needs either 'source' (a file or folder) or 'sources' (language: file)"
        raise fail(reader.name, reader.line(fields["key"][1]), message)
    if "source" in fields:
        nodes = {language: fields["source"][1]}
    else:
        nodes = {
            lang: v for lang, (_, v) in reader.mapping(fields["sources"][1], {}, "sources").items()
        }
        if language not in nodes:
            message = f"'sources' has no {language!r} source, the deck's own language"
            raise fail(reader.name, reader.line(fields["sources"][1]), message)
    ordered = sorted(nodes.items(), key=lambda item: item[0] != language)
    sources = []
    for lang, node in ordered:
        written = reader.scalar(node, "a source")
        path = _relative(base, written)
        if not folders.is_pattern(path) and not path.is_file() and not path.is_dir():
            # Said as it is: "does not exist" would send the author looking for a typo.
            problem = "is not a regular file" if path.exists() else "does not exist"
            raise fail(reader.name, reader.line(node), f"source file {written!r} {problem}")
        sources.append(folders.Named(lang, path, written, (reader.name, reader.line(node))))
    return sources


def _parts(reader: _Nodes, sources: list[folders.Named], subdecks: str) -> tuple[Part, ...]:
    """The deck's sheets: its one source and its translations, or each file of its folders."""
    groups = [folders.is_group(s.path) for s in sources]
    if not any(groups):
        return (Part(tuple((s.language, s.path) for s in sources)),)
    if not all(groups):
        message = "a folder deck's translations are folders too, with files of the same names"
        raise fail(*sources[groups.index(False)].at, message)
    return folders.parts(sources, subdecks)


def _decks(
    reader: _Nodes, node: yaml.Node, base: Path, categories: Categories, history: Path
) -> tuple[Deck, ...]:
    decks: list[Deck] = []
    for item in reader.sequence(node, "decks"):
        fields = reader.mapping(item, _DECK_KEYS, "a deck")
        text = {
            k: reader.scalar(v, k)
            for k, (_, v) in fields.items()
            if k not in ("sources", "cloze", "terms", "subdecks")
        }
        line = reader.line(item)
        if "" in text["name"].split("::"):
            message = f"deck name {text['name']!r} has an empty level around '::'"
            raise fail(reader.name, reader.line(fields["name"][1]), message)
        if not DECK_KEY.fullmatch(text["key"]):
            message = (
                f"deck key {text['key']!r} must be ASCII letters, digits, '.', '-' or '_',"
                " starting with a letter or digit: it names the deck's history file"
            )
            raise fail(reader.name, reader.line(fields["key"][1]), message)
        named = _sources(reader, fields, text["language"], base)
        subdecks = (
            reader.choice(fields["subdecks"][1], "subdecks", folders.SUBDECKS)
            if "subdecks" in fields
            else "folders"
        )
        deck = Deck(
            key=text["key"],
            name=text["name"],
            sources=tuple((s.language, s.path) for s in named),
            output=_relative(base, text["output"]),
            history=history_file(history, text["key"]),
            language=text["language"],
            description=description(text.get("description", "")),
            # No category map: each heading is its own tag, as for a sheet on its own.
            categories=categories if categories.items else None,
            cloze="cloze" in fields and reader.flag(fields["cloze"][1], "cloze"),
            terms=reader.choice(fields["terms"][1], "terms", MODES) if "terms" in fields else None,
            line=line,
            parts=_parts(reader, named, subdecks),
            subdecks=subdecks,
        )
        for other in decks:
            if other.key == deck.key:
                raise fail(
                    reader.name, line, f"deck key {deck.key!r} is also used at line {other.line}"
                )
            if other.output.resolve() == deck.output.resolve():
                message = (
                    f"deck {deck.key!r} writes the same output as {other.key!r} (line {other.line})"
                )
                raise fail(reader.name, line, message)
            shared = {p for _, p in deck.files} & {p for _, p in other.files}
            if shared and other.terms != deck.terms:
                message = (
                    f"deck {deck.key!r} reads {sorted(shared)[0]} with terms: {deck.terms},"
                    f" but {other.key!r} (line {other.line}) with terms: {other.terms}"
                )
                raise fail(reader.name, line, message)
        decks.append(deck)
    if not decks:
        raise fail(reader.name, reader.line(node), "no decks declared")
    return tuple(decks)


def description(text: str) -> str:
    """A deck description from the config as Anki may show it: its HTML cut down to the safe
    subset, as a sheet's intro is (plain text keeps its bytes)."""
    return sanitize.clean(text) if "<" in text or "&" in text else text


def _nested(reader: _Nodes, decks: tuple[Deck, ...]) -> list[Problem]:
    """An info for each deck whose name nests it in another deck: Anki reads `::` so."""
    found = []
    for deck in decks:
        *parents, own = deck.name.split("::")
        if parents:
            message = (
                f"deck name {deck.name!r} puts the deck {own.strip()!r} inside"
                f" {'::'.join(parents).strip()!r} in Anki, which reads '::' as a level"
            )
            found.append(Problem(reader.name, deck.line, message, INFO))
    return found


def _check_paths(reader: _Nodes, decks: tuple[Deck, ...], config: Path) -> None:
    """No two decks share a history file (file systems may ignore case), and no deck writes
    its output or its history over a sheet, the config or a history: compared where they
    really lead, through symbolic links."""
    owners: dict[str, Deck] = {}
    for deck in decks:
        other = owners.setdefault(deck.key.casefold(), deck)
        if other is not deck:
            message = (
                f"deck {deck.key!r} would share its history file with {other.key!r}"
                f" (line {other.line}): keys that differ only in case name one file"
            )
            raise fail(reader.name, deck.line, message)
    histories = {place(d.history): d for d in decks}
    inputs = {place(p): f"the sheet {p}" for d in decks for _, p in d.files}
    inputs[place(config)] = "the config itself"
    for deck in decks:
        output = place(deck.output)
        owner = histories.get(output)
        if owner is not None:
            message = f"deck {deck.key!r} writes its output over the history file of {owner.key!r}"
            raise fail(reader.name, deck.line, message)
        for written, what in (
            (output, "output"),
            (place(deck.history), "history"),
        ):
            if written in inputs:
                message = f"deck {deck.key!r} would write its {what} over {inputs[written]}"
                raise fail(reader.name, deck.line, message)
