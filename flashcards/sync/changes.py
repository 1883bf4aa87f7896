"""What a sync would change in a collection for one deck, found without writing anything:
notes to add, notes to update (fields, tags, subdeck), learners' edits to keep, notes to
remove, and note types to update."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from flashcards.errors import WARNING, Problem
from flashcards.sync import state
from flashcards.sync.wanted import DeckNotes, Wanted

if TYPE_CHECKING:
    import genanki
    from anki.collection import Collection
    from anki.notes import Note as AnkiNote

REMOVED = "flashcards::removed"
"""The tag of a note whose term left its sheet: suspended, never deleted unless asked."""


@dataclass(frozen=True)
class Options:
    dry_run: bool = False
    force: bool = False
    """Take the sheet's side where the learner edited a note in Anki."""
    delete: bool = False
    """Delete the notes whose terms left the sheets, instead of suspending them."""
    full_sync: bool = False
    """Allow note-type changes that make the next AnkiWeb sync a full one."""


@dataclass
class Update:
    """An existing note to change."""

    wanted: Wanted
    note: AnkiNote
    fields: bool
    tags: list[str] | None
    """Its new tags, when they change."""
    deck: str | None
    """The deck to move its cards to, when the sheet moved it and the learner did not."""
    returned: bool = False
    """Its term came back to the sheet after it was removed: unsuspended, untagged."""


@dataclass
class Changes:
    deck: DeckNotes
    added: list[Wanted] = field(default_factory=list)
    updated: list[Update] = field(default_factory=list)
    kept: list[Update] = field(default_factory=list)
    """Notes the learner edited in Anki: left as they are (see `Options.force`)."""
    removed: list[AnkiNote] = field(default_factory=list)
    unchanged: int = 0
    templates: list[genanki.Model] = field(default_factory=list)
    """Note types whose card templates or style changed: an ordinary update."""
    reshaped: list[genanki.Model] = field(default_factory=list)
    """Note types whose fields or card types differ: a change that forces a full sync."""
    before: dict[str, state.Written] = field(default_factory=dict)
    restate: bool = False
    """Whether what is kept of the notes we wrote is out of date, with nothing else to write."""

    @property
    def writes(self) -> bool:
        changed = self.added or self.updated or self.removed or self.templates or self.reshaped
        return bool(changed) or self.restate

    @property
    def schema(self) -> list[str]:
        return [m.name for m in self.reshaped]

    @property
    def moved(self) -> list[Update]:
        return [u for u in self.updated if u.deck is not None]

    @property
    def problems(self) -> list[Problem]:
        message = 'note "{}" was edited in Anki; kept (--force takes the sheet\'s side)'
        return [
            Problem(u.wanted.path, u.wanted.line, message.format(u.wanted.term), WARNING)
            for u in self.kept
        ]


def compare(col: Collection, deck: DeckNotes, options: Options) -> Changes:
    changes = Changes(deck, before=state.read(col, deck.deck.key))
    existing = ours(col, deck)
    for model in deck.models:
        _compare_type(col, model, changes)
    for wanted in deck.notes:
        note = existing.pop(wanted.guid, None)
        if note is None:
            changes.added.append(wanted)
            continue
        before = changes.before.get(wanted.guid)
        update = _update(col, wanted, note, before)
        if update is None:
            changes.unchanged += 1
            # Not yet known as ours as it is (first synced, or a learner's edit the sheet
            # took up): kept so, or the next change would be taken for the learner's.
            changes.restate |= before is None or before.hashes != (
                state.fields_hash(wanted.fields),
            )
        elif update.fields and _edited(wanted, note, before):
            if options.force:
                changes.updated.append(update)
            else:
                changes.kept.append(update)
        else:
            changes.updated.append(update)
    if deck.notes:  # a sheet that gives nothing never removes anything
        changes.removed = [n for n in existing.values() if options.delete or not _removed(n)]
    return changes


def ours(col: Collection, deck: DeckNotes) -> dict[str, AnkiNote]:
    """The collection's notes of the deck's note types, by GUID: ours, wherever the learner
    keeps them."""
    ids = [m.model_id for m in deck.models if col.models.get(m.model_id) is not None]
    if not ids:
        return {}
    query = " or ".join(f"mid:{i}" for i in ids)
    notes = (col.get_note(nid) for nid in col.find_notes(query))
    return {n.guid: n for n in notes}


