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
        line = _line_at(data[: exc.start].decode("utf-8", "replace"), exc.start)
        bad = data[exc.start]
        raise fail(name, line, f"not valid UTF-8: byte 0x{bad:02x} at offset {exc.start}") from None
    nul = text.find("\0")
    if nul >= 0:
        offset = len(text[:nul].encode())
        line = _line_at(text, nul)
        raise fail(name, line, f"NUL byte at offset {offset}: is this a text file?")
    text = text.removeprefix(BOM).replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _line_at(text: str, index: int) -> int:
    """The 1-based line of `text[index]`, counting LF, CRLF and a lone CR as line ends."""
    before = text[:index]
    return before.count("\n") + before.count("\r") - before.count("\r\n") + 1
