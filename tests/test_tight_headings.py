"""Headings written with no space after their marks (`##Jamestown 1607`): headings, as older
Markdown made them; `#tag` lines, C directives and code stay what they were."""

from __future__ import annotations

from flashcards import markup


def _headings(src: str) -> list[tuple[str, str]]:
    toks = markup.MD.parse(src)
    return [
        (tok.tag, toks[k + 1].content) for k, tok in enumerate(toks) if tok.type == "heading_open"
    ]


def test_two_to_six_marks_and_a_letter_open_a_heading() -> None:
    src = "##Jamestown 1607\n###Overview\n######개요\n"
    assert _headings(src) == [("h2", "Jamestown 1607"), ("h3", "Overview"), ("h6", "개요")]


def test_a_tight_heading_ends_the_paragraph_above_it() -> None:
    src = "The company looked for gold.\n###Effect\nIts charter gave rights.\n"
    assert _headings(src) == [("h3", "Effect")]
    assert [t.content for t in markup.MD.parse(src) if t.type == "inline"][-1] == (
        "Its charter gave rights."
    )


def test_closing_marks_go_after_a_space_only() -> None:
    assert _headings("##Overview ##\n##Learning C#\n") == [
        ("h2", "Overview"),
        ("h2", "Learning C#"),
    ]


def test_one_mark_and_a_word_stay_text() -> None:
    for line in ("#tag", "#todo read chapter 3", "#biology #cells", "#include <stdio.h>"):
        assert _headings(f"{line}\n") == [], line


def test_no_heading_from_marks_before_a_digit_seven_marks_code_or_a_spaced_heading() -> None:
    assert _headings("##1 priority\n") == []
    assert _headings("#######Seven\n") == []
    assert _headings("    ##Indented code\n") == []
    assert _headings("```\n##In a fence\n```\n") == []
    assert _headings("## Spaced\n") == [("h2", "Spaced")]


def test_a_bracket_or_a_quote_before_the_first_letter_opens_a_heading() -> None:
    src = "##「组织行为」学的课本\n####[Station 5](https://example.org/5)\n###(Appendix) Terms\n"
    assert _headings(src) == [
        ("h2", "「组织行为」学的课本"),
        ("h4", "[Station 5](https://example.org/5)"),
        ("h3", "(Appendix) Terms"),
    ]
