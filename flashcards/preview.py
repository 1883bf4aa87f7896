"""A page to look at every card before importing: the decks' own templates and style, at phone
width, light and night side by side. One HTML file and the cards' pictures beside it: no
script, no network."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape, unescape
from pathlib import Path

import genanki

from flashcards import media, sheets
from flashcards.cards import note_types
from flashcards.deck import Deck
from flashcards.note import Sheet
from flashcards.package import deck_notes
from flashcards.progress import Report, silent
from flashcards.write import write_atomic

PHONE_WIDTH = 390

_SECTION = re.compile(r"{{([#^])([^}]+)}}(.*?){{/\2}}", re.S)
_FIELD = re.compile(r"{{([^#^/}][^}]*)}}")
_CLOZE = re.compile(r"{{c(\d+)::(.*?)}}", re.S)


@dataclass(frozen=True)
class Card:
    """One card as a learner sees it: the template's name, its front and its back."""

    note: str
    template: str
    front: str
    back: str


def render(template: str, fields: Mapping[str, str], cloze: int = 0, back: bool = False) -> str:
    """An Anki template filled in: fields, `{{#F}}` and `{{^F}}` sections, `{{cloze:F}}`."""

    def section(match: re.Match[str]) -> str:
        present = bool(fields.get(match[2].strip(), "").strip())
        return match[3] if present == (match[1] == "#") else ""

    def field(match: re.Match[str]) -> str:
        name = match[1].strip()
        if name.startswith("cloze:"):
            return _fill_cloze(fields.get(name.removeprefix("cloze:"), ""), cloze, back)
        return fields.get(name, "")

    previous = None
    while previous != template:  # sections may nest
        previous, template = template, _SECTION.sub(section, template)
    return _FIELD.sub(field, template)


def _fill_cloze(text: str, number: int, back: bool) -> str:
    def fill(match: re.Match[str]) -> str:
        if int(match[1]) != number:
            return match[2]
        inner = match[2] if back else "[...]"
        return f'<span class="cloze">{inner}</span>'

    return _CLOZE.sub(fill, text)


def cards_of(model: genanki.Model, values: Sequence[str]) -> list[Card]:
    """The cards Anki makes of one note: one per template with a non-empty front."""
    fields = {f["name"]: v for f, v in zip(model.fields, values, strict=True)}
    # The card's heading on the page: the term as text (the page escapes it once more).
    name = unescape(re.sub(r"<[^>]+>", "", values[0 if model.model_type != model.CLOZE else 1]))
    if model.model_type == model.CLOZE:
        template = model.templates[0]
        numbers = sorted({int(number) for number, _ in _CLOZE.findall(fields["Text"])})
        return [_card(name, f"{template['name']} {n}", template, fields, n) for n in numbers]
    found = [_card(name, t["name"], t, fields) for t in model.templates]
    return [c for c in found if re.sub(r"<[^>]+>", "", c.front).strip()]


def _card(
    name: str, label: str, template: Mapping[str, str], fields: Mapping[str, str], n: int = 0
) -> Card:
    front = render(template["qfmt"], fields, n)
    back = render(template["afmt"], {**fields, "FrontSide": front}, n, back=True)
    return Card(name, label, front, back)


def page(decks: Sequence[tuple[str, str, Sequence[Card]]], styles: Sequence[str]) -> str:
    """The preview page: a section per deck (key, name, cards), each card light and night."""
    nav = "".join(f'<a href="#{escape(key)}">{escape(name)}</a>' for key, name, _ in decks)
    sections = "".join(_deck_section(key, name, found) for key, name, found in decks)
    style = "".join(f"<style>{css}</style>" for css in styles)
    return _PAGE.format(nav=nav, sections=sections, width=PHONE_WIDTH, styles=style)


def _deck_section(key: str, name: str, found: Sequence[Card]) -> str:
    rows = "".join(_row(card) for card in found)
    return (
        f'<section id="{escape(key)}"><h2>{escape(name)} '
        f"<small>{len(found)} cards</small></h2>{rows}</section>"
    )


