"""Pictures on the cards: which a sheet's HTML shows, what is wrong with each, and the files
a deck carries, each named by its content.

The parser writes `<img src="…" alt="…">` with the picture's path as the sheet gives it;
nothing here parses Markdown. Anki's media folder is flat and shared by every deck, so a
packaged file is named by a hash of its bytes (`fc-<16 hex>.png`): two sheets' own
`img/diagram.png` never overwrite each other, and a changed picture gets a new name, which
changes the field, so the note is newer and the new picture arrives on re-import.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import stat
from collections.abc import Iterator
from functools import lru_cache
from html import unescape
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from flashcards import vault
from flashcards.errors import INFO, WARNING, Problem
from flashcards.note import Sheet

IMG = re.compile(r'<img src="([^"]*)" alt="([^"]*)"((?: width="\d+")?)>')
"""A picture as the parser renders it (a sheet's own raw `<img>` never gets this far: the
sanitizer drops it)."""

MAX_BYTES = 5_000_000
"""The largest picture packaged. Every learner's phone, and every sync, carries every picture
of the deck; a diagram or a screenshot is far smaller."""

MAX_PIXELS = 25_000_000
MAX_SIDE = 16_384
"""The largest picture, in pixels (a 5,000 x 5,000 photo) and along either side: a phone
decodes a picture at four bytes a pixel, and a card needs far fewer."""

EXTENSIONS = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".bmp"})
"""Picture files only: a sheet from elsewhere must not pack `../../.ssh/id_rsa` into a deck
its author shares. SVG is left out: it can carry script, which would run on the card."""

_REMOTE = frozenset({"http", "https"})
_IMG_AND_BREAK = re.compile(IMG.pattern + r"((?:<br />\n?)?)")


def pictures(html: str) -> Iterator[tuple[str, str]]:
    """(path or address, alt text) of every picture in the HTML, unescaped."""
    for match in IMG.finditer(html):
        yield unescape(match[1]), unescape(match[2])


def remote(src: str) -> bool:
    return urlsplit(src).scheme.lower() in _REMOTE


def local_path(src: str, sheet: str) -> Path:
    """The file a picture names: relative to the sheet's folder (markdown-it %-encodes it),
    else found by its name in the sheet's project, as Obsidian finds it."""
    written = unquote(urlsplit(src).path)
    beside = Path(sheet).parent / written
    if os.path.lexists(beside) or PurePosixPath(written).is_absolute() or not written:
        return beside
    here = os.path.dirname(os.path.abspath(sheet))
    return vault.find(written, Path(here), Path(project_of(here))) or beside


def problem(src: str, sheet: str) -> tuple[str, str] | None:
    """(level, message) of what keeps a picture from a card, None when nothing does."""
    if remote(src):
        return INFO, f"picture {src} is on the web: it shows only when the device is online"
    parts = urlsplit(src)
    if parts.scheme or parts.netloc:
        return WARNING, f"picture {src} is neither a file nor an https address; not shown"
    path = local_path(src, sheet)
    src = name = unquote(parts.path)  # as the author wrote it: "my%20pic.png" is "my pic.png"
    if PurePosixPath(name).is_absolute() or Path(name).is_absolute():
        return WARNING, f"picture {src} is an absolute path; write it relative to the sheet"
    suffix = PurePosixPath(name).suffix.lower()
    if suffix == ".svg":
        return WARNING, f"picture {src} is an SVG, which can carry script; use a PNG"
    if suffix not in EXTENSIONS:
        known = " ".join(sorted(EXTENSIONS))
        return WARNING, f"picture {src} is not a picture file ({known})"
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return WARNING, f"picture {src} not found beside the sheet"
    if not _inside(os.path.realpath(path), project_of(os.path.dirname(os.path.abspath(sheet)))):
        # `../../Pictures/x.png`, or a link to one: a deck carries nothing from elsewhere
        # on the machine its author builds on.
        return WARNING, f"picture {src} lies outside the sheet's project; not shown"
    if not stat.S_ISREG(info.st_mode):
        return WARNING, f"picture {src} is not a regular file; not shown"
    if info.st_size > MAX_BYTES:
        size = f"{info.st_size / 1e6:.1f} MB"
        return WARNING, f"picture {src} is {size}; at most {MAX_BYTES // 1_000_000} MB is packaged"
    head = _read(path, 16)
    if head is None:
        return WARNING, f"picture {src} cannot be read; not shown"
    if not _is_picture(head):
        # Its name says picture, its bytes do not: perhaps a link to a file never meant to
        # leave the machine.
        return WARNING, f"picture {src} is not a PNG, JPEG, GIF, WebP, AVIF or BMP file"
    size = _dimensions(str(path), info.st_size, info.st_mtime_ns)
    if size is None:
        return WARNING, f"picture {src} cannot be read as a picture; not shown"
    width, height = size
    if width * height > MAX_PIXELS or max(size) > MAX_SIDE:
        limit = f"at most {MAX_PIXELS // 1_000_000} million pixels, {MAX_SIDE:,} a side"
        return WARNING, f"picture {src} is {width:,} x {height:,} pixels; a card shows {limit}"
    return None


