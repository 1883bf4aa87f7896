"""kramdown's block attribute lists against the examples of kramdown's syntax documentation
("Block Inline Attribute Lists"): each line is markup for the page, never text of a card."""

from __future__ import annotations

from flashcards import markup


def _blocks(src: str) -> list[tuple[str, str]]:
    return [(t.type, t.content) for t in markup.MD.parse(src) if t.type != "paragraph_close"]


def test_a_list_under_a_paragraph_is_no_text_of_it() -> None:
    src = "A simple paragraph with an ID attribute.\n{: #para-one}\n"
    assert _blocks(src) == [
        ("paragraph_open", ""),
        ("inline", "A simple paragraph with an ID attribute."),
    ]


def test_lists_under_a_blockquote_are_no_text_of_it() -> None:
    src = '> A blockquote with a title\n{:title="The blockquote title"}\n{: #myid}\n'
    assert [c for t, c in _blocks(src) if t == "inline"] == ["A blockquote with a title"]


def test_a_list_over_indented_code_leaves_the_code() -> None:
    assert _blocks("{:.ruby}\n    Some code here\n") == [("code_block", "Some code here\n")]


def test_a_definition_of_a_reference_is_markup_too() -> None:
    assert _blocks("{:refdef: .c1 #id .c2 title='title'}\nText\n") == [
        ("paragraph_open", ""),
        ("inline", "Text"),
    ]


def test_extensions_and_text_in_braces_stay_text() -> None:
    assert [c for t, c in _blocks("{::comment}\nThis is a comment\n{:/comment}\n")] == [
        "",
        "{::comment}\nThis is a comment\n{:/comment}",
    ]
    assert _blocks("Sets {: like this} in a sentence\n")[1] == (
        "inline",
        "Sets {: like this} in a sentence",
    )


def test_a_list_in_code_is_code() -> None:
    assert _blocks("```\n{: .notice}\n```\n") == [("fence", "{: .notice}\n")]


def test_the_attributes_at_a_heading_end_are_markup() -> None:
    for src, text in (
        ("## 약동학 {#PK-introduction}\n", "약동학"),
        ("### Beta (베타) {#beta}\n", "Beta (베타)"),
        ("## Appendix {.unnumbered}\n", "Appendix"),
        ("# Preface {-}\n", "Preface"),
        ("## Terms {#terms .wide key=value}\n", "Terms"),
        ("##Overview {#overview}\n", "Overview"),
    ):
        assert _blocks(src)[:2] == [("heading_open", ""), ("inline", text)], src


def test_braces_that_are_no_attributes_stay_text() -> None:
    assert _blocks("## Sets {x}\n")[1] == ("inline", "Sets {x}")
    assert _blocks("## Set{#a}\n")[1] == ("inline", "Set{#a}")
    assert _blocks("Text {#a}\n")[1] == ("inline", "Text {#a}")
