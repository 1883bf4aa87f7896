"""Properties of the parser and the deck over generated sources, checked with hypothesis.

Sheets are assembled from the grammar's own pieces (headings, list markers, bold forms,
separators, nesting, inline code, CRLF, BOM, blank lines), so most of them give notes.
"""

from __future__ import annotations

import html
import subprocess
import sys
import tempfile
import threading
import unicodedata
from pathlib import Path

import pytest
from anki_client import import_deck, open_collection
from conftest import SEED
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from flashcards import parse as parse_module
from flashcards.build import build
from flashcards.errors import FlashcardsError
from flashcards.identity import note_guid
from flashcards.note import Sheet
from flashcards.parse import parse
from flashcards.plan import sheet_deck
from flashcards.read import decode

pytestmark = pytest.mark.slow  # left out by `make test-fast`

NAME = "s.md"

# --- the grammar's pieces -------------------------------------------------------------------

WORDS = st.sampled_from(
    ["EC2", "S3", "Lambda", "Route 53", "cloud", "x", "API", "naïve", "컴퓨팅", "서비스", "데이터"]
)
MARKERS = st.sampled_from(["*", "-", "+", "1.", "2)", "10."])
ENUMERATORS = st.sampled_from(["", "1. ", "2) ", "03 - ", "4 — ", "3.14 "])
SEPARATORS = st.sampled_from([": ", ":", " - ", " – ", " — ", " ", ":\t"])
CODE_WORDS = st.sampled_from(["virtual server", "S3", "key phrase", "`", "**", "# no"])


@st.composite
def words(draw: st.DrawFn, most: int = 4) -> str:
    return " ".join(draw(st.lists(WORDS, min_size=1, max_size=most)))


@st.composite
def inline(draw: st.DrawFn) -> str:
    """Definition text: words, inline code, emphasis, a link, now and then a stray marker."""
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.integers(0, 6))
        if kind == 0:
            parts.append(f"`{draw(CODE_WORDS)}`")
        elif kind == 1:
            parts.append(f"*{draw(words(2))}*")
        elif kind == 2:
            parts.append(f"[{draw(words(2))}](https://example.com/{draw(st.integers(0, 9))})")
        elif kind == 3:
            parts.append(draw(st.sampled_from(["<b>", "&amp;", "\\*", "**", "__", "(", ")"])))
        else:
            parts.append(draw(words()))
    return " ".join(parts)


@st.composite
def terms(draw: st.DrawFn, unique: list[str] | None) -> str:
    """A term: from a small pool (duplicates happen), or the next of `unique`."""
    if unique is not None:
        term = f"{draw(WORDS)} {len(unique)}"
        unique.append(term)
    else:
        term = draw(words(2))
    if draw(st.booleans()):
        term += f" ({draw(words(3))})"
    return term


@st.composite
def headings(draw: st.DrawFn) -> list[str]:
    title = draw(ENUMERATORS) + draw(words())
    if draw(st.booleans()):
        hashes = "#" * draw(st.integers(1, 6))
        closing = draw(st.sampled_from(["", " " + hashes, " #"]))
        return [f"{hashes} {title}{closing}"]
    return [title, draw(st.sampled_from(["=", "===", "-", "---"]))]


@st.composite
def items(draw: st.DrawFn, depth: int, unique: list[str] | None) -> list[str]:
    """One list: a marker for all its items, each a note or a plain item, maybe nested."""
    marker = draw(MARKERS)
    pad = " " * (len(marker) + 1)
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        if draw(st.integers(0, 4)):
            bold = draw(st.sampled_from(["**", "__"]))
            head = f"{bold}{draw(terms(unique))}{bold}"
            if unique is not None or draw(st.integers(0, 3)):
                head += draw(SEPARATORS) + draw(inline())
        else:
            head = draw(inline())
        lines.append(f"{marker} {head}")
        if depth and draw(st.booleans()):
            if draw(st.booleans()):
                lines.append("")
            lines += [pad + line if line else "" for line in draw(items(depth - 1, unique))]
        elif draw(st.integers(0, 5)) == 0:
            lines += ["", pad + draw(inline())]  # a further paragraph of the item
    if draw(st.booleans()):
        lines.append("")
    return lines


