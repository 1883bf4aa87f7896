"""Sources that translate each other hold the same terms in the same categories."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run

EN = "source/aws.en.md"
KO = "source/aws.ko.md"


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if needle in line)


def glacier_item(text: str) -> str:
    found = re.search(r" \* \*\*Glacier\*\*\n.*?\n\n", text, re.S)
    assert found is not None
    return found[0]


def lint_and_build_fail_with(*lines: str) -> None:
    """Both commands fail with exactly `lines` (lint also shows the infos of the sources, which
    never fail, and counts the errors); the sources hold no warning."""
    for command in (["lint"], ["build"]):
        result = run(*command)
        assert result.exit_code == 1, result.output
        shown = result.stderr.splitlines()
        if command == ["lint"]:
            infos = [x for x in shown if ": info: " in x]
            # Each sheet's intro picture, not in the repository, and its "advantages" section.
            assert [x.split(":")[0] for x in infos] == [EN, EN, KO, KO]
            shown = [x for x in shown if x not in infos]
        assert shown == [*lines, *(["Error: 1 error"] if command == ["lint"] else [])]


def test_the_project_sources_match(project: Path) -> None:
    result = run("lint")
    assert result.exit_code == 0, result.output
    assert result.stdout == "2 sources checked, 0 warnings, 4 info\n"


def test_a_term_dropped_from_the_translation(project: Path) -> None:
    en = project / EN
    text = en.read_text(encoding="utf-8")
    en.write_text(text.replace(glacier_item(text), ""), encoding="utf-8")
    lint_and_build_fail_with(f'{KO}:27: term "Glacier" is missing from {EN}')
    assert not (project / "decks").exists()


def test_a_term_moved_to_another_section(project: Path) -> None:
    en = project / EN
    text = en.read_text(encoding="utf-8")
    item = glacier_item(text)
    text = text.replace(item, "").replace(
        "# 3. Database Services\n", "# 3. Database Services\n" + item
    )
    en.write_text(text, encoding="utf-8")
    line = line_of(en, "**Glacier**")
    lint_and_build_fail_with(
        f'{EN}:{line}: term "Glacier" is under "database" here but under "storage" in {KO}:27'
    )


def test_an_extra_term_in_the_translation(project: Path) -> None:
    en = project / EN
    text = en.read_text(encoding="utf-8")
    en.write_text(
        text.replace(" * **Glacier**", " * **Batch**: batch jobs\n\n * **Glacier**"), "utf-8"
    )
    line = line_of(en, "**Batch**")
    lint_and_build_fail_with(f'{EN}:{line}: term "Batch" is not in {KO}')
