"""The history file of a deck (`<key>.lock.json`): what each note looked like when it was last
built, the time it got then, and the GUID it carries; read, checked and written here.

Anki updates a note on import only when the incoming modification time is newer than its
own copy's. So a changed note needs a newer time than its previous build, and an unchanged
note must keep its old time, or every rebuild would overwrite a learner's own edits. The
history remembers both, so a rebuild of an unchanged source is byte for byte the same.

It lives in a file named by the deck's identity, never by its output, and records the deck
file it was written with (path and SHA-256), so that a deck and a history that do not belong
together (a build killed between its two renames, a bad merge) are noticed.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from json.encoder import encode_basestring
from pathlib import Path

from flashcards import identity
from flashcards.errors import fail

VERSION = 3
"""Version 1 had no GUIDs, no deck identity and keys without their kind; version 2 did not say
which notes the last build left out, and named the deck's key "deck". Both are still read."""

FLOOR = 1767225600
"""2026-01-01T00:00:00Z: the time of a note new to a known history, without SOURCE_DATE_EPOCH."""

MAX_MOD = 1 << 32
"""Times are seconds since 1970; anything past 2106 is not a time this tool wrote."""


@dataclass(frozen=True, slots=True)
class Stamp:
    """A content hash and the modification time that content was given."""

    hash: str
    mod: int


@dataclass(frozen=True, slots=True)
class Entry:
    """One note's history."""

    guid: str
    hash: str
    mod: int
    term: str = ""
    """The term as last built: what a rename message names."""
    text: str = ""
    """Hash of the definition, where it can tell a renamed term (not a question's answer, nor a
    definition too short: see `history.distinctive`)."""
    expansion: bool = False
    """Whether it had an expansion, so a learner has a card for it."""
    gone: bool = False
    """Not in the last build: its note was removed then, or earlier. Only a note removed by
    this very build may be taken for a renamed one."""


@dataclass(frozen=True)
class Written:
    """The deck file a history was written with: its path from the history's folder, its hash."""

    path: str
    sha256: str


@dataclass(frozen=True)
class History:
    """The history of one deck; entries of removed notes are kept."""

    notetypes: Mapping[str, Stamp]
    notes: Mapping[str, Entry]
    """By history key (`identity.history_key`)."""
    key: str = ""
    """The deck's key."""
    written: Written | None = None
    known: bool = True
    """False when the history was lost: a note missing from it may still be on a learner's
    phone, with any time, so it cannot get the base time."""
    source: str = field(default="", compare=False)
    """Where it was read from, for messages."""
    version: int = field(default=VERSION, compare=False)
    """The format it was read from: before version 3, no note is known to be in the last build
    (see `present`)."""


def empty(key: str) -> History:
    """No history at all: nothing known, every note gets the current time."""
    return History({}, {}, key, known=False)


@dataclass(frozen=True)
class Clock:
    """The times a build may give: `first` for a note new to a known history, `now` else."""

    first: int
    now: int

    @classmethod
    def from_environ(cls) -> Clock:
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        if epoch.isdecimal() and int(epoch) < MAX_MOD:
            return cls(int(epoch), int(epoch))
        return cls(FLOOR, int(time.time()))

    def stamp(self, old: Entry | Stamp | None, content_hash: str, known: bool = True) -> Stamp:
        """The stamp for content: the old one if unchanged, else a strictly newer time."""
        if old is None:
            return Stamp(content_hash, self.first if known else self.now)
        if old.hash == content_hash:
            return Stamp(old.hash, old.mod)
        return Stamp(content_hash, max(self.now, old.mod + 1))


_HASHED = json.JSONEncoder(ensure_ascii=False, sort_keys=True)
"""One encoder for every hash: `json.dumps` with options makes a new one each call."""


def content_hash(*parts: object) -> str:
    """A short hash of what a learner sees: the same content always gives the same hash."""
    return hashlib.sha256(_HASHED.encode(parts).encode()).hexdigest()[:16]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as data:
        while chunk := data.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def legacy_path(output: Path) -> Path:
    """Where version 1 kept the history of a deck written to `output`: beside it."""
    return output.with_name(output.stem + identity.HISTORY_SUFFIX)


