"""A folder of sheets is one deck: a study repository or an Obsidian vault, built into one
deck with a subdeck per subfolder and imported with the real Anki library."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from anki.collection import Collection
from anki_client import answer_all, import_deck, notes_by_short, open_collection, review_history
from conftest import run
from PIL import Image

from flashcards import parse, sheets
from flashcards.plan import source_deck


def png(colour: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), colour).save(out, "PNG")
    return out.getvalue()


RED, BLUE = png((255, 0, 0)), png((0, 0, 255))

VAULT = {
    ".obsidian/app.json": "{}",
    ".obsidian/snippets.md": "- **Hidden**: A note in Obsidian's own settings folder.\n",
    ".trash/old.md": "- **Trashed**: A note the learner threw away.\n",
    "README.md": "# Study notes\n\nMy notes for the exam, by subject: [[tcp]], [[process]].\n",
    "algorithms.md": "# Basics\n\n- **Algorithm**: A finite list of steps that solves a problem.\n",
    "network/tcp.md": (
        "---\ntags: [net/transport]\n---\n# Transport\n\n"
        "- **TCP**: A reliable, ordered stream of bytes between two hosts.\n"
        "  ![[tcp.png]]\n"
        "- **UDP**: Datagrams sent without a connection or delivery guarantee.\n"
    ),
    "network/http.md": "# Web\n\n- **HTTP**: The request and response protocol of the web.\n",
    "os/process.md": (
        "# Processes\n\n- **Process**: A running program with its own address space.\n"
        "- **Thread**: A path of execution that shares its process's memory.\n"
    ),
    "os/memory/paging.md": "# Memory\n\n- **Paging**: Memory cut into fixed-size pages.\n",
    "drafts/wip.md": "- **Draft**: A note the learner keeps out of git.\n",
    ".gitignore": "drafts/\n",
}

SUBDECK_OF = {
    "Algorithm": "vault",
    "TCP": "vault::network",
    "UDP": "vault::network",
    "HTTP": "vault::network",
    "Process": "vault::os",
    "Thread": "vault::os",
    "Paging": "vault::os::memory",
}


def make(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture
def vault(cwd: Path) -> Path:
    """An Obsidian vault: subfolders, a hidden `.obsidian/`, a README with no notes, an
    ignored drafts folder and a picture in an attachments folder."""
    return make(cwd / "vault", {**VAULT, "attachments/tcp.png": RED})


def decks_of(col: Collection) -> dict[str, str]:
    """Short -> the deck its first card is in."""
    found = {}
    for short, fields in notes_by_short(col).items():
        card = col.get_note(int(fields["_id"])).cards()[0]
        found[short] = col.decks.name(card.did)
    return found


def built(tmp: Path, *args: str) -> Collection:
    result = run("build", *args)
    assert result.exit_code == 0, result.output
    col = open_collection(tmp / "anki")
    import_deck(col, tmp / "cs.apkg")
    return col


def test_a_vault_builds_into_one_deck_with_a_subdeck_per_subfolder(vault: Path) -> None:
    result = run("build", "vault", "-o", "cs.apkg")
    assert result.exit_code == 0, result.output
    assert result.stdout == "cs.apkg: 7 notes\n"
    assert result.stderr == ""  # the README gives no notes: a word for `lint` only
    col = open_collection(vault.parent / "anki")
    import_deck(col, vault.parent / "cs.apkg")
    assert decks_of(col) == SUBDECK_OF
    notes = notes_by_short(col)
    assert notes["TCP"]["_tags"] == "Transport file::network::tcp net::transport"
    assert notes["Paging"]["_tags"] == "Memory file::os::memory::paging"
    # The picture, found by its name in the attachments folder, is in the learner's media.
    name = notes["TCP"]["Definition"].split('<img src="')[1].split('"')[0]
    assert (Path(col.media.dir()) / name).read_bytes() == RED
    col.close()


def test_lint_of_a_folder_says_a_sheet_without_notes_in_a_word(vault: Path) -> None:
    result = run("lint", "vault")
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert "vault/README.md:1: info: gives no notes" in lines
    assert not any("Hidden" in line or "Draft" in line or "Trashed" in line for line in lines)
    assert result.stdout == "6 sources checked, 0 warnings, 1 info\n"


def test_notes_of_a_folder_lists_every_sheet_in_order(vault: Path) -> None:
    result = run("notes", "vault")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "vault/algorithms.md:3: [Basics] Algorithm",
        "vault/network/http.md:3: [Web] HTTP",
        "vault/network/tcp.md:6: [Transport] TCP",
        "vault/network/tcp.md:8: [Transport] UDP",
        "vault/os/memory/paging.md:3: [Memory] Paging",
        "vault/os/process.md:3: [Processes] Process",
        "vault/os/process.md:4: [Processes] Thread",
    ]


def test_moving_and_renaming_a_sheet_keeps_every_guid_and_review(vault: Path) -> None:
    col = built(vault.parent, "vault", "-o", "cs.apkg")
    assert answer_all(col) >= 7  # every card of the seven notes, answered once
    reviews, guids = review_history(col), {s: n["_guid"] for s, n in notes_by_short(col).items()}
    ivls = {cid: col.get_card(cid).ivl for cid in reviews}
    (vault / "archive/networking").mkdir(parents=True)
    shutil.move(vault / "network/tcp.md", vault / "archive/networking/transport-layer.md")
    result = run("build", "vault", "-o", "cs.apkg")
    assert result.exit_code == 0, result.output
    import_deck(col, vault.parent / "cs.apkg")
    notes = notes_by_short(col)
    assert {s: n["_guid"] for s, n in notes.items()} == guids
    assert review_history(col) == reviews
    assert {cid: col.get_card(cid).ivl for cid in reviews} == ivls
    assert (
        notes["TCP"]["_tags"]
        == "Transport file::archive::networking::transport-layer net::transport"
    )
    # An import moves no card: the learner's cards stay in the subdeck they were in.
    assert decks_of(col)["TCP"] == "vault::network"
    col.close()


@pytest.mark.parametrize(
    ("subdecks", "expected"),
    [
        (
            "files",
            {
                **{
                    s: f"{d}::{f}"
                    for s, (d, f) in {
                        "TCP": ("vault::network", "tcp"),
                        "UDP": ("vault::network", "tcp"),
                        "HTTP": ("vault::network", "http"),
                        "Process": ("vault::os", "process"),
                        "Thread": ("vault::os", "process"),
                        "Paging": ("vault::os::memory", "paging"),
                    }.items()
                },
                "Algorithm": "vault::algorithms",
            },
        ),
        ("none", dict.fromkeys(SUBDECK_OF, "vault")),
    ],
)
def test_subdecks_on_the_command_line(vault: Path, subdecks: str, expected: dict) -> None:
    col = built(vault.parent, "vault", "-o", "cs.apkg", "--subdecks", subdecks)
    assert decks_of(col) == expected
    col.close()


def test_a_folder_name_with_colons_makes_one_level(cwd: Path) -> None:
    make(cwd / "cpp", {"C++::STL/iter.md": "- **Iterator**: An object that walks a range.\n"})
    col = built(cwd, "cpp", "-o", "cs.apkg")
    assert decks_of(col) == {"Iterator": "cpp::C++:STL"}
    col.close()


CONFIG = """\
decks:
  - key: cs
    name: CS
    language: en
    source: {source}
    output: cs.apkg
{more}categories: {{}}
"""


@pytest.mark.parametrize("source", ["vault", "vault/**/*.md"], ids=["folder", "glob"])
def test_a_config_deck_of_a_folder_or_a_glob(vault: Path, source: str) -> None:
    config = CONFIG.format(source=source, more="")
    (vault.parent / "decks.yaml").write_text(config, encoding="utf-8")
    col = built(vault.parent, "--config", "decks.yaml")
    assert decks_of(col) == {s: d.replace("vault", "CS", 1) for s, d in SUBDECK_OF.items()}
    col.close()


def test_the_preview_of_a_folder_deck_shows_every_sheet(vault: Path) -> None:
    config = CONFIG.format(source="vault", more="")
    (vault.parent / "decks.yaml").write_text(config, encoding="utf-8")
    result = run("preview", "--config", "decks.yaml", "-o", "out")
    assert result.exit_code == 0, result.output
    page = (vault.parent / "out/index.html").read_text(encoding="utf-8")
    for term in SUBDECK_OF:
        assert f"<strong>{term}</strong>" in page or f">{term}<" in page, term


def test_a_glob_reads_only_what_it_matches(vault: Path) -> None:
    config = CONFIG.format(source="vault/os/**/*.md", more="    subdecks: files\n")
    (vault.parent / "decks.yaml").write_text(config, encoding="utf-8")
    col = built(vault.parent, "--config", "decks.yaml")
    assert decks_of(col) == {
        "Process": "CS::process",
        "Thread": "CS::process",
        "Paging": "CS::memory::paging",
    }
    col.close()


def test_a_bilingual_deck_pairs_two_folders_by_path(cwd: Path) -> None:
    make(cwd / "ko", {"net/tcp.md": "- **TCP**: 신뢰할 수 있는 바이트 스트림 프로토콜.\n"})
    make(cwd / "en", {"net/tcp.md": "- **TCP**: A reliable byte stream protocol.\n"})
    config = CONFIG.replace("    source: {source}\n", "    sources: {{ko: ko, en: en}}\n")
    config = config.replace("language: en", "language: ko")
    (cwd / "decks.yaml").write_text(config.format(more=""), encoding="utf-8")
    col = built(cwd, "--config", "decks.yaml")
    tcp = notes_by_short(col)["TCP"]
    assert tcp["Translation"] == "A reliable byte stream protocol."
    assert decks_of(col) == {"TCP": "CS::net"}
    col.close()
    (cwd / "en/net/tcp.md").rename(cwd / "en/net/transport.md")
    result = run("build", "--config", "decks.yaml")
    assert result.exit_code == 1
    assert result.stderr == "decks.yaml:5: en has no net/tcp.md to translate ko/net/tcp.md\n"


def test_the_same_term_in_two_sheets_is_a_warning_naming_both(vault: Path) -> None:
    (vault / "os/process.md").write_text(
        "- **Process**: A running program.\n- **TCP**: Said again here.\n", encoding="utf-8"
    )
    result = run("build", "vault", "-o", "cs.apkg")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        'vault/os/process.md:2: warning: duplicate term "TCP": "TCP" is at'
        " vault/network/tcp.md:6; the first is kept\n"
    )
    assert run("build", "vault", "-o", "cs.apkg", "--strict").exit_code == 1


def test_a_folder_without_notes_or_sheets_is_an_error(cwd: Path) -> None:
    make(cwd / "empty", {"notes.txt": "not markdown"})
    result = run("build", "empty")
    assert result.exit_code == 1
    assert result.stderr == "empty:1: no Markdown files in empty\n"
    make(cwd / "prose", {"a.md": "Just prose.\n", "b/c.md": "# Title\n\nMore prose.\n"})
    result = run("build", "prose")
    assert result.exit_code == 1
    assert result.stderr == (
        "prose:1: no notes in any of its 2 sheets; no notes found: a note is a bold term with its"
        " definition (in a list item, a paragraph or a table row), a heading over its"
        " definition, or a <details> question\n"
    )


def test_a_picture_is_found_by_name_nearest_the_sheet_first(cwd: Path) -> None:
    files = {
        "attachments/diagram.png": RED,
        "os/diagram.png": BLUE,
        "os/process.md": "- **Process**: A running program.\n  ![[diagram.png]]\n",
        "network/tcp.md": "- **TCP**: A byte stream.\n  ![[attachments/diagram.png]]\n",
        "network/udp.md": "- **UDP**: Datagrams.\n  ![[DIAGRAM.png]]\n",
    }
    make(cwd / "v", {".obsidian/app.json": "{}", **files})
    col = built(cwd, "v", "-o", "cs.apkg")
    media = Path(col.media.dir())
    shown = {}
    for short, fields in notes_by_short(col).items():
        name = fields["Definition"].split('<img src="')[1].split('"')[0]
        shown[short] = (media / name).read_bytes()
    # In its own folder first; by the end of its path; else the first by path, case aside.
    assert shown == {"Process": BLUE, "TCP": RED, "UDP": RED}
    col.close()


def test_editing_one_sheet_of_a_folder_parses_that_sheet_only(
    cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make(
        cwd / "notes",
        {f"t{n:02}.md": f"- **Term {n}**: Definition number {n}.\n" for n in range(20)},
    )
    assert run("build", "notes").exit_code == 0
    walked: list[str] = []
    real = parse._walk_piece

    def counted(job: tuple[str, int, str, bool]) -> object:
        walked.append(job[0])
        return real(job)

    monkeypatch.setattr(parse, "_walk_piece", counted)
    entries = cwd / "notes/.flashcards-cache"
    before = {p.name: p.stat().st_ino for p in entries.glob("pieces-*")}
    (cwd / "notes/t07.md").write_text("- **Term 7**: Changed.\n", encoding="utf-8")
    result = run("build", "notes")
    assert result.exit_code == 0, result.output
    assert set(walked) == {str(Path("notes/t07.md"))}
    # Only the edited sheet's cache entry is written again; the others are kept as they are.
    after = {p.name: p.stat().st_ino for p in entries.glob("pieces-*")}
    assert len(before) == 20
    assert len([name for name in before if after[name] != before[name]]) == 1


def test_reading_a_folder_counts_its_files(vault: Path) -> None:
    heard: list[str] = []
    deck = source_deck(vault, None)
    sheets.load_sheets([deck], report=heard.append)
    assert heard == [f"reading sheets: {n} of 6 files" for n in range(1, 7)]


def test_a_folder_parsed_ahead_by_workers_gives_the_same_notes(
    cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make(cwd / "notes", {f"p{n}/t{n:02}.md": f"- **Term {n}**: Meaning {n}.\n" for n in range(12)})
    alone = run("notes", "notes", "--json")
    monkeypatch.setattr(parse, "PARALLEL_FROM", 10)
    monkeypatch.setattr(parse, "_usable_cores", lambda: 2)
    texts = [(p.read_text(encoding="utf-8"), str(p)) for p in sorted(cwd.glob("notes/*/*.md"))]
    assert len(parse.walk_ahead(texts)) == 12  # every piece walked by the workers
    together = run("notes", "notes", "--json")
    assert together.exit_code == alone.exit_code == 0
    assert together.stdout == alone.stdout