def project_of(folder: str) -> str:
    """The folder a sheet's pictures must stay in: the nearest one around the sheet's that
    holds `.git` or an Obsidian vault's `.obsidian`, else the sheet's own folder."""
    here = Path(os.path.realpath(folder))
    for candidate in (here, *here.parents):
        if (candidate / ".git").exists() or (candidate / ".obsidian").is_dir():
            return str(candidate)
    return str(here)


def _inside(path: str, folder: str) -> bool:
    return os.path.commonpath([path, folder]) == folder


@lru_cache(maxsize=1024)
def _dimensions(path: str, size: int, mtime: int) -> tuple[int, int] | None:
    """(width, height) of a picture file as its header gives them (nothing is decoded);
    None when Pillow cannot read it. Keyed by size and time: a file changed is read again."""
    from PIL import Image, UnidentifiedImageError  # only a sheet with pictures needs it

    # Nothing is decoded, so Pillow's own guard against decoding too many pixels is ours to
    # make: the size is read whatever it is, and held to `MAX_PIXELS`.
    guard, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None
    try:
        with Image.open(path) as picture:
            return picture.size
    except (OSError, UnidentifiedImageError, ValueError, SyntaxError):
        return None
    finally:
        Image.MAX_IMAGE_PIXELS = guard


def _is_picture(head: bytes) -> bool:
    """Whether a file's first bytes are those of a picture format a card can show."""
    return (
        head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM"))
        or (head.startswith(b"RIFF") and head[8:12] == b"WEBP")
        or (head[4:8] == b"ftyp" and head[8:12] in (b"avif", b"avis"))
    )


def problems(sheet: Sheet, text: str = "") -> list[Problem]:
    """What is wrong with the sheet's pictures, at each note's line. The description is not
    a card and its pictures were never shown before, so its problems are infos, each at the
    line of the sheet's `text` that names the picture."""
    found = [
        Problem(note.path, note.line, message, level)
        for note in sheet.notes
        for src, _ in pictures(note.html)
        for level, message in [problem(src, note.path) or ("", "")]
        if message
    ]
    found += [
        Problem(sheet.path, _line(text, src), f"deck description: {message}", INFO)
        for src, _ in pictures(sheet.description)
        for _, message in [problem(src, sheet.path) or ("", "")]
        if message
    ]
    return found


def _line(text: str, src: str) -> int:
    """The first line of the text that names a picture (the intro is at the top); else 1."""
    at = max(text.find(src), text.find(unquote(src)))
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


class Pictures:
    """The pictures of one deck: each file read once, hashed, named by its content."""

    def __init__(self, online: bool = True) -> None:
        self._online = online
        """False: a picture on the web becomes its alt text too (the preview page is offline)."""
        self._names: dict[Path, str | None] = {}
        self._data: dict[str, bytes] = {}

    def files(self) -> list[tuple[str, bytes]]:
        """(content name, bytes) of every picture packaged, sorted by name."""
        return sorted(self._data.items())

    def sheet(self, sheet: Sheet) -> Sheet:
        """The sheet with each note's and the description's pictures named by content."""
        # Only notes with a picture are copied: a sheet of 100,000 notes has few.
        notes = tuple(
            dataclasses.replace(n, html=self.html(n.html, n.path)) if "<img " in n.html else n
            for n in sheet.notes
        )
        description = self.html(sheet.description, sheet.path, card=False)
        return dataclasses.replace(sheet, notes=notes, description=description)

    def html(self, html: str, sheet: str, card: bool = True) -> str:
        """The HTML with local pictures renamed, and those that cannot be shown replaced by
        their alt text on a card, or left out of a description (with the line break that
        only followed them)."""

        def swap(match: re.Match[str]) -> str:
            src = unescape(match[1])
            if remote(src):
                return match[0] if self._online else match[2] + "".join(match.groups()[3:])
            name = self._name(src, sheet)
            after = "".join(match.groups()[3:])  # a description's line break after it
            if name is not None:
                return f'<img src="{name}" alt="{match[2]}"{match[3]}>{after}'
            return match[2] + after if card else ""

        if "<img " not in html:
            return html
        if card:
            return IMG.sub(swap, html)
        return _IMG_AND_BREAK.sub(swap, html)

    def _name(self, src: str, sheet: str) -> str | None:
        if problem(src, sheet) is not None:
            return None
        path = local_path(src, sheet)
        if path not in self._names:
            data = _read(path, MAX_BYTES + 1)
            name = None
            if data is not None and len(data) <= MAX_BYTES and _is_picture(data[:16]):
                digest = hashlib.sha256(data).hexdigest()[:16]
                name = f"fc-{digest}{path.suffix.lower()}"
                self._data[name] = data
            self._names[path] = name
        return self._names[path]


def _read(path: Path, count: int) -> bytes | None:
    """At most `count` bytes of a regular file, opened as `read.py` opens a sheet (a FIFO
    that appears in its place is never waited on); None when it is no such file."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with open(fd, "rb") as file:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None
            return file.read(count)
    except OSError:
        return None
