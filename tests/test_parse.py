"""The parser against golden files: one small Markdown fixture per grammar rule, the sheets
in the shapes people write (`tests/fixtures/sheets/`), and the seed.

Each `tests/fixtures/grammar/NAME.md` (and `sheets/NAME.md`) is parsed as `NAME.md` and
compared with `NAME.json`.
Run with `UPDATE_GOLDEN=1` to rewrite the goldens from the parser's output, then read every
changed golden by hand: a golden is the grammar's answer, not whatever the parser said.
"""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, SEED

from flashcards.mask import BLANK, mask
from flashcards.note import Note, Sheet
from flashcards.parse import parse
from flashcards.read import decode
from flashcards.terms import heading_name, split_term

GRAMMAR = FIXTURES / "grammar"
SHEETS = FIXTURES / "sheets"
SEED_GOLDEN = FIXTURES / "aws.ko.golden.json"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def note_dict(note: Note) -> dict[str, Any]:
    return {
        "term": note.term,
        "short": note.short,
        "expansion": note.expansion,
        "category": note.category,
        "definition": note.definition,
        "html": note.html,
        "line": note.line,
        "kind": note.kind,
    }


def sheet_dict(sheet: Sheet) -> dict[str, Any]:
    """A sheet as JSON-able data: everything the golden files pin down."""
    return {
        "description": sheet.description,
        "categories": [[name, line] for name, line in sheet.categories],
        "notes": [note_dict(n) for n in sheet.notes],
        "problems": [str(p) for p in sheet.problems],
        "tags": list(sheet.tags),
    }


def parse_file(source: Path) -> dict[str, Any]:
    return sheet_dict(parse(decode(source.read_bytes(), source.name), source.name))


def check_golden(source: Path, golden: Path) -> None:
    """Compare the parse of `source` with `golden`, or rewrite `golden` under UPDATE_GOLDEN=1."""
    actual = parse_file(source)
    if UPDATE:
        golden.write_text(dumps(actual), encoding="utf-8")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert dumps(actual) == dumps(expected)  # as text, so that a failure shows a line diff


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


FIXTURE_NAMES = sorted(p.stem for p in GRAMMAR.glob("*.md"))


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_grammar_fixture_matches_golden(name: str) -> None:
    check_golden(GRAMMAR / f"{name}.md", GRAMMAR / f"{name}.json")


def test_every_golden_has_its_fixture() -> None:
    assert sorted(p.stem for p in GRAMMAR.glob("*.json")) == FIXTURE_NAMES


SHEET_NAMES = sorted(p.stem for p in SHEETS.glob("*.md"))


@pytest.mark.parametrize("name", SHEET_NAMES)
def test_sheet_in_a_real_shape_matches_golden(name: str) -> None:
    check_golden(SHEETS / f"{name}.md", SHEETS / f"{name}.json")


def test_every_sheet_has_its_golden() -> None:
    assert len(SHEET_NAMES) == 16  # every sheet of the shared fixtures, old and new
    assert sorted(p.stem for p in SHEETS.glob("*.json")) == SHEET_NAMES


def test_seed_matches_golden() -> None:
    check_golden(SEED, SEED_GOLDEN)


def test_seed_golden_counts() -> None:
    golden = json.loads(SEED_GOLDEN.read_text(encoding="utf-8"))
    assert len(golden["notes"]) == 23
    assert len(golden["categories"]) == 7
    assert golden["problems"] == [
        'aws.ko.md:84: info: section "AWS의 장점" has list items but no terms, so it gives no notes'
    ]


# The byte-level fixtures must keep their bytes: an editor that "fixes" them tests nothing.


def test_nfd_fixture_really_is_nfd() -> None:
    text = (GRAMMAR / "nfd.md").read_bytes().decode("utf-8")
    assert text == unicodedata.normalize("NFD", text)
    assert text != unicodedata.normalize("NFC", text)


def test_crlf_fixture_keeps_bom_crlf_and_tabs() -> None:
    data = (GRAMMAR / "crlf_bom_tabs.md").read_bytes()
    assert data.startswith("\ufeff".encode())
    assert b"\r\n" in data
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b"\t" in data


