"""Make docs/card-phone.png: one card of the Korean deck on a phone, light and night.

Run by `make screenshot`, with Debian's Chromium (see `make browser`). The card is rendered
by the preview's renderer, which the tests hold to Anki's own rendering.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from flashcards import config, plan
from flashcards.cli import DEFAULT_CONFIG
from flashcards.preview import PHONE_WIDTH, deck_cards

CHROMIUM = "/usr/bin/chromium"
GAP = 24
HEIGHT = 640


def card_page(deck_key: str, term: str) -> str:
    target = next(t for t in plan.targets(config.load(DEFAULT_CONFIG)) if t.namespace == deck_key)
    deck = deck_cards(target, plan.load_sheets([target]))
    back = next(c.back for c in deck.cards if c.note == term)  # its first card: term → definition
    phones = "".join(
        f'<div class="phone"><div class="{classes}">{back}</div></div>'
        for classes in ("card", "card nightMode night_mode")
    )
    return (
        '<!doctype html><html><head><meta charset="utf-8">'
        f"<style>{''.join(sorted(deck.styles))}</style><style>"
        f"body {{ margin: 0; display: flex; gap: {GAP}px; background: #8a8f98; padding: {GAP}px; }}"
        f".phone {{ width: {PHONE_WIDTH}px; height: {HEIGHT - 2 * GAP}px; overflow: hidden;"
        " border-radius: 18px; } .phone > .card { height: 100%; }"
        f"</style></head><body>{phones}</body></html>"
    )


def main(out: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "card.html"
        page.write_text(card_page("aws-ko", "EC2 (Elastic Compute Cloud)"), encoding="utf-8")
        width = 2 * PHONE_WIDTH + 3 * GAP
        subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                f"--user-data-dir={folder}/profile",
                f"--window-size={width},{HEIGHT}",
                f"--screenshot={out.resolve()}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
        )
    print(f"{out}: written")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/card-phone.png"))
