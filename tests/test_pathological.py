"""Every pathological sheet of bench/pathological.py builds (or fails) in time linear in its size.

Each pattern is built at SMALL and at 4 x SMALL characters, in this process, timed in CPU
seconds (so that other load on the machine counts little). A cost linear in the size grows
4 times, a quadratic one 16 times: more than GROWTH times fails. A cost can also be linear
but many times too high (a search that walks a hundred brackets from each bracket), so the
larger build may take at most SLOWER times as long as a sheet of plain notes of its size,
timed here too. `make bench` builds each pattern at 100 KB and 1 MB.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, run
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from flashcards import markup
from flashcards.build import few_collections
from flashcards.syntax.callouts import callouts_plugin
from flashcards.syntax.link_labels import link_labels_plugin

sys.path.insert(0, str(ROOT / "bench"))
from pathological import BY_NAME, PATTERNS, Pattern

pytestmark = pytest.mark.slow  # left out by `make test-fast`

SMALL = 25_000
GROWTH = 10.0
SLOWER = 4.0
SLACK = 0.05
"""Seconds: timings this short say nothing about growth."""
PLAIN = "many list items"
KNOWN: dict[str, str] = {}
"""Pattern name -> why it is still superlinear: none today."""


def build_seconds(pattern: Pattern, size: int, folder: Path) -> float:
    """CPU seconds of a first `flashcards build` of the pattern's sheet; it must build or
    fail. Each in a folder of its own: a build again where the last one ran would take the
    parsed sheet from the build cache and time nothing."""
    folder = folder / f"build-{len(list(folder.glob('build-*')))}"
    folder.mkdir()
    sheet = folder / f"{size}.md"
    sheet.write_text(pattern.sheet(size), encoding="utf-8")
    start = time.process_time()
    result = run("build", sheet, "-o", folder / f"{size}.apkg")
    seconds = time.process_time() - start
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    return seconds


def timings(pattern: Pattern, folder: Path) -> tuple[float, float]:
    return build_seconds(pattern, SMALL, folder), build_seconds(pattern, 4 * SMALL, folder)


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> float:
    """CPU seconds of a sheet of plain notes at 4 x SMALL: the yardstick of this machine."""
    folder = tmp_path_factory.mktemp("plain")
    return min(build_seconds(BY_NAME[PLAIN], 4 * SMALL, folder) for _ in range(2))


def _param(pattern: Pattern) -> object:
    reason = KNOWN.get(pattern.name)
    marks = [pytest.mark.xfail(run=False, reason=reason)] if reason else []
    return pytest.param(pattern, id=pattern.name, marks=marks)


@pytest.mark.parametrize("pattern", [_param(p) for p in PATTERNS])
def test_a_pathological_sheet_builds_in_linear_time(
    pattern: Pattern, plain: float, tmp_path: Path
) -> None:
    small, large = timings(pattern, tmp_path)
    if large > GROWTH * small + SLACK or large > SLOWER * plain + SLACK:
        # Once more before failing: a pause of the machine is no quadratic path.
        again = timings(pattern, tmp_path)
        small, large = min(small, again[0]), min(large, again[1])
    assert large <= GROWTH * small + SLACK, f"{small:.3f} s, then {large:.3f} s at 4 x the size"
    assert large <= SLOWER * plain + SLACK, f"{large:.3f} s; plain notes: {plain:.3f} s"


def images(count: int) -> list[Token]:
    """A paragraph of `count` pictures with a space between each, as the parser gives it."""
    children = []
    for _ in range(count):
        children += [Token("image", "img", 0), Token("text", "", 0, content=" ")]
    inline = Token("inline", "", 0, children=children)
    return [Token("paragraph_open", "p", 1), inline, Token("paragraph_close", "p", -1)]


def test_a_paragraph_of_pictures_renders_in_linear_time() -> None:
    # Each picture waits behind a mark until the HTML is safe: all replaced in one pass.
    seconds = []
    for count in (50_000, 200_000):
        toks = images(count)
        start = time.process_time()
        assert markup.html(toks).count('<img src="" alt="">') == count
        seconds.append(time.process_time() - start)
    assert seconds[1] <= GROWTH * seconds[0] + SLACK, seconds


def test_many_callouts_are_converted_in_linear_time() -> None:
    # The block parse alone, where the callout rule runs: no inline parsing to drown it.
    md = MarkdownIt("commonmark").use(callouts_plugin, frozenset({"note"})).disable("inline")
    seconds = []
    with few_collections():
        for count in (5_000, 20_000):
            start = time.process_time()
            toks = md.parse("> [!note] a\n\n" * count)
            seconds.append(time.process_time() - start)
            assert [t.type for t in toks].count("callout_title_open") == count
    assert seconds[1] <= GROWTH * seconds[0] + SLACK, seconds


def _md(ours: bool) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "maxNesting": markup.MAX_NESTING})
    return md.use(link_labels_plugin) if ours else md


MARKDOWN_IT, OURS = _md(False), _md(True)
PIECES = [*"[]()a !*_`<>\\\n", "](u)", "[[", "]]", "[x]: /u\n", "<a>", '"', "<!--", "-->"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_link_labels_are_found_as_markdown_it_finds_them(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert OURS.render(text) == MARKDOWN_IT.render(text)


@pytest.mark.parametrize("levels", [50, 98, 99, 100, 101, 150])
@pytest.mark.parametrize(
    "shape",
    ["{}a{}", "{}a{}(u)", "!{}a{}(u)", "{}a{} {}a{}"],
    ids=["nested", "link", "image", "twice"],
)
def test_deeply_nested_brackets_read_as_markdown_it_reads_them(levels: int, shape: str) -> None:
    # Near markdown-it's nesting limit, where it stops looking inside.
    text = shape.replace("{}a{}", "[" * levels + "a" + "]" * levels)
    assert OURS.render(text) == MARKDOWN_IT.render(text)
