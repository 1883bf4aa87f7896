"""Sheets that make a Markdown parser slow: cmark's pathological list, and a few of our own.

Each pattern makes a sheet of about the size asked for. `make bench` builds each one at
100 KB and 1 MB and prints the seconds per MB: a pattern whose cost grows faster than its
size shows up as seconds per MB that grow with the size. tests/test_pathological.py builds
each one small, twice, and fails when the time grows much faster than the size.

Usage: python bench/pathological.py [--sizes 100000,1000000] [--timeout S] [NAME...]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HEAD = "# Pathological\n\n**Anchor** — a note, so that the sheet has one.\n\n"
"""Every sheet starts with one good note: a pattern that builds gives a deck."""


@dataclass(frozen=True)
class Pattern:
    name: str
    make: Callable[[int], str]
    """A text of about the given number of characters."""
    inline: bool = True
    """Written as a definition after a bold term; else as blocks of their own."""

    def sheet(self, size: int) -> str:
        body = self.make(size)
        return HEAD + (f"**Term** — {body}\n" if self.inline else f"{body}\n")


def repeat(unit: str, before: str = "", after: str = "") -> Callable[[int], str]:
    """`unit` as many times as fit in the size (between `before` and `after`)."""
    return lambda size: before + unit * max(1, size // len(unit)) + after


def around(opening: str, middle: str, closing: str) -> Callable[[int], str]:
    """`opening` n times, `middle`, `closing` n times: nested spans or brackets."""
    return lambda size: (
        opening * (n := max(1, size // (len(opening) + len(closing)))) + middle + closing * n
    )


def backticks(size: int) -> str:
    """`e` then a run of i backticks, for i = 1, 2, ...: no run closes any other."""
    parts, total, i = [], 0, 1
    while total < size:
        parts.append("e" + "`" * i)
        total += i + 1
        i += 1
    return "".join(parts)


def nested_lists(size: int) -> str:
    """Each list item one level deeper than the one before."""
    lines, total, i = [], 0, 0
    while total < size:
        lines.append("  " * i + "* a")
        total += 2 * i + 4
        i += 1
    return "\n".join(lines)


def wide_table(size: int) -> str:
    """A table with a column per few bytes, and rows that fill few of them."""
    columns = max(1, size // 8)
    return "|a" * columns + "|\n" + "|-" * columns + "|\n" + "|b|\n" * columns


def references(size: int) -> str:
    """Many link reference definitions, then as many uses."""
    n = max(1, size // 16)
    return "".join(f"[{i}]: u\n" for i in range(n)) + "\n" + "[0] " * n


PATTERNS = (
    # cmark's test/pathological_tests.py
    Pattern("nested strong emph", around("*a **a ", "b", " a** a*")),
    Pattern("many emph closers with no openers", repeat("a_ ")),
    Pattern("many emph openers with no closers", repeat("_a ")),
    Pattern("many link closers with no openers", repeat("a]")),
    Pattern("many link openers with no closers", repeat("[a")),
    Pattern("mismatched openers and closers", repeat("*a_ ")),
    Pattern("openers and closers multiple of 3", repeat("c* ", before="a**b")),
    Pattern("link openers and emph closers", repeat("[ a_")),
    Pattern("pattern [ (]( repeated", repeat("[ (](")),
    Pattern("pattern ![[]() repeated", repeat("![[]()")),
    Pattern("hard link/emph case", repeat("**x [a*b**c*](d) ")),
    Pattern("nested brackets", around("[", "a", "]")),
    Pattern("nested block quotes", repeat("> ", after="a"), inline=False),
    Pattern("deeply nested lists", nested_lists, inline=False),
    Pattern("U+0000 in input", repeat("abc\0de ")),
    Pattern("backticks", backticks),
    Pattern("unclosed links A", repeat("[a](<b")),
    Pattern("unclosed links B", repeat("[a](b")),
    Pattern("unclosed <!--", repeat("<!--", before="</")),
    Pattern("unclosed <?", repeat("<?", before="</")),
    Pattern("unclosed <!A", repeat("<!A ", before="</")),
    Pattern("unclosed <![CDATA[", repeat("<![CDATA[", before="</")),
    Pattern("many emphasis delimiters", repeat("*")),
    Pattern("emph and strong openers", repeat("*a **a ")),
    Pattern("table of many rows", repeat("| c | d |\n", before="| a | b |\n|---|---|\n"), False),
    Pattern("table of many columns", wide_table, inline=False),
    Pattern("table rows of many cells", repeat("|b", before="|a|\n|-|\n"), inline=False),
    Pattern("many references", references, inline=False),
    Pattern("reference uses", repeat("[a] ", before="[a]: u\n\n"), inline=False),
    # our own syntax and rules
    Pattern("one long line of code spans", repeat("`a` ")),
    Pattern("wikilink openers", repeat("[[a")),
    Pattern("wikilink embeds unclosed", repeat("![[a")),
    Pattern("callouts", repeat("> [!note] a\n\n"), inline=False),
    Pattern("images only", repeat("![a](b) ", before="* **Pictures**\n\n  "), inline=False),
    Pattern("data: links", repeat("[a](data:x) ")),
    Pattern("term in its own definition", repeat("Term ")),
    Pattern("entities", repeat("&amp; ")),
    Pattern("many notes in one paragraph", repeat("**a** b\n"), inline=False),
    Pattern("many list items", repeat("* **a** — b\n"), inline=False),
    Pattern("outline items over short points", repeat("- a name\n  - x\n"), inline=False),
    Pattern(
        "entries under an outline name",
        repeat("  - term: a point that says what it is\n", "- a group name\n"),
        inline=False,
    ),
    Pattern("many headings", repeat("# a\n\n**b** — c\n\n"), inline=False),
    Pattern("details blocks", repeat("<details><summary>q</summary>a</details>\n\n"), False),
    Pattern("a term's long parenthesis", repeat("a", "* **X(", ") tier**: d\n"), inline=False),
    Pattern("a post written in HTML", repeat("<h4>a</h4>\n<p><b>b</b>: c</p>\n"), inline=False),
    Pattern("nested HTML", around("<div>", "<p>a</p>", "</div>"), inline=False),
)
BY_NAME = {p.name: p for p in PATTERNS}


@dataclass(frozen=True)
class Timing:
    seconds: float
    status: int | None
    """The exit status; None when the build ran out of time."""
    output: str


def build(pattern: Pattern, size: int, folder: Path, timeout: float) -> Timing:
    """`flashcards build` of the pattern's sheet, in a fresh process."""
    sheet = folder / "sheet.md"
    sheet.write_text(pattern.sheet(size), encoding="utf-8")
    script = Path(sys.executable).parent / "flashcards"
    argv = [sys.executable, str(script), "build", str(sheet), "-o", str(folder / "out.apkg")]
    start = time.perf_counter()
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return Timing(time.perf_counter() - start, None, "")
    return Timing(time.perf_counter() - start, done.returncode, done.stderr)


