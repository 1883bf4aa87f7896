"""The committed decks are what the committed sources build."""

from __future__ import annotations

import pytest
from conftest import ROOT, run


def test_committed_decks_are_current(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    result = run("build", "--check")
    assert result.exit_code == 0, result.output
    assert "decks/aws-ko.apkg: current" in result.stdout