def load(path: Path, key: str) -> History | None:
    """The history at `path`; None if there is no such file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, ValueError) as exc:
        raise fail(str(path), 1, f"cannot read the deck's history: {exc}") from None
    try:
        raw = json.loads(text)
    except ValueError as exc:
        line = getattr(exc, "lineno", 1)
        what = getattr(exc, "msg", str(exc))
        raise fail(str(path), line, f"not valid JSON ({what}); {_ADVICE}") from None
    return _Checked(path, text).history(raw, key)


def load_legacy(path: Path, key: str) -> History | None:
    """A version-1 history at `path`; None if there is none (a newer history there belongs to
    another deck: since version 2, histories are named by deck, not by output)."""
    return load(path, key) if _version(path) == 1 else None


def _version(path: Path) -> object:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 1 if path.is_file() else None  # unreadable: `load` says why
    return raw.get("version", 1) if isinstance(raw, dict) else 1


_ADVICE = (
    "mend it (after a merge: keep one side), or delete it and the next build recovers the"
    " history from the deck file"
)


class _Checked:
    """A parsed history checked, failing at the line of the entry that is wrong."""

    def __init__(self, path: Path, text: str) -> None:
        self.name = str(path)
        self.text = text

    def history(self, raw: object, key: str) -> History:
        if not isinstance(raw, dict) or not isinstance(raw.get("notes"), dict):
            raise fail(self.name, 1, f"not a deck history of this tool; {_ADVICE}")
        version = raw.get("version", 1)
        if version not in (1, 2, VERSION):
            message = (
                f"history version {version!r} is not one this tool reads (1, 2 or {VERSION});"
                " is it from a newer version of flashcards?"
            )
            raise fail(self.name, self._line('"version"'), message)
        if version == 1:
            return self._v1(raw, key)
        # The deck's key; version 2 called it "deck".
        name = '"key"' if "key" in raw else '"deck"'
        own = raw.get(name.strip('"'))
        if own != key:
            message = f"this is the history of deck {own!r}, not of {key!r}"
            raise fail(self.name, self._line(name), message)
        # Version 2 did not say which notes the last build left out: none is known to be in it.
        unknown = version == 2
        notes = {str(k): self._entry(k, v, unknown) for k, v in self._mapping(raw, "notes").items()}
        written = self._written(raw)
        return History(self._notetypes(raw), notes, key, written, source=self.name, version=version)

    def _v1(self, raw: dict, key: str) -> History:
        notes: dict[str, Entry] = {}
        for name, value in self._mapping(raw, "notes").items():
            stamp = self._stamp(name, value)
            # "cloze ec2" was both the cloze note of "ec2" and a term "Cloze EC2"; a wrong
            # guess only makes the hash differ, which gives a newer time, never an older one.
            guesses = [(str(name), identity.TERM)]
            if str(name).startswith("cloze "):
                guesses.append((str(name)[6:], identity.CLOZE))
            for k, kind in guesses:
                guid = identity.note_guid(key, k, kind)
                notes[identity.history_key(k, kind)] = Entry(guid, stamp.hash, stamp.mod, gone=True)
        return History(self._notetypes(raw), notes, key, source=self.name, version=1)

    def _notetypes(self, raw: dict) -> dict[str, Stamp]:
        return {str(k): self._stamp(k, v) for k, v in self._mapping(raw, "notetypes").items()}

    def _written(self, raw: dict) -> Written | None:
        value = raw.get("written")
        if value is None:
            return None
        if not isinstance(value, dict) or not all(
            isinstance(value.get(k), str) for k in ("path", "sha256")
        ):
            raise fail(self.name, self._line('"written"'), "'written' needs a path and a sha256")
        return Written(value["path"], value["sha256"])

    def _mapping(self, raw: dict, key: str) -> dict:
        value = raw.get(key, {})
        if not isinstance(value, dict):
            raise fail(self.name, self._line(f'"{key}"'), f"'{key}' must be a mapping")
        return value

    def _stamp(self, key: object, value: object) -> Stamp:
        if not isinstance(value, dict):
            raise fail(self.name, self._line(key), f"entry {key!r} must be a mapping")
        mod, hashed = value.get("mod"), value.get("hash")
        if type(mod) is not int or not 0 <= mod < MAX_MOD:
            message = f"entry {key!r} has mod {mod!r}; it must be a time in whole seconds"
            raise fail(self.name, self._line(key), f"{message}; {_ADVICE}")
        if not isinstance(hashed, str):
            raise fail(self.name, self._line(key), f"entry {key!r} has no hash; {_ADVICE}")
        return Stamp(hashed, mod)

    def _entry(self, key: object, value: object, unknown: bool) -> Entry:
        stamp = self._stamp(key, value)
        assert isinstance(value, dict)
        guid, term, text = value.get("guid"), value.get("term", ""), value.get("text", "")
        if not isinstance(guid, str) or not guid or not isinstance(term, str):
            raise fail(self.name, self._line(key), f"entry {key!r} has no GUID; {_ADVICE}")
        expansion = value.get("expansion", False) is True
        gone = unknown or value.get("gone", False) is True
        return Entry(guid, stamp.hash, stamp.mod, term, str(text), expansion, gone)

    def _line(self, key: object) -> int:
        """The line where `key` is written: JSON parsers do not keep positions."""
        needle = key if isinstance(key, str) and key.startswith('"') else json.dumps(key)
        at = self.text.find(str(needle))
        if at < 0:
            at = self.text.find(json.dumps(key, ensure_ascii=False))
        return self.text.count("\n", 0, at) + 1 if at >= 0 else 1


def write(history: History, path: Path) -> None:
    """The history as stable, diff-friendly JSON (what `json.dumps` with `indent=1` and
    `sort_keys` gives), written one note at a time: for 100,000 notes, a dict per note and
    the whole text at once would cost tens of MB at the build's peak."""
    top: dict[str, object] = {
        "key": history.key,
        "notes": None,  # written entry by entry below
        "notetypes": {
            name: _stamp_json(stamp) for name, stamp in sorted(history.notetypes.items())
        },
        "version": VERSION,
    }
    if history.written is not None:
        top["written"] = {"path": history.written.path, "sha256": history.written.sha256}
    with path.open("w", encoding="utf-8") as out:
        out.write("{")
        for number, (name, value) in enumerate(top.items()):
            out.write(("," if number else "") + f"\n {_json(name)}: ")
            if name != "notes":
                out.write(_json(value, 1))
                continue
            out.write("{")
            for count, (name, entry) in enumerate(sorted(history.notes.items())):
                out.write(("," if count else "") + f"\n  {_json(name)}: {_entry_text(entry)}")
            out.write("\n }" if history.notes else "}")
        out.write("\n}\n")


