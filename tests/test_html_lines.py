"""A line of HTML closed on itself over Markdown (`<center><img …></center>` then `### Praefix`):
the HTML block ends with the line, and the Markdown after it is read, on its own lines."""

from __future__ import annotations

from pathlib import Path

from flashcards import markup
from flashcards.parse import parse

FIXTURE = Path(__file__).parent / "fixtures" / "grammar" / "html_line_over_markdown.md"


def _kinds(src: str) -> list[tuple[str, list[int] | None]]:
    return [(t.type, t.map) for t in markup.MD.parse(src) if t.nesting >= 0 and t.level == 0]


def test_the_markdown_under_a_closed_line_is_read_on_its_lines() -> None:
    src = 'Intro.\n\n<center><img src="a.png"></center>\n### Praefix\nIt comes first.\n'
    assert _kinds(src) == [
        ("paragraph_open", [0, 1]),
        ("html_block", [2, 3]),
        ("heading_open", [3, 4]),
        ("paragraph_open", [4, 5]),
    ]


def test_a_block_of_html_lines_stays_html() -> None:
    src = '<div>\n<a href="x">badge</a>\n</div>\n'
    assert _kinds(src) == [("html_block", [0, 3])]


def test_an_open_element_keeps_its_block() -> None:
    src = '<div class="note">\n### Not a heading to CommonMark\n'
    assert _kinds(src) == [("html_block", [0, 2])]


def test_a_line_of_inline_html_is_a_paragraph_as_commonmark_reads_it() -> None:
    src = "- <code>READ COMMITTED</code>\n  - the isolation level most services pick\n"
    kinds = [t.type for t in markup.MD.parse(src)]
    assert "html_block" not in kinds
    assert kinds[:3] == ["bullet_list_open", "list_item_open", "paragraph_open"]


def test_code_written_as_html_is_a_code_span() -> None:
    inline = markup.MD.parse("a <code>x &lt; y</code> b <code><b>z</b></code>\n")[1]
    kinds = [(c.type, c.content) for c in inline.children or []]
    assert ("code_inline", "x < y") in kinds
    assert ("html_inline", "<code>") in kinds  # around bold, no code span: it stays HTML


def test_the_sheet_gives_the_same_notes_whole_and_in_pieces() -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    whole = parse(text, str(FIXTURE), cut=False).notes
    assert [(n.term, n.line) for n in whole] == [
        ("Affix(접사)", 3),
        ("Praefix(접두사/전철)", 6),
        ("Suffix(접미사/후철)", 8),
    ]
    assert whole == parse(text, str(FIXTURE)).notes


def test_a_picture_alone_over_markdown_ends_its_block() -> None:
    src = '<img src="a.png" width="130">\n### Suffix\nIt comes last.\n'
    assert _kinds(src) == [
        ("html_block", [0, 1]),
        ("heading_open", [1, 2]),
        ("paragraph_open", [2, 3]),
    ]


def test_inline_html_in_a_paragraph_stays_inline() -> None:
    src = "Some <b>bold</b> words\n<b>more</b>\ntext\n"
    assert _kinds(src) == [("paragraph_open", [0, 3])]
