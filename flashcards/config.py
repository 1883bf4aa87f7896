"""`decks.yaml`: which decks to build from which sources, and how headings become tags.

Loaded with PyYAML's safe composer, so every error can name its line, unknown keys are
rejected (with the valid ones listed) and a key given twice is an error, not a silent win.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from flashcards.errors import fail
from flashcards.read import read_text

DEFAULT_PATH = Path("source/decks.yaml")

_TOP_KEYS = {"tag_root": False, "categories": True, "decks": True}
_DECK_KEYS = {
    "key": True,
    "name": True,
    "language": True,
    "source": True,
    "output": True,
    "description": False,
}


@dataclass(frozen=True)
class DeckConfig:
    """One deck to build."""

    key: str
    name: str
    language: str
    source: Path
    output: Path
    description: str
    line: int


@dataclass(frozen=True)
class Config:
    """The whole deck config; paths in it are relative to its own folder."""

    path: Path
    tag_root: str
    categories: Mapping[str, Mapping[str, str]]
    """Category key -> language -> heading (as written, without its enumerator)."""
    decks: tuple[DeckConfig, ...]

    def tags(self, language: str) -> dict[str, str]:
        """Heading -> tag, for the headings of one language."""
        prefix = f"{self.tag_root}::" if self.tag_root else ""
        return {
            names[language]: prefix + key
            for key, names in self.categories.items()
            if language in names
        }


class _Reader:
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
        return str(node.value).strip()

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            raise fail(self.name, self.line(node), f"{what} must be a list")
        return list(node.value)


def load(path: Path = DEFAULT_PATH) -> Config:
    """The config at `path`, checked, with its source files known to exist."""
    text = read_text(path)
    name = str(path)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise fail(name, line, f"not valid YAML: {problem}") from None
    if root is None:
        raise fail(name, 1, "empty config: it needs 'categories' and 'decks'")
    reader = _Reader(path)
    top = reader.mapping(root, _TOP_KEYS, "the config")
    tag_root = reader.scalar(top["tag_root"][1], "tag_root") if "tag_root" in top else ""
    categories = _categories(reader, top["categories"][1])
    decks = _decks(reader, top["decks"][1], path.parent)
    return Config(path, tag_root, categories, decks)


def _categories(reader: _Reader, node: yaml.Node) -> dict[str, dict[str, str]]:
    categories: dict[str, dict[str, str]] = {}
    for key, (key_node, value) in reader.mapping(node, {}, "categories").items():
        if not key.replace("-", "").replace("_", "").isalnum() or not key.isascii():
            message = f"category key {key!r} must be ASCII letters, digits, '-' or '_'"
            raise fail(reader.name, reader.line(key_node), message)
        headings = reader.mapping(value, {}, f"category {key!r}")
        categories[key] = {
            language: reader.scalar(heading, f"heading of {key!r}")
            for language, (_, heading) in headings.items()
        }
    return categories


def _relative(base: Path, path: str) -> Path:
    # "source/../decks/x.apkg" reads badly in messages; the folders are ours, no symlink games.
    return Path(os.path.normpath(base / path))


def _decks(reader: _Reader, node: yaml.Node, base: Path) -> tuple[DeckConfig, ...]:
    decks: list[DeckConfig] = []
    for item in reader.sequence(node, "decks"):
        fields = reader.mapping(item, _DECK_KEYS, "a deck")
        text = {k: reader.scalar(v, k) for k, (_, v) in fields.items()}
        line = reader.line(item)
        deck = DeckConfig(
            key=text["key"],
            name=text["name"],
            language=text["language"],
            source=_relative(base, text["source"]),
            output=_relative(base, text["output"]),
            description=text.get("description", ""),
            line=line,
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
        if not deck.source.is_file():
            source_line = reader.line(fields["source"][1])
            raise fail(reader.name, source_line, f"source file {text['source']!r} does not exist")
        decks.append(deck)
    if not decks:
        raise fail(reader.name, reader.line(node), "no decks declared")
    return tuple(decks)