@st.composite
def sheets(draw: st.DrawFn, unique: bool = False) -> bytes:
    """The bytes of a source assembled from the grammar's pieces."""
    pool: list[str] | None = [] if unique else None
    lines: list[str] = draw(items(1, pool)) if unique else []
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.integers(0, 10))
        if kind <= 1:
            lines += draw(headings())
        elif kind == 2:
            lines.append(draw(inline()))  # a paragraph
        elif kind == 3:
            fence = draw(st.sampled_from(["```", "~~~", "  ```"]))
            lines += [fence, draw(st.sampled_from(["# not a heading", "* **No**: note"])), fence]
        elif kind == 4:
            lines.append("")
        elif kind == 10:  # a question whose answer holds a heading, closed or not
            lines += [
                "<details>",
                "<summary>Why?</summary>",
                "",
                draw(st.sampled_from(["## Inside", "* **In**: answer"])),
                "",
                "Because.",
            ]
            lines += draw(st.sampled_from([["", "</details>"], ["</details>"], []]))
        else:
            lines += draw(items(draw(st.integers(0, 2)), pool))
    text = "\n".join(lines) + draw(st.sampled_from(["", "\n"]))
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    if draw(st.integers(0, 4)) == 0:
        text = text.replace("  ", "\t")
    data = text.encode()
    return b"\xef\xbb\xbf" + data if draw(st.booleans()) else data


def parsed(data: bytes) -> Sheet | FlashcardsError:
    try:
        return parse(decode(data, NAME), NAME)
    except FlashcardsError as exc:
        return exc


# --- nothing but a Sheet or a FlashcardsError -----------------------------------------------


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text())
def test_any_text_parses_or_fails_as_a_user_error(text: str) -> None:
    assert isinstance(parsed(text.encode()), Sheet | FlashcardsError)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.binary())
@example(b"\x00")
@example(b"\xff\xfe* \x00*\x00")
@example(b"\xef\xbb\xbf")
def test_any_bytes_parse_or_fail_as_a_user_error(data: bytes) -> None:
    assert isinstance(parsed(data), Sheet | FlashcardsError)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(sheets())
def test_a_grammar_sheet_parses_or_fails_as_a_user_error(data: bytes) -> None:
    result = parsed(data)
    assert isinstance(result, Sheet)  # the pieces hold no NUL and no bad UTF-8
    for note in result.notes:
        assert note.term and note.short and note.definition
        assert note.term == unicodedata.normalize("NFC", note.term)
        assert 1 <= note.line <= data.count(b"\n") + 1
    assert list(result.problems) == sorted(result.problems)


FIXTURE_SHEETS = sorted((Path(__file__).parent / "fixtures").rglob("*.md"))
"""The grammar's own fixtures and the sheets: real shapes to break in small ways."""

PIECES = st.sampled_from(
    ["**", "__", "*", "_", "`", "|", "- ", "1. ", "> ", "# ", "\n", "\n\n", "    ", "\t", ": ",
     " - ", "<br>", "<details>", "</details>", "$$", "[", ")", "!!! note\n", "> [!def] X\n",
     "---\n", "```\n", "==", "{{c1::", "}}", "?", "은 ", "|---|---|\n"]
)  # fmt: skip


@st.composite
def broken_fixtures(draw: st.DrawFn) -> bytes:
    """A fixture with a few pieces of the grammar put in, or a run of it cut out, at random
    places: where a writer's slip meets a shape the rules know."""
    lines = draw(st.sampled_from(FIXTURE_SHEETS)).read_text(encoding="utf-8").splitlines()
    for _ in range(draw(st.integers(0, 3))):  # whole lines left out, or written twice
        at = draw(st.integers(0, max(len(lines) - 1, 0)))
        lines[at : at + 1] = [] if draw(st.booleans()) else lines[at : at + 1] * 2
    text = list("\n".join(lines))
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text[at:at] = list(draw(PIECES))
        else:
            del text[at : at + draw(st.integers(1, 6))]
    return "".join(text).encode()


@settings(max_examples=3000, deadline=None, derandomize=True)
@given(broken_fixtures())
def test_a_fixture_broken_in_small_ways_parses_or_fails_as_a_user_error(data: bytes) -> None:
    assert isinstance(parsed(data), Sheet | FlashcardsError)


def whole(text: str) -> Sheet:
    """The source parsed as one piece, as CommonMark reads it, without cutting at headings."""
    return parse(text, NAME, cut=False)


# A fence opened inside a list item ends with the item; the unindented ``` that follows
# opens a fence of its own, which holds the heading below it.
FENCE_AFTER_ITEM = "# A\n* **X**: x\n\n  ```\n  code\n```\n# H\n* **Y**: y\n"


# A heading inside a question's answer, and a question never closed.
DETAILS_WITH_HEADING = (
    "# Locks\n\n<details>\n<summary>Why?</summary>\n\n## Inside\n\nBecause.\n\n</details>\n\n"
    "* **X**: x\n\n# Queues\n\n<details>\n<summary>Open?</summary>\n\n## H\n\n* **Y**: y\n"
)


