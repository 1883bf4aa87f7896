"""`make bench`: `flashcards build` against the floor, genanki alone writing the same deck.

Usage: python bench/run.py [--quick | --sizes 1000,10000] [--repeat N]

Then each pathological sheet of bench/pathological.py at 100 KB and 1 MB (100 KB only with
--quick), in seconds per MB.

Every measurement is a fresh process, forked by the small bench/launch.py: wall time from fork
to wait4, peak RSS from wait4's ru_maxrss.
A report, not a test: the exit status is 0 whether targets pass or fail, 1 if a command fails.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pathological
from children import Command, CommandFailed, Summary, measure, run
from prep import floor_input
from sheets import SEED, Seed, read_seed, write_sheet

from flashcards.cache import FOLDER as CACHE_FOLDER

BENCH = Path(__file__).resolve().parent
PROJECT = BENCH.parent
RESULTS = PROJECT / "docs" / "bench.md"
"""Where each run writes its report: the docs show the latest run, never a pasted one."""
CONSOLE_SCRIPT = Path(sys.executable).parent / "flashcards"
SIZES = (1_000, 10_000, 100_000)
QUICK = (1_000, 10_000)
BIG = 100_000
WARM = (10_000, 100_000)
"""Sizes whose warm rebuild (one note edited, history and previous deck in place) is timed."""
SEED_SIZE = 30
FOLDER_NOTES = 10_000
FOLDER_FILES = 200
"""A study repository: 10,000 notes in 200 sheets of 50, ten sheets to a subfolder."""
STARTUP_RUNS = 10
PATHOLOGICAL = (100_000, 1_000_000)
PATHOLOGICAL_QUICK = (100_000,)
PATHOLOGICAL_TIMEOUT = 120.0
GENANKI_CHECK = """\
import sys
from flashcards.cli import main
main({args!r}, standalone_mode=False)
print("genanki imported:", "genanki" in sys.modules)
"""


@dataclass(frozen=True)
class Row:
    notes: int
    sheet_bytes: int
    build: Summary
    floor: Summary

    @property
    def time_ratio(self) -> float:
        return self.build.seconds / self.floor.seconds

    @property
    def memory_ratio(self) -> float:
        return self.build.rss_mib / self.floor.rss_mib


@dataclass(frozen=True)
class Startup:
    help: Summary
    click: Summary
    lint: Summary
    help_genanki: bool
    lint_genanki: bool

    @property
    def help_ratio(self) -> float:
        return self.help.seconds / self.click.seconds


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--sizes", type=_sizes, default=SIZES, help="notes per sheet, e.g. 1000,10000"
    )
    group.add_argument(
        "--quick", action="store_const", dest="sizes", const=QUICK, help="1000,10000"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (default 3)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def _sizes(text: str) -> tuple[int, ...]:
    sizes = tuple(int(s.replace("_", "")) for s in text.split(",") if s.strip())
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("a comma-separated list of positive note counts")
    return sizes


def flashcards(*args: str) -> tuple[str, ...]:
    return (sys.executable, str(CONSOLE_SCRIPT), *args)


def python(*args: str) -> tuple[str, ...]:
    return (sys.executable, *args)


def progress(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def machine_facts() -> list[str]:
    usable = len(os.sched_getaffinity(0))
    return [
        f"- nproc: {usable} usable of {os.cpu_count()}",
        f"- CPU: {_proc_value('/proc/cpuinfo', 'model name') or platform.processor() or '?'}",
        f"- memory: {_total_memory_gib():.1f} GiB",
        f"- Python: {platform.python_version()} ({sys.executable})",
        f"- OS: {platform.system()} {platform.release()}",
        f"- genanki {metadata.version('genanki')}, click {metadata.version('click')}",
    ]


def _proc_value(path: str, key: str) -> str | None:
    try:
        lines = Path(path).read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        name, _, value = line.partition(":")
        if name.strip() == key:
            return value.strip()
    return None


def _total_memory_gib() -> float:
    kib = (_proc_value("/proc/meminfo", "MemTotal") or "0 kB").split()[0]
    return int(kib) / (1 << 20)


def deck_row(folder: Path, notes: int, seed: Seed, build: Command, repeat: int) -> Row:
    """`build` against the floor on a generated sheet of `notes` notes in `folder`."""
    sheet = write_sheet(folder / f"aws-{notes}.ko.md", notes, seed)
    prepared = folder / "floor-input.json"
    found = floor_input(sheet, prepared)
    if found != notes:
        raise RuntimeError(f"{sheet}: expected {notes} notes, the parser found {found}")
    out = folder / "floor"
    floor = Command(
        python(str(BENCH / "floor.py"), str(prepared), str(out / "deck.apkg")), fresh=out
    )
    got = measure({"build": build, "floor": floor}, repeat)
    return Row(notes, sheet.stat().st_size, got["build"], got["floor"])


def warm_row(cold: Row, folder: Path, repeat: int) -> Row:
    """A rebuild after one note of the sheet in `folder` changed: the author's loop. Each
    run edits the same note back and forth, so every run has one note to update."""
    sheet = folder / f"aws-{cold.notes}.ko.md"
    out = folder / "warm" / "deck.apkg"
    argv = flashcards("build", str(sheet), "-o", str(out))
    run(Command(argv))  # the cold build before: history and deck in place
    build = Command(argv, before=lambda: _edit_one_note(sheet))
    got = measure({"build": build}, repeat)
    return Row(cold.notes, cold.sheet_bytes, got["build"], cold.floor)


def _edit_one_note(sheet: Path) -> None:
    """Change the definition of the note in the middle of the sheet: "edited" on, then off."""
    lines = sheet.read_text(encoding="utf-8").split("\n")
    middle = next(i for i in range(len(lines) // 2, len(lines)) if lines[i].startswith("  "))
    line = lines[middle]
    lines[middle] = (
        line.removesuffix(" (edited)") if line.endswith(" (edited)") else line + " (edited)"
    )
    sheet.write_text("\n".join(lines), encoding="utf-8")


def size_row(tmp: Path, notes: int, seed: Seed, repeat: int) -> Row:
    folder = tmp / f"n{notes}"
    folder.mkdir()
    out = folder / "build"
    sheet = folder / f"aws-{notes}.ko.md"
    # A deck built from one sheet keeps its history and its build cache beside the sheet:
    # removed before each run, so that every run is a first build.
    history = sheet.with_name(sheet.name.removesuffix(".md") + ".lock.json")
    argv = flashcards("build", str(sheet), "-o", str(out / "deck.apkg"))
    build = Command(argv, fresh=out, stale=(history, folder / CACHE_FOLDER))
    return deck_row(folder, notes, seed, build, repeat)


def seed_row(tmp: Path, seed: Seed, repeat: int) -> Row:
    """`flashcards build` of the whole config, in a copy of source/, against a 30-note floor."""
    folder = tmp / "seed"
    shutil.copytree(PROJECT / "source", folder / "source")
    build = Command(flashcards("build"), cwd=folder, fresh=folder / "decks")
    return deck_row(folder, SEED_SIZE, seed, build, repeat)


@dataclass(frozen=True)
class FolderRows:
    """The same notes built from one sheet and from a folder of sheets, first and warm."""

    sheet: Summary
    folder: Summary
    sheet_warm: Summary
    folder_warm: Summary


def folder_rows(tmp: Path, seed: Seed, repeat: int) -> FolderRows:
    """A first build and a one-note warm rebuild of `FOLDER_NOTES` notes, from one sheet and
    from `FOLDER_FILES` sheets in subfolders (each sheet one `# N. category` of the sheet)."""
    base = tmp / "folder"
    notes = base / "notes"
    base.mkdir()
    sheet = write_sheet(base / "one.ko.md", FOLDER_NOTES, seed)
    text = sheet.read_text(encoding="utf-8")
    chunks = ["# " + c for c in text.split("\n# ")[1:]]
    if len(chunks) != FOLDER_FILES:
        raise RuntimeError(f"expected {FOLDER_FILES} sheets, cut {len(chunks)}")
    for number, chunk in enumerate(chunks):
        path = notes / f"part-{number // 10:02}" / f"sheet-{number:03}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(chunk, encoding="utf-8")
    one = ("one", sheet, sheet.with_name("one.ko.lock.json"), base / CACHE_FOLDER)
    many = ("many", notes, notes / "notes.lock.json", notes / CACHE_FOLDER)
    cold = {}
    warm = {}
    for name, source, history, cache in (one, many):
        out = base / f"out-{name}"
        argv = flashcards("build", str(source), "-o", str(out / "deck.apkg"))
        cold[name] = Command(argv, fresh=out, stale=(history, cache))
        edited = sheet if source == sheet else notes / "part-10" / "sheet-100.md"
        warm[name] = Command(argv, before=lambda edited=edited: _edit_one_note(edited))
    got = measure(cold, repeat)
    for command in warm.values():
        run(command)  # the first build before: history, deck and cache in place
    again = measure(warm, repeat)
    return FolderRows(got["one"], got["many"], again["one"], again["many"])


def folder_lines(rows: FolderRows) -> list[str]:
    def line(what: str, one: Summary, many: Summary) -> str:
        return (
            f"| {what} | {one.seconds:.2f} | {many.seconds:.2f} | {many.seconds / one.seconds:.2f} "
            f"| {one.rss_mib:.1f} | {many.rss_mib:.1f} |"
        )

    return [
        f"folder: {FOLDER_NOTES:,} notes in one sheet, and the same notes in {FOLDER_FILES} "
        "sheets (ten to a subfolder, a subdeck each): `flashcards build SHEET|FOLDER`; warm: "
        "again after one note of one sheet changed.",
        "",
        "| build | one sheet s | folder s | folder / sheet | one sheet MiB | folder MiB |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        line("first", rows.sheet, rows.folder),
        line("warm, one file edited", rows.sheet_warm, rows.folder_warm),
    ]


def imports_genanki(args: list[str]) -> bool:
    output = run(Command(python("-c", GENANKI_CHECK.format(args=args)))).output
    flags = [line for line in output.splitlines() if line.startswith("genanki imported:")]
    if not flags:
        raise RuntimeError(f"no answer from the genanki check of {args}:\n{output}")
    return flags[-1].endswith("True")


def startup() -> Startup:
    commands = {
        "help": Command(flashcards("--help")),
        "click": Command(python("-c", "import click")),
        "lint": Command(flashcards("lint", str(SEED))),
    }
    got = measure(commands, STARTUP_RUNS)
    help_flag = imports_genanki(["--help"])
    lint_flag = imports_genanki(["lint", str(SEED)])
    return Startup(got["help"], got["click"], got["lint"], help_flag, lint_flag)


def table(rows: list[Row]) -> list[str]:
    lines = [
        "| notes | sheet MB | build s | build MiB | floor s | floor MiB "
        "| time ratio | memory ratio |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r.notes:,} | {r.sheet_bytes / 1e6:.2f} | {r.build.seconds:.2f} "
            f"| {r.build.rss_mib:.1f} | {r.floor.seconds:.2f} | {r.floor.rss_mib:.1f} "
            f"| {r.time_ratio:.2f} | {r.memory_ratio:.2f} |"
        )
    return lines


def details(rows: list[Row], seed: Row, start: Startup) -> list[str]:
    per_note = ", ".join(f"{r.notes:,}: {r.sheet_bytes / r.notes:.0f}" for r in rows)
    return [
        f"- sheet bytes per note: {per_note}",
        f"- `flashcards --help` {start.help.seconds:.3f} s vs `python -c 'import click'` "
        f"{start.click.seconds:.3f} s: ratio {start.help_ratio:.2f} (median of {STARTUP_RUNS})",
        f"- `flashcards lint source/aws.ko.md`: {start.lint.seconds:.3f} s, "
        f"{start.lint.rss_mib:.1f} MiB (median of {STARTUP_RUNS})",
        f"- genanki imported by `--help`: {_yes(start.help_genanki)}; "
        f"by `lint`: {_yes(start.lint_genanki)}",
        "- seed size: `flashcards build` of source/decks.yaml (3 decks) "
        f"{seed.build.seconds:.3f} s, "
        f"{seed.build.rss_mib:.1f} MiB vs floor of one {SEED_SIZE}-note deck "
        f"{seed.floor.seconds:.3f} s, {seed.floor.rss_mib:.1f} MiB: time ratio "
        f"{seed.time_ratio:.2f}, memory ratio {seed.memory_ratio:.2f}",
    ]


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def targets(
    rows: list[Row], seed: Row, start: Startup, warm: list[Row], folder: FolderRows
) -> list[str]:
    big = next((r for r in rows if r.notes == BIG), None)
    memory_ok = None if big is None else big.memory_ratio <= 1.5
    checks: list[tuple[str, bool | None]] = [
        *((f"{r.notes:,} notes: build time <= 2.0x floor", r.time_ratio <= 2.0) for r in rows),
        *(
            (f"{r.notes:,} notes: warm rebuild <= 1.2x floor", r.time_ratio <= 1.2)
            for r in warm
            if r.notes == BIG
        ),
        *(
            (f"{r.notes:,} notes: warm rebuild under 1 s", r.build.seconds < 1.0)
            for r in warm
            if r.notes == 10_000
        ),
        (f"{BIG:,} notes: build memory <= 1.5x floor", memory_ok),
        (f"seed-size config build <= 2x floor ({SEED_SIZE} notes)", seed.time_ratio <= 2.0),
        ("`--help` <= 1.5x `import click`", start.help_ratio <= 1.5),
        (
            "`lint` and `--help` do not import genanki",
            not (start.help_genanki or start.lint_genanki),
        ),
        (
            f"{FOLDER_FILES} sheets: first build <= 1.25x one sheet of the same notes",
            folder.folder.seconds <= 1.25 * folder.sheet.seconds,
        ),
        (
            f"{FOLDER_FILES} sheets: one-file warm rebuild <= 1.25x one sheet's warm rebuild",
            folder.folder_warm.seconds <= 1.25 * folder.sheet_warm.seconds,
        ),
    ]
    return [f"- {_verdict(ok)} {name}" for name, ok in checks]


def _verdict(ok: bool | None) -> str:
    return "SKIP (not measured)" if ok is None else "PASS" if ok else "FAIL"


def report(sizes: tuple[int, ...], repeat: int) -> list[str]:
    seed = read_seed()
    with tempfile.TemporaryDirectory(prefix="flashcards-bench-") as name:
        tmp = Path(name)
        rows, warm = [], []
        for notes in sizes:
            progress(f"{notes:,} notes: build and floor, {repeat} runs each")
            rows.append(size_row(tmp, notes, seed, repeat))
            if notes in WARM:
                progress(f"{notes:,} notes: warm rebuild after one edit, {repeat} runs")
                warm.append(warm_row(rows[-1], tmp / f"n{notes}", repeat))
        progress("seed-size config build and 30-note floor")
        seed_size = seed_row(tmp, seed, repeat)
        progress(f"{FOLDER_NOTES:,} notes in one sheet and in {FOLDER_FILES}, {repeat} runs")
        folder = folder_rows(tmp, seed, repeat)
        progress(f"--help, import click and lint, {STARTUP_RUNS} runs each; genanki checks")
        start = startup()
    return [
        f"median wall time and max peak RSS of {repeat} runs; every run a fresh process "
        "(fork to os.wait4, ru_maxrss), forked by bench/launch.py.",
        "build: `flashcards build SHEET -o OUT.apkg`, a first build (no history, no cache).",
        "floor: a fresh Python that loads pre-computed field values (JSON) and writes the same "
        "deck with genanki alone; its time includes start-up, importing genanki and the JSON load.",
        "",
        *table(rows),
        "",
        "warm: the same build again after one note's definition changed (history, previous "
        "deck and build cache in place), against the same floor.",
        "",
        *table(warm),
        "",
        *folder_lines(folder),
        "",
        *details(rows, seed_size, start),
        "",
        "## Targets",
        "",
        *targets(rows, seed_size, start, warm, folder),
    ]


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    began = time.perf_counter()
    if not CONSOLE_SCRIPT.exists():
        print(
            f"bench: no console script at {CONSOLE_SCRIPT}; run `make decks` first", file=sys.stderr
        )
        return 1
    print("# flashcards bench\n", *machine_facts(), "", sep="\n", flush=True)
    try:
        lines = report(args.sizes, args.repeat)
    except CommandFailed as exc:
        print(f"bench: a command failed, {exc}", file=sys.stderr)
        return 1
    print(*lines, "", sep="\n", flush=True)
    sizes = PATHOLOGICAL_QUICK if args.sizes == QUICK else PATHOLOGICAL
    patterns = pathological_section(sizes)
    print(*patterns, "", sep="\n")
    print(f"whole run: {time.perf_counter() - began:.0f} s")
    written = ["# flashcards bench", "", *machine_facts(), "", *lines, "", *patterns, ""]
    RESULTS.write_text("\n".join(written), encoding="utf-8")
    print(f"written to {RESULTS.relative_to(PROJECT)}")
    return 0


def pathological_section(sizes: tuple[int, ...]) -> list[str]:
    """Each sheet of bench/pathological.py built once at each size: seconds per MB that
    grow with the size show a cost that grows faster than the sheet."""
    progress(f"pathological sheets at {', '.join(f'{s:,}' for s in sizes)} bytes, one run each")
    return [
        "## Pathological sheets",
        "",
        "`flashcards build SHEET -o OUT.apkg` of each pattern (bench/pathological.py), one run "
        f"each; wall seconds per MB of sheet, process start-up included; no build may take "
        f"more than {PATHOLOGICAL_TIMEOUT:g} s. exit 1: the sheet is refused with a message.",
        "",
        *pathological.table(list(pathological.PATTERNS), list(sizes), PATHOLOGICAL_TIMEOUT),
    ]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
