"""Writing files whole or not at all, and leaving nothing behind when killed.

Every file a build stages, and every temporary folder it works in, carries the build's
process ID, so the next build can tell litter of a killed build from the work of one that
still runs, and remove it. Staged files start with a dot and end in `.tmp` (git ignores them).
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from flashcards.errors import fail

SCRATCH_PREFIX = "flashcards-"
_SCRATCH = re.compile(re.escape(SCRATCH_PREFIX) + r"(?P<pid>\d+)-.*")
_STAGED = re.compile(r"\..+\.(?P<pid>\d+)-[^.]+\.tmp")


@contextmanager
def scratch() -> Iterator[Path]:
    """A temporary folder, removed at the end; first, those of killed builds are removed."""
    base = Path(tempfile.gettempdir())
    for old in base.glob(f"{SCRATCH_PREFIX}*"):
        match = _SCRATCH.fullmatch(old.name)
        if match and _dead(int(match["pid"])):
            shutil.rmtree(old, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-") as folder:
        yield Path(folder)


def _dead(pid: int) -> bool:
    """Whether no process runs with this ID."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (OSError, OverflowError):
        return False  # alive under another user, or not an ID at all
    return False


def place(path: Path) -> str:
    """Where a path really leads, through symbolic links and `..`, as the file system
    compares names: two paths with one place are one file."""
    return os.path.normcase(os.path.realpath(path))


def check_target(path: Path) -> None:
    """A path a build may write a file at, or a `path:1` error saying why not, before any
    work is done: a folder (`.`, `/`, a name ending in `/`), a name too long."""
    name = str(path)
    try:
        folder = stat.S_ISDIR(os.stat(path).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        folder = False  # made by the build, or said by it with the folder in the way
    except OSError as exc:  # a name too long, a symbolic link loop
        raise fail(name, 1, f"cannot write: {exc.strerror or exc}") from None
    if folder or path.name in ("", ".", ".."):
        raise fail(name, 1, "cannot write: is a directory")


def write_atomic(path: Path, data: bytes | Path) -> None:
    """Replace `path` by `data` (bytes, or a file's content) in one rename; on any failure
    the old file stays as it was."""
    write_all([(path, data)])


def write_all(files: Sequence[tuple[Path, bytes | Path]]) -> None:
    """Replace several files at once: each new content is first written and synced beside its
    target, and only when all of them are there are they renamed into place. A build that
    cannot write its last deck leaves its first one untouched too."""
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in files:
            staged.append((_stage(path, data), path))
        for temp, path in staged:
            try:
                os.replace(temp, path)
            except OSError as exc:
                raise fail(str(path), 1, f"cannot write: {exc.strerror or exc}") from None
    finally:
        # After an error, or SIGTERM turned into an exit: what was not renamed goes.
        for temp, _ in staged:
            temp.unlink(missing_ok=True)


def _stage(path: Path, data: bytes | Path) -> Path:
    """A temporary file beside `path` holding `data`, ready to be renamed over it."""
    name = str(path)
    if path.is_dir():
        raise fail(name, 1, "cannot write: is a directory")
    if path.exists() and not path.is_file():
        # Renaming over a device or a pipe would replace it, not write into it.
        raise fail(name, 1, "cannot write: not a regular file")
    blocker = next((p for p in path.parents if p.exists()), None)
    if blocker is not None and not blocker.is_dir():
        raise fail(name, 1, f"cannot write: {blocker} is not a directory")
    try:
        os.stat(path.parent)
    except FileNotFoundError:
        pass  # made below
    except OSError as exc:  # a symbolic link loop, a folder we may not enter
        raise fail(name, 1, f"cannot write: {exc.strerror or exc}") from None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        sweep(path.parent)
        prefix = f".{path.name}.{os.getpid()}-"
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
    except OSError as exc:
        raise fail(name, 1, f"cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            if isinstance(data, Path):
                with data.open("rb") as source:
                    shutil.copyfileobj(source, out, 1 << 20)
            else:
                out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o644)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise fail(name, 1, f"cannot write: {exc.strerror or exc}") from None
    return Path(temp)


def sweep(folder: Path) -> None:
    """Remove what killed builds staged in `folder`, for any file."""
    for old in folder.glob(".*.tmp"):
        match = _STAGED.fullmatch(old.name)
        if match and _dead(int(match["pid"])):
            old.unlink(missing_ok=True)
