"""The command line as a user meets it: exact messages, exit status, files left alone."""

from __future__ import annotations

import json
import os
from pathlib import Path

from anki_client import import_deck, notes_by_short, open_collection
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


def warns_and_builds(args: list[str | Path], stdout: str, *warnings: str) -> None:
    """The build prints exactly `warnings` on stderr and `stdout`, and succeeds; `--strict`,
    run first, fails with the same lines and writes nothing, over an earlier deck too."""
    deck = Path(next((str(a) for a in args if str(a).endswith(".apkg")), "s.apkg"))
    lock = deck.with_suffix(".lock.json")
    before = [p.read_bytes() if p.exists() else None for p in (deck, lock)]
    fails_with([*args, "--strict"], *warnings)
    assert [p.read_bytes() if p.exists() else None for p in (deck, lock)] == before
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == list(warnings)
    assert result.stdout == stdout


def test_a_term_without_definition(cwd: Path) -> None:
    write(cwd / "s.md", "# Compute\n* **EC2**\n* **S3**: storage\n")
    warning = 's.md:2: warning: term "EC2" has no definition, so it is not a note'
    warns_and_builds(["build", "s.md", "-o", "s.apkg"], "s.apkg: 1 notes\n", warning)
    assert run("notes", "s.md").stdout == "s.md:3: [Compute] S3\n"
    # Over an earlier deck, --strict leaves it as it was.
    write(cwd / "s.md", "# Compute\n* **EC2**\n* **S3**: object storage\n")
    warns_and_builds(["build", "s.md", "-o", "s.apkg"], "s.apkg: 1 notes\n", warning)


def test_two_notes_with_one_short_form_name_both_lines(cwd: Path) -> None:
    write(cwd / "s.md", "# Compute\n* **EC2 (Elastic Compute Cloud)**: vm\n\n* **ec2**: again\n")
    warning = 's.md:4: warning: duplicate term "ec2": "EC2" is at line 2; the first is kept'
    warns_and_builds(["build", "s.md"], "s.apkg: 1 notes\n", warning)
    listed = run("notes", "s.md")
    assert listed.stdout == "s.md:2: [Compute] EC2 (Elastic Compute Cloud)\n"
    assert listed.stderr == warning + "\n"


def test_a_source_without_notes(cwd: Path) -> None:
    write(cwd / "s.md", "# Title\n\nJust prose.\n")
    fails_with(["build", "s.md"], f"s.md:1: {NO_NOTES}")


def test_every_problem_of_a_source_in_line_order(cwd: Path) -> None:
    write(cwd / "s.md", "* **A**\n* **B**: b\n* **C**\n* **b**: again\n")
    warns_and_builds(
        ["build", "s.md"],
        "s.apkg: 1 notes\n",
        's.md:1: warning: term "A" has no definition, so it is not a note',
        's.md:3: warning: term "C" has no definition, so it is not a note',
        's.md:4: warning: duplicate term "b": "B" is at line 2; the first is kept',
    )


def test_a_sheet_with_local_problems_builds_from_the_rest(cwd: Path) -> None:
    write(
        cwd / "s.md",
        "# Compute\n"
        "* **EC2**: virtual machines\n"
        "* **Lambda**: functions\n"
        "* **ec2**: the same term again\n"
        "* **Only bold**\n"
        "* a plain item among the notes\n"
        "* **S3**: object storage\n",
    )
    warnings = [
        's.md:4: warning: duplicate term "ec2": "EC2" is at line 2; the first is kept',
        's.md:5: warning: term "Only bold" has no definition, so it is not a note',
        "s.md:6: warning: list item does not start with a bold term, so it is not a note",
    ]
    warns_and_builds(["build", "s.md", "-o", "s.apkg"], "s.apkg: 3 notes\n", *warnings)
    col = open_collection(cwd / "anki")
    import_deck(col, cwd / "s.apkg")
    kept = {short: (n["Definition"], n["Source"]) for short, n in notes_by_short(col).items()}
    assert kept == {
        "EC2": ("virtual machines", "s.md:2"),
        "Lambda": ("functions", "s.md:3"),
        "S3": ("object storage", "s.md:7"),
    }
    result = run("lint", "s.md")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == warnings
    assert result.stdout == "1 source checked, 3 warnings\n"
    fails_with(["lint", "--strict", "s.md"], *warnings, "Error: 3 errors")


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
    decks = project / "decks"
    before = {p.name: p.read_bytes() for p in decks.iterdir() if p.is_file()}
    assert len(before) == 6  # three decks and their locks (and a folder: the build cache)
    source = project / "source/aws.ko.md"
    text = source.read_text(encoding="utf-8")
    write(source, text.replace(" * **Glacier**", " * **s3**: again\n\n * **Glacier**", 1))
    warning = 'source/aws.ko.md:27: warning: duplicate term "s3": "S3" is at line 21'
    warning += "; the first is kept"
    result = run("build", "--strict")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [warning]
    assert result.stdout == ""
    assert {p.name: p.read_bytes() for p in decks.iterdir() if p.is_file()} == before
    # Without --strict the same sheet builds.
    result = run("build")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [warning]


