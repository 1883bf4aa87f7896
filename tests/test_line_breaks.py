"""Lines of only `<br>` tags at the start of a block: a writer's spacing, which gives no token
and leaves the text under it Markdown (CommonMark would open an HTML block that swallows it)."""

from __future__ import annotations

from flashcards import markup


def _blocks(src: str) -> list[tuple[str, str]]:
    return [
        (t.type, t.content)
        for t in markup.MD.parse(src)
        if t.type.endswith(("_open", "inline", "html_block", "code_block"))
    ]


def test_the_text_under_a_lone_break_is_a_paragraph() -> None:
    src = "### 데이터\n<br/>\n해석할 수 있는 의미를 가진 기호  \n정량적 변수 값의 집합\n"
    assert (
        "html_block",
        "<br/>\n해석할 수 있는 의미를 가진 기호  \n정량적 변수 값의 집합\n",
    ) not in _blocks(src)
    assert _blocks(src)[-1] == (
        "inline",
        "해석할 수 있는 의미를 가진 기호  \n정량적 변수 값의 집합",
    )


def test_every_spelling_of_the_tag_and_several_on_a_line() -> None:
    for line in ("<br>", "<BR />", "<br/><br/>", "  <br> <br/>"):
        assert _blocks(f"{line}\nText\n") == [("paragraph_open", ""), ("inline", "Text")]


def test_a_break_inside_a_paragraph_stays_inline_html() -> None:
    src = "First line\n<br>\nSecond line\n"
    assert _blocks(src) == [("paragraph_open", ""), ("inline", "First line\n<br>\nSecond line")]


def test_other_html_still_opens_a_block() -> None:
    assert _blocks("<div>\nText\n</div>\n") == [("html_block", "<div>\nText\n</div>\n")]


def test_indented_it_is_code() -> None:
    assert _blocks("    <br>\n") == [("code_block", "<br>\n")]
