"""Cards in a real browser: Debian's Chromium driven by Playwright, at phone size.

Shared by the browser tests and anything else that needs a card rendered (a screenshot, say):
`launch` starts Chromium the way it works on this machine, `wrap_card` makes the page an Anki
client makes of a card's HTML, `measure` reads what a learner would see (overflow, colours,
text), and the colour helpers judge contrast the way WCAG 2 does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:  # Playwright is needed by the browser tests only (`-m "not browser"`)
    from playwright.sync_api import Browser, Page, Playwright, ViewportSize

CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium (`make browser`); Playwright's own download is not reachable here."""

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium keeps dialling Google services, and every refusal is logged.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

PHONE_WIDTH = 390
PHONE: ViewportSize = {"width": PHONE_WIDTH, "height": 844}
"""A phone held upright: the narrowest screen a card must fit without sideways scrolling."""

TOLERANCE = 0.5
"""Pixels an edge may pass the screen's edge by: sub-pixel layout, never a visible overflow."""

MIN_CONTRAST = 4.5
"""WCAG 2 AA for body text."""

RGBA = tuple[float, float, float, float]
"""A colour: red, green, blue in 0-255 (sRGB) and alpha in 0-1."""

WHITE: RGBA = (255.0, 255.0, 255.0, 1.0)
"""The browser's canvas below everything."""


