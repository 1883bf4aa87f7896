"""The committed decks are what the committed sources build."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, run

from flashcards.sheets import load_sheet


def test_committed_decks_are_current(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    result = run("build", "--check")
    assert result.exit_code == 0, result.output
    assert "decks/aws-ko.apkg: current" in result.stdout


def test_the_readme_example_sheet_builds_with_its_picture_code_and_formula(
    tmp_path: Path,
) -> None:
    example = ROOT / "docs/example/aws-by-example.en.md"
    result = run("lint", "--strict", example)
    assert result.exit_code == 0, result.output
    sheet = load_sheet(example)
    vpc, durability = sheet.notes
    assert '<img src="' in vpc.html and 'class="hl-kn"' in vpc.html
    assert '<span class="math">\\(1 - 10^{-11}\\)</span>' in durability.html
