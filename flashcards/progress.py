"""How far a long build or preview is, on a terminal: one line, rewritten in place.

Nothing is shown in the first second (a short build stays quiet), and nothing at all when the
output is not a terminal, so CI logs and pipes stay clean.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

Report = Callable[[str], None]
"""Tells what a long task is doing now, e.g. `decks/aws-ko.apkg: 12,000 of 23,000 cards`."""

DELAY = 1.0
"""Seconds before the first line: a task done sooner shows nothing."""


def silent(message: str) -> None:
    """A report that shows nothing."""


def count(report: Report, what: str, total: int) -> Callable[[int], None]:
    """A report of notes written so far, out of `total`, for the deck file `what`."""
    of = f"{total:,} notes"

    def written(done: int) -> None:
        report(f"{what}: {done:,} of {of} written")

    return written


class _Line:
    """One status line on a terminal, each message written over the one before."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.start = time.monotonic()
        self.shown = False

    def __call__(self, message: str) -> None:
        if time.monotonic() - self.start < DELAY:
            return
        # "\r" back to the line's start, "\x1b[K" clears what a longer message left.
        self.stream.write(f"\r{message}\x1b[K")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


@contextmanager
def on_terminal(stream: TextIO) -> Iterator[Report]:
    """A report on `stream` if it is a terminal, else one that shows nothing; the line is
    cleared at the end, so what the command prints next starts on a clean line."""
    if not stream.isatty():
        yield silent
        return
    line = _Line(stream)
    try:
        yield line
    finally:
        line.clear()