def _json(value: object, depth: int = 0) -> str:
    """`value` as JSON indented as if `depth` levels deep in an `indent=1` document."""
    if isinstance(value, str):
        return _TEXT.encode(value)
    text = json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True)
    return text.replace("\n", "\n" + " " * depth) if depth else text


_TEXT = json.JSONEncoder(ensure_ascii=False)
_string = encode_basestring
"""A string as `_TEXT` writes it, without the encoder's checks around it."""


def _stamp_json(stamp: Stamp) -> dict[str, object]:
    return {"hash": stamp.hash, "mod": stamp.mod}


def _entry_text(entry: Entry) -> str:
    """An entry as `json.dumps` with `indent=1` writes it two levels deep, keys sorted;
    written directly, since that encoder is pure Python and slow once indenting."""
    # Empty and false values are left out: a cloze note has no term, text or expansion.
    lines = [
        '   "expansion": true' if entry.expansion else "",
        '   "gone": true' if entry.gone else "",
        f'   "guid": {_string(entry.guid)}',
        f'   "hash": {_string(entry.hash)}',
        f'   "mod": {entry.mod}',
        f'   "term": {_string(entry.term)}' if entry.term else "",
        f'   "text": {_string(entry.text)}' if entry.text else "",
    ]
    return "{\n" + ",\n".join(line for line in lines if line) + "\n  }"


def present(history: History, keys: Collection[str]) -> History:
    """`history` with every note the last build held (`keys`, read from its deck file) known
    to be there, and every other one gone: for a history that does not say (before version 3)."""
    notes = {k: replace(e, gone=k not in keys) for k, e in history.notes.items()}
    return replace(history, notes=notes, version=VERSION)


def merged(history: History, found: History) -> History:
    """`history` with every note and note type `found` in a deck file taken from there: what
    a learner may have imported is the deck file, whatever the history says."""
    base = present(history, found.notes)  # the deck file holds what the last build held
    return replace(
        base,
        notetypes={**history.notetypes, **found.notetypes},
        notes={**base.notes, **found.notes},
        known=False,
    )
