"""Highlighted words, `==word==`: the examples of the markup's own specification (markdown-it's
`mark` extension, its test fixtures), then what the rules make of a highlighted term."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from flashcards import markup
from flashcards.parse import parse
from flashcards.syntax.mark import mark_plugin

SPECIFICATION = [
    ("==Mark==", "<p><mark>Mark</mark></p>"),
    ("x ====foo== bar==", "<p>x <mark><mark>foo</mark> bar</mark></p>"),
    ("x ==foo ==bar====", "<p>x <mark>foo <mark>bar</mark></mark></p>"),
    ("x ====foo====", "<p>x <mark><mark>foo</mark></mark></p>"),
    ("x ===foo===", "<p>x =<mark>foo</mark>=</p>"),
    (
        "**==test**==\n\n==**test==**",
        "<p><strong>==test</strong>==</p>\n<p><mark>**test</mark>**</p>",
    ),
    (
        "[==link]()==\n\n==[link==]()",
        '<p><a href="">==link</a>==</p>\n<p>==<a href="">link==</a></p>',
    ),
    ("==`code==`\n\n`==code`==", "<p>==<code>code==</code></p>\n<p><code>==code</code>==</p>"),
    ("==foo ==bar== baz==", "<p><mark>foo <mark>bar</mark> baz</mark></p>"),
    ("==f **o ==o b== a** r==", "<p><mark>f <strong>o <mark>o b</mark> a</strong> r</mark></p>"),
    ("foo == bar == baz", "<p>foo == bar == baz</p>"),
    (
        "==test\n== a\n\n==\ntest==\n\n==\ntest\n==",
        "<p>==test\n== a</p>\n<p>==\ntest==</p>\n<h1>==\ntest</h1>",
    ),
    (
        "x ==a ==foo===========bar== b==\n\nx ==a ==foo============bar== b==",
        "<p>x <mark>a <mark>foo</mark></mark>===<mark><mark>bar</mark> b</mark></p>\n"
        "<p>x <mark>a <mark>foo</mark></mark>====<mark><mark>bar</mark> b</mark></p>",
    ),
    ('a=="foo"==', "<p>a==&quot;foo&quot;==</p>"),
    ("[==foo==]()", '<p><a href=""><mark>foo</mark></a></p>'),
]


@pytest.mark.parametrize(("src", "html"), SPECIFICATION)
def test_the_specification_examples(src: str, html: str) -> None:
    md = MarkdownIt("commonmark").use(mark_plugin)
    assert md.render(src + "\n").strip() == html


def test_a_highlight_renders_as_mark_in_a_card() -> None:
    assert markup.MD.render("a ==key== word\n") == "<p>a <mark>key</mark> word</p>\n"


def test_a_highlighted_term_before_a_korean_particle() -> None:
    sheet = parse(
        "# 운영체제\n\n==PCB(Process Control Block)==는 운영체제가 쓰는 자료구조이다.\n", "os.ko.md"
    )
    assert [(n.term, n.definition) for n in sheet.notes] == [
        ("PCB(Process Control Block)", "운영체제가 쓰는 자료구조이다.")
    ]
