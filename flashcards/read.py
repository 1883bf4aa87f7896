"""Reading a source file into normalised text, or a `path:line` error saying why not."""

from __future__ import annotations

import os
import re
import stat
import unicodedata

from flashcards.errors import Problem, ProblemsError, fail

BOM = "\ufeff"

MAX_BYTES = 50_000_000
"""The largest source read: three times the benchmark's biggest sheet (100,000 notes, 16.3
MB, built in about 10 s). A sheet at the limit, 300,000 such notes, builds in about 30 s
and 1 GB; a file of gigabytes would be read until memory runs out."""


def read_text(path: str | os.PathLike[str]) -> str:
    """UTF-8 text of a file, without a BOM, line ends as `\\n`, in Unicode NFC."""
    name = str(path)
    try:
        data = _read_bytes(path, name)
    except OSError as exc:
        raise fail(name, 1, f"cannot read: {exc.strerror or exc}") from None
    return decode(data, name)


def _read_bytes(path: str | os.PathLike[str], name: str) -> bytes:
    """The bytes of a regular file of at most `MAX_BYTES`, or a `path:1` error."""
    _check(os.stat(path).st_mode, name)  # before opening: opening a device may act
    # O_NONBLOCK: should the file have become a FIFO since, opening it must not wait.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with open(fd, "rb") as file:
        info = os.fstat(fd)
        _check(info.st_mode, name)
        if info.st_size > MAX_BYTES:
            raise _too_big(name, _size(info.st_size))
        data = file.read(MAX_BYTES + 1)  # never more, whatever the size said
    if len(data) > MAX_BYTES:
        raise _too_big(name, f"more than {_size(MAX_BYTES)}")
    return data


def _check(mode: int, name: str) -> None:
    # A directory, a FIFO or a device is no sheet: reading /dev/zero never ends, a FIFO
    # waits for a writer.
    if stat.S_ISDIR(mode):
        raise fail(name, 1, "cannot read: is a directory")
    if not stat.S_ISREG(mode):
        raise fail(name, 1, "cannot read: not a regular file")


def _too_big(name: str, size: str) -> ProblemsError:
    message = (
        f"file is {size}; a sheet may be at most {_size(MAX_BYTES)}, so that a build stays"
        " fast and bounded: split it into several sheets"
    )
    return fail(name, 1, message)


def _size(count: int) -> str:
    """`41.2 MB`, `50 MB`; a small count (a limit lowered in a test) in bytes."""
    if count < 1_000_000:
        return f"{count:,} bytes"
    return f"{count / 1e6:.1f}".removesuffix(".0") + " MB"


def decode(data: bytes, name: str) -> str:
    """Decode and normalise the bytes of a source named `name`."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = _line_at(data[: exc.start].decode("utf-8", "replace"), exc.start)
        bad = data[exc.start]
        raise fail(name, line, f"not valid UTF-8: byte 0x{bad:02x} at offset {exc.start}") from None
    nul = text.find("\0")
    if nul >= 0:
        offset = len(text[:nul].encode())
        line = _line_at(text, nul)
        raise fail(name, line, f"NUL byte at offset {offset}: is this a text file?")
    text = text.removeprefix(BOM).replace("\r\n", "\n").replace("\r", "\n")
    if _BIDI.search(text):
        raise ProblemsError(_bidi_problems(text, name))
    return unicodedata.normalize("NFC", text)


_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
"""Embeddings, overrides and isolates: they make text display in another order than it is
stored (U+202E shows "SWA" as "AWS"), which no study sheet needs and a pasted one may hide."""


def _bidi_problems(text: str, name: str) -> list[Problem]:
    problems = []
    for number, line in enumerate(text.split("\n"), 1):
        for match in _BIDI.finditer(line):
            char = match[0]
            message = (
                f"bidirectional control U+{ord(char):04X} ({unicodedata.name(char)}) at column"
                f" {match.start() + 1}: it shows text in another order than it is written;"
                " remove it"
            )
            problems.append(Problem(name, number, message))
    return problems


def _line_at(text: str, index: int) -> int:
    """The 1-based line of `text[index]`, counting LF, CRLF and a lone CR as line ends."""
    before = text[:index]
    return before.count("\n") + before.count("\r") - before.count("\r\n") + 1
