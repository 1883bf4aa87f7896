"""A deck's history read back from a deck file, for when the history file is lost or does not
belong to the deck beside it.

The `.apkg` holds every note's GUID, fields, tags and time: enough to know what a learner who
imported it has, so that the next build stamps each change newer than that.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterable
from html import unescape
from pathlib import Path

from flashcards import identity
from flashcards.history.file import Entry, History, Stamp, content_hash
from flashcards.terms import key as term_key

_CLOZE_TYPE = 1


def recover(path: Path, deck_key: str) -> History | None:
    """The history that the deck file at `path` gives; None if it holds another deck or is no
    deck of ours at all (then no learner has its notes, and nothing is lost)."""
    try:
        with tempfile.TemporaryDirectory(prefix="flashcards-recover-") as folder:
            db = Path(folder) / "collection.anki2"
            with zipfile.ZipFile(path) as apkg, apkg.open("collection.anki2") as src:
                db.write_bytes(src.read())
            return _read(db, deck_key)
    except (OSError, LookupError, TypeError, ValueError, sqlite3.Error, zipfile.BadZipFile):
        return None


def _read(db: Path, deck_key: str) -> History | None:
    conn = sqlite3.connect(db)
    try:
        models_json, decks_json = conn.execute("SELECT models, decks FROM col").fetchone()
        rows = conn.execute("SELECT guid, mid, mod, flds, tags FROM notes").fetchall()
    finally:
        conn.close()
    if str(identity.deck_id(deck_key)) not in json.loads(decks_json):
        return None  # another deck's file: its GUIDs are not this deck's
    models = {int(mid): model for mid, model in json.loads(models_json).items()}
    notetypes = {
        ("cloze" if m.get("type") == _CLOZE_TYPE else "notes"): Stamp(_model_hash(m), m["mod"])
        for m in models.values()
    }
    return History(notetypes, _notes(rows, models), deck_key, known=False)


def _model_hash(model: dict) -> str:
    # The same parts `deck.package` hashes: name, field names, templates and style.
    fields = [{"name": f["name"]} for f in model["flds"]]
    templates = [{k: t[k] for k in ("name", "qfmt", "afmt")} for t in model["tmpls"]]
    return content_hash(model["name"], fields, templates, model["css"])


def _notes(rows: Iterable[tuple], models: dict[int, dict]) -> dict[str, Entry]:
    terms: dict[str, str] = {}  # Term field -> key: how a cloze note finds its term
    found: dict[str, Entry] = {}
    clozes = []
    for guid, mid, mod, flds, tags in rows:
        names = [f["name"] for f in models[mid]["flds"]]
        values = dict(zip(names, flds.split("\x1f"), strict=True))
        seen = [v for n, v in values.items() if not n.endswith("Source")]
        stamp = Entry(guid, content_hash(seen, tags.split()), mod)
        if models[mid].get("type") == _CLOZE_TYPE:
            clozes.append((values["Term"], stamp))
            continue
        key = term_key(unescape(values["Short"]))
        terms[values["Term"]] = key
        # A question has no clue: its answer tells no rename (see `history.distinctive`).
        text = content_hash(values["Definition"]) if values["Clue"] else ""
        found[identity.history_key(key)] = Entry(
            guid, stamp.hash, mod, unescape(values["Term"]), text, bool(values["Expansion"])
        )
    for term, stamp in clozes:
        if term in terms:
            found[identity.history_key(terms[term], identity.CLOZE)] = stamp
    return found
