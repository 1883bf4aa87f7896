"""A folder of sheets as one deck: the Markdown files under a folder (or matched by a glob)
in a stable order, paired with their translations by relative path, each with the subdeck
its notes go to. Nothing is parsed here.

Skipped, as a learner's editor and git skip them: hidden files and folders (`.obsidian/`,
`.git/`, `.trash/`) and what the `.gitignore` files around them ignore (read with pathspec,
git's own rules). Folders reached through a symbolic link are not entered: a link back up
would never end.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from flashcards.deck import Part
from flashcards.errors import fail

MARKDOWN = (".md", ".markdown")
SUBDECKS = ("folders", "files", "none")
"""A subdeck per subfolder, one per file, or every card in the deck itself."""

_PATTERN = re.compile(r"[*?[]")
_COLONS = re.compile(r":{2,}")


def is_pattern(source: Path) -> bool:
    """Whether a source names files by a glob (`notes/**/*.md`), not by its path: a file
    whose own name holds `[` or `*` is that file."""
    return bool(_PATTERN.search(str(source))) and not source.exists()


def is_group(source: Path) -> bool:
    """Whether a source is a folder or a glob: many sheets, not one."""
    return is_pattern(source) or source.is_dir()


def root_of(source: Path) -> Path:
    """The folder a source's files are named from: the folder itself, or a glob's folder
    (the part before its first wildcard)."""
    if not is_pattern(source):
        return source
    fixed = []
    for part in source.parts:
        if _PATTERN.search(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path(".")


def files(source: Path) -> list[Path]:
    """Every Markdown file a folder or glob names, hidden and ignored files aside, ordered by
    their path from the source's root."""
    root = root_of(source)
    ignored = _Ignored(root)
    if is_pattern(source):
        pattern = str(source.relative_to(root)) if source != root else "*"
        found = [p for p in root.glob(pattern) if p.is_file() and _shown(p, root, ignored)]
    else:
        found = list(_walk(root, ignored))
    return sorted(found, key=lambda p: _order(p, root))


def _order(path: Path, root: Path) -> tuple[str, ...]:
    return tuple(unicodedata.normalize("NFC", p) for p in path.relative_to(root).parts)


def _walk(root: Path, ignored: _Ignored) -> Iterator[Path]:
    for folder, dirs, names in os.walk(root):
        here = Path(folder)
        ignored.enter(here)
        dirs[:] = [d for d in dirs if not d.startswith(".") and not ignored(here / d, True)]
        for name in names:
            path = here / name
            markdown = path.suffix.lower() in MARKDOWN and not name.startswith(".")
            if markdown and not ignored(path, False) and path.is_file():
                yield path


def _shown(path: Path, root: Path, ignored: _Ignored) -> bool:
    """Whether a file a glob matched is one a folder build would read."""
    relative = path.relative_to(root)
    if any(p.startswith(".") for p in relative.parts):
        return False
    for parent in reversed(relative.parents[:-1]):
        ignored.enter(root / parent)
        if ignored(root / parent, True):
            return False
    ignored.enter(path.parent)
    return path.suffix.lower() in MARKDOWN and not ignored(path, False)


class _Ignored:
    """What the `.gitignore` files of a folder, its subfolders and the folders above it (up
    to the repository's top) ignore; the nearest file that says something decides."""

    def __init__(self, root: Path) -> None:
        import pathspec  # only a folder deck reads .gitignore files

        self._pathspec = pathspec
        self._specs: dict[Path, pathspec.GitIgnoreSpec | None] = {}
        top = Path(os.path.abspath(root))
        for folder in (top, *top.parents):
            self._load(folder)
            if (folder / ".git").exists():
                break

    def enter(self, folder: Path) -> None:
        self._load(Path(os.path.abspath(folder)))

    def _load(self, folder: Path) -> None:
        if folder in self._specs:
            return
        try:
            lines = (folder / ".gitignore").read_text(encoding="utf-8", errors="replace")
        except OSError:
            self._specs[folder] = None
            return
        self._specs[folder] = self._pathspec.GitIgnoreSpec.from_lines(lines.splitlines())

    def __call__(self, path: Path, is_dir: bool) -> bool:
        path = Path(os.path.abspath(path))
        for folder in path.parents:  # nearest first
            spec = self._specs.get(folder)
            if spec is None:
                continue
            relative = path.relative_to(folder).as_posix() + ("/" if is_dir else "")
            decided = spec.check_file(relative).include
            if decided is not None:
                return decided
        return False


@dataclass(frozen=True)
class Named:
    """A source of a deck as the config or the command line names it, and where."""

    language: str
    path: Path
    written: str
    """As written, for messages."""
    at: tuple[str, int]
    """(file, line) that names it: the config's line, or the source itself."""


def parts(sources: Sequence[Named], subdecks: str) -> tuple[Part, ...]:
    """The parts of a folder deck: each file of its own source (the first) with the file of
    each other source at the same path from that source's root, and its subdeck. Raises when
    a source has no Markdown file or a translation lacks a file."""
    own, *others = sources
    found = files(own.path)
    if not found:
        raise fail(*own.at, f"no Markdown files in {own.written}")
    root = root_of(own.path)
    theirs = [(s, {_relative(p, root_of(s.path)): p for p in files(s.path)}) for s in others]
    made = []
    for path in found:
        relative = _relative(path, root)
        pair = [(own.language, path)]
        for source, by_path in theirs:
            if relative not in by_path:
                message = f"{source.written} has no {relative} to translate {path}"
                raise fail(*source.at, message)
            pair.append((source.language, by_path[relative]))
        made.append(Part(tuple(pair), subdeck(relative, subdecks), relative))
    return tuple(made)


def _relative(path: Path, root: Path) -> str:
    return unicodedata.normalize("NFC", path.relative_to(root).as_posix())


def subdeck(relative: str, subdecks: str) -> tuple[str, ...]:
    """The levels under the deck where a file's notes go: its folders (`folders`), its
    folders and its own name (`files`), or none."""
    path = PurePosixPath(relative)
    if subdecks == "none":
        return ()
    levels = path.parent.parts if subdecks == "folders" else (*path.parent.parts, path.stem)
    return tuple(level_name(level) for level in levels)


def level_name(name: str) -> str:
    """A folder or file name as one level of an Anki deck name: Anki splits names at `::`,
    so a name that holds it ("C++::STL") must not make two levels."""
    return _COLONS.sub(":", name).strip().strip(":").strip() or "untitled"
