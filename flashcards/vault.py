"""Files found the way Obsidian finds them: a picture named by `![[diagram.png]]` (or by a
Markdown image) that is not beside the sheet is looked for by its name, or the end of its
path, anywhere in the sheet's project (a vault, a repository), the nearest to the sheet
first. An attachments folder, wherever it is, needs no path.

Hidden folders (`.obsidian/`, `.trash/`) are not searched, and no link is followed out of
the project: what is found is always the project's own file.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path, PurePosixPath


def find(written: str, here: Path, project: Path) -> Path | None:
    """The file of the project whose path ends with `written` (case aside, as Obsidian
    compares names), the nearest to the folder `here`; None when there is none."""
    wanted = PurePosixPath(written.casefold()).parts
    if not wanted or ".." in wanted:
        return None
    found = [p for p in _files(str(project)).get(wanted[-1], ()) if _ends_with(p, wanted)]
    if not found:
        return None
    here = Path(os.path.abspath(here))
    return min(found, key=lambda p: (-_shared(p.parent, here), len(p.parts), str(p)))


def _ends_with(path: Path, wanted: tuple[str, ...]) -> bool:
    return tuple(p.casefold() for p in path.parts[-len(wanted) :]) == wanted


def _shared(a: Path, b: Path) -> int:
    """How many leading folders two paths share."""
    count = 0
    for x, y in zip(a.parts, b.parts, strict=False):
        if x != y:
            break
        count += 1
    return count


@lru_cache(maxsize=8)
def _files(project: str) -> dict[str, tuple[Path, ...]]:
    """Every file of a project by its name, case aside. Made once a build (see `forget`)."""
    by_name: dict[str, list[Path]] = {}
    for folder, dirs, names in os.walk(project):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            by_name.setdefault(name.casefold(), []).append(Path(folder, name))
    return {name: tuple(paths) for name, paths in by_name.items()}


def forget() -> None:
    """Look again: files may have come and gone since the last build in this process."""
    _files.cache_clear()
