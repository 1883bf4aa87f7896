"""Which GUID and time each note of a build gets, from the deck's history.

A note known to the history keeps its GUID, and its time unless its content changed. A term
that replaces a removed term (a rename the sheet declares, or, for a term removed by this very
build, the same distinctive definition) takes over that term's GUID, so a learner's reviews
follow it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from flashcards import identity
from flashcards.errors import NOTE, WARNING, Problem
from flashcards.history.file import Clock, Entry, History


@dataclass(frozen=True, slots=True)
class Incoming:
    """A note about to be written, as its history sees it."""

    key: str
    kind: str
    hash: str
    text: str
    """Hash of its definition; empty for a question, a cloze note or a short definition."""
    term: str
    expansion: bool
    path: str
    line: int
    hkey: str = field(default="", compare=False)
    """Its key in the history (`term:ec2`): made once, looked up many times."""

    def __post_init__(self) -> None:
        if not self.hkey:
            object.__setattr__(self, "hkey", identity.history_key(self.key, self.kind))


MIN_WORDS = 3
MIN_CHARACTERS = 16
"""A definition shorter than this (`Yes.`, `TBD`, `O`, `가상 서버`) could be any note's: two
notes that share one are no evidence of a rename."""


def distinctive(definition: str) -> bool:
    """Whether a definition is long enough to tell its note by (see `MIN_CHARACTERS`)."""
    words = definition.split()
    return len(words) >= MIN_WORDS and sum(map(len, words)) >= MIN_CHARACTERS


@dataclass(frozen=True)
class Decided:
    """What the build writes: each incoming note's entry, in order; the new history's notes;
    and what to tell the author."""

    entries: list[Entry]
    notes: dict[str, Entry]
    problems: list[Problem]


def decide(
    incoming: Sequence[Incoming], history: History, clock: Clock, renames: Mapping[str, str]
) -> Decided:
    """Entries for `incoming`; `renames` maps a new term's key to the old key it replaces."""
    moved = _moves(incoming, history, renames)
    sources = {new: old for old, new in moved.items()}
    taken = {e.guid for e in history.notes.values()}
    consumed: set[str] = set()
    entries, problems = [], []
    for note in incoming:
        old = history.notes.get(note.hkey)
        if old is None and note.key in sources:
            source = sources[note.key]
            old = history.notes.get(identity.history_key(source, note.kind))
            consumed.add(identity.history_key(source, note.kind))
            if old is not None and note.kind == identity.TERM:
                message = f'"{old.term or source}" renamed to "{note.term}"; history kept'
                problems.append(Problem(note.path, note.line, message, NOTE))
        guid = old.guid if old else _fresh_guid(history.key, note, taken)
        taken.add(guid)
        if old is not None and (old.guid, old.hash, old.term, old.text) == (
            guid,
            note.hash,
            note.term,
            note.text,
        ):
            same = (old.expansion, old.gone) == (note.expansion, False)
            entry = old if same else replace(old, expansion=note.expansion, gone=False)
        else:
            stamp = clock.stamp(old, note.hash, history.known)
            entry = Entry(guid, stamp.hash, stamp.mod, note.term, note.text, note.expansion)
        if old is not None and old.expansion and not note.expansion:
            problems.append(_lost_expansion(note))
        entries.append(entry)
    current = {note.hkey for note in incoming}
    notes = {
        k: e if e.gone or k in current else replace(e, gone=True)
        for k, e in history.notes.items()
        if k not in consumed
    }
    notes.update((note.hkey, entry) for note, entry in zip(incoming, entries, strict=True))
    return Decided(entries, notes, problems)


def _moves(
    incoming: Sequence[Incoming], history: History, renames: Mapping[str, str]
) -> dict[str, str]:
    """Old term key -> new term key, for each term that replaces one the history knows: as
    the sheet declares, or by a distinctive definition (`Incoming.text`) that a term removed
    by this build had; never for a question, and never for a term removed earlier."""
    terms = [n for n in incoming if n.kind == identity.TERM]
    new = [n for n in terms if n.hkey not in history.notes]
    if not new:
        return {}  # no term new to the history: nothing can have been renamed
    current = {n.key for n in terms}
    in_use = {history.notes[n.hkey].guid for n in terms if n.hkey in history.notes}

    def free(key: str) -> bool:
        """Whether `key`'s term left the sheet and no note carries its GUID now."""
        entry = history.notes.get(identity.history_key(key))
        return key not in current and entry is not None and entry.guid not in in_use

    moved = {renames[n.key]: n.key for n in new if n.key in renames and free(renames[n.key])}
    old_by_text: dict[str, list[str]] = defaultdict(list)
    for hkey, entry in history.notes.items():
        kind, key = identity.split_history_key(hkey)
        removed_now = entry.text and not entry.gone and free(key)
        if kind == identity.TERM and removed_now and key not in moved:
            old_by_text[entry.text].append(key)
    new_by_text: dict[str, list[str]] = defaultdict(list)
    for n in new:
        if n.text and n.key not in moved.values():
            new_by_text[n.text].append(n.key)
    for text, keys in new_by_text.items():
        # Only a one-to-one match is a rename; two candidates would be a guess.
        if len(keys) == 1 and len(old_by_text.get(text, ())) == 1:
            moved[old_by_text[text][0]] = keys[0]
    return moved


def _fresh_guid(deck_key: str, note: Incoming, taken: set[str]) -> str:
    """The GUID of a note new to the history; a renamed note may already carry the first
    one of its key (a term "Glacier" renamed away, then written again)."""
    generation = 1
    while (guid := identity.note_guid(deck_key, note.key, note.kind, generation)) in taken:
        generation += 1
    return guid


def _lost_expansion(note: Incoming) -> Problem:
    message = (
        f'"{note.term}" no longer has an expansion: learners who have its expansion card keep'
        " it with a blank front until they run Tools > Empty Cards in Anki"
    )
    return Problem(note.path, note.line, message, WARNING)
