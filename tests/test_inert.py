"""Anki syntax written in a sheet reaches the learner as text: never played, spoken, typeset
or clozed. Decks are built by the CLI and imported with the real `anki` library; each card is
checked as Anki renders it."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from anki.collection import Collection
from anki_client import import_deck, open_collection
from conftest import run

from flashcards.inert import inert

if TYPE_CHECKING:  # anki.cards imported before anki.collection is a circular import
    from anki.cards import Card
    from anki.notes import Note

# Everything Anki would act on, as a sheet writes it; each must show up on a card as is.
SYNTAX = [
    "[sound:x.mp3]",
    "[anki:tts lang=en_US]hello[/anki:tts]",
    "[anki:play:a:0]",
    "[$]x^2[/$]",
    "[$$]y[/$$]",
    "[LaTeX]z[/LaTeX]",  # Anki's LaTeX pattern ignores case
    "[SOUND:u.mp3]",
    "{{c5::secret}}",
    "{{{c3:::odd}}}",
]
MATHJAX = r"\\(x^2\\) and \\[y\\]"
"""MathJax's delimiters as a sheet writes them in Markdown, and as a card shows them."""
MATHJAX_SHOWN = r"\(x^2\) and \[y\]"
PHRASES = ["std::vector", "{{c1::x", "a}}b", "[sound:k.mp3]"]
"""Key phrases: each one deletion of the cloze note, whatever it holds."""

CATEGORY = "[sound:c.mp3] Things {{c1::cat}} [$]c[/$]"
TERM = "[sound:t.mp3] {{c2::term}} [latex]t[/latex]"
EXPANSION = "[sound:s.mp3] [anki:tts]a[/anki:tts] [latex]l[/latex] [$$]y[/$$] {{c1::z}}"
QUESTION = "Why [sound:q.mp3] {{c1::q}} [anki:tts]q[/anki:tts]?"
SOURCE = "[sound:f.mp3] {{c1::s::h}} [$]"
"""A sheet's file name: the Source field shows it."""

# Term -> how many cloze cards its key phrases give.
CLOZES = {TERM: len(PHRASES), QUESTION: 1}


def sheet(language: str) -> str:
    prose = ", ".join(SYNTAX)
    phrases = ", ".join(f"`{p}`" for p in PHRASES)
    return (
        f"# {CATEGORY}\n\n"
        f"* **{TERM}**: {language} {prose} with {phrases}, {MATHJAX}\n"
        f"* **SAL ({EXPANSION})**: {language} {prose}\n\n"
        f"<details><summary>{QUESTION}</summary>\n\n"
        f"{language} {prose} and `[latex]k[/latex]`\n\n</details>\n"
    )


CONFIG = f"""\
tag_root: t
categories:
  things:
    en: "{CATEGORY}"
    ko: "{CATEGORY}"
decks:
  - key: en
    name: Syntax
    language: en
    source: "{SOURCE}.en.md"
    output: out/en.apkg
    cloze: true
  - key: bi
    name: Syntax bilingual
    language: ko
    sources:
      ko: "{SOURCE}.ko.md"
      en: "{SOURCE}.en.md"
    output: out/bi.apkg
    cloze: true
"""


@pytest.fixture
def decks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Collection]:
    """Both decks built from the sheets and imported into one new collection."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    for language in ("en", "ko"):
        (tmp_path / f"{SOURCE}.{language}.md").write_text(sheet(language), encoding="utf-8")
    (tmp_path / "decks.yaml").write_text(CONFIG, encoding="utf-8")
    result = run("build", "--config", "decks.yaml", "--strict")
    assert result.exit_code == 0, result.output
    col = open_collection(tmp_path / "anki")
    try:
        for deck in ("en", "bi"):
            import_deck(col, tmp_path / "out" / f"{deck}.apkg")
        yield col
    finally:
        col.close()


def plain(text: str) -> str:
    """What a learner reads: no style sheet, no tags, character references resolved."""
    text = re.sub(r"<style>.*?</style>", "", text, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def notes(col: Collection) -> list[Note]:
    return [col.get_note(nid) for nid in col.find_notes("")]


def is_cloze(note: Note) -> bool:
    return note.note_type()["type"] == 1


_DELETION = re.compile(r"\{\{c(\d+)::(.*?)\}\}", re.S)
"""A cloze deletion the build added around a key phrase."""
LIVE = re.compile(r"\[(?:sound:|/?anki:|/?(?:\$\$?|latex)\])|\{\{|\}\}|::", re.I)
"""Any syntax Anki acts on in a field's raw HTML."""
MATH_DELIMITER = re.compile(r"\\[()\[\]]")
"""What MathJax typesets from in the text a browser reads (character references resolved)."""
JOINER = "\u2060"


def cloze_side(text: str, card: Card, back: bool) -> str:
    """The cloze field as the card shows it: its own deletion blanked on the front."""

    def fill(match: re.Match[str]) -> str:
        own = int(match[1]) == card.ord + 1
        return "[...]" if own and not back else match[2]

    return plain(_DELETION.sub(fill, text))


