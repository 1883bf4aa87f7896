"""The one exception root: every user error is a `Problem` at a `path:line`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, Any

import click

ERROR = "error"
WARNING = "warning"
"""A local problem: the rest of the deck builds; `--strict` makes it fail."""
INFO = "info"
"""Worth knowing, never a failure: `lint` shows it, `build` does not."""
NOTE = "note"
"""What a build did that the author should know (a rename it followed); never a failure."""


@dataclass(frozen=True, order=True)
class Problem:
    """Something wrong (or worth a word) at one line of one file."""

    path: str
    line: int
    message: str
    level: str = ERROR

    def fails(self, strict: bool = False) -> bool:
        """Whether it fails a build or `lint`: an error always, a warning under `--strict`;
        an info or a note never."""
        return self.level == ERROR or (strict and self.level == WARNING)

    def __str__(self) -> str:
        kind = "" if self.level == ERROR else f"{self.level}: "
        return f"{self.path}:{self.line}: {kind}{self.message}"


GROUP_FROM = 3
"""Problems of one kind in one file from which `grouped` says them in one line."""
_QUOTED = re.compile(r'"[^"]*"|\d+')


def grouped(problems: Iterable[Problem]) -> list[str]:
    """The problems to print, those of one kind in one file (the same message but for its
    quoted words and numbers) said once with their count and first lines: a real sheet's
    seventy plain items are one line, not seventy. `lint` lists every one instead."""
    kinds: dict[tuple[str, str, str], list[Problem]] = {}
    for p in sorted(problems):
        kinds.setdefault((p.path, p.level, _QUOTED.sub("_", p.message)), []).append(p)
    lines = []
    for found in kinds.values():
        if len(found) < GROUP_FROM:
            lines += [(p.path, p.line, str(p)) for p in found]
            continue
        first = found[0]
        shown = ", ".join(str(p.line) for p in found[:GROUP_FROM])
        more = ", …" if len(found) > GROUP_FROM else ""
        said = f"{first} ({len(found)} like it, at lines {shown}{more}; lint lists each)"
        lines.append((first.path, first.line, said))
    return [line for *_, line in sorted(lines)]


class FlashcardsError(click.ClickException):
    """Root of every error a user can cause; click shows it without a traceback."""

    exit_code = 1


class ProblemsError(FlashcardsError):
    """One or more problems, all reported at once, one `path:line: message` a line."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems), key=lambda p: (p.path, p.line, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))

    def show(self, file: IO[Any] | None = None) -> None:
        # Each line already names its file and line; click's "Error: " prefix would hide that.
        click.echo(self.format_message(), file=file, err=file is None)


def fail(path: str, line: int, message: str) -> ProblemsError:
    """A single problem, ready to raise."""
    return ProblemsError([Problem(path, line, message)])