def _compare_type(col: Collection, model: genanki.Model, changes: Changes) -> None:
    found = col.models.get(model.model_id)
    if found is None:
        return
    fields = [f["name"] for f in model.fields]
    cards = [t["name"] for t in model.templates]
    if [f["name"] for f in found["flds"]] != fields or [t["name"] for t in found["tmpls"]] != cards:
        changes.reshaped.append(model)
        return
    looks = [(t["qfmt"], t["afmt"]) for t in model.templates]
    if [(t["qfmt"], t["afmt"]) for t in found["tmpls"]] != looks or found["css"] != model.css:
        changes.templates.append(model)


def _update(
    col: Collection, wanted: Wanted, note: AnkiNote, before: state.Written | None
) -> Update | None:
    fields = _values(wanted, note) != list(wanted.fields)
    ours_before = {t.casefold() for t in (before.tags if before else ())}
    kept = [t for t in note.tags if t.casefold() not in ours_before and t != REMOVED]
    tags = kept + [t for t in wanted.tags if t.casefold() not in {k.casefold() for k in kept}]
    returned = REMOVED in note.tags
    new_tags = tags if sorted(tags) != sorted(note.tags) else None
    deck = _move(col, wanted, note, before)
    if not fields and new_tags is None and deck is None and not returned:
        return None
    return Update(wanted, note, fields, new_tags, deck, returned)


def _move(
    col: Collection, wanted: Wanted, note: AnkiNote, before: state.Written | None
) -> str | None:
    """The deck to move the note's cards to: only when the sheet moved it, and every card is
    still where the last sync put it (a learner's own move has the last word)."""
    if before is None:
        return None
    target = col.decks.id_for_name(wanted.deck)
    if target == before.deck:
        return None
    if any(card.did != before.deck for card in note.cards()):
        return None
    return wanted.deck


def _edited(wanted: Wanted, note: AnkiNote, before: state.Written | None) -> bool:
    """Whether the learner changed the note's fields since we last wrote them."""
    current = state.fields_hash([value or "" for value in _values(wanted, note)])
    if before is not None:
        return current not in before.hashes
    # Never synced, perhaps imported from our deck file: edited if changed after the
    # deck's history last saw it change.
    return wanted.mod is not None and note.mod > wanted.mod


def _values(wanted: Wanted, note: AnkiNote) -> list[str | None]:
    """The note's fields in the order of the deck's note type; None for one it lacks."""
    held = dict(note.items())
    return [held.get(f["name"]) for f in wanted.model.fields]


def _removed(note: AnkiNote) -> bool:
    """Whether a note is already removed: tagged, every card suspended."""
    return REMOVED in note.tags and all(card.queue == -1 for card in note.cards())


def describe(changes: Changes, dry_run: bool) -> list[str]:
    """What a sync did to a deck: one line of counts; dry, each change first."""
    lines = []
    if dry_run:
        lines += [f'{w.at}: add "{w.term}"' for w in changes.added]
        lines += [f'{u.wanted.at}: update "{u.wanted.term}"' for u in changes.updated]
        lines += [f'{u.wanted.at}: move "{u.wanted.term}" to {u.deck}' for u in changes.moved]
        lines += [f'remove "{_term(n)}"' for n in changes.removed]
        lines += [f'note type "{m.name}": new card templates or style' for m in changes.templates]
    counts = [
        (len(changes.added), "added"),
        (len(changes.updated), "updated"),
        (len(changes.moved), "moved"),
        (len(changes.removed), "removed"),
        (len(changes.kept), "kept as edited in Anki"),
        (changes.unchanged, "unchanged"),
    ]
    said = ", ".join(f"{n} {what}" for n, what in counts)
    lines.append(
        f"{changes.deck.deck.name}: {said}{' (dry run: nothing written)' if dry_run else ''}"
    )
    return lines


def _term(note: AnkiNote) -> str:
    held = dict(note.items())
    return held.get("Term") or held.get("Text") or note.guid