def table(patterns: list[Pattern], sizes: list[int], timeout: float) -> list[str]:
    heads = " | ".join(f"{s / 1e6:g} MB s/MB" for s in sizes)
    lines = [f"| pattern | {heads} | exit |", "| --- |" + " ---: |" * len(sizes) + " ---: |"]
    for pattern in patterns:
        cells, status = [], "0"
        for size in sizes:
            with tempfile.TemporaryDirectory(prefix="flashcards-pathological-") as name:
                got = build(pattern, size, Path(name), timeout)
            if got.status is None:
                cells.append(f"> {timeout:g} s")
                status = "timeout"
                break
            cells.append(f"{got.seconds / (size / 1e6):.2f}")
            status = str(got.status)
        cells += ["-"] * (len(sizes) - len(cells))
        lines.append(f"| {pattern.name} | {' | '.join(cells)} | {status} |")
        print(f"[bench] {lines[-1]}", file=sys.stderr, flush=True)
    return lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="patterns to build (default: all)")
    parser.add_argument("--sizes", default="100000,1000000", help="sheet sizes in bytes")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per build")
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in BY_NAME]
    if unknown:
        parser.error(f"unknown pattern {unknown[0]!r}; known: {', '.join(BY_NAME)}")
    patterns = [BY_NAME[n] for n in args.names] or list(PATTERNS)
    sizes = [int(s) for s in args.sizes.split(",")]
    print(*table(patterns, sizes, args.timeout), sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
