"""Reading a source file into normalised text, or a `path:line` error saying why not."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from flashcards.errors import fail

BOM = "\ufeff"


def read_text(path: str | os.PathLike[str]) -> str:
    """UTF-8 text of a file, without a BOM, line ends as `\\n`, in Unicode NFC."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise fail(name, 1, "cannot read: is a directory") from None
    except OSError as exc:
        raise fail(name, 1, f"cannot read: {exc.strerror or exc}") from None
    return decode(data, name)


def decode(data: bytes, name: str) -> str:
    """Decode and normalise the bytes of a source named `name`."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start]
        raise fail(name, line, f"not valid UTF-8: byte 0x{bad:02x} at offset {exc.start}") from None
    nul = text.find("\0")
    if nul >= 0:
        offset = len(text[:nul].encode())
        line = text.count("\n", 0, nul) + 1
        raise fail(name, line, f"NUL byte at offset {offset}: is this a text file?")
    text = text.removeprefix(BOM).replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)
