"""CJK-friendly emphasis (`syntax/cjk_emphasis.py`) against the specification's own examples,
and a Korean line break that stays a space."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES
from markdown_it import MarkdownIt

from flashcards import markup
from flashcards.syntax.cjk_emphasis import cjk_emphasis_plugin, is_cjk

SPEC = json.loads((FIXTURES / "cjk" / "spec_examples.json").read_text(encoding="utf-8"))
EXAMPLES = SPEC["examples"]
KOREAN = [e for e in EXAMPLES if e["korean"]]
OTHERS = [e for e in EXAMPLES if not e["korean"]]


def amended() -> MarkdownIt:
    return MarkdownIt("commonmark").use(cjk_emphasis_plugin)


def test_the_examples_are_there() -> None:
    assert len(KOREAN) == 21 and len(OTHERS) == 84


@pytest.mark.parametrize("example", KOREAN, ids=[e["markdown"] for e in KOREAN])
def test_every_example_that_applies_to_korean(example: dict[str, str]) -> None:
    assert amended().render(example["markdown"]).strip() == example["html"]


@pytest.mark.parametrize("example", OTHERS, ids=[e["markdown"] for e in OTHERS])
def test_the_chinese_and_japanese_examples_too(example: dict[str, str]) -> None:
    assert amended().render(example["markdown"]).strip() == example["html"]


@pytest.mark.parametrize(
    ("source", "html"),
    [
        (
            "**PCB(Process Control Block)**는 운영체제가",
            "<strong>PCB(Process Control Block)</strong>는",
        ),
        ("**데드락(Deadlock)**은 두 개", "<strong>데드락(Deadlock)</strong>은"),
        ("**「용어」**의 뜻", "<strong>「용어」</strong>의"),
        ('**"용어"**란 말', "<strong>&quot;용어&quot;</strong>란"),
    ],
)
def test_a_korean_term_before_its_particle_is_bold(source: str, html: str) -> None:
    assert html in amended().render(source)
    assert "<strong>" not in MarkdownIt("commonmark").render(source) or "「" in source


@pytest.mark.parametrize(
    "source", ["a**b**c", "**foo**bar", "foo**bar**", "snake_case_word", "a * b * c", "x__y__z"]
)
def test_text_without_cjk_reads_as_commonmark(source: str) -> None:
    assert amended().render(source) == MarkdownIt("commonmark").render(source)


def test_a_line_break_between_hangul_words_stays_a_space() -> None:
    toks = markup.tokens("- **프로세스**는 실행 중인\n  프로그램이다.\n")
    inline = next(t for t in toks if t.type == "inline")
    assert markup.plain(inline.children or []) == "프로세스는 실행 중인 프로그램이다."
    assert "실행 중인\n프로그램이다." in markup.html(toks)  # a line break: a space on the card


@pytest.mark.parametrize(
    ("char", "cjk"),
    [
        ("가", True),
        ("ᅡ", True),
        ("「", True),
        ("\uff08", True),  # a full-width parenthesis
        ("😀", False),
        ("a", False),
        ("∇", False),
    ],
)
def test_what_a_cjk_character_is(char: str, cjk: bool) -> None:
    assert is_cjk(char) is cjk
