"""Every card of every configured deck, as Anki renders it, in a real browser at phone size.

The decks are built by the CLI and imported with the official `anki` library; each side of each
card (`card.question()`, `card.answer()`, the note type's style included) is shown the way Anki
clients show it, in light and in night mode, 390 px wide. A failure names the deck, the note's
short form, the card's ordinal and template, the side and the mode: enough to find the rule.
"""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml
from anki_client import import_deck, open_collection
from browser import (
    MIN_CONTRAST,
    PHONE_WIDTH,
    Layout,
    fonts_of_hangul_text,
    luminance,
    measure,
    new_phone_page,
    wrap_card,
)
from conftest import ROOT, run
from math_code import build_math_code, imported_math_code

if TYPE_CHECKING:  # Playwright is needed by the browser tests only
    from playwright.sync_api import Browser, Page

CONFIG = ROOT / "source" / "decks.yaml"
DECK_KEYS = [str(d["key"]) for d in yaml.safe_load(CONFIG.read_text(encoding="utf-8"))["decks"]]
REVERSE = "Definition → Term"


@dataclass(frozen=True)
class Face:
    """One side of one card in one mode, as measured in the browser."""

    deck: str
    short: str
    ord: int
    template: str
    side: str  # "front" or "back"
    night: bool
    fields: dict[str, str]
    page: str
    """The page shown: the card's HTML wrapped as an Anki client wraps it."""
    layout: Layout

    def __str__(self) -> str:
        mode = "night" if self.night else "light"
        return f"{self.deck} {self.short!r} ord {self.ord} ({self.template}) {self.side} {mode}"


