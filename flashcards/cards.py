"""The note types: their fields, card templates and style, and each note's field values; a
new field touches this module and `Note`."""

from __future__ import annotations

import re
import unicodedata
from html import escape
from pathlib import PurePath
from typing import TYPE_CHECKING

from flashcards import identity
from flashcards.inert import inert
from flashcards.mask import mask
from flashcards.note import QUESTION, Note
from flashcards.style import CSS

if TYPE_CHECKING:  # genanki is loaded by the deck writer only
    import genanki

    from flashcards.deck import Deck
    from flashcards.look import Look

_KEY_PHRASE = re.compile(r'<code class="key">.*?</code>', re.S)


FIELDS = ("Term", "Short", "Expansion", "Definition", "Clue", "Category", "Source")
"""Frozen once released: the note-type ID is made from them (`identity.notetype_id`), so a
change of fields can only ever come with a new note type."""

BILINGUAL_FIELDS = (*FIELDS, "Translation", "Translation Source")
"""A bilingual deck's fields: the same, then the definition in the second language."""

CLOZE_FIELDS = ("Text", "Term", "Category", "Source")
"""The cloze note type's fields: the definition with its key phrases as deletions."""

PROMPTS = {
    "ko": {
        "meaning": "뜻",
        "term": "용어",
        "expansion": "풀네임",
        "language": "한국어",
        "cloze": "빈칸",
    },
    "en": {
        "meaning": "Meaning",
        "term": "Term",
        "expansion": "Stands for",
        "language": "English",
        "cloze": "Fill in",
    },
}
"""What a card asks and says, in each deck language; a deck in another language uses English."""


def prompts(language: str) -> dict[str, str]:
    return PROMPTS.get(language, PROMPTS["en"])


def _front(prompt: str, body: str) -> str:
    return (
        f'<div class="meta"><span class="category">{{{{Category}}}}</span>'
        f'<span class="prompt">{prompt}</span></div>{body}'
    )


def _back(body: str) -> str:
    return '{{FrontSide}}<hr id="answer">' + body


def templates(language: str, translation: str | None = None) -> list[dict[str, str]]:
    """The three card templates, labelled in `language`; bilingual when `translation` is set."""
    own = prompts(language)
    if translation is None:
        meaning = '<div class="definition">{{Definition}}</div>'
        after_term = ""  # the front already shows the definition
    else:
        meaning = (
            f'<div class="definition"><div class="language">{own["language"]}</div>'
            "{{Definition}}</div>"
            f'<div class="definition translation"><div class="language">'
            f"{prompts(translation)['language']}</div>{{{{Translation}}}}</div>"
        )
        after_term = meaning
    return [
        {
            "name": "Term → Definition",
            "qfmt": _front(own["meaning"], '<div class="term">{{Term}}</div>'),
            "afmt": _back(meaning),
        },
        {
            "name": "Definition → Term",
            # No clue, no card: a question (a Q&A note) is asked one way only.
            "qfmt": "{{#Clue}}"
            + _front(own["term"], '<div class="definition clue">{{Clue}}</div>')
            + "{{/Clue}}",
            "afmt": _back('<div class="term">{{Term}}</div>' + after_term),
        },
        {
            "name": "Short → Expansion",
            "qfmt": "{{#Expansion}}"
            + _front(own["expansion"], '<div class="term">{{Short}}</div>')
            + "{{/Expansion}}",
            "afmt": _back('<div class="expansion">{{Expansion}}</div>'),
        },
    ]


def cloze_template(language: str) -> dict[str, str]:
    """The cloze card: the term and its definition with one key phrase blanked."""
    front = _front(
        prompts(language)["cloze"],
        '<div class="term">{{Term}}</div><div class="definition">{{cloze:Text}}</div>',
    )
    # On a cloze card's back, Anki fills the same {{cloze:Text}} in, so one template serves both.
    return {"name": "Cloze", "qfmt": front, "afmt": front}


def note_types(deck: Deck, look: Look) -> dict[str, genanki.Model]:
    """The deck's note types; each ID comes from the deck's key and the field list."""
    import genanki  # the deck writer's library: `lint` and `notes` never load it

    bilingual = look.translation_language is not None
    fields = BILINGUAL_FIELDS if bilingual else FIELDS
    models = {
        "notes": genanki.Model(
            identity.notetype_id(deck.key, *fields),
            f"flashcards: {deck.name}",
            fields=[{"name": name} for name in fields],
            templates=templates(look.language, look.translation_language),
            css=CSS,
            sort_field_index=0,
        )
    }
    if deck.cloze:
        models["cloze"] = genanki.Model(
            identity.notetype_id(deck.key, "cloze", *CLOZE_FIELDS),
            f"flashcards: {deck.name} (cloze)",
            fields=[{"name": name} for name in CLOZE_FIELDS],
            templates=[cloze_template(look.language)],
            css=CSS,
            model_type=genanki.Model.CLOZE,
            sort_field_index=1,
        )
    return models


def note_fields(note: Note, look: Look, translation: Note | None = None) -> list[str]:
    """The note's field values, in the note type's field order, as Anki HTML: Anki syntax
    written in the sheet is inert (see `flashcards.inert`)."""
    names = (note.term, note.short, note.expansion)
    values = [
        escape(note.term),
        escape(note.short),
        escape(note.expansion),
        note.html,
        "" if note.kind == QUESTION else mask(note.html, names),
        _category(note, look),
        _source(note),
    ]
    if look.translation_language is not None:
        values += [translation.html, _source(translation)] if translation else ["", ""]
    # Last, on the HTML as Anki gets it: the mask above still finds the names as written.
    return [inert(v) for v in values]


def cloze_fields(note: Note, look: Look) -> list[str] | None:
    """Fields of the cloze note of a term: its key phrases deleted; None when it has none."""
    text = cloze_text(note.html)
    if text is None:
        return None
    # The text is inert already: its deletions are the only Anki syntax it may hold.
    return [text, *(inert(v) for v in (escape(note.term), _category(note, look), _source(note)))]


def cloze_text(html: str) -> str | None:
    """The definition, made inert, with its n-th key phrase as the n-th cloze deletion."""
    count = 0

    def delete(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        # The phrase is inert: a "}}" or "::" in it neither ends the deletion nor starts a hint.
        return f"{{{{c{count}::{match[0]}}}}}"

    # Inert first, then the deletions: these are ours, the only markers Anki must see.
    text = _KEY_PHRASE.sub(delete, inert(html))
    return text if count else None


def _category(note: Note, look: Look) -> str:
    return escape(look.category_names.get(note.category, note.category))


def _source(note: Note) -> str:
    # NFC: the field is the same whichever form the file system wrote the name in.
    return escape(f"{unicodedata.normalize('NFC', PurePath(note.path).name)}:{note.line}")
