"""The floor: genanki alone writing the deck whose field values `prep.py` computed.

Usage: python floor.py INPUT.json OUT.apkg
"""

from __future__ import annotations

import json
import sys

import genanki


def main(input_path: str, out: str) -> None:
    with open(input_path, encoding="utf-8") as f:
        data = json.load(f)
    m = data["model"]
    model = genanki.Model(
        m["id"],
        m["name"],
        fields=m["fields"],
        templates=m["templates"],
        css=m["css"],
        model_type=m["type"],
        sort_field_index=m["sort_field_index"],
    )
    d = data["deck"]
    deck = genanki.Deck(d["id"], d["name"], d["description"])
    for n in data["notes"]:
        fields, tags, guid, due = n["fields"], n["tags"], n["guid"], n["due"]
        deck.add_note(genanki.Note(model=model, fields=fields, tags=tags, guid=guid, due=due))
    genanki.Package(deck).write_to_file(out)


if __name__ == "__main__":
    main(*sys.argv[1:])