def launch(playwright: Playwright) -> Browser:
    """Debian's Chromium, headless, quiet on the network."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)


def new_phone_page(browser: Browser) -> Page:
    """A page the size of a phone screen, touch and all, with no network."""
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, offline=True
    )
    return context.new_page()


def wrap_card(html: str, ord: int, night: bool) -> str:
    """The page an Anki client shows for one side of a card (`html` from `card.question()`
    or `card.answer()`, the note type's style included). Desktop and AnkiMobile mark night
    mode with `.nightMode` on the body, AnkiDroid with `.night_mode`."""
    classes = f"card card{ord + 1}" + (" nightMode night_mode" if night else "")
    return (
        '<!doctype html><html><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'</head><body class="{classes}">{html}</body></html>'
    )


# Colours -----------------------------------------------------------------------------------


def over(top: RGBA, bottom: RGBA) -> RGBA:
    """`top` painted over `bottom` (source-over compositing)."""
    alpha = top[3] + bottom[3] * (1 - top[3])
    if alpha == 0:
        return (0.0, 0.0, 0.0, 0.0)
    r, g, b = ((top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / alpha for i in range(3))
    return (r, g, b, alpha)


def flatten(layers: Sequence[RGBA], base: RGBA = WHITE) -> RGBA:
    """What shows through a stack of backgrounds, listed innermost first, over `base`."""
    colour = base
    for layer in reversed(layers):
        colour = over(layer, colour)
    return colour


def luminance(colour: RGBA) -> float:
    """Relative luminance, 0 for black to 1 for white (WCAG 2; alpha ignored)."""

    def linear(channel: float) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: RGBA, b: RGBA) -> float:
    """WCAG 2 contrast ratio of two opaque colours, from 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def hex_colour(colour: RGBA) -> str:
    text = "#" + "".join(f"{round(c):02x}" for c in colour[:3])
    return text if colour[3] >= 1 else f"{text}/{colour[3]:.2f}"


# Measuring a page --------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """Text a learner reads: an element's own text (or its ::before/::after content)."""

    where: str
    """The element as a selector path below the body, e.g. `div.definition > code.key`."""
    text: str
    colour: RGBA
    """Its text colour, opacity of the element and its ancestors folded into the alpha."""
    layers: tuple[RGBA, ...]
    """Background colours from the element outwards, down to the first opaque one."""

    @property
    def background(self) -> RGBA:
        return flatten(self.layers)

    @property
    def ink(self) -> RGBA:
        return over(self.colour, self.background)

    @property
    def contrast(self) -> float:
        return contrast(self.ink, self.background)

    def __str__(self) -> str:
        short = self.text if len(self.text) <= 40 else self.text[:39] + "…"
        return (
            f"{self.where} {short!r}: {hex_colour(self.colour)} on "
            f"{hex_colour(self.background)}, contrast {self.contrast:.2f}"
        )


@dataclass(frozen=True)
class Layout:
    """One rendered page as measured in the browser."""

    viewport_width: int
    scroll_width: int
    """`document.documentElement.scrollWidth`: more than the screen means sideways scrolling."""
    overflowing: tuple[str, ...]
    """Elements and text whose box passes the left or right edge of the screen, with where."""
    body_background: RGBA
    texts: tuple[Text, ...]
    visible_text: str
    """`document.body.innerText`: what can be read, with hidden elements and style left out."""


_MEASURE = r"""
([width, tolerance]) => {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  const cache = new Map();
  const LEGACY = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/;
  // Any computed colour as [r, g, b, a]; modern syntaxes (oklch, color-mix) via a painted pixel.
  const rgba = (css) => {
    let out = cache.get(css);
    if (out) return out;
    const m = LEGACY.exec(css);
    if (m) {
      out = [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]];
    } else {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = "rgba(0, 0, 0, 0)";
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      const d = ctx.getImageData(0, 0, 1, 1).data;
      out = [d[0], d[1], d[2], d[3] / 255];
    }
    cache.set(css, out);
    return out;
  };
  const name = (el) =>
    el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    [...el.classList].map((c) => "." + c).join("");
  const path = (el) => {
    if (el === document.body || el === document.documentElement) return name(el);
    const parts = [];
    for (let e = el; e && e !== document.body; e = e.parentElement) parts.unshift(name(e));
    return parts.join(" > ");
  };
  const rendered = (node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    return [...range.getClientRects()].some((r) => r.width > 0 && r.height > 0);
  };
  // Backgrounds from `el` outwards to the first opaque one; opacity folded into the alphas.
  const backdrop = (el, own, colour) => {
    const chain = own ? [[own, 1]] : [];
    for (let e = own && own[3] >= 1 ? null : el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      const bg = rgba(s.backgroundColor);
      if (bg[3] >= 1) { chain.push([bg, 1]); break; }
      chain.push([bg, +s.opacity]);
    }
    let fade = 1;
    const layers = [];
    for (let i = chain.length - 1; i >= 0; i--) {
      const [bg, opacity] = chain[i];
      fade *= opacity;
      layers.unshift([bg[0], bg[1], bg[2], bg[3] * fade]);
    }
    return { colour: [colour[0], colour[1], colour[2], colour[3] * fade], layers };
  };
  const texts = [];
  const overflowing = [];
  const all = [document.documentElement, document.body, ...document.body.querySelectorAll("*")];
  for (const el of all) {
    const box = el.getBoundingClientRect();
    if ((box.width > 0 || box.height > 0) &&
        (box.right > width + tolerance || box.left < -tolerance)) {
      overflowing.push(`${path(el)} spans x ${box.left.toFixed(1)}..${box.right.toFixed(1)}`);
    }
    const style = getComputedStyle(el);
    if (style.visibility !== "visible") continue;
    let own = "";
    for (const node of el.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || !node.data.trim() || !rendered(node)) continue;
      own += node.data;
      const range = document.createRange();
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      if (r.right > width + tolerance || r.left < -tolerance) {
        const words = node.data.trim().slice(0, 30);
        overflowing.push(`text ${JSON.stringify(words)} in ${path(el)} spans x ` +
                         `${r.left.toFixed(1)}..${r.right.toFixed(1)}`);
      }
    }
    own = own.replace(/\s+/g, " ").trim();
    if (own) {
      const { colour, layers } = backdrop(el, null, rgba(style.webkitTextFillColor));
      texts.push({ where: path(el), text: own, colour, layers });
    }
    if (el.getClientRects().length === 0) continue;
    for (const pseudo of ["::before", "::after"]) {
      const ps = getComputedStyle(el, pseudo);
      const content = ps.content;
      if (content === "none" || content === "normal" || ps.display === "none") continue;
      const shown = content.replace(/^"|"$/g, "").trim();
      if (!shown || ps.visibility !== "visible") continue;
      const { colour, layers } =
        backdrop(el, rgba(ps.backgroundColor), rgba(ps.webkitTextFillColor));
      texts.push({ where: path(el) + pseudo, text: shown, colour, layers });
    }
  }
  return {
    viewportWidth: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    overflowing,
    bodyBackground: rgba(getComputedStyle(document.body).backgroundColor),
    texts,
    visibleText: document.body.innerText,
  };
}
"""


def _rgba(values: Iterable[float]) -> RGBA:
    r, g, b, a = values
    return (float(r), float(g), float(b), float(a))


def measure(page: Page, html: str) -> Layout:
    """Show `html` (a whole page, see `wrap_card`) and measure it."""
    page.set_content(html)
    data = cast(dict[str, Any], page.evaluate(_MEASURE, [PHONE_WIDTH, TOLERANCE]))
    return Layout(
        viewport_width=int(data["viewportWidth"]),
        scroll_width=int(data["scrollWidth"]),
        overflowing=tuple(data["overflowing"]),
        body_background=flatten([_rgba(data["bodyBackground"])]),
        texts=tuple(
            Text(t["where"], t["text"], _rgba(t["colour"]), tuple(_rgba(x) for x in t["layers"]))
            for t in data["texts"]
        ),
        visible_text=str(data["visibleText"]),
    )


def screenshot(page: Page, html: str, path: Path) -> Path:
    """Show `html` and save the whole page, scrolled length included, as a PNG."""
    page.set_content(html)
    page.screenshot(path=str(path), full_page=True)
    return path


HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")


def fonts_of_hangul_text(page: Page) -> dict[str, dict[str, int]]:
    """For every element of the shown page whose own text has Hangul: the fonts Chromium drew
    that text with (family -> glyph count), as the DevTools protocol reports them."""
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
        found = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": "body, body *"})
        out: dict[str, dict[str, int]] = {}
        for node_id in found["nodeIds"]:
            node = cdp.send("DOM.describeNode", {"nodeId": node_id, "depth": 1})["node"]
            own = "".join(
                child.get("nodeValue", "")
                for child in node.get("children", [])
                if child.get("nodeType") == 3
            )
            if node.get("nodeName") in {"STYLE", "SCRIPT"} or not HANGUL.search(own):
                continue
            fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node_id})["fonts"]
            label = f"{node['localName']}.{_attribute(node, 'class')} {own.strip()[:20]!r}"
            out[label] = {f["familyName"]: int(f["glyphCount"]) for f in fonts}
        return out
    finally:
        cdp.detach()


def _attribute(node: dict[str, Any], name: str) -> str:
    attributes = node.get("attributes", [])
    pairs = dict(zip(attributes[::2], attributes[1::2], strict=True))
    return str(pairs.get(name, "")).replace(" ", ".")
