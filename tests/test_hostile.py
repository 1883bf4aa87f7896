"""Hostile sources and outputs: each gives a correct deck or one exact `path:line: message`.

A failure exits 1, names the file and line, shows no traceback, and leaves an existing output
file byte for byte as it was, with no temporary file beside it. A success is imported with
the real `anki` library and its notes are checked there. A local problem (a term without a
definition, a duplicate) is a warning: the deck builds from everything else, and `--strict`
makes the warning fail the build like an error.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import pytest
from anki.collection import Collection
from anki_client import import_deck, notes_by_short, open_collection
from conftest import run

from flashcards.look import heading_tag
from flashcards.parse import NO_NOTES

PREVIOUS = b"PK\x03\x04 the previous deck: a failed build must leave these bytes alone\n"
NESTING = "nested more than 49 levels deep; flatten the lists"


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def fails_leaving_output(cwd: Path, source: bytes | str, *lines: str, strict: bool = False) -> None:
    """Build s.md over an existing OUT.apkg: exit 1, exactly `lines`, nothing written."""
    data = source.encode() if isinstance(source, str) else source
    (cwd / "s.md").write_bytes(data)
    (cwd / "OUT.apkg").write_bytes(PREVIOUS)
    before = listing(cwd)
    result = run("build", "s.md", "-o", "OUT.apkg", *(["--strict"] if strict else []))
    assert result.stderr.splitlines() == list(lines)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "Traceback" not in result.output
    assert (cwd / "OUT.apkg").read_bytes() == PREVIOUS
    assert listing(cwd) == before  # no lock, no temporary file


def built(
    cwd: Path, source: str, output: str = "OUT.apkg", warnings: Sequence[str] = ()
) -> Collection:
    """Build s.md into `output` (printing exactly `warnings`), import it into a fresh
    collection, return the collection."""
    (cwd / "s.md").write_text(source, encoding="utf-8")
    result = run("build", "s.md", "-o", output)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == list(warnings)
    col = open_collection(cwd / "anki")
    import_deck(col, cwd / output)
    return col


def warned(
    cwd: Path, source: str, *warnings: str, grouped: Sequence[str] | None = None
) -> Collection:
    """`--strict` fails with exactly `warnings` and leaves OUT.apkg alone; without it the deck
    builds from the rest, printing the same lines (or, where several are of one kind, the
    `grouped` ones). Returns the imported collection."""
    assert warnings and all(": warning: " in w for w in warnings)
    fails_leaving_output(cwd, source, *warnings, strict=True)
    return built(cwd, source, warnings=warnings if grouped is None else grouped)


# --- sources that are not text ------------------------------------------------------------

UTF8 = {
    "latin-1 byte": (b"# A\n* **A**: caf\xe9\n", "s.md:2: not valid UTF-8: byte 0xe9 at offset 16"),
    "utf-16 with bom": (
        "* **A**: a\n".encode("utf-16"),
        "s.md:1: not valid UTF-8: byte 0xff at offset 0",
    ),
    "truncated hangul at the end": (
        "# 한국\n* **A**: b\n".encode() + "한".encode()[:2],
        "s.md:3: not valid UTF-8: byte 0xed at offset 20",
    ),
    "encoded surrogate": (
        b"* **A**: \xed\xa0\x80\n",
        "s.md:1: not valid UTF-8: byte 0xed at offset 9",
    ),
    "crlf lines": (
        b"# A\r\n* **A**: a\r\n\x80\r\n",
        "s.md:3: not valid UTF-8: byte 0x80 at offset 17",
    ),
    "offset counts the bom": (
        b"\xef\xbb\xbf* **A**: caf\xe9\n",
        "s.md:1: not valid UTF-8: byte 0xe9 at offset 15",
    ),
    # A lone CR ends a line everywhere else (the parser numbers this file's lines by it).
    "cr-only lines": (
        b"# A\r* **A**: caf\xe9\r",
        "s.md:2: not valid UTF-8: byte 0xe9 at offset 16",
    ),
}


@pytest.mark.parametrize(("data", "line"), UTF8.values(), ids=UTF8.keys())
def test_invalid_utf8_names_file_line_and_byte_offset(cwd: Path, data: bytes, line: str) -> None:
    fails_leaving_output(cwd, data, line)


NUL = {
    "in a definition": (b"# A\n* **A**: a\x00b\n", "s.md:2: NUL byte at offset 14"),
    "after hangul: offset in bytes": ("# 한국\n* **A**: \x00\n", "s.md:2: NUL byte at offset 18"),
    "at the very start": (b"\x00\x00", "s.md:1: NUL byte at offset 0"),
    "utf-16 without bom": ("* **A**: a\n".encode("utf-16-le"), "s.md:1: NUL byte at offset 1"),
    "offset counts the bom": (b"\xef\xbb\xbf* **A**: \x00", "s.md:1: NUL byte at offset 12"),
    "cr-only lines": (b"# A\r* **A**: a\x00\r", "s.md:2: NUL byte at offset 14"),
}


@pytest.mark.parametrize(("data", "where"), NUL.values(), ids=NUL.keys())
def test_nul_bytes_are_refused(cwd: Path, data: bytes | str, where: str) -> None:
    fails_leaving_output(cwd, data, f"{where}: is this a text file?")


NOTHING = {
    "empty file": b"",
    "bom only": b"\xef\xbb\xbf",
    "blank lines": b"\n\n   \n\t\n",
    "crlf blank lines": b"\r\n\r\n",
    "atx and setext headings only": b"# A\n## B\n###### C\n\nD\n===\n\nE\n---\n",
    "prose and plain items": b"# A\n\nJust prose.\n\n* plain\n* items\n",
    "bold not at the start": b"# A\n* see **A**: a\n",
    "bold emphasis in a paragraph": b"**A** and **B** are words of a sentence\n",
    "bold glued to its particle": "**기획**과 **개발**은 다르다\n".encode(),
    # An indented block is code only when a line reads as code (see `syntax/indented_text`).
    "a bold term in a code block": b"```\n* **A**: a\n```\n\n    * **B**: b;\n",
}


@pytest.mark.parametrize("data", NOTHING.values(), ids=NOTHING.keys())
def test_a_source_without_notes(cwd: Path, data: bytes) -> None:
    fails_leaving_output(cwd, data, f"s.md:1: {NO_NOTES}")


def test_a_bold_term_opening_a_paragraph_is_a_note(cwd: Path) -> None:
    col = built(cwd, "**A**: a paragraph, not a list item\n\nJust prose.\n")
    notes = notes_by_short(col)
    assert list(notes) == ["A"]
    assert notes["A"]["Definition"] == "a paragraph, not a list item"
    assert notes["A"]["Source"] == "s.md:1"


def test_figures_that_are_no_numbers_int_reads_build(
    cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `②` and `²` are digits to Python, but `int` reads neither: a table numbered with
    # circled figures, and a build time given in them, once raised ValueError.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1²")
    source = (
        "| ② | Plasma | the liquid part of blood |\n|---|---|---|\n"
        "| ③ | Platelets | cell pieces that help clotting |\n"
    )
    col = built(cwd, source)
    assert sorted(notes_by_short(col)) == ["Plasma", "Platelets"]


# --- size and depth -----------------------------------------------------------------------


def test_html_nested_thousands_deep_stays_html_and_the_notes_beside_it_build(cwd: Path) -> None:
    deep = "<div>" * 3000 + "<p><strong>X</strong>: y</p>" + "</div>" * 3000
    shallow = "<ul>\n<li><strong>TCP</strong>: a transport protocol</li>\n</ul>"
    col = built(cwd, f"# Net\n\n{deep}\n\n{shallow}\n")
    assert list(notes_by_short(col)) == ["TCP"]


def nested(levels: int, before: str = "# A\n") -> str:
    """A note whose list nests `levels` deep, counting its own list as level 1."""
    lines = ["* **T**: top"] + ["  " * k + f"* level {k + 1}" for k in range(1, levels)]
    return before + "\n".join(lines) + "\n"


def test_2000_levels_of_nested_lists_are_an_error_where_they_pass_the_limit(cwd: Path) -> None:
    # Level k stands at line k + 1, so the 50th level, the first past the limit, at line 51.
    fails_leaving_output(cwd, nested(2000), f"s.md:51: {NESTING}")


def test_49_levels_of_nested_lists_build_whole(cwd: Path) -> None:
    # The message promises that 49 levels are read; markdown-it (maxNesting 100) reads them.
    col = built(cwd, nested(49))
    definition = notes_by_short(col)["T"]["Definition"]
    assert definition.count("<li>") == 48
    assert re.findall(r"level (\d+)", definition) == [str(k) for k in range(2, 50)]


def test_deep_nesting_is_reported_with_the_other_errors(cwd: Path) -> None:
    clash = "# Compute\n* **X**: x\n# compute\n* **Y**: y\n"
    source = clash + nested(2000, before="# Deep\n")  # level k at line k + 5
    clashes = 's.md:3: heading "compute" makes the same tag as "Compute" at line 1'
    clashes += " (tags ignore case); rename one"
    fails_leaving_output(cwd, source, clashes, f"s.md:55: {NESTING}")
    # A warning is one more error under --strict, in its place.
    source = "# Alpha\n* **X**\n" + nested(2000, before="# Deep\n")  # level k at line k + 3
    no_definition = 's.md:2: warning: term "X" has no definition, so it is not a note'
    fails_leaving_output(cwd, source, no_definition, f"s.md:53: {NESTING}", strict=True)


def test_a_5_mb_single_line_definition_arrives_whole(cwd: Path) -> None:
    words = " ".join(f"w{i}" for i in range(800_000))[: 5 * 2**20].rstrip()
    assert len(words) > 5_000_000
    col = built(cwd, f"# Big\n* **Huge**: {words} `tail`\n")
    expected = f'{words} <code class="key">tail</code>'
    notes = notes_by_short(col)
    assert list(notes) == ["Huge"]
    assert notes["Huge"]["Definition"] == expected
    term_card = next(c for c in map(col.get_card, col.find_cards("")) if c.ord == 0)
    assert expected in term_card.answer()


@pytest.mark.slow
def test_100000_items_in_one_sheet_build_and_import(cwd: Path) -> None:
    n = 100_000
    source = "# Big\n" + "".join(f"* **T{i}**: definition `{i}`\n" for i in range(n))
    (cwd / "s.md").write_text(source, encoding="utf-8")
    result = run("build", "s.md", "-o", "OUT.apkg")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"OUT.apkg: {n} notes\n"
    col = open_collection(cwd / "anki")
    import_deck(col, cwd / "OUT.apkg")
    assert col.note_count() == n
    assert len(col.find_cards("")) == 2 * n  # term -> definition, definition -> term
    for i in (0, n // 2, n - 1):
        note = col.get_note(col.find_notes(f"Short:T{i}")[0])
        assert note["Definition"] == f'definition <code class="key">{i}</code>'
        assert note["Source"] == f"s.md:{i + 2}"
        assert note.tags == ["Big"]


# --- raw HTML, sanitized -----------------------------------------------------------------

HOSTILE = """\
#### Intro <script>alert(0)</script> <img src=x onerror=alert(0)> [i](javascript:alert(0))

