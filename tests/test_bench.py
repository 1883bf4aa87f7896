"""`make bench` judges every goal of the speed issue against its floor, and says which pass."""

from __future__ import annotations

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from children import Summary
from run import BIG, FolderRows, Row, Startup, targets
from sheets import read_seed, sheet_text

from flashcards.parse import parse

FLOOR = Summary(1.0, 100.0)


def row(notes: int, seconds: float, mib: float = 100.0) -> Row:
    return Row(notes, notes * 163, Summary(seconds, mib), FLOOR)


def verdicts(
    cold: float, warm: float, memory: float, seed: float, help_: float, folder: float
) -> list[str]:
    rows = [row(1_000, cold), row(10_000, cold), row(BIG, cold, memory)]
    warm_rows = [row(10_000, warm), row(BIG, warm)]
    start = Startup(Summary(help_, 30.0), Summary(1.0, 20.0), Summary(0.1, 20.0), False, False)
    one, many = Summary(2.0, 90.0), Summary(2.0 * folder, 90.0)
    return targets(rows, row(30, seed), start, warm_rows, FolderRows(one, many, one, many))


def test_every_goal_of_the_issue_has_its_line() -> None:
    lines = verdicts(cold=1.5, warm=0.5, memory=120.0, seed=1.5, help_=1.2, folder=1.2)
    assert lines == [
        "- PASS 1,000 notes: build time <= 2.0x floor",
        "- PASS 10,000 notes: build time <= 2.0x floor",
        "- PASS 100,000 notes: build time <= 2.0x floor",
        "- PASS 100,000 notes: warm rebuild <= 1.2x floor",
        "- PASS 10,000 notes: warm rebuild under 1 s",
        "- PASS 100,000 notes: build memory <= 1.5x floor",
        "- PASS seed-size config build <= 2x floor (30 notes)",
        "- PASS `--help` <= 1.5x `import click`",
        "- PASS `lint` and `--help` do not import genanki",
        "- PASS 200 sheets: first build <= 1.25x one sheet of the same notes",
        "- PASS 200 sheets: one-file warm rebuild <= 1.25x one sheet's warm rebuild",
    ]


def test_each_goal_fails_just_past_its_bound() -> None:
    lines = verdicts(cold=2.01, warm=1.21, memory=151.0, seed=2.01, help_=1.51, folder=1.26)
    failed = [line for line in lines if line.startswith("- FAIL")]
    assert len(failed) == 10  # all but the genanki import check
    assert "- FAIL 10,000 notes: warm rebuild under 1 s" in failed


def test_a_generated_sheet_gives_exactly_its_notes() -> None:
    """The bench fails when its sheet does not give the notes it wrote: the parser must read
    the seed's intro, a heading that states what the sheet is about, as no note."""
    text = sheet_text(120, read_seed())
    assert len(parse(text, "aws-120.ko.md").notes) == 120