def _row(card: Card) -> str:
    phones = "".join(
        _phone(f"{side} · {mode}", html, night=mode == "night")
        for mode in ("light", "night")
        for side, html in (("front", card.front), ("back", card.back))
    )
    title = f"{escape(card.note)} <small>{escape(card.template)}</small>"
    return f'<div class="row"><h3>{title}</h3><div class="phones">{phones}</div></div>'


def _phone(caption: str, html: str, night: bool) -> str:
    # The clients put these classes on the card's body; a div takes the same rules here.
    classes = "card nightMode night_mode" if night else "card"
    return (
        f"<figure><figcaption>{caption}</figcaption>"
        f'<div class="phone"><div class="{classes}">{html}</div></div></figure>'
    )


_PAGE = """<!doctype html>
<html lang="ko"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>flashcards preview</title>
<style>
body {{ margin: 0; font: 14px/1.4 system-ui, sans-serif; background: #eceff1; color: #202124; }}
header {{ position: sticky; top: 0; z-index: 1; padding: 8px 16px;
  background: #202124; color: #fff; }}
header a {{ color: #8ab4f8; margin-right: 16px; }}
section {{ padding: 8px 16px; }}
.row {{ margin: 16px 0; }}
.row h3 {{ margin: 0 0 4px; font-size: 14px; }}
.phones {{ display: flex; flex-wrap: wrap; gap: 12px; }}
figure {{ margin: 0; }}
figcaption {{ font-size: 12px; color: #5f6368; }}
.phone {{ width: {width}px; min-height: 160px; border: 1px solid #9aa0a6; border-radius: 12px;
  overflow: hidden; background: #fff; }}
.phone > .card {{ min-height: 160px; }}
/* No MathJax here (no script, no network): a formula shows its TeX source in a box. */
.phone .math {{ font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em;
  padding: 0 0.3em; border: 1px dashed var(--rule); border-radius: 0.25em;
  background-color: var(--code-bg); }}
.phone div.math {{ margin: 0.4em 0; padding: 0.3em 0.6em; }}
</style>
{styles}
</head><body><header><strong>flashcards preview</strong> {nav}</header>{sections}</body></html>
"""


@dataclass(frozen=True)
class DeckCards:
    """Every card of one deck, and the style its note types carry."""

    key: str
    name: str
    cards: list[Card]
    styles: set[str]


def deck_cards(
    deck: Deck, read: Mapping[Path, Sheet], pictures: media.Pictures | None = None
) -> DeckCards:
    """The cards Anki would make of a deck, rendered with its own templates; their pictures
    named as in the deck, and kept in `pictures`."""
    pictures = pictures or media.Pictures(online=False)
    made = sheets.composed(deck, read, pictures)
    shown = made.look
    models = note_types(deck, shown)
    found = [
        card
        for entry in deck_notes(shown, made.sheet.notes, models, made.translations)
        for card in cards_of(entry.model, entry.values())
    ]
    return DeckCards(deck.key, deck.name, found, {m.css for m in models.values()})


def preview(decks: Sequence[Deck], folder: Path, report: Report = silent) -> Path:
    """Write `folder/index.html` with every card of every deck; returns its path. `report`
    hears how far it is."""
    report("reading sheets")
    read = sheets.checked(decks).sheets
    pictures = media.Pictures(online=False)  # the page loads nothing from the network
    found = []
    for deck in decks:
        found.append(deck_cards(deck, read, pictures))
        report(f"{deck.key}: {len(found[-1].cards):,} cards rendered")
    styles = sorted(set().union(*(d.styles for d in found)))
    html = page([(d.key, d.name, d.cards) for d in found], styles)
    out = folder / "index.html"
    # Beside the page, under the names the cards use, as in Anki's media folder.
    for name, data in pictures.files():
        write_atomic(folder / name, data)
    write_atomic(out, html.encode())
    return out
