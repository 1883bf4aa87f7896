"""Writing files whole or not at all."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from flashcards.errors import ProblemsError, fail


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
    except ProblemsError:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)
        raise
    for temp, path in staged:
        try:
            os.replace(temp, path)
        except OSError as exc:
            temp.unlink(missing_ok=True)
            raise fail(str(path), 1, f"cannot write: {exc.strerror or exc}") from None


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
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
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
