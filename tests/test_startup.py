"""What each command loads: a library only the commands, or the sheets, that need it.

Every command pays for what it imports before it reads a line (about 30 ms for Pygments,
nh3 and multiprocessing together, on a build of 30 notes that takes 150 ms).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
WATCHED = (
    "bs4",
    "genanki",
    "markdown_it",
    "multiprocessing",
    "nh3",
    "pygments.formatters",
    "markdownify",
    "pygments.lexers",
)
REPORT = """\
import json, sys
from flashcards.cli import main
try:
    main({args!r}, standalone_mode=False)
finally:
    print(json.dumps(sorted(m for m in {watched!r} if m in sys.modules)))
"""

CODE_AND_HTML = """\
# Shell

* **ls**
  * lists a folder: <kbd>ls -l</kbd>

    ```sh
    ls -l /tmp
    ```
"""


def loaded(cwd: Path, *args: str) -> list[str]:
    """The watched modules a fresh process has loaded after running `flashcards ARGS`."""
    code = REPORT.format(args=list(args), watched=WATCHED)
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.splitlines()[-1])


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(PROJECT / "source", tmp_path / "source")
    return tmp_path


def test_help_loads_neither_the_parser_nor_the_deck_writer(tmp_path: Path) -> None:
    assert loaded(tmp_path, "--help") == []


def test_lint_does_not_load_the_deck_writer(project: Path) -> None:
    assert loaded(project, "lint") == ["markdown_it"]


def test_a_build_of_sheets_without_code_or_html_loads_no_highlighter_sanitizer_or_pool(
    project: Path,
) -> None:
    assert loaded(project, "build") == ["genanki", "markdown_it"]
    assert sorted(p.name for p in (project / "decks").glob("*.apkg")) == [
        "aws-en.apkg",
        "aws-ko-en.apkg",
        "aws-ko.apkg",
    ]


def test_a_sheet_with_code_and_html_loads_them_when_it_needs_them(tmp_path: Path) -> None:
    (tmp_path / "shell.md").write_text(CODE_AND_HTML, encoding="utf-8")
    args = ("notes", "--json", "shell.md")
    assert loaded(tmp_path, *args) == [
        "markdown_it",
        "nh3",
        "pygments.formatters",
        "pygments.lexers",
    ]
    done = subprocess.run(
        [sys.executable, "-m", "flashcards", *args], cwd=tmp_path, capture_output=True, text=True
    )
    (note,) = json.loads(done.stdout)
    assert "<kbd>ls -l</kbd>" in note["html"]
    assert '<span class="hl-' in note["html"]


def test_a_sheet_written_in_html_loads_the_converter_and_one_without_it_does_not(
    tmp_path: Path,
) -> None:
    (tmp_path / "post.md").write_text("<h4>TCP란?</h4>\n<p>전송 계층 프로토콜이다.</p>\n", "utf-8")
    (tmp_path / "badge.md").write_text(
        '# Terms\n\n<div align="center"><img src="b.svg"></div>\n\n- **TCP**: a protocol\n',
        "utf-8",
    )
    assert "bs4" in loaded(tmp_path, "notes", "post.md")
    assert "markdownify" in loaded(tmp_path, "notes", "post.md")
    assert "bs4" not in loaded(tmp_path, "notes", "badge.md")
