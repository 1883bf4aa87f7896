"""markdownify, which turns a sheet's HTML blocks into Markdown, against the examples of its
own documentation (the project's README, "Usage" and "Options"), then the conversion as the
parser uses it: every element on the source line where it starts."""

from __future__ import annotations

import markdownify as library
import pytest
from markdownify import markdownify

from flashcards import markup
from flashcards.parse import parse

README = '<b>Yay</b> <a href="http://github.com">GitHub</a>'


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({}, "**Yay** [GitHub](http://github.com)"),
        ({"strip": ["a"]}, "**Yay** GitHub"),
        ({"convert": ["b"]}, "**Yay** GitHub"),
    ],
)
def test_markdownify_gives_its_readme_examples(options: dict, expected: str) -> None:
    assert markdownify(README, **options) == expected


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (library.ATX, "# Title"),
        (library.ATX_CLOSED, "# Title #"),
        (library.SETEXT, "Title\n====="),  # an alias of UNDERLINED
        (library.UNDERLINED, "Title\n====="),
    ],
)
def test_markdownify_heading_styles_are_as_documented(style: str, expected: str) -> None:
    assert markdownify("<h1>Title</h1>", heading_style=style) == expected


def test_markdownify_bullets_alternate_by_depth_as_documented() -> None:
    nested = "<ul><li>a<ul><li>b</li></ul></li></ul>"
    assert markdownify(nested).split("\n")[:2] == ["* a", "  + b"]
    assert markdownify(nested, bullets="-").split("\n")[:2] == ["- a", "  - b"]


def test_an_html_post_parses_as_the_markdown_it_stands_for() -> None:
    text = (
        "<h4>○ 트랜잭션이란?</h4>\n"
        "<p>작업의 <strong>단위</strong><br />상태를 바꾼다</p>\n"
        "<ul>\n<li><strong>Commit</strong>: 확정</li>\n"
        "<li><strong>Rollback</strong>: 취소</li>\n</ul>\n"
    )
    found = [(t.type, t.map) for t in markup.tokens(text) if t.nesting >= 0 and t.map]
    assert found == [
        ("heading_open", [0, 1]),
        ("inline", [0, 1]),
        ("paragraph_open", [1, 2]),
        ("inline", [1, 2]),
        ("bullet_list_open", [3, 5]),
        ("list_item_open", [3, 4]),
        ("paragraph_open", [3, 4]),
        ("inline", [3, 4]),
        ("list_item_open", [4, 5]),
        ("paragraph_open", [4, 5]),
        ("inline", [4, 5]),
    ]
    strong = [
        c.content for t in markup.tokens(text) if t.children for c in t.children if c.type == "text"
    ]
    assert "Commit" in strong and "단위" in strong


@pytest.mark.parametrize(
    "kept",
    [
        '<div align="center"><img src="badge.svg"></div>\n',
        "<details><summary>ACID란?</summary><p>원자성</p></details>\n",
        "<table><tr><td><p>a cell</p></td></tr></table>\n",
    ],
)
def test_html_that_is_not_a_document_stays_html(kept: str) -> None:
    assert [t.type for t in markup.tokens(kept)] == ["html_block"]


def test_text_an_html_post_escapes_stays_text_and_its_scripts_go() -> None:
    text = (
        "# T\n\n"
        "<p><strong>Vec</strong>: a <code>Vec&lt;T&gt;</code> of &lt;b&gt; AT&amp;T"
        ' <a href="javascript:alert(1)">x</a></p>\n<script>alert(2)</script>\n'
    )
    (note,) = parse(text, "post.md").notes
    assert note.definition == "a Vec<T> of <b> AT&T x"
    assert note.html == 'a <code class="key">Vec&lt;T&gt;</code> of &lt;b&gt; AT&amp;T x'