@pytest.fixture(scope="module")
def phone(chromium: Browser) -> Iterator[Page]:
    page = new_phone_page(chromium)
    yield page
    page.context.close()


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every configured deck, built by the CLI from a copy of the sources: key -> .apkg."""
    root = tmp_path_factory.mktemp("browser")
    shutil.copytree(ROOT / "source", root / "source")
    with pytest.MonkeyPatch.context() as env:
        env.chdir(root)
        env.delenv("SOURCE_DATE_EPOCH", raising=False)
        result = run("build")
    assert result.exit_code == 0, result.output
    config = yaml.safe_load((root / "source/decks.yaml").read_text(encoding="utf-8"))
    return {d["key"]: (root / "source" / d["output"]).resolve() for d in config["decks"]}


@pytest.fixture(scope="module")
def faces(
    decks: dict[str, Path], phone: Page, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, list[Face]]:
    """Every side of every card of every deck, light and night, measured: key -> faces."""
    out: dict[str, list[Face]] = {}
    for key, apkg in decks.items():
        col = open_collection(tmp_path_factory.mktemp(f"anki-{key}"))
        try:
            import_deck(col, apkg)
            out[key] = []
            for cid in col.find_cards("", order="c.nid, c.ord"):
                card = col.get_card(cid)
                fields = dict(card.note().items())
                who = (key, fields.get("Short", ""), card.ord, str(card.template()["name"]))
                for side, content in (("front", card.question()), ("back", card.answer())):
                    for night in (False, True):
                        page = wrap_card(content, card.ord, night)
                        layout = measure(phone, page)
                        out[key].append(Face(*who, side, night, fields, page, layout))
        finally:
            col.close()
    return out


def report(problems: list[str], what: str, most: int = 200) -> str:
    more = [f"… and {len(problems) - most} more"] if len(problems) > most else []
    return f"{len(problems)} {what}:\n" + "\n".join(problems[:most] + more)


@pytest.mark.parametrize("deck", DECK_KEYS)
def test_every_card_fits_a_phone_screen(faces: dict[str, list[Face]], deck: str) -> None:
    assert faces[deck], f"{deck}: no cards"
    problems = []
    for face in faces[deck]:
        layout = face.layout
        if layout.viewport_width != PHONE_WIDTH:  # a phone zooms out to fit a page too wide
            problems.append(f"{face}: page widens the viewport to {layout.viewport_width}px")
        if layout.scroll_width > PHONE_WIDTH:
            problems.append(f"{face}: page scrolls sideways, scrollWidth {layout.scroll_width}")
        problems += [f"{face}: {where}" for where in layout.overflowing]
    assert not problems, report(problems, f"overflows past {PHONE_WIDTH}px")


@pytest.mark.parametrize("deck", DECK_KEYS)
def test_every_text_is_readable_in_light_and_night(faces: dict[str, list[Face]], deck: str) -> None:
    problems = []
    for face in faces[deck]:
        body = luminance(face.layout.body_background)
        if face.night and body >= 0.2:
            problems.append(f"{face}: body background not dark, luminance {body:.2f}")
        if not face.night and body <= 0.8:
            problems.append(f"{face}: body background not light, luminance {body:.2f}")
        if not face.layout.texts:
            problems.append(f"{face}: no text found")
        problems += [
            f"{face}: {text}" for text in face.layout.texts if text.contrast < MIN_CONTRAST
        ]
    assert not problems, report(problems, f"problems of contrast (below {MIN_CONTRAST})")


def plain(value: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", value)).strip()


@pytest.mark.parametrize("deck", DECK_KEYS)
def test_reverse_card_fronts_do_not_give_the_term_away(
    faces: dict[str, list[Face]], deck: str
) -> None:
    fronts = [f for f in faces[deck] if f.template == REVERSE and f.side == "front"]
    assert fronts, f"{deck}: no {REVERSE!r} cards"
    problems = []
    for face in fronts:
        shown = face.layout.visible_text
        for field in ("Term", "Short", "Expansion"):
            name = plain(face.fields.get(field, ""))
            if name and name.lower() in shown.lower():
                problems.append(f"{face}: shows its {field} {name!r} in {shown!r}")
    assert not problems, report(problems, "reverse fronts give the answer away")


KOREAN_DECKS = [
    d["key"]
    for d in yaml.safe_load(CONFIG.read_text(encoding="utf-8"))["decks"]
    if d.get("language") == "ko" or "ko" in d.get("sources", {})
]


@pytest.mark.parametrize("deck", KOREAN_DECKS)
def test_korean_is_drawn_with_a_cjk_font(
    faces: dict[str, list[Face]], phone: Page, deck: str
) -> None:
    """Hangul drawn with a font that has it, not as boxes: the fonts Chromium used, per element."""
    backs = [f for f in faces[deck] if f.side == "back" and not f.night]
    problems = []
    checked = 0
    for face in backs:
        phone.set_content(face.page)
        for where, fonts in fonts_of_hangul_text(phone).items():
            checked += 1
            if not any("CJK" in family or "KR" in family for family in fonts):
                problems.append(f"{face}: {where} drawn with {fonts}")
    assert checked, f"{deck}: no Hangul text found on the page"
    assert not problems, report(problems, "Hangul texts without a Korean font")


# Math and code --------------------------------------------------------------------------------

_TOKENS = """() => Object.fromEntries(['hl-k', 'hl-nf', 'hl-nb', 'hl-c1', 'hl-mf'].map(name => {
  const span = document.querySelector('.' + name);
  return [name, span ? getComputedStyle(span).color : null];
}))"""
_SCROLL = """() => {
  const pre = document.querySelector('pre');
  return {page: document.scrollingElement.scrollWidth, pre: pre.scrollWidth,
          preBox: pre.clientWidth, overflow: getComputedStyle(pre).overflowX};
}"""


@pytest.fixture(scope="module")
def math_code_backs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, int]]:
    """The back of each Term → Definition card of the math and code sheet: term -> (HTML, ord)."""
    root = tmp_path_factory.mktemp("math-code")
    with pytest.MonkeyPatch.context() as env:
        env.chdir(root)
        env.delenv("SOURCE_DATE_EPOCH", raising=False)
        with imported_math_code(root) as col:
            backs = {}
            for cid in col.find_cards("card:1"):
                card = col.get_card(cid)
                backs[html.unescape(card.note()["Term"])] = (card.answer(), card.ord)
            return backs


def test_code_is_highlighted_in_light_and_night_and_scrolls_in_its_block(
    math_code_backs: dict[str, tuple[str, int]], phone: Page
) -> None:
    answer, ord = math_code_backs["Area"]
    colours = {}
    for night in (False, True):
        page = wrap_card(answer, ord, night)
        phone.set_content(page)
        tokens = phone.evaluate(_TOKENS)
        assert None not in tokens.values(), tokens
        # Keyword, function, builtin, comment and number each have a colour of their own.
        assert len(set(tokens.values())) == len(tokens), tokens
        colours[night] = tokens
        scroll = phone.evaluate(_SCROLL)
        assert scroll["page"] <= PHONE_WIDTH, scroll  # the page never scrolls sideways
        assert scroll["overflow"] == "auto" and scroll["pre"] > scroll["preBox"], scroll
        low = [t for t in measure(phone, page).texts if t.contrast < MIN_CONTRAST]
        assert not low, [str(t) for t in low]
    # Night mode has colours of its own, each token's lighter than by day.
    for name, light in colours[False].items():
        assert colours[True][name] != light, name


def test_math_is_shown_readably_in_the_preview(tmp_path: Path, chromium: Browser) -> None:
    with pytest.MonkeyPatch.context() as env:
        env.chdir(tmp_path)
        env.delenv("SOURCE_DATE_EPOCH", raising=False)
        build_math_code(tmp_path)
        result = run("preview", "--config", "decks.yaml", "-o", "out")
    assert result.exit_code == 0, result.output
    context = chromium.new_context(viewport={"width": 1700, "height": 900}, offline=True)
    try:
        page = context.new_page()
        page.goto((tmp_path / "out/index.html").as_uri())
        boxes = page.evaluate(
            """() => [...document.querySelectorAll('.phone .math')].map(m => ({
              text: m.innerText, font: getComputedStyle(m).fontFamily,
              border: getComputedStyle(m).borderTopStyle}))"""
        )
    finally:
        context.close()
    texts = {b["text"] for b in boxes}
    assert "\\(E = mc^2\\)" in texts and "\\[a < b \\& c\\]" in texts, texts
    assert all("monospace" in b["font"] and b["border"] == "dashed" for b in boxes), boxes
