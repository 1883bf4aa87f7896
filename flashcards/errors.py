"""The one exception root: every user error is a `Problem` at a `path:line`."""

from __future__ import annotations

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

    @property
    def warning(self) -> bool:
        """Not an error: a warning or an info."""
        return self.level != ERROR

    def __str__(self) -> str:
        kind = "" if self.level == ERROR else f"{self.level}: "
        return f"{self.path}:{self.line}: {kind}{self.message}"


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