@pytest.mark.parametrize(
    ("term", "short", "expansion"),
    [
        ("EC2 (Elastic Compute Cloud)", "EC2", "Elastic Compute Cloud"),
        ("Lambda", "Lambda", ""),
        ("CDN(콘텐츠 배포 네트워크)", "CDN", "콘텐츠 배포 네트워크"),
        ("Route 53", "Route 53", ""),
        ("S3 (  Simple Storage Service )", "S3", "Simple Storage Service"),
        ("f(x) (function of x)", "f(x)", ""),
        ("LIFO (Last In, First Out)", "LIFO", "Last In, First Out"),
        ("First In, First Out (FIFO)", "FIFO", "First In, First Out"),
        ("Blocked (waiting, sleeping)", "Blocked", ""),
        ("NAND (flash memory)", "NAND", ""),
        ("자연어 처리 (NLP)", "NLP", "자연어 처리"),
        ("IAM (Identity and Access Management)", "IAM", "Identity and Access Management"),
        ("P2P (Peer to Peer)", "P2P", "Peer to Peer"),
        ("K8s (Kubernetes)", "K8s", "Kubernetes"),
        ("EC2 (Elastic Compute Cloud)", "EC2", "Elastic Compute Cloud"),
        ("PaaS(Platform as a Service) tier", "PaaS(Platform as a Service) tier", ""),
        ("(Only parentheses)", "(Only parentheses)", ""),
    ],
)
def test_split_term(term: str, short: str, expansion: str) -> None:
    assert split_term(term) == (short, expansion)


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        ("1. Compute", "Compute"),
        ("2) Storage", "Storage"),
        ("03 - Databases", "Databases"),
        ("4 — Networking", "Networking"),
        ("10. Analytics", "Analytics"),
        ("  컴퓨팅 서비스  ", "컴퓨팅 서비스"),
        ("AWS의 장점", "AWS의 장점"),
        ("2024 Roadmap", "2024 Roadmap"),
        ("1.", "1."),
        ("2.1. 상태 코드", "상태 코드"),
        ("주요 헤더:", "주요 헤더"),
        ("📌 Methods", "Methods"),
        ("1.Morphologie(형태론)", "Morphologie(형태론)"),
        ("3.IC-Analyse", "IC-Analyse"),
    ],
)
def test_heading_name(heading: str, name: str) -> None:
    assert heading_name(heading) == name


@pytest.mark.parametrize(
    "heading",
    ["3.14 Pi", "1.5 Release notes", "2020-01 Log", "1754 - 1763", "1763 - 1776 (Taxation)"],
)
def test_heading_name_keeps_numbers_that_are_no_enumerator(heading: str) -> None:
    # An enumerator is a number and `.`, `)` or a dash, then a space: "1. ", "2) ", "03 - ";
    # a dash before another number joins a range of years.
    assert heading_name(heading) == heading


EC2_NAMES = ["EC2 (Elastic Compute Cloud)", "EC2", "Elastic Compute Cloud"]


@pytest.mark.parametrize(
    ("html", "names", "masked"),
    [
        ("EC2 (Elastic Compute Cloud) runs", EC2_NAMES, f"{BLANK} runs"),
        ("ec2 and Ec2, the elastic compute cloud", EC2_NAMES, f"{BLANK} and {BLANK}, the {BLANK}"),
        ('<code class="key">EC2</code>를', ["EC2"], f'<code class="key">{BLANK}</code>를'),
        ('<a href="https://ec2.example/EC2">docs</a>', ["EC2"], None),
        ('<span class="ec2">x</span>', ["ec2"], None),
        ("EC22 and xEC2 and EC2x are other words", ["EC2"], None),
        ("EC2를, EC2는, EC2.", ["EC2"], f"{BLANK}를, {BLANK}는, {BLANK}."),
        ("AT&amp;T connects", ["AT&T"], f"{BLANK} connects"),
        ("no names at all", ["", "  "], None),
    ],
)
def test_mask(html: str, names: list[str], masked: str | None) -> None:
    assert mask(html, names) == (html if masked is None else masked)


def test_mask_leaves_character_references_whole() -> None:
    # A term that spells an entity name must not cut the entity in two.
    assert mask("1 &gt; 0 in GT", ["GT"]) == f"1 &gt; 0 in {BLANK}"


def test_a_term_inside_a_formula_is_not_blanked() -> None:
    html = '<span class="math">\\(E = mc^2\\)</span>: E is the energy'
    assert mask(html, ["E"]) == (
        '<span class="math">\\(E = mc^2\\)</span>: <span class="blank">[…]</span> is the energy'
    )