def test_a_build_that_fails_on_an_error_shows_the_warning_that_explains_it(
    project: Path,
) -> None:
    # Glacier without a definition is a warning in the Korean sheet; the English sheet then
    # has a term the Korean one lacks, an error. The warning says why.
    source = project / "source/aws.ko.md"
    text = source.read_text(encoding="utf-8")
    write(
        source,
        text.replace(
            "   * `장기 보관용 데이터 저장 서비스`로, 저비용으로 데이터를 보관할 수 있다.\n", "", 1
        ),
    )
    result = run("build")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        'source/aws.en.md:27: term "Glacier" is not in source/aws.ko.md',
        'source/aws.ko.md:27: warning: term "Glacier" has no definition, so it is not a note',
    ]
    assert not (project / "decks").exists()


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
        "kind": "term",
    }
    assert notes[0]["html"].startswith('<code class="key">가상 서버 인스턴스</code>를')


def test_lint_tells_about_the_section_without_terms(sheet: Path) -> None:
    # The intro's picture is not in the repository: the description is no card, so an info.
    info = (
        f"{sheet}:4: info: deck description: picture ./img/aws.png not found beside the sheet\n"
        f'{sheet}:84: info: section "AWS의 장점" has list items but no terms,'
        " so it gives no notes\n"
    )
    for strict in ([], ["--strict"]):  # an info never fails
        result = run("lint", *strict, sheet)
        assert result.exit_code == 0
        assert result.stderr == info
        assert result.stdout == "1 source checked, 0 warnings, 2 info\n"
    # build does not print infos
    result = run("build", sheet, "--strict")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


def test_lint_fails_on_errors(cwd: Path) -> None:
    write(cwd / "s.md", "# Compute\n* **A**\n* plain item\n* **B**: b\n# compute\n* **C**: c\n")
    lines = [
        's.md:2: warning: term "A" has no definition, so it is not a note',
        "s.md:3: warning: list item does not start with a bold term, so it is not a note",
        's.md:5: heading "compute" makes the same tag as "Compute" at line 1 (tags ignore case);'
        " rename one",
    ]
    fails_with(["lint", "s.md"], *lines, "Error: 1 error")
    fails_with(["lint", "--strict", "s.md"], *lines, "Error: 3 errors")


PROJECT_INFOS = [
    "source/aws.en.md:4: info: deck description: picture ./img/aws.png not found beside the sheet",
    'source/aws.en.md:84: info: section "Advantages of AWS" has list items but no terms,'
    " so it gives no notes",
    "source/aws.ko.md:4: info: deck description: picture ./img/aws.png not found beside the sheet",
    'source/aws.ko.md:84: info: section "AWS의 장점" has list items but no terms,'
    " so it gives no notes",
]


def test_lint_of_the_project_config(project: Path) -> None:
    result = run("lint")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == PROJECT_INFOS
    assert result.stdout == "2 sources checked, 0 warnings, 4 info\n"


def test_lint_strict_does_not_fail_on_infos(project: Path) -> None:
    result = run("lint", "--strict")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == PROJECT_INFOS
    assert result.stdout == "2 sources checked, 0 warnings, 4 info\n"


def test_an_output_that_is_not_a_regular_file_is_left_alone(cwd: Path) -> None:
    write(cwd / "s.md", "* **A**: a\n")
    os.mkfifo(cwd / "pipe")  # like /dev/null: renaming over it would replace it
    fails_with(["build", "s.md", "-o", "pipe"], "pipe:1: cannot write: not a regular file")
    assert (cwd / "pipe").is_fifo()


PLAIN_ITEMS = "# Services\n\n- **EC2**: servers\n" + "".join(
    f"- plain item {n}\n" for n in range(12)
)


def test_warnings_of_one_kind_are_one_line_in_build_and_notes_and_each_in_lint(
    cwd: Path,
) -> None:
    (cwd / "s.md").write_text(PLAIN_ITEMS, encoding="utf-8")
    grouped = (
        "s.md:4: warning: list item does not start with a bold term, so it is not a note"
        " (12 like it, at lines 4, 5, 6, …; lint lists each)"
    )
    built = run("build", "s.md", "-o", "s.apkg")
    assert built.exit_code == 0, built.output
    assert built.stderr.splitlines() == [grouped]
    assert run("notes", "s.md").stderr.splitlines() == [grouped]
    linted = run("lint", "s.md")
    assert linted.stderr.splitlines() == [
        f"s.md:{line}: warning: list item does not start with a bold term, so it is not a note"
        for line in range(4, 16)
    ]
    assert linted.stdout == "1 source checked, 12 warnings\n"


def test_two_warnings_of_one_kind_are_each_said(cwd: Path) -> None:
    (cwd / "s.md").write_text("# A\n\n- **X**: x\n- one\n- two\n", encoding="utf-8")
    built = run("build", "s.md", "-o", "s.apkg")
    assert built.stderr.splitlines() == [
        f"s.md:{line}: warning: list item does not start with a bold term, so it is not a note"
        for line in (4, 5)
    ]
