"""The preview page in a real browser: opened from disk, no network, every card at phone width."""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from browser import PHONE_WIDTH, luminance
from conftest import run

if TYPE_CHECKING:  # Playwright is needed by the browser tests only
    from playwright.sync_api import Browser, Page

# Per phone: its width, whether its card spills over it, and its card's background colour.
_PHONES = """() => [...document.querySelectorAll('.phone')].map(p => {
  const card = p.querySelector('.card');
  const bg = getComputedStyle(card).backgroundColor.match(/[\\d.]+/g).map(Number);
  return {width: p.clientWidth, spills: card.scrollWidth > p.clientWidth + 0.5,
          night: card.classList.contains('nightMode'), bg};
})"""


@pytest.fixture
def page(project: Path, chromium: Browser) -> Iterator[Page]:
    result = run("preview", "-o", "out")
    assert result.exit_code == 0, result.output
    context = chromium.new_context(viewport={"width": 1700, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((project / "out/index.html").as_uri())
    yield page
    context.close()
    assert [u for u in requests if not u.startswith("file:")] == []  # nothing but the file


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_preview_page_shows_every_card_light_and_night(page: Page, tmp_path: Path) -> None:
    phones = page.evaluate(_PHONES)
    assert len(phones) == 4 * 3 * 56  # front and back, light and night, of 168 cards
    assert {round(p["width"]) for p in phones} == {PHONE_WIDTH}
    assert [p for p in phones if p["spills"]] == []
    night = [luminance((*p["bg"][:3], 1.0)) for p in phones if p["night"]]
    light = [luminance((*p["bg"][:3], 1.0)) for p in phones if not p["night"]]
    assert max(night) < 0.2 < 0.8 < min(light)
    assert page.locator("header a").all_inner_texts() == [
        "AWS 핵심 서비스",
        "AWS Core Services",
        "AWS 핵심 서비스 (한국어·English)",
    ]

    shot = tmp_path / "preview.png"
    page.screenshot(path=str(shot))
    assert png_size(shot.read_bytes()) == (1700, 900)
    first = page.locator(".row").first.screenshot()
    width, height = png_size(first)
    assert width >= 4 * PHONE_WIDTH and height > 100
