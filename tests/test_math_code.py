"""Math for Anki's MathJax and highlighted code, as the CLI reports them and the real client
renders them (the `anki` library)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from anki.collection import Collection
from conftest import run
from math_code import imported_math_code

UNBALANCED = """\
# Physics

* **Energy**: the formula
  $$ E = mc^2
  is never closed.
* **Mass**: $m$ and \\$\\$ are fine.
"""

_MATH = re.compile(r"\\\(.*?\\\)|\\\[.*?\\\]", re.S)


def test_unbalanced_display_math_is_a_warning_at_its_line(cwd: Path) -> None:
    (cwd / "s.md").write_text(UNBALANCED, encoding="utf-8")
    warning = (
        "s.md:4: warning: unbalanced $$: the formula is never closed and shows as text;"
        " end it with $$"
    )
    result = run("lint", "s.md")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == warning
    strict = run("lint", "--strict", "s.md")
    assert strict.exit_code == 1 and warning in strict.output


@pytest.fixture
def col(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Collection]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    with imported_math_code(tmp_path) as collection:
        yield collection


def card_of(col: Collection, term: str, template: str):  # type: ignore[no-untyped-def]
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        if html.unescape(card.note()["Term"]) == term and card.template()["name"] == template:
            return card
    raise AssertionError(f"no {template} card for {term}")


def test_math_reaches_anki_in_mathjax_delimiters(col: Collection) -> None:
    card = card_of(col, "Energy", "Term → Definition")
    answer = card.answer()
    assert "\\(E = mc^2\\)" in answer
    assert "\\[a &lt; b \\&amp; c\\]" in answer  # escaped in the field, as all text is
    formulas = _MATH.findall(answer)
    assert len(formulas) == 3, formulas
    assert all("<br" not in f for f in formulas)
    display = card_of(col, "Display", "Term → Definition").answer()
    assert "\\[\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}\\]" in display


def test_a_price_is_not_math(col: Collection) -> None:
    answer = card_of(col, "Price", "Term → Definition").answer()
    assert "a ticket costs $5 and a meal $10." in answer
    assert not _MATH.search(answer)


def test_math_with_doubled_braces_does_not_end_a_cloze(col: Collection) -> None:
    cloze = [col.get_note(n) for n in col.find_notes("note:*Cloze*")]
    tower = next(n for n in cloze if n["Term"] == "Tower")
    cards = tower.cards()
    assert len(cards) == 2  # one per key phrase: the "}}" in the math made none
    for card in cards:
        for side in (card.question(), card.answer()):
            text = html.unescape(side)  # what the browser, and so MathJax, reads
            assert "\\(x^{y^{z}}\\)" in text and "\\(\\frac{{a}}{b}\\)" in text
        assert "[...]" in card.question()
