"""The command line as a user meets it: exact messages, exit status, files left alone."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import SEED, run

from flashcards.parse import NO_NOTES


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def fails_with(args: list[str | Path], *lines: str) -> None:
    result = run(*args)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == list(lines)
    assert "Traceback" not in result.output


@pytest.fixture
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_term_without_definition(cwd: Path) -> None:
    write(cwd / "s.md", "# A\n* **EC2**\n* **S3**: storage\n")
    fails_with(["build", "s.md", "-o", "s.apkg"], 's.md:2: term "EC2" has no definition')
    assert not (cwd / "s.apkg").exists()


def test_two_notes_with_one_short_form_name_both_lines(cwd: Path) -> None:
    write(cwd / "s.md", "# A\n* **EC2 (Elastic Compute Cloud)**: vm\n\n* **ec2**: again\n")
    fails_with(["build", "s.md"], 's.md:4: duplicate term "ec2": "EC2" is at line 2')


def test_a_source_without_notes(cwd: Path) -> None:
    write(cwd / "s.md", "# Title\n\nJust prose.\n")
    fails_with(["build", "s.md"], f"s.md:1: {NO_NOTES}")


def test_every_error_of_a_source_in_line_order(cwd: Path) -> None:
    write(cwd / "s.md", "* **A**\n* **B**: b\n* **C**\n* **b**: again\n")
    fails_with(
        ["build", "s.md"],
        's.md:1: term "A" has no definition',
        's.md:3: term "C" has no definition',
        's.md:4: duplicate term "b": "B" is at line 2',
    )


def test_invalid_utf8_names_line_and_offset(cwd: Path) -> None:
    (cwd / "s.md").write_bytes(b"# A\n* **A**: caf\xe9\n")
    fails_with(["build", "s.md"], "s.md:2: not valid UTF-8: byte 0xe9 at offset 16")


def test_a_missing_source(cwd: Path) -> None:
    fails_with(["build", "nope.md"], "nope.md:1: cannot read: No such file or directory")


def test_an_output_that_is_a_directory(cwd: Path) -> None:
    write(cwd / "s.md", "* **A**: a\n")
    (cwd / "out").mkdir()
    fails_with(["build", "s.md", "-o", "out"], "out:1: cannot write: is a directory")


def test_an_output_under_a_file(cwd: Path) -> None:
    write(cwd / "s.md", "* **A**: a\n")
    fails_with(
        ["build", "s.md", "-o", "s.md/x.apkg"],
        "s.md/x.apkg:1: cannot write: s.md is not a directory",
    )


def test_an_output_in_a_missing_folder_is_created(cwd: Path) -> None:
    write(cwd / "s.md", "* **A**: a\n")
    result = run("build", "s.md", "-o", "new/dir/s.apkg")
    assert result.exit_code == 0
    assert result.stdout == "new/dir/s.apkg: 1 notes\n"
    assert (cwd / "new/dir/s.apkg").stat().st_size > 0


def test_a_failed_build_leaves_the_previous_deck_and_lock(project: Path) -> None:
    assert run("build").exit_code == 0
    deck, lock = project / "decks/aws-ko.apkg", project / "decks/aws-ko.lock.json"
    before = deck.read_bytes(), lock.read_bytes()
    source = project / "source/aws.ko.md"
    write(
        source, source.read_text(encoding="utf-8").replace("**Glacier**\n   *", "**Glacier**\n\n")
    )
    result = run("build")
    assert result.exit_code == 1
    assert result.stderr.startswith("source/aws.ko.md:27: term")
    assert (deck.read_bytes(), lock.read_bytes()) == before
    assert len(list(deck.parent.iterdir())) == 6  # three decks and their locks, no leftovers


def test_check_names_a_stale_deck_and_writes_nothing(project: Path) -> None:
    assert run("build").exit_code == 0
    deck = project / "decks/aws-ko.apkg"
    before = deck.read_bytes()
    source = project / "source/aws.ko.md"
    write(source, source.read_text(encoding="utf-8").replace("DNS 서비스", "관리형 DNS"))
    result = run("build", "--check")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "decks/aws-ko.apkg: stale: run 'flashcards build'",
        "decks/aws-ko-en.apkg: stale: run 'flashcards build'",
        "Error: 2 of 3 decks stale",
    ]
    assert result.stdout == "decks/aws-en.apkg: current\n"
    assert deck.read_bytes() == before


def test_check_without_any_deck_built_is_stale(project: Path) -> None:
    result = run("build", "--check")
    assert result.exit_code == 1
    assert not (project / "decks").exists()


def test_notes_json_of_the_seed(sheet: Path) -> None:
    result = run("notes", sheet, "--json")
    assert result.exit_code == 0
    notes = json.loads(result.stdout)
    assert len(notes) == 23
    assert len({n["category"] for n in notes}) == 7
    assert notes[0] == {
        "term": "EC2 (Elastic Compute Cloud)",
        "short": "EC2",
        "expansion": "Elastic Compute Cloud",
        "category": "컴퓨팅 서비스",
        "definition": SEED.read_text(encoding="utf-8").splitlines()[8].strip(" *").replace("`", ""),
        "html": notes[0]["html"],
        "path": str(sheet),
        "line": 8,
    }
    assert notes[0]["html"].startswith('<code class="key">가상 서버 인스턴스</code>를')


def test_lint_warns_about_the_section_without_bold_terms(sheet: Path) -> None:
    result = run("lint", sheet)
    assert result.exit_code == 0
    assert result.stderr == (
        f'{sheet}:84: warning: section "AWS의 장점" has list items but no bold terms,'
        " so it gives no notes\n"
    )
    assert result.stdout == "1 source checked, 1 warning\n"


def test_lint_fails_on_errors(cwd: Path) -> None:
    write(cwd / "s.md", "# A\n* **A**\n* plain item\n* **B**: b\n")
    result = run("lint", "s.md")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        's.md:2: term "A" has no definition',
        "s.md:3: warning: list item does not start with a bold term, so it is not a note",
        "Error: 1 error",
    ]


def test_lint_of_the_project_config(project: Path) -> None:
    result = run("lint")
    assert result.exit_code == 0, result.output
    assert "source/aws.ko.md:84: warning:" in result.stderr


def test_an_output_that_is_not_a_regular_file_is_left_alone(cwd: Path) -> None:
    write(cwd / "s.md", "* **A**: a\n")
    os.mkfifo(cwd / "pipe")  # like /dev/null: renaming over it would replace it
    fails_with(["build", "s.md", "-o", "pipe"], "pipe:1: cannot write: not a regular file")
    assert (cwd / "pipe").is_fifo()
