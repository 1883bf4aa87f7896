"""Definitions with no term line under a heading (`# Data` over `: 수집한 사실들`): each
is a definition of the heading, read the same in one piece as piece by piece."""

from __future__ import annotations

from pathlib import Path

from flashcards import markup
from flashcards.parse import parse

FIXTURE = Path(__file__).parent / "fixtures" / "grammar" / "headless_definitions.md"


def test_a_heading_after_a_definition_list_is_a_heading() -> None:
    src = "Term\n: a meaning\n\n# Information\n: 데이터의 유용한 형태\n"
    toks = markup.MD.parse(src)
    headings = [toks[k + 1].content for k, t in enumerate(toks) if t.type == "heading_open"]
    assert headings == ["Information"]
    assert toks[[t.type for t in toks].index("heading_open")].map == [3, 4]


def test_each_line_renders_as_a_definition_without_its_colon() -> None:
    html = markup.MD.render("# Data\n: 수집한 사실들\n: 관찰한 값\n\n# Knowledge\n: 체계화한 것\n")
    assert "<dt>" not in html
    assert html.count("<dd>") == 3
    assert "<dd>수집한 사실들</dd>" in html
    assert "<dd>체계화한 것</dd>" in html


def test_a_colon_that_opens_a_word_is_text() -> None:
    html = markup.MD.render("# Emoji\n:smile: is a shortcode\n")
    assert "<p>:smile: is a shortcode</p>" in html


def test_the_sheet_gives_the_same_notes_whole_and_in_pieces() -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    whole = parse(text, str(FIXTURE), cut=False).notes
    pieces = parse(text, str(FIXTURE)).notes
    assert [(n.term, n.line, n.definition) for n in whole] == [
        (
            "Data",
            1,
            "수집한 사실들, 개념들의 값, 값들의 집합\n관찰이나 측정을 통해 수치화 또는 기호화한 것",
        ),
        ("Information", 5, "데이터의 유용한 형태\n축적된 데이터를 의미 있게 가공한 것"),
        ("Knowledge", 9, "정보를 일반화하여 체계화한 것"),
    ]
    assert whole == pieces
