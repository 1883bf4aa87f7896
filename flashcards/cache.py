"""The build cache: what a rebuild may reuse of the build before, in a folder git ignores.

A cache is never needed. A missing, damaged or foreign entry is as if it were not there, and
the build does the work again; a build that cannot write its cache still builds. Entries are
plain values (strings, numbers, tuples, lists, dicts) written with `marshal`: nothing in a
cache file is ever run.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import shutil
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from flashcards.write import sweep

try:
    import fcntl
except ImportError:  # Windows: builds there go without a cache
    fcntl = None  # type: ignore[assignment]

FOLDER = ".flashcards-cache"
"""Beside the decks' history files: one cache for the decks that share a history folder."""

VERSION = 1
"""Raised whenever what a cached value means changes: older entries are then ignored."""

UNUSED_DAYS = 30
"""An entry no build has used for this long is removed: the cache never grows for ever."""

_PACKAGE = Path(__file__).resolve().parent
_LIBRARIES = ("markdown_it", "mdit_py_plugins", "pygments", "nh3", "genanki", "yaml")
_IGNORE = "# Made by `flashcards build`: a cache, never committed.\n*\n"
_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This folder is a cache made by flashcards build; it can be deleted at any time.\n"
)


class Cache:
    """One cache folder; each entry is a file of it. What a build writes waits in its
    scratch folder until the build has written its decks (`commit`): a build that fails
    adds nothing to the cache, and makes no cache folder at all."""

    def __init__(self, folder: Path, scratch: Path) -> None:
        self.folder = folder
        self.scratch = scratch
        self.staged: list[str] = []
        """Names of the entries written to the scratch folder, in the order written."""
        self._held: int | None = None
        # One build at a time: a second build of the same decks meanwhile goes without.
        self.usable = self._hold() if folder.is_dir() else True

    def _hold(self) -> bool:
        """Take the cache for this build alone; False when another build has it."""
        if fcntl is None:
            return False  # no locks to be had: no cache
        try:
            held = os.open(self.folder / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            return False
        try:
            fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(held)
            return False
        self._held = held
        return True

    def release(self) -> None:
        """Let other builds have the cache again."""
        if self._held is not None:
            os.close(self._held)
            self._held = None

    def records(self, name: str) -> Iterator[object]:
        """The values `writing` wrote under `name`, one by one; none when the entry is
        missing, damaged or of another version."""
        if not self.usable:
            return
        try:
            with (self.folder / name).open("rb") as data:
                if marshal.load(data) != _key():
                    return
                while True:
                    try:
                        yield marshal.load(data)
                    except EOFError:
                        return
        except (OSError, ValueError, TypeError):
            return

    @contextmanager
    def writing(self, name: str) -> Iterator[Callable[[object], None]]:
        """Write the entry `name` value by value (a large entry is never whole in memory);
        it is the entry from `commit` on, if all went well."""
        try:
            if not self.usable:
                raise OSError("the cache is another build's")
            data = (self.scratch / name).open("wb")
        except OSError:
            yield lambda value: None
            return
        broken = False

        def put(value: object) -> None:
            nonlocal broken
            if not broken:
                try:
                    marshal.dump(value, data)
                except (OSError, ValueError):
                    broken = True

        try:
            put(_key())
            yield put
        finally:
            with contextlib.suppress(OSError):
                data.close()
            if not broken:
                self.staged.append(name)

    def adopt(self, name: str) -> Path:
        """A file of the scratch folder that becomes the entry `name` at `commit`."""
        self.staged.append(name)
        return self.scratch / name

    def forget(self, name: str) -> None:
        """Remove the entry `name`, before the work that would make it wrong."""
        if not self.usable:
            return
        with contextlib.suppress(OSError):
            (self.folder / name).unlink()

    def path(self, name: str) -> Path:
        """Where the entry `name` lives once committed."""
        return self.folder / name

    def commit(self) -> None:
        """Move what this build wrote into the cache folder, each entry in one rename, in the
        order written (so an entry that vouches for another comes after it)."""
        try:
            if self.usable and self._held is None:
                self._make()
                self.usable = self._hold()
            for name in self.staged if self.usable else ():
                path = self.folder / name
                staged = path.with_name(f".{name}.{os.getpid()}-cache.tmp")
                shutil.move(self.scratch / name, staged)  # a copy across file systems
                os.replace(staged, path)
            if self.usable:
                self._prune()
        except OSError:
            pass  # a cache that cannot be written stays as it was: only slower next time
        self.staged.clear()

    def _prune(self) -> None:
        """Remove the entries no build has used for `UNUSED_DAYS`: a sheet renamed, a deck
        dropped from the config. Every entry a build uses is rewritten or updated by it."""
        oldest = time.time() - UNUSED_DAYS * 86_400
        for path in self.folder.iterdir():
            if path.name.startswith(("pieces-", "deck-")) and path.stat().st_mtime < oldest:
                path.unlink(missing_ok=True)

    def _make(self) -> None:
        """The folder, if missing, with a `.gitignore` that ignores all of it; without what
        killed builds staged in it."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for name, text in ((".gitignore", _IGNORE), ("CACHEDIR.TAG", _TAG)):
            if not (self.folder / name).is_file():
                (self.folder / name).write_text(text, encoding="utf-8")
        sweep(self.folder)


@lru_cache(maxsize=1)
def _key() -> str:
    """What every entry must have been written by: this cache format, this code (every source
    file of the package), the libraries it builds with (each as installed: its path, size and
    time), this Python and this SQLite. A change to any of them makes every entry old."""
    code = sorted(p for p in _PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)
    return digest(
        f"cache {VERSION}",
        f"python {sys.version}",
        f"sqlite {sqlite3.sqlite_version}",
        *(_installed(name) for name in _LIBRARIES),
        *(f"{p.relative_to(_PACKAGE).as_posix()}\0{p.read_text('utf-8')}" for p in code),
    )


def _installed(module: str) -> str:
    # Found, not imported: the deck writer never loads the parser's libraries.
    spec = find_spec(module)
    if spec is None or spec.origin is None:
        return f"{module} missing"
    found = os.stat(spec.origin)
    return f"{spec.origin} {found.st_size} {found.st_mtime_ns}"


def digest(*parts: str) -> str:
    """A name for what these strings make: the same strings, the same name."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()