# Two headings over two paragraphs each that open with a bold term and its words after a
# space: a section's habit is counted in its section, not across the sheet read whole.
SPACED_TERMS = "".join(
    f"# {h}\n\n**{a}** is said here in words enough.\n\n**{b}** is said too in words enough.\n\n"
    for h, a, b in (("A", "Alpha", "Beta"), ("B", "Gamma", "Delta"))
)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(sheets())
@example(FENCE_AFTER_ITEM.encode())
@example(SPACED_TERMS.encode())
@example(DETAILS_WITH_HEADING.encode())
def test_cutting_at_headings_parses_as_the_whole_does(data: bytes) -> None:
    text = decode(data, NAME)
    assert parse(text, NAME) == whole(text)


WORKERS = """
import sys
from pathlib import Path
from flashcards import parse
seed = Path(sys.argv[1]).read_text(encoding="utf-8") * 40
assert parse._start_method() == sys.argv[3], parse._start_method()
for sample in (seed, seed + sys.argv[2] + seed):
    assert parse.parse(sample, "s.md", workers=2) == parse.parse(sample, "s.md", workers=1)
"""


def test_forked_workers_parse_as_one_process_does() -> None:
    # A fresh process with one thread, as the command is: its workers are forked. Starting
    # them costs up to a second, so a few large texts, not many examples: the seed many times
    # over (duplicates and all), and a cut inside a fence in the middle.
    argv = [sys.executable, "-c", WORKERS, str(SEED), FENCE_AFTER_ITEM, "fork"]
    done = subprocess.run(argv, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


SIGTERM_IN_WORKERS = """
import signal
from flashcards import cli, parse
cli._exit_on_sigterm()  # as the command does: SIGTERM becomes an exit
def probe(job):
    return signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
parse._walk_piece = probe
assert parse._start_method() == "fork"
with parse._results([("s.md", 0, "", False)] * 8, 2) as results:
    assert all(results), "a worker kept the command's SIGTERM handler"
"""


def test_forked_workers_are_ended_by_sigterm_itself() -> None:
    # The command's handler, inherited, raised SystemExit inside the pool's queue lock when
    # the pool was terminated, and the build then waited for that worker for ever.
    done = subprocess.run(
        [sys.executable, "-c", SIGTERM_IN_WORKERS], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


WORKERS_CLOSED = """
import multiprocessing.pool
import sys
from pathlib import Path
from flashcards import parse
killed = []
multiprocessing.pool.Pool.terminate = lambda pool: killed.append(pool)
seed = Path(sys.argv[1]).read_text(encoding="utf-8") * 40
assert parse._start_method() == "fork"
parse.parse(seed, "s.md", workers=2)
assert not killed, "the workers were killed when their work was done"
"""


def test_workers_end_on_their_own_when_their_work_is_done() -> None:
    # Killed while idle, a worker may die holding the task queue's lock, and the pool then
    # waits for it for ever: a build that hangs once in many. Closed, they end on their own.
    done = subprocess.run(
        [sys.executable, "-c", WORKERS_CLOSED, str(SEED)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_spawned_workers_parse_as_one_process_does() -> None:
    # A process with a second thread (a test run, a host app) spawns its workers.
    seed = SEED.read_text(encoding="utf-8") * 40
    stop = threading.Event()
    helper = threading.Thread(target=stop.wait)
    helper.start()
    try:
        assert parse_module._start_method() == "spawn"
        for sample in (seed, seed + FENCE_AFTER_ITEM + seed):
            assert parse(sample, NAME, workers=2) == parse(sample, NAME, workers=1)
    finally:
        stop.set()


# --- every sheet that parses builds a deck that Anki imports whole ---------------------------


def build_one(folder: Path, source: bytes) -> Path:
    path = folder / NAME
    path.write_bytes(source)
    output = folder / "out" / "s.apkg"
    [result] = build([sheet_deck(path, output)]).results
    assert result.output == output
    return output


@settings(max_examples=40, deadline=None, derandomize=True)
@given(sheets(unique=True))
def test_a_sheet_without_errors_imports_with_its_notes(data: bytes) -> None:
    sheet = parsed(data)
    assert isinstance(sheet, Sheet)
    assume(not sheet.errors)  # a few: whitespace-only definitions, no bold item at all
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        col = open_collection(folder / "anki")
        try:
            import_deck(col, build_one(folder, data))
            notes = [col.get_note(nid) for nid in col.find_notes("")]
            assert col.note_count() == len(sheet.notes) > 0
            assert sorted(n["Term"] for n in notes) == sorted(
                html.escape(n.term) for n in sheet.notes
            )
            assert sorted(html.unescape(n["Term"]) for n in notes) == sorted(
                n.term for n in sheet.notes
            )
        finally:
            col.close()


# --- a note's GUID depends on its deck and short form only ----------------------------------

SHORTS = st.lists(
    st.sampled_from(["EC2", "S3", "Lambda", "Route 53", "IAM", "VPC", "SQS", "스토리지", "데이터"]),
    min_size=1,
    max_size=9,
    unique=True,
)


def write_sheet(entries: list[tuple[str, str, str]]) -> bytes:
    """(heading, term, definition) in order, a heading line wherever the heading changes."""
    lines, heading = [], None
    for section, term, definition in entries:
        if section != heading:
            lines += ["", f"# {section}"]
            heading = section
        lines.append(f"* **{term}**: {definition}")
    return ("\n".join(lines) + "\n").encode()


@st.composite
def edits(draw: st.DrawFn) -> tuple[bytes, bytes, list[str], list[str]]:
    """A sheet, then the same terms shuffled, moved, re-cased, re-expanded, with edited
    definitions and new terms inserted among them."""
    shorts = draw(SHORTS)
    sections = ["Compute", "Storage", "기타"]
    first = [
        (draw(st.sampled_from(sections)), s, f"about {s}, `{draw(st.integers(0, 99))}`")
        for s in shorts
    ]
    first.sort(key=lambda e: sections.index(e[0]))
    rnd = draw(st.randoms(use_true_random=False))
    second = []
    for _, short, definition in first:
        term = rnd.choice([short, short.lower(), short.upper(), f"{short}  (Expanded)"])
        if rnd.random() < 0.5:
            definition = f"edited: {definition} {rnd.random()}"
        second.append((rnd.choice(sections), term, definition))
    added = [f"New{i}" for i in range(draw(st.integers(0, 3)))]
    for term in added:
        second.insert(rnd.randrange(len(second) + 1), (rnd.choice(sections), term, "new"))
    rnd.shuffle(second)
    second.sort(key=lambda e: sections.index(e[0]))
    return write_sheet(first), write_sheet(second), shorts, added


def key(short: str) -> str:
    return " ".join(short.casefold().split())


@settings(max_examples=25, deadline=None, derandomize=True)
@given(edits())
def test_guid_and_note_id_survive_shuffling_inserting_and_editing(
    case: tuple[bytes, bytes, list[str], list[str]],
) -> None:
    before, after, shorts, added = case
    edited = parsed(after)
    assert isinstance(edited, Sheet) and not edited.errors
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        col = open_collection(folder / "anki")
        try:
            import_deck(col, build_one(folder, before))
            first = {key(n["Short"]): (n.id, n.guid) for n in map(col.get_note, col.find_notes(""))}
            assert {k: guid for k, (_, guid) in first.items()} == {
                key(s): note_guid("s", key(s)) for s in shorts
            }

            import_deck(col, build_one(folder, after))  # the same output: its lock carries on
            notes = {key(n["Short"]): n for n in map(col.get_note, col.find_notes(""))}
            assert len(notes) == col.note_count() == len(shorts) + len(added)
            assert {k: (notes[k].id, notes[k].guid) for k in first} == first
            for term in added:
                assert notes[key(term)].guid == note_guid("s", key(term))
            # The edits landed: identity stayed, content did not.
            assert {k: notes[k]["Definition"] for k in notes} == {
                n.key: n.html for n in edited.notes
            }
        finally:
            col.close()


NAMESPACES = st.text(st.sampled_from("aws_-.x한"), min_size=1, max_size=8)
KEYS = st.text(st.sampled_from("ec2_ -x한"), min_size=1, max_size=8).map(key).filter(bool)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.tuples(NAMESPACES, KEYS), st.tuples(NAMESPACES, KEYS))
@example(("aws", "x__ec2"), ("aws__x", "ec2"))
def test_two_notes_share_a_guid_only_if_deck_and_short_form_are_the_same(
    one: tuple[str, str], two: tuple[str, str]
) -> None:
    assert note_guid(*one) == note_guid(*one)
    assert (note_guid(*one) == note_guid(*two)) == (one == two)


def test_two_decks_whose_key_and_term_join_alike_keep_two_notes(tmp_path: Path) -> None:
    """Deck `aws` with the term `x__EC2`, deck `aws__x` with `EC2`: two notes, two GUIDs."""
    col = open_collection(tmp_path / "anki")
    try:
        for stem, term in (("aws", "x__EC2"), ("aws__x", "EC2")):
            source = tmp_path / f"{stem}.md"
            source.write_text(f"# A\n* **{term}**: a term of deck {stem}\n", encoding="utf-8")
            build([sheet_deck(source, tmp_path / f"{stem}.apkg")])
            import_deck(col, tmp_path / f"{stem}.apkg")
        notes = [col.get_note(nid) for nid in col.find_notes("")]
        assert sorted(n["Short"] for n in notes) == ["EC2", "x__EC2"]
        assert len({n.guid for n in notes}) == 2
    finally:
        col.close()
