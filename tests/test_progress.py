"""A long build shows how far it is on a terminal, and nothing more in a pipe or a log."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

NOTES = 20_000  # about two seconds: past the one second before progress shows


@pytest.fixture
def big(tmp_path: Path) -> Path:
    items = "".join(f"* **T{n}**\n  * definition number {n}\n" for n in range(NOTES))
    sheet = tmp_path / "big.md"
    sheet.write_text("# A\n\n" + items, encoding="utf-8")
    return sheet


def build(sheet: Path, stderr: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "flashcards", "build", sheet.name, "-o", "big.apkg"],
        cwd=sheet.parent,
        stdout=subprocess.PIPE,
        stderr=stderr,
    )


@pytest.mark.slow
def test_a_long_build_shows_progress_on_a_terminal(big: Path) -> None:
    master, slave = pty.openpty()
    process = build(big, slave)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 1 << 16)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    stdout, _ = process.communicate()
    assert process.returncode == 0
    text = seen.decode()
    assert f"\rbig.apkg: {NOTES:,} notes parsed\x1b[K" in text
    assert f"\rbig.apkg: 10,000 of {NOTES:,} notes written\x1b[K" in text
    assert text.endswith("\r\x1b[K")  # the line is cleared before the summary
    assert stdout == f"big.apkg: {NOTES} notes\n".encode()


@pytest.mark.slow
def test_a_long_build_in_a_pipe_prints_no_progress(big: Path) -> None:
    process = build(big, subprocess.PIPE)
    stdout, stderr = process.communicate()
    assert process.returncode == 0
    assert stderr == b""
    assert stdout == f"big.apkg: {NOTES} notes\n".encode()
