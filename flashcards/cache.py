"""The build cache: what a rebuild may reuse of the build before, in a folder git ignores.

A cache is never needed. A missing, damaged or foreign entry is as if it were not there, and
the build does the work again; a build that cannot write its cache still builds. Entries are
plain values (strings, numbers, tuples, lists, dicts) written with `marshal`: nothing in a
cache file is ever run.

Every entry ends in a signature of its bytes, keyed with a secret kept outside the project
(`key_file`): an entry some other machine or person wrote, a shared CI cache among them, is
as foreign as a damaged one. So what a build takes from the cache, card HTML included, is
what a build on this account wrote, after the sanitizer.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import io
import marshal
import os
import secrets
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


SIGNATURE = 32
"""Bytes of the signature at the end of every entry."""


def key_file() -> Path:
    """Where the secret that signs cache entries lives: the user's own cache folder, never
    the project (whose cache folder may come from anywhere)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "flashcards" / "cache-key"


@lru_cache(maxsize=1)
def _secret() -> bytes | None:
    """The signing secret, made once per account; None where it cannot be had (no cache)."""
    path = key_file()
    try:
        return _read_secret(path)
    except FileNotFoundError:
        pass
    except OSError:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        staged = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
        fd = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(secrets.token_bytes(SIGNATURE))
            out.flush()
            os.fsync(out.fileno())
        try:
            os.link(staged, path)  # whole or not at all; a build that made one first wins
        except FileExistsError:
            pass
        finally:
            staged.unlink(missing_ok=True)
        return _read_secret(path)
    except OSError:
        return None


def _read_secret(path: Path) -> bytes | None:
    data = path.read_bytes()
    return data if len(data) == SIGNATURE else None


def signer() -> hashlib.blake2b | None:
    """A new signature under this account's secret; None where there is no secret."""
    secret = _secret()
    return None if secret is None else hashlib.blake2b(key=secret, digest_size=SIGNATURE)


def file_signature(path: Path) -> bytes | None:
    """The signature of a file's bytes (a cached database); None when it cannot be read."""
    sign = signer()
    if sign is None:
        return None
    try:
        with path.open("rb") as data:
            while chunk := data.read(1 << 20):
                sign.update(chunk)
    except OSError:
        return None
    return sign.digest()


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
        # And none where entries cannot be signed.
        self.usable = signer() is not None and (self._hold() if folder.is_dir() else True)

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

    def records(self, name: str) -> list[object]:
        """The values `writing` wrote under `name`; none when the entry is missing, damaged,
        cut short, unsigned or of another version."""
        sign = signer()
        if not self.usable or sign is None:
            return []
        try:
            data = (self.folder / name).read_bytes()
        except OSError:
            return []
        body, signature = data[:-SIGNATURE], data[-SIGNATURE:]
        sign.update(body)
        if len(data) <= SIGNATURE or not hmac.compare_digest(sign.digest(), signature):
            return []
        values = []
        stream = io.BytesIO(body)
        try:
            while stream.tell() < len(body):
                values.append(marshal.load(stream))
        except (EOFError, ValueError, TypeError):
            return []
        return values[1:] if values and values[0] == _key() else []

    @contextmanager
    def writing(self, name: str) -> Iterator[Callable[[object], None]]:
        """Write the entry `name` value by value (a large entry is never whole in memory);
        it is the entry from `commit` on, if all went well."""
        sign = signer()
        try:
            if not self.usable or sign is None:
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
                    written = marshal.dumps(value)
                    sign.update(written)
                    data.write(written)
                except (OSError, ValueError):
                    broken = True

        try:
            put(_key())
            yield put
            if not broken:
                data.write(sign.digest())
        except OSError:
            broken = True
        finally:
            with contextlib.suppress(OSError):
                data.close()
            if not broken:
                self.staged.append(name)

    def unchanged(self, name: str) -> None:
        """Keep the entry `name` as it is instead of what was just written under it (the same
        values): marked as used, so that it is not pruned."""
        if name not in self.staged:
            return
        self.staged.remove(name)
        with contextlib.suppress(OSError):
            (self.scratch / name).unlink()
            os.utime(self.folder / name)

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
                sync(staged)  # on disk before its name says it is whole
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


def sync(path: Path) -> None:
    """A file's bytes on disk (not only in the system's buffers)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


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
