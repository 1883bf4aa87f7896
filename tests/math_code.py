"""A sheet with math and code, built by the CLI: shared by the client and browser tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from anki.collection import Collection
from anki_client import import_deck, open_collection
from conftest import run

SHEET = """\
# Physics

* **Energy**: mass is `energy`, $E = mc^2$, and $$a < b \\& c$$ over
  two lines: $x +
  y$.
* **Tower**: a `power` of a `power`, $x^{y^{z}}$ and $\\frac{{a}}{b}$.
* **Price**: a ticket costs $5 and a meal $10.
* **Area**: in Python:

  ```python
  def area(r: float) -> float:
      return 3.14159 * r ** 2  # "pi" r squared, a comment far too long for a phone screen
  ```
* **Display**: on its own lines:

  $$
  \\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}
  $$
"""

CONFIG = """\
categories:
  physics:
    en: Physics
decks:
  - key: mathcode
    name: Math and code
    language: en
    source: sheet.md
    output: out/mathcode.apkg
    cloze: true
"""


def build_math_code(folder: Path) -> Path:
    """The deck built into `folder` with the CLI (strict: no warning); its .apkg."""
    (folder / "sheet.md").write_text(SHEET, encoding="utf-8")
    (folder / "decks.yaml").write_text(CONFIG, encoding="utf-8")
    result = run("build", "--config", folder / "decks.yaml", "--strict")
    assert result.exit_code == 0, result.output
    return folder / "out" / "mathcode.apkg"


@contextmanager
def imported_math_code(folder: Path) -> Iterator[Collection]:
    """The math and code deck, built in `folder` and imported into a fresh collection there."""
    apkg = build_math_code(folder)
    col = open_collection(folder / "anki")
    try:
        import_deck(col, apkg)
        yield col
    finally:
        col.close()