def shown(card: Card, back: bool) -> list[str]:
    """What each field the side's template holds must read on that side of the card."""
    note = card.note()
    template = card.template()["afmt" if back else "qfmt"]
    if back:
        template += card.template()["qfmt"]  # {{FrontSide}}
    found = []
    for name, value in note.items():
        if f"{{{{cloze:{name}}}}}" in template:
            found.append(cloze_side(value, card, back))
        elif f"{{{{{name}}}}}" in template:
            found.append(plain(value))
    return found


def test_every_card_shows_the_syntax_as_written(decks: Collection) -> None:
    cards = [card for note in notes(decks) for card in note.cards()]
    for card in cards:
        for side, back in ((card.question(), False), (card.answer(), True)):
            for text in shown(card, back):
                assert text and text in plain(side), (card.template()["name"], text)
            assert "latex-" not in side
    seen = "".join(plain(card.answer()).replace(JOINER, "") for card in cards)
    for written in [*SYNTAX, *PHRASES, CATEGORY, TERM, EXPANSION, QUESTION, MATHJAX_SHOWN]:
        assert written in seen


def test_no_card_plays_or_speaks(decks: Collection) -> None:
    for note in notes(decks):
        for card in note.cards():
            assert card.question_av_tags() == []
            assert card.answer_av_tags() == []


def test_every_field_holds_the_text_and_no_live_syntax(decks: Collection) -> None:
    for note in notes(decks):
        for name, value in note.items():
            # In a cloze note's text, the deletions around key phrases are the only markers.
            raw = _DELETION.sub(r"\2", value) if is_cloze(note) and name == "Text" else value
            assert LIVE.search(raw) is None, (name, value)
            assert MATH_DELIMITER.search(html.unescape(value)) is None, (name, value)
        assert plain(note["Category"]) == CATEGORY
        assert plain(note["Source"]).startswith(f"{SOURCE}.")


def test_a_cloze_note_has_a_card_per_key_phrase(decks: Collection) -> None:
    cloze = [n for n in notes(decks) if is_cloze(n)]
    assert sorted(plain(n["Term"]) for n in cloze) == sorted([*CLOZES, *CLOZES])  # each deck
    for note in cloze:
        cards = note.cards()
        assert len(cards) == CLOZES[plain(note["Term"])]
        assert sorted(card.ord for card in cards) == list(range(len(cards)))
        for card in cards:
            assert "[...]" in plain(card.question())


def test_a_bilingual_note_shows_its_translation_as_written(decks: Collection) -> None:
    note = next(n for n in notes(decks) if "Translation" in n and plain(n["Term"]) == TERM)
    assert plain(note["Translation"]).startswith("en " + ", ".join(SYNTAX))
    assert plain(note["Definition"]).startswith("ko ")
    back = plain(note.cards()[0].answer())
    assert plain(note["Translation"]) in back and plain(note["Definition"]) in back


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[sound:a.mp3]", "&#91;sound:a.mp3]"),
        ("[Sound:a.mp3]", "&#91;Sound:a.mp3]"),
        ("[anki:tts]x[/anki:tts]", "&#91;anki:tts]x&#91;/anki:tts]"),
        ("[$]x[/$] [$$]y[/$$]", "&#91;$]x&#91;/$] &#91;$$]y&#91;/$$]"),
        ("[latex]z[/LATEX]", "&#91;latex]z&#91;/LATEX]"),
        ("{{c1::x::h}}", "&#123;{c1&#58;:x&#58;:h&#125;}"),
        ("{{{:::}}}", "&#123;&#123;{&#58;&#58;:&#125;&#125;}"),
        (
            '<a href="https://x.org/a::b">[x] {y} a:b</a>',
            '<a href="https://x.org/a&#58;:b">[x] {y} a:b</a>',
        ),
        ("&amp; &#91; [$ x] [latexx] [/sound:]", "&amp; &#91; [$ x] [latexx] [/sound:]"),
        (r"\(x\) \[y\] \a", r"\&#8288;(x\&#8288;) \&#8288;[y\&#8288;] \a"),
        (
            r'a \(x\) <span class="math">\(y\)</span> <div class="math">\[z\]</div>',
            r'a \&#8288;(x\&#8288;) <span class="math">\(y\)</span> <div class="math">\[z\]</div>',
        ),
    ],
)
def test_inert_writes_only_the_first_character_as_a_reference(text: str, expected: str) -> None:
    assert inert(text) == expected
    # The browser shows the same: the word joiner after a backslash is invisible.
    assert html.unescape(inert(text)).replace(JOINER, "") == html.unescape(text)


def test_inert_is_idempotent() -> None:
    text = "[sound:a.mp3] {{c1::x}}"
    assert inert(inert(text)) == inert(text)
