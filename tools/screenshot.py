"""Make the README's phone screenshots, light and night: docs/card-phone.png (a card of the
Korean deck) and docs/card-media.png (a card with a diagram and code, from
docs/example/aws-by-example.en.md).

Run by `make screenshot`, with Debian's Chromium (see `make browser`). The cards are rendered
by the preview's renderer, which the tests hold to Anki's own rendering; the pictures are
written beside the page under the names the deck gives them.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from flashcards import config, media, plan, sheets
from flashcards.cli import DEFAULT_CONFIG
from flashcards.deck import Deck
from flashcards.preview import PHONE_WIDTH, deck_cards

CHROMIUM = "/usr/bin/chromium"
GAP = 24
HEIGHT = 640
EXAMPLE = Path("docs/example/aws-by-example.en.md")


def card_page(deck: Deck, term: str, pictures: media.Pictures, height: int = HEIGHT) -> str:
    shown = deck_cards(deck, sheets.load_sheets([deck]), pictures)
    back = next(c.back for c in shown.cards if c.note == term)  # its first card: term → definition
    phones = "".join(
        f'<div class="phone"><div class="{classes}">{back}</div></div>'
        for classes in ("card", "card nightMode night_mode")
    )
    return (
        '<!doctype html><html><head><meta charset="utf-8">'
        f"<style>{''.join(sorted(shown.styles))}</style><style>"
        f"body {{ margin: 0; display: flex; gap: {GAP}px; background: #8a8f98; padding: {GAP}px; }}"
        f".phone {{ width: {PHONE_WIDTH}px; height: {height - 2 * GAP}px; overflow: hidden;"
        " border-radius: 18px; } .phone > .card { height: 100%; }"
        f"</style></head><body>{phones}</body></html>"
    )


def shoot(deck: Deck, term: str, out: Path, height: int = HEIGHT) -> None:
    with tempfile.TemporaryDirectory() as folder:
        pictures = media.Pictures(online=False)
        page = Path(folder) / "card.html"
        page.write_text(card_page(deck, term, pictures, height), encoding="utf-8")
        for name, data in pictures.files():
            (Path(folder) / name).write_bytes(data)
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
                f"--window-size={width},{height}",
                f"--screenshot={out.resolve()}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
        )
    print(f"{out}: written")


def main(folder: Path) -> None:
    seed = next(d for d in config.load(DEFAULT_CONFIG).decks if d.key == "aws-ko")
    shoot(seed, "EC2 (Elastic Compute Cloud)", folder / "card-phone.png")
    example = plan.sheet_deck(EXAMPLE, Path("unused.apkg"))
    shoot(example, "VPC (Virtual Private Cloud)", folder / "card-media.png", height=720)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
