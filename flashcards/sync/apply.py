"""The changes a sync found, made with the `anki` library's own calls, so that AnkiWeb sync
sees them as Anki's own: new notes (and their note types, subdecks and pictures) by
importing a package of them, the rest note by note. What was written is kept (`state`) as
it goes, so a sync cut short never takes its own write for a learner's edit."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import genanki

from flashcards import media
from flashcards.package import subdeck
from flashcards.sync import state
from flashcards.sync.changes import REMOVED, Changes, Options, Update, ours
from flashcards.sync.wanted import DeckNotes, Wanted

if TYPE_CHECKING:
    from anki.collection import Collection
    from anki.notes import Note as AnkiNote


def apply(col: Collection, changes: Changes, options: Options) -> None:
    deck = changes.deck
    if options.full_sync:
        for model in changes.reshaped:
            _reshape(col, model)
    for model in changes.templates:
        _restyle(col, model)
    written = [u for u in changes.updated if u.fields]
    pending = dict(changes.before)
    for update in written:
        old = pending.get(update.wanted.guid)
        hashes = (*(old.hashes if old else ()), state.fields_hash(update.wanted.fields))
        pending[update.wanted.guid] = state.Written(hashes, update.wanted.tags, 0)
    state.write(col, deck.deck.key, pending)
    if changes.added:
        _import(col, deck, changes.added)
    _store_pictures(col, deck, [u.wanted for u in written])
    _update(col, changes.updated)
    _remove(col, changes.removed, options.delete)
    state.write(col, deck.deck.key, _after(col, changes))


def _import(col: Collection, deck: DeckNotes, added: Sequence[Wanted]) -> None:
    """New notes by Anki's own import of a package of them: their note types keep our IDs,
    their subdecks are made, their pictures stored."""
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest
    from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition as When

    decks: dict[str, genanki.Deck] = {}
    for wanted in added:
        if wanted.deck not in decks:
            decks[wanted.deck] = subdeck(deck.deck, wanted.levels)
        decks[wanted.deck].add_note(
            genanki.Note(
                model=wanted.model,
                fields=list(wanted.fields),
                tags=list(wanted.tags),
                guid=wanted.guid,
            )
        )
    with tempfile.TemporaryDirectory(prefix="flashcards-sync-") as folder:
        files = []
        for name, data in _pictures(deck, added):
            path = Path(folder, name)
            path.write_bytes(data)
            files.append(str(path))
        package = Path(folder, "notes.apkg")
        genanki.Package(list(decks.values()), media_files=files).write_to_file(str(package))
        never = When.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_NEVER
        options = ImportAnkiPackageOptions(
            with_scheduling=False, update_notes=never, update_notetypes=never
        )
        col.import_anki_package(
            ImportAnkiPackageRequest(package_path=str(package), options=options)
        )


def _pictures(deck: DeckNotes, notes: Iterable[Wanted]) -> list[tuple[str, bytes]]:
    """The deck's pictures that the notes' fields show."""
    shown = {src for n in notes for f in n.fields for src, _ in media.pictures(f)}
    return [(name, data) for name, data in deck.pictures if name in shown]


def _store_pictures(col: Collection, deck: DeckNotes, notes: Sequence[Wanted]) -> None:
    for name, data in _pictures(deck, notes):
        col.media.write_data(name, data)  # named by content: the same name, the same bytes


def _update(col: Collection, updates: Sequence[Update]) -> None:
    notes = []
    for update in updates:
        note = update.note
        if update.fields:
            for spec, value in zip(update.wanted.model.fields, update.wanted.fields, strict=True):
                note[spec["name"]] = value
        if update.tags is not None:
            note.tags = update.tags
        notes.append(note)
    if notes:
        col.update_notes(notes)
    returned = [c.id for u in updates if u.returned for c in u.note.cards()]
    if returned:
        col.sched.unsuspend_cards(returned)
    for update in updates:
        if update.deck is not None:
            col.set_deck([c.id for c in update.note.cards()], col.decks.id(update.deck))
    _remove_empty_cards(col, {u.note.id for u in updates if u.fields})


def _remove_empty_cards(col: Collection, notes: set[int]) -> None:
    """The cards that an update left with nothing to ask (an expansion removed), of the
    notes updated only; the note and its other cards stay."""
    if not notes:
        return
    report = col.get_empty_cards()
    cards = [
        c for n in report.notes if n.note_id in notes and not n.will_delete_note for c in n.card_ids
    ]
    if cards:
        col.remove_cards_and_orphaned_notes(cards)


def _remove(col: Collection, notes: Sequence[AnkiNote], delete: bool) -> None:
    if not notes:
        return
    ids = [n.id for n in notes]
    if delete:
        col.remove_notes(ids)
        return
    col.sched.suspend_cards([c.id for n in notes for c in n.cards()])
    col.tags.bulk_add(ids, REMOVED)


def _after(col: Collection, changes: Changes) -> dict[str, state.Written]:
    """What the deck's notes hold now that the sync wrote them; a learner's kept edit keeps
    what we wrote before."""
    found = dict(changes.before)
    kept = {u.wanted.guid for u in changes.kept}
    notes = ours(col, changes.deck)
    for wanted in changes.deck.notes:
        note = notes.get(wanted.guid)
        if note is None or wanted.guid in kept:
            continue
        cards = note.cards()
        deck = cards[0].did if cards else 0
        found[wanted.guid] = state.Written((state.fields_hash(wanted.fields),), wanted.tags, deck)
    for note in changes.removed:
        if note.guid not in notes:  # deleted
            found.pop(note.guid, None)
    return found


def _reshape(col: Collection, model: genanki.Model) -> None:
    """The collection's note type given the deck's fields and card types, in order: a change
    that makes the next AnkiWeb sync a full one (asked for with --full-sync)."""
    found = col.models.get(model.model_id)
    names = [f["name"] for f in model.fields]
    for spec in [f for f in found["flds"] if f["name"] not in names]:
        col.models.remove_field(found, spec)
    for name in names:
        if name not in [f["name"] for f in found["flds"]]:
            col.models.add_field(found, col.models.new_field(name))
    for position, name in enumerate(names):
        spec = next(f for f in found["flds"] if f["name"] == name)
        col.models.reposition_field(found, spec, position)
    cards = [t["name"] for t in model.templates]
    for template in [t for t in found["tmpls"] if t["name"] not in cards]:
        col.models.remove_template(found, template)
    for wanted in model.templates:
        if wanted["name"] not in [t["name"] for t in found["tmpls"]]:
            template = col.models.new_template(wanted["name"])
            col.models.add_template(found, template)
    for position, name in enumerate(cards):
        template = next(t for t in found["tmpls"] if t["name"] == name)
        col.models.reposition_template(found, template, position)
    col.models.update_dict(found)
    _restyle(col, model)


def _restyle(col: Collection, model: genanki.Model) -> None:
    """The note type's card templates and style as the deck's: an ordinary change."""
    found = col.models.get(model.model_id)
    by_name = {t["name"]: t for t in model.templates}
    for template in found["tmpls"]:
        template["qfmt"] = by_name[template["name"]]["qfmt"]
        template["afmt"] = by_name[template["name"]]["afmt"]
    found["css"] = model.css
    col.models.update_dict(found)
