"""Lines of only `<br>` tags at the start of a block: a writer's spacing, which gives no token
and leaves the text under it Markdown (CommonMark would open an HTML block that swallows it)."""

from __future__ import annotations

from flashcards import markup
from flashcards.parse import parse


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


def test_a_tag_inside_text_breaks_the_line_for_the_rules() -> None:
    inline = markup.MD.parse("- PnP<br>the system sets up a device\n")[3]
    assert [markup.plain(line) for line in markup.lines(inline.children or [])] == [
        "PnP",
        "the system sets up a device",
    ]


def test_tags_beside_a_line_end_are_one_break() -> None:
    inline = markup.MD.parse("a<br>\nb\n<br>c<br><br>d\n")[1]
    assert [markup.plain(line) for line in markup.lines(inline.children or [])] == [
        "a",
        "b",
        "c",
        "d",
    ]


def test_the_card_shows_the_tags_the_writer_wrote() -> None:
    src = "a<br>b\nc  \nd<br/>\ne\n<BR>f<br><br>g\n"
    assert markup.MD.render(src) == "<p>a<br>b\nc<br />\nd<br/>\ne\n<BR>f<br><br>g</p>\n"


def test_a_tag_inside_a_line_leaves_the_source_lines_counted_right() -> None:
    inline = markup.MD.parse("a<br>b\nc<br>\nd\n")[1]
    assert markup.rows(inline.children or []) == [0, 0, 1, 2]
    src = "# T\n\nTerms to know  \nheat<br>energy:  \nWork: energy moved by a force  \n"
    sheet = parse(src + "Power: work per unit of time\n", "t.md")
    assert [(n.term, n.line) for n in sheet.notes] == [("Work", 5), ("Power", 6)]