# <script>alert(1)</script> & <img src=x onerror=alert(1)>
* **<script>alert(1)</script>**: <script>alert(2)</script>
* **<img src=x onerror=alert(1)>**: <img src=x onerror=alert(2)>
* **Link**: [click](javascript:alert(1)) but [ok](https://example.com)
* **Anchor**: <a href="javascript:alert(1)">x</a>
* **<a href="javascript:alert(1)">x</a>**: an anchor as a term
* **[t](javascript:alert(1))**: a link as a term
* **Auto**: <javascript:alert(1)> [r][ref] ![p](javascript:alert(1)) <b onclick=alert(1)>b</b>
* **Nested**:
  * <script>alert(3)</script>
  * [c](JAVASCRIPT:alert(1)) [e](java&#115;cript:alert(1)) [f](data:text/html;base64,PHNjcmlwdD4=)
  * `<script>alert(4)</script>`
* **Safe**: H<sub>2</sub>O, x<sup>2</sup>, <kbd>Ctrl</kbd>+<kbd>C</kbd><br>next
* **Span**: a <span style="color:red" onmouseover=alert(1)>span</span>
* **Frame**: <iframe src="javascript:alert(1)"></iframe>framed <svg onload=alert(1)></svg>
* **Style**: <style>*{color:red}</style><a href="data:text/html,x" style="color:red">d</a>
* **Upper**: <A HREF="JaVaScRiPt:alert(1)" OnClick="alert(1)">up</A>

[ref]: javascript:alert(1)
"""
SAFE_TAGS = {"div", "span", "hr", "p", "ul", "ol", "li", "code", "pre", "strong", "em", "a", "br"}
SAFE_TAGS |= {f"h{n}" for n in range(1, 7)} | {"b", "sub", "sup", "kbd"}
_STYLE = re.compile(r"^\s*<style>.*?</style>", re.S)
_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z][\w-]*)([^>]*)>")
_HANDLER = re.compile(r"\bon\w+\s*=", re.I)
_SCRIPT_URL = re.compile(r"javascript:|data:", re.I)


def markup_of(rendered: str) -> list[tuple[str, str]]:
    """(name, attributes) of every HTML tag of a rendered card side, its style taken off."""
    return [(m[2].lower(), m[3]) for m in _TAG.finditer(_STYLE.sub("", rendered))]


def assert_inert(rendered: str) -> None:
    body = _STYLE.sub("", rendered)
    assert "<style" not in body
    for name, attributes in markup_of(rendered):
        assert name in SAFE_TAGS, (name, attributes)
        assert not _HANDLER.search(attributes), (name, attributes)
        assert not _SCRIPT_URL.search(attributes), (name, attributes)
        assert "style" not in attributes.lower(), (name, attributes)
        if name == "a" and attributes.strip():
            assert attributes == ' href="https://example.com"'
    assert not re.search(r"<\s*(script|img|iframe|svg|style)", body, re.I)
    # A script's content goes with it (alert(1) is also the words of an unsafe autolink).
    assert not re.search(r"alert\([023]\)", body)
    assert 'href="javascript:' not in body


def test_raw_html_is_sanitized_so_no_script_handler_style_or_script_url_reaches_a_note(
    cwd: Path,
) -> None:
    # The two terms that were only a script or an image are empty once sanitized.
    warnings = ["s.md:4: warning: empty bold term", "s.md:5: warning: empty bold term"]
    col = built(cwd, HOSTILE, warnings=warnings)
    notes = notes_by_short(col)
    assert list(notes) == [
        *("Link", "Anchor", "x", "t", "Auto", "Nested"),
        *("Safe", "Span", "Frame", "Style", "Upper"),
    ]
    fields = [v for note in notes.values() for k, v in note.items() if not k.startswith("_")]
    for field in fields:
        lowered = field.lower()
        for banned in ("<script", "<img", "<iframe", "<svg", "<style", "onerror", "style="):
            assert banned not in lowered, (banned, field)
        assert not _HANDLER.search(field), field
        for name, attributes in markup_of(field):
            assert not _SCRIPT_URL.search(attributes), (name, attributes)
            assert "style" not in attributes.lower(), (name, attributes)
    # `javascript:` is in no field but one: the autolink's words, shown as words (an unsafe
    # link, or picture, keeps its words and loses its target), never a link.
    assert [f for f in fields if "javascript:" in f.lower()] == [
        "javascript:alert(1) r p <b>b</b>"
    ] * 2  # Definition and Clue of Auto
    assert not any(re.search(r"data:", f, re.I) for f in fields)

    # What is safe renders, and the test above is not vacuous: links keep their meaning.
    assert notes["Link"]["Definition"] == 'click but <a href="https://example.com">ok</a>'
    assert notes["Anchor"]["Definition"] == "<a>x</a>"
    assert notes["Safe"]["Definition"] == (
        "H<sub>2</sub>O, x<sup>2</sup>, <kbd>Ctrl</kbd>+<kbd>C</kbd><br>next"
    )
    assert notes["Span"]["Definition"] == "a span"  # a tag that only styled its words
    assert notes["Frame"]["Definition"] == "framed"
    assert notes["Style"]["Definition"] == "<a>d</a>"
    assert notes["Upper"]["Definition"] == "<a>up</a>"
    # Code stays text, escaped.
    code = '<code class="key">&lt;script&gt;alert(4)&lt;/script&gt;</code>'
    assert code in notes["Nested"]["Definition"]
    # The heading keeps its words only: the category is what is left of it.
    assert {n["Category"] for n in notes.values()} == {"&amp;"}
    assert {n["_tags"] for n in notes.values()} == {"&"}

    sides = []
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        sides += [card.question(), card.answer()]
    assert len(sides) == 2 * (2 * 11)  # two cards per note; no term has an expansion
    for side in sides:
        assert_inert(side)
        assert "style=" not in side.lower()

    deck = col.decks.by_name("s")
    assert deck is not None
    assert_inert(deck["desc"])
    assert "Intro" in deck["desc"]
    assert not re.search(r"alert|javascript:|onerror|<img", deck["desc"], re.I)


# --- one term written two ways -------------------------------------------------------------

HANGUL = "한국어"
DUPLICATES = {
    "case": ("EC2", "ec2", 'duplicate term "ec2": "EC2" is at line 1'),
    "sharp s": ("STRASSE", "straße", 'duplicate term "straße": "STRASSE" is at line 1'),
    "surrounding spaces": ("EC2", "&#32;EC2&#32;", 'duplicate term "EC2": "EC2" is at line 1'),
    "inner spaces": (
        "Route 53",
        "Route \t  53",
        'duplicate term "Route 53": "Route 53" is at line 1',
    ),
    "line break": ("Route 53", "Route\n  53", 'duplicate term "Route 53": "Route 53" is at line 1'),
    "expansion aside": (
        "EC2 (Elastic Compute Cloud)",
        "ec2 (other)",
        'duplicate term "ec2": "EC2" is at line 1',
    ),
    "hangul nfc and nfd": (
        HANGUL,
        unicodedata.normalize("NFD", HANGUL),
        f'duplicate term "{HANGUL}": "{HANGUL}" is at line 1',
    ),
    "latin nfc and nfd": ("café", "cafe\u0301", 'duplicate term "café": "café" is at line 1'),
    "full-width letters": (
        "EC2",
        "\uff25\uff23\uff12",
        'duplicate term "\uff25\uff23\uff12": "EC2" is at line 1',
    ),
}


@pytest.mark.parametrize(("first", "second", "message"), DUPLICATES.values(), ids=DUPLICATES.keys())
def test_one_term_written_two_ways_is_a_duplicate(
    cwd: Path, first: str, second: str, message: str
) -> None:
    assert first.encode() != second.encode()
    source = f"* **{first}**: a\n* **{second}**: b\n"
    col = warned(cwd, source, f"s.md:2: warning: {message}; the first is kept")
    kept = [(n["Term"], n["Definition"], n["Source"]) for n in notes_by_short(col).values()]
    assert kept == [(first, "a", "s.md:1")]


def test_nfc_and_nfd_in_different_sections_are_one_term(cwd: Path) -> None:
    nfd = unicodedata.normalize("NFD", HANGUL)
    source = f"# 하나\n* **{HANGUL}**: a\n\n# 둘\n* **{nfd} (Korean)**: b\n"
    message = f'duplicate term "{HANGUL}": "{HANGUL}" is at line 2; the first is kept'
    col = warned(cwd, source, f"s.md:5: warning: {message}")
    kept = [(n["Term"], n["Definition"], n["_tags"]) for n in notes_by_short(col).values()]
    assert kept == [(HANGUL, "a", "하나")]


# --- headings as tags ---------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def assert_valid_anki_tag(tag: str) -> None:
    assert tag
    assert not any(c.isspace() for c in tag), tag
    assert '"' not in tag and "::" not in tag, tag
    assert not _CONTROL.search(tag), tag


HEADINGS = {
    "hierarchy": (["A::B", "::lead", "trail::", "a:b:c"], ["A_B", "lead", "trail", "a_b_c"]),
    "spaces": (["two  spaces\there", "x\u3000y\u00a0z"], ["two_spaces_here", "x_y_z"]),
    "emoji": (["Emoji 🚀 ☁️", "☁️"], ["Emoji_🚀_☁️", "☁️"]),
    "quotes": (['Say "hi"', "It's", "“curly”"], ["Say_hi", "It's", "“curly”"]),
    # Raw HTML in a heading is sanitized like any other: the words are left, no tag markup.
    "script": (
        [
            "<script>alert(1)</script>Script",
            '<img src="x" onerror=alert(1)> Image',
            "<b>Bold</b> <kbd>Key</kbd>",
        ],
        ["Script", "Image", "Bold_Key"],
    ),
    "enumerated": (
        ["1. Compute Services", "03 - 스토리지 서비스", "2.1. Block Storage:"],
        ["Compute_Services", "스토리지_서비스", "Block_Storage"],
    ),
    "setext and closing hashes": (["Setext\n======", "## Closed ##"], ["Setext", "Closed"]),
    "only punctuation": (['"::"'], ["untitled"]),
    "only underscores": (["__"], ["untitled"]),
    # An ASCII control character is no part of an Anki tag: Anki drops it on import.
    "control character": (["ctl\x01char"], [None]),
}


def test_headings_that_would_share_a_tag_are_an_error(cwd: Path) -> None:
    # Anki's tags ignore case: two headings must not become one tag that misnames the second.
    fails_leaving_output(
        cwd,
        "# Compute\n* **A**: a\n# compute\n* **B**: b\n# Data Base\n* **C**: c\n"
        "# Data_Base\n* **D**: d\n",
        's.md:3: heading "compute" makes the same tag as "Compute" at line 1 (tags ignore case);'
        " rename one",
        's.md:7: heading "Data_Base" makes the same tag as "Data Base" at line 5'
        " (tags ignore case); rename one",
    )


@pytest.mark.parametrize(("headings", "tags"), HEADINGS.values(), ids=HEADINGS.keys())
def test_headings_become_valid_tags_that_round_trip(
    cwd: Path, headings: list[str], tags: list[str | None]
) -> None:
    source = "".join(
        (h if h.startswith("#") or "\n" in h else f"# {h}") + f"\n* **T{i}**: d{i}\n\n"
        for i, h in enumerate(headings)
    )
    col = built(cwd, source)
    listed = run("notes", "s.md", "--json")
    assert listed.exit_code == 0
    category = {n["short"]: n["category"] for n in json.loads(listed.stdout)}
    notes = notes_by_short(col)
    assert len(notes) == len(headings)
    carried = []
    for i, expected in enumerate(tags):
        note = col.get_note(int(notes[f"T{i}"]["_id"]))
        tag = heading_tag(category[f"T{i}"])  # the tag the deck carries
        assert_valid_anki_tag(tag)
        if expected is not None:
            assert tag == expected
        assert note.tags == [tag], "Anki changed the tag on import"
        carried.append(tag)
    assert sorted(col.tags.all()) == sorted(set(carried))


# --- outputs --------------------------------------------------------------------------------


def test_an_output_in_a_missing_folder_is_created(cwd: Path) -> None:
    col = built(cwd, "# A\n* **A**: a\n", output="new/deep/dir/OUT.apkg")
    assert listing(cwd / "new") == [
        "deep",
        "deep/dir",
        "deep/dir/OUT.apkg",
    ]
    assert (cwd / "s.lock.json").is_file()  # the history is the deck's, beside its source
    assert notes_by_short(col)["A"]["Definition"] == "a"


def fails_on_output(output: str | Path, *lines: str) -> None:
    result = run("build", "s.md", "-o", output)
    assert result.stderr.splitlines() == list(lines)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "Traceback" not in result.output


def test_an_output_that_is_a_directory(cwd: Path) -> None:
    (cwd / "s.md").write_text("* **A**: a\n", encoding="utf-8")
    (cwd / "OUT.apkg").mkdir()
    (cwd / "OUT.apkg" / "keep").write_bytes(PREVIOUS)
    before = listing(cwd)
    fails_on_output("OUT.apkg", "OUT.apkg:1: cannot write: is a directory")
    assert listing(cwd) == before
    assert (cwd / "OUT.apkg" / "keep").read_bytes() == PREVIOUS


@pytest.mark.parametrize("output", ["s.md/OUT.apkg", "s.md/sub/OUT.apkg"])
def test_an_output_under_a_regular_file(cwd: Path, output: str) -> None:
    (cwd / "s.md").write_text("* **A**: a\n", encoding="utf-8")
    before = listing(cwd)
    fails_on_output(output, f"{output}:1: cannot write: s.md is not a directory")
    assert listing(cwd) == before
    assert (cwd / "s.md").read_text(encoding="utf-8") == "* **A**: a\n"


def test_an_output_in_a_folder_nobody_may_write(cwd: Path) -> None:
    # sysfs creates no files, for root neither; chmod would not stop root.
    (cwd / "s.md").write_text("* **A**: a\n", encoding="utf-8")
    output = Path("/sys/flashcards-hostile-test.apkg")
    fails_on_output(output, f"{output}:1: cannot write: Permission denied")
    assert not output.exists()
    assert not list(Path("/sys").glob(".flashcards-hostile-test.apkg.*"))
    assert listing(cwd) == ["s.md"]


def test_an_existing_output_in_a_read_only_folder_stays(cwd: Path) -> None:
    (cwd / "s.md").write_text("* **A**: a\n", encoding="utf-8")
    output = Path("/proc/version")
    before = output.read_bytes()
    fails_on_output(output, f"{output}:1: cannot write: No such file or directory")
    assert output.read_bytes() == before
    assert listing(cwd) == ["s.md"]


def test_an_output_that_links_to_a_device_is_refused(cwd: Path) -> None:
    (cwd / "s.md").write_text("* **A**: a\n", encoding="utf-8")
    (cwd / "OUT.apkg").symlink_to("/dev/null")
    fails_on_output("OUT.apkg", "OUT.apkg:1: cannot write: not a regular file")
    assert (cwd / "OUT.apkg").is_symlink()
    assert listing(cwd) == ["OUT.apkg", "s.md"]


@pytest.mark.parametrize(
    ("output", "line"),
    [
        (".", ".:1: cannot write: is a directory"),
        ("", ".:1: cannot write: is a directory"),
        ("/", "/:1: cannot write: names a folder; name the deck file in it"),
        ("..", "..:1: cannot write: is a directory"),
        ("newdir/", "newdir/:1: cannot write: names a folder; name the deck file in it"),
        ("s.md", "s.md:1: this is the deck's own sheet; choose another output"),
        ("./s.md", "s.md:1: this is the deck's own sheet; choose another output"),
        ("link/s.md", "link/s.md:1: this is the deck's own sheet; choose another output"),
        (
            "link/s.lock.json",
            "link/s.lock.json:1: this is the deck's history file; choose another output",
        ),
        ("x" * 300 + ".apkg", "x" * 300 + ".apkg:1: cannot write: File name too long"),
    ],
    ids=[
        "dot",
        "empty",
        "root",
        "parent",
        "folder",
        "sheet",
        "sheet again",
        "linked sheet",
        "linked history",
        "too long",
    ],
)
def test_an_output_that_is_no_deck_file_is_refused(cwd: Path, output: str, line: str) -> None:
    (cwd / "s.md").write_text("* **A**: a\n", encoding="utf-8")
    (cwd / "link").symlink_to(cwd)
    before = listing(cwd)
    fails_on_output(output, line)
    assert listing(cwd) == before
    assert (cwd / "s.md").read_text(encoding="utf-8") == "* **A**: a\n"


def test_a_sheet_whose_history_name_is_too_long_is_refused(cwd: Path) -> None:
    name = "b" * 250
    (cwd / f"{name}.md").write_text("* **A**: a\n", encoding="utf-8")
    result = run("build", f"{name}.md", "-o", "a.apkg")
    assert result.exit_code == 1
    assert result.stderr == f"{name}.lock.json:1: cannot write: File name too long\n"
    assert listing(cwd) == [f"{name}.md"]


def run_isolated(cwd: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The CLI in a child process with 2 GiB of memory, for outputs that could hang or eat
    all memory in the test process itself."""

    def limit() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    code = "import sys; from flashcards.cli import main; sys.exit(main())"
    try:
        return subprocess.run(
            [sys.executable, "-c", code, *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=timeout,
            preexec_fn=limit,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"flashcards {' '.join(args)} still running after {timeout} s")


def test_an_output_that_links_to_an_endless_device_is_refused(cwd: Path) -> None:
    (cwd / "s.md").write_text("* **A**: a\n", encoding="utf-8")
    (cwd / "OUT.apkg").symlink_to("/dev/zero")
    result = run_isolated(cwd, "build", "s.md", "-o", "OUT.apkg")
    last = result.stderr.strip().splitlines()[-1:]
    assert result.stderr.splitlines() == ["OUT.apkg:1: cannot write: not a regular file"], last
    assert result.returncode == 1
    assert listing(cwd) == ["OUT.apkg", "s.md"]


def test_an_output_that_is_a_named_pipe_is_refused(cwd: Path) -> None:
    (cwd / "s.md").write_text("* **A**: a\n", encoding="utf-8")
    os.mkfifo(cwd / "OUT.apkg")
    result = run_isolated(cwd, "build", "s.md", "-o", "OUT.apkg", timeout=15)
    assert result.stderr.splitlines() == ["OUT.apkg:1: cannot write: not a regular file"]
    assert result.returncode == 1
    assert listing(cwd) == ["OUT.apkg", "s.md"]


def test_a_config_build_failing_on_its_second_output_writes_no_deck(project: Path) -> None:
    assert run("build").exit_code == 0
    decks = project / "decks"
    before = {p.name: p.read_bytes() for p in decks.iterdir() if p.is_file()}
    source = project / "source/aws.ko.md"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("DNS 서비스", "관리형 DNS 서비스", 1), encoding="utf-8")
    (decks / "aws-en.apkg").unlink()
    (decks / "aws-en.apkg").mkdir()
    del before["aws-en.apkg"]

    result = run("build")
    assert result.stderr.splitlines() == ["decks/aws-en.apkg:1: cannot write: is a directory"]
    assert result.exit_code == 1
    after = {p.name: p.read_bytes() for p in decks.iterdir() if p.is_file()}
    assert after == before  # the first deck and its lock included: all or nothing


# --- every error at once ------------------------------------------------------------------

BROKEN = """\
# Broken
* **Kept**: the good note of this section
* **A**
* ** **: a space inside is not bold, so a plain item
* **&#32;**: an empty term
* **C**:
* **D** —
* __E__
* **P**: ![only a picture](p.png)
* **U**: &nbsp;
* **Q**: ` `

# More
1. **G**
2) **H**: the good note of this section
3. **h**: a second H
"""
BROKEN_WARNINGS = [
    's.md:3: warning: term "A" has no definition, so it is not a note',
    "s.md:4: warning: list item does not start with a bold term, so it is not a note",
    "s.md:5: warning: empty bold term",
    's.md:6: warning: term "C" has no definition, so it is not a note',
    's.md:7: warning: term "D" has no definition, so it is not a note',
    's.md:8: warning: term "E" has no definition, so it is not a note',
    's.md:9: warning: term "P" has no definition, so it is not a note',
    's.md:10: warning: term "U" has no definition, so it is not a note',
    's.md:11: warning: term "Q" has no definition, so it is not a note',
    's.md:14: warning: term "G" has no definition, so it is not a note',
    's.md:16: warning: duplicate term "h": "H" is at line 15; the first is kept',
]


BROKEN_GROUPED = [
    's.md:3: warning: term "A" has no definition, so it is not a note (8 like it, at lines'
    " 3, 6, 7, …; lint lists each)",
    "s.md:4: warning: list item does not start with a bold term, so it is not a note",
    "s.md:5: warning: empty bold term",
    's.md:16: warning: duplicate term "h": "H" is at line 15; the first is kept',
]
"""What a build that does not fail says of them: the eight terms without a definition in one
line."""


def test_a_sheet_of_broken_notes_reports_every_problem_in_line_order(cwd: Path) -> None:
    # Each broken note is a warning: --strict fails on all of them, in line order; without
    # it they are printed the same way and the two good notes make the deck.
    col = warned(cwd, BROKEN, *BROKEN_WARNINGS, grouped=BROKEN_GROUPED)
    kept = {short: (n["Definition"], n["_tags"]) for short, n in notes_by_short(col).items()}
    assert kept == {
        "Kept": ("the good note of this section", "Broken"),
        "H": ("the good note of this section", "More"),
    }


def test_lint_of_broken_notes_reports_the_warnings_of_build(cwd: Path) -> None:
    (cwd / "s.md").write_text(BROKEN, encoding="utf-8")
    result = run("lint", "s.md")
    assert result.stderr.splitlines() == BROKEN_WARNINGS
    assert result.stdout == "1 source checked, 11 warnings\n"
    assert result.exit_code == 0
    result = run("lint", "--strict", "s.md")
    assert result.stderr.splitlines() == [*BROKEN_WARNINGS, "Error: 11 errors"]
    assert result.stdout == ""
    assert result.exit_code == 1
    assert listing(cwd) == ["s.md"]


def test_a_bidirectional_override_is_refused_at_its_line(cwd: Path) -> None:
    fails_leaving_output(
        cwd,
        "# A\n\n* **\u202eSWA**\n  * shown as AWS\n* **B**\n  * b \u2066x\u2069\n",
        "s.md:3: bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE) at column 5: it shows"
        " text in another order than it is written; remove it",
        "s.md:6: bidirectional control U+2066 (LEFT-TO-RIGHT ISOLATE) at column 7: it shows"
        " text in another order than it is written; remove it",
        "s.md:6: bidirectional control U+2069 (POP DIRECTIONAL ISOLATE) at column 9: it shows"
        " text in another order than it is written; remove it",
    )


def test_a_file_name_that_is_not_utf8_is_a_message_in_build_as_in_lint(cwd: Path) -> None:
    name = os.fsdecode(b"bad\xff.md")
    with open(os.fsencode(cwd) + b"/bad\xff.md", "wb") as sheet:
        sheet.write(b"# A\n\n* **A**\n  * a\n")
    assert run("lint", name).exit_code == 0
    result = run("build", name)
    assert result.exit_code == 1
    assert result.stderr == (
        "bad\\xff.md:1: the file name is not valid UTF-8; rename the file (its name goes into"
        " the deck)\n"
    )
    assert os.listdir(cwd) == [name]
