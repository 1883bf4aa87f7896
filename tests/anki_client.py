"""The real client: decks are imported with the official `anki` library, as a learner's app does."""

from __future__ import annotations

from pathlib import Path

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.scheduler_pb2 import CardAnswer


def open_collection(folder: Path) -> Collection:
    folder.mkdir(parents=True, exist_ok=True)
    return Collection(str(folder / "collection.anki2"))


def import_deck(col: Collection, apkg: Path) -> None:
    """Import with the desktop's defaults: update notes and note types only if newer."""
    request = ImportAnkiPackageRequest(
        package_path=str(apkg), options=ImportAnkiPackageOptions(with_scheduling=False)
    )
    col.import_anki_package(request)


def answer_all(col: Collection) -> int:
    """Answer every card once with Good; returns how many were answered."""
    count = 0
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        card.start_timer()
        states = col._backend.get_scheduling_states(card.id)
        col.sched.answer_card(
            col.sched.build_answer(card=card, states=states, rating=CardAnswer.GOOD)
        )
        count += 1
    return count


def notes_by_short(col: Collection) -> dict[str, dict[str, str]]:
    """Every note's fields, keyed by its Short field, with `_tags` and `_id` added."""
    out = {}
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        fields = dict(note.items())
        fields["_tags"] = " ".join(sorted(note.tags))
        fields["_id"] = str(nid)
        fields["_guid"] = note.guid
        out[fields["Short"]] = fields
    return out


def review_history(col: Collection) -> dict[int, int]:
    """Card ID -> number of reviews logged."""
    rows = col.db.all("select cid, count() from revlog group by cid")
    return {cid: n for cid, n in rows}
