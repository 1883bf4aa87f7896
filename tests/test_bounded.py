"""Sources a build cannot finish on: each is refused at once with one `path:line: message`.

A FIFO, a device or a directory is no sheet; a sheet past the size limit is refused before
it is read; a config nested past what PyYAML can read is an error, not a traceback. Also
the messages that say what is really wrong: blockquotes nested too deep are not lists, and
a `data:` link loses its target like the other unsafe ones.
"""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import run

from flashcards import read
from flashcards.errors import ProblemsError
from flashcards.read import read_text

SHEET = "# A\n\n**Term** — its definition.\n"
CONFIG = """\
categories:
  a:
    en: A
decks:
  - key: k
    name: K
    language: en
    source: {source}
    output: out/k.apkg
"""
SPLIT = "so that a build stays fast and bounded: split it into several sheets"


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Fail instead of hanging: reading a FIFO without a writer would wait forever."""

    def expire(_signal: int, _frame: object) -> None:
        raise TimeoutError(f"still reading after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def fails(*args: str, lines: list[str]) -> None:
    with deadline(10):
        result = run(*args)
    assert result.stderr.splitlines() == lines
    assert result.exit_code == 1
    assert "Traceback" not in result.output


def test_a_fifo_is_refused_by_lint_without_waiting_for_a_writer(cwd: Path) -> None:
    os.mkfifo(cwd / "s.md")
    fails("lint", "s.md", lines=["s.md:1: cannot read: not a regular file", "Error: 1 error"])


def test_a_fifo_is_refused_by_build_and_nothing_is_written(cwd: Path) -> None:
    os.mkfifo(cwd / "s.md")
    fails("build", "s.md", "-o", "z.apkg", lines=["s.md:1: cannot read: not a regular file"])
    assert sorted(p.name for p in cwd.iterdir()) == ["s.md"]


def test_a_device_is_refused_before_it_is_read(cwd: Path) -> None:
    # /dev/null through a link: a device like /dev/zero, which would never stop giving bytes.
    (cwd / "s.md").symlink_to("/dev/null")
    fails("build", "s.md", "-o", "z.apkg", lines=["s.md:1: cannot read: not a regular file"])


def test_a_directory_is_refused(cwd: Path) -> None:
    (cwd / "folder.md").mkdir()
    with pytest.raises(ProblemsError) as caught:
        read_text(cwd / "folder.md")
    assert caught.value.format_message() == f"{cwd / 'folder.md'}:1: cannot read: is a directory"


def test_a_fifo_config_is_refused(cwd: Path) -> None:
    os.mkfifo(cwd / "decks.yaml")
    lines = ["decks.yaml:1: cannot read: not a regular file"]
    fails("build", "--config", "decks.yaml", lines=lines)


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda path: None, "source file 's.md' does not exist"),
        (lambda path: path.mkdir(), "no Markdown files in s.md"),
        (lambda path: os.mkfifo(path), "source file 's.md' is not a regular file"),
    ],
    ids=["missing", "directory", "fifo"],
)
def test_a_config_source_says_what_is_wrong_with_it(cwd: Path, make, problem: str) -> None:
    make(cwd / "s.md")
    (cwd / "decks.yaml").write_text(CONFIG.format(source="s.md"), encoding="utf-8")
    fails("build", "--config", "decks.yaml", lines=[f"decks.yaml:8: {problem}"])


def test_a_sheet_over_the_limit_is_refused_by_its_size(cwd: Path) -> None:
    # Sparse: 123 MB that take no room on disk and are never read.
    with (cwd / "s.md").open("wb") as file:
        file.truncate(123_456_789)
    message = f"s.md:1: file is 123.5 MB; a sheet may be at most 50 MB, {SPLIT}"
    fails("build", "s.md", "-o", "z.apkg", lines=[message])


def test_the_limit_holds_to_the_byte(cwd: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read, "MAX_BYTES", 1_000)
    data = SHEET.encode()
    (cwd / "s.md").write_bytes(data + b"x" * (1_000 - len(data)))
    assert run("build", "s.md", "-o", "z.apkg").exit_code == 0
    (cwd / "s.md").write_bytes(data + b"x" * (1_001 - len(data)))
    message = f"s.md:1: file is 1,001 bytes; a sheet may be at most 1,000 bytes, {SPLIT}"
    fails("lint", "s.md", lines=[message, "Error: 1 error"])


def test_a_size_that_lies_still_reads_no_more_than_the_limit(
    cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file that grows while it is read, or a size the file system gets wrong.
    monkeypatch.setattr(read, "MAX_BYTES", 1_000)
    (cwd / "s.md").write_text(SHEET + "x" * 5_000, encoding="utf-8")
    real = os.fstat

    def small(fd: int) -> os.stat_result:
        info = list(real(fd))
        info[6] = 10  # st_size
        return os.stat_result(info)

    monkeypatch.setattr(read.os, "fstat", small)
    message = f"s.md:1: file is more than 1,000 bytes; a sheet may be at most 1,000 bytes, {SPLIT}"
    fails("lint", "s.md", lines=[message, "Error: 1 error"])


def test_a_config_nested_too_deep_is_an_error_at_its_line(cwd: Path) -> None:
    (cwd / "s.md").write_text(SHEET, encoding="utf-8")
    deep = CONFIG.format(source="s.md") + "extra:\n  - " + "[" * 5_000 + "]" * 5_000 + "\n"
    (cwd / "decks.yaml").write_text(deep, encoding="utf-8")
    message = "nested too deep to read: a config needs only a few levels of nesting"
    fails("build", "--config", "decks.yaml", lines=[f"decks.yaml:11: {message}"])


def nested_quotes(levels: int) -> str:
    """A note, then blockquotes one level deeper on each line: level k at line k + 3."""
    return SHEET + "".join("> " * k + "a\n" for k in range(1, levels + 1))


def test_blockquotes_nested_too_deep_are_named_as_blockquotes(cwd: Path) -> None:
    (cwd / "s.md").write_text(nested_quotes(200), encoding="utf-8")
    message = "s.md:102: blockquotes nested more than 98 levels deep; flatten the quotes"
    fails("build", "s.md", "-o", "z.apkg", lines=[message])


def test_98_levels_of_blockquotes_build(cwd: Path) -> None:
    (cwd / "s.md").write_text(nested_quotes(98), encoding="utf-8")
    assert run("build", "s.md", "-o", "z.apkg").exit_code == 0


def test_lists_in_blockquotes_nested_too_deep_say_how_levels_count(cwd: Path) -> None:
    (cwd / "s.md").write_text(SHEET + "> - " * 40 + "**b** — c\n", encoding="utf-8")
    message = (
        "s.md:4: lists and blockquotes nested too deep: a list counts two levels,"
        " a blockquote one, and at most 98 levels are read; flatten them"
    )
    fails("build", "s.md", "-o", "z.apkg", lines=[message])


@pytest.mark.parametrize(
    "target",
    ["data:image/png;base64,iVBORw0KGgo=", "DATA:image/gif;base64,R0lGOD", "data:text/html,hi"],
)
def test_a_data_link_keeps_its_words_not_its_target(cwd: Path, target: str) -> None:
    (cwd / "s.md").write_text(f"# A\n\n**Term** — see [the picture]({target}).\n", "utf-8")
    result = run("notes", "s.md", "--json")
    assert result.exit_code == 0, result.output
    assert [n["html"] for n in json.loads(result.stdout)] == ["see the picture."]
