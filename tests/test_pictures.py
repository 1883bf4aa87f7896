"""Pictures on the cards: packaged as media named by content, imported with the real `anki`
library, checked by `lint` and `build`, reproducible, and shown by the preview page."""

from __future__ import annotations

import hashlib
import json
import os
import re
import struct
import zipfile
import zlib
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from anki_client import answer_all, import_deck, notes_by_short, open_collection, review_history
from conftest import run

from flashcards.history.file import FLOOR

if TYPE_CHECKING:  # Playwright is needed by the browser tests only
    from playwright.sync_api import Browser

SHEET = """# Diagrams

* **VPC**: a private network ![the network](img/diagram.png)
* **Subnet**: part of a VPC ![[img/diagram.png|120]]
"""


def chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def png(red: int, green: int, blue: int, size: int = 4) -> bytes:
    """A valid PNG of one colour, `size` pixels square."""
    row = b"\x00" + bytes([red, green, blue]) * size
    return png_header(size, size) + chunk(b"IDAT", zlib.compress(row * size)) + chunk(b"IEND", b"")


def png_header(width: int, height: int) -> bytes:
    """The start of a PNG of that size: all a picture's header says of it."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)


RED, BLUE = png(255, 0, 0), png(0, 0, 255)
CONFIG = """\
tag_root: t
categories:
  diagrams:
    en: Diagrams
decks:
  - key: s
    name: S
    language: en
    source: s.md
    output: s.apkg
"""


def content_name(data: bytes) -> str:
    return f"fc-{hashlib.sha256(data).hexdigest()[:16]}.png"


@pytest.fixture
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(FLOOR + 1000))
    (tmp_path / "img").mkdir()
    (tmp_path / "img/diagram.png").write_bytes(RED)
    (tmp_path / "s.md").write_text(SHEET, encoding="utf-8")
    return tmp_path


def build(*args: str | Path) -> str:
    result = run("build", *args)
    assert result.exit_code == 0, result.output
    return result.stderr


def media_of(apkg: Path) -> dict[str, bytes]:
    """File name -> bytes of every media file in a deck."""
    with zipfile.ZipFile(apkg) as z:
        names = json.loads(z.read("media"))
        return {name: z.read(number) for number, name in names.items()}


def test_a_local_picture_is_packaged_under_its_content_name(cwd: Path) -> None:
    build("s.md", "-o", "a.apkg")
    assert media_of(cwd / "a.apkg") == {content_name(RED): RED}  # one file for both notes


def test_the_picture_reaches_the_collection_and_the_card(cwd: Path) -> None:
    build("s.md", "-o", "a.apkg")
    with closing(open_collection(cwd / "col")) as col:
        import_deck(col, cwd / "a.apkg")
        name = content_name(RED)
        assert (Path(col.media.dir()) / name).read_bytes() == RED
        notes = notes_by_short(col)
        assert f'<img src="{name}" alt="the network">' in notes["VPC"]["Definition"]
        assert (
            f'<img src="{name}" alt="img/diagram.png" width="120">'
            in (notes["Subnet"]["Definition"])
        )
        card = col.get_card(col.find_cards("Short:VPC")[0])
        assert f'src="{name}"' in card.answer()


def test_a_changed_picture_arrives_on_reimport_and_reviews_stay(
    cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build("s.md", "-o", "a.apkg")
    with closing(open_collection(cwd / "col")) as col:
        import_deck(col, cwd / "a.apkg")
        assert answer_all(col) > 0
        before = review_history(col)
        (cwd / "img/diagram.png").write_bytes(BLUE)
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(FLOOR + 2000))
        build("s.md", "-o", "a.apkg")
        import_deck(col, cwd / "a.apkg")
        new = content_name(BLUE)
        assert (Path(col.media.dir()) / new).read_bytes() == BLUE
        assert f'src="{new}"' in notes_by_short(col)["VPC"]["Definition"]
        assert review_history(col) == before


def test_two_sheets_with_their_own_diagram_keep_both(cwd: Path) -> None:
    (cwd / "other/img").mkdir(parents=True)
    (cwd / "other/img/diagram.png").write_bytes(BLUE)
    other = SHEET.replace("VPC", "Gateway").replace("Subnet", "Route")
    (cwd / "other/t.md").write_text(other, encoding="utf-8")
    build("s.md", "-o", "a.apkg")
    build("other/t.md", "-o", "b.apkg")
    with closing(open_collection(cwd / "col")) as col:
        import_deck(col, cwd / "a.apkg")
        import_deck(col, cwd / "b.apkg")
        folder = Path(col.media.dir())
        assert (folder / content_name(RED)).read_bytes() == RED
        assert (folder / content_name(BLUE)).read_bytes() == BLUE
        notes = notes_by_short(col)
        assert content_name(RED) in notes["VPC"]["Definition"]
        assert content_name(BLUE) in notes["Gateway"]["Definition"]


def test_two_builds_with_pictures_give_identical_bytes(cwd: Path) -> None:
    (cwd / "img/other.png").write_bytes(BLUE)
    with (cwd / "s.md").open("a", encoding="utf-8") as f:
        f.write("* **Route table**: rules ![routes](img/other.png)\n")
    build("s.md", "-o", "a.apkg")
    first = (cwd / "a.apkg").read_bytes()
    os.remove(cwd / "a.apkg")
    build("s.md", "-o", "a.apkg")
    assert (cwd / "a.apkg").read_bytes() == first
    with zipfile.ZipFile(cwd / "a.apkg") as z:
        names = sorted([content_name(RED), content_name(BLUE)])
        assert json.loads(z.read("media")) == {"0": names[0], "1": names[1]}
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_a_missing_picture_is_a_warning_and_the_card_shows_its_alt_text(cwd: Path) -> None:
    os.remove(cwd / "img/diagram.png")
    lint = run("lint", "s.md")
    assert "s.md:3: warning: picture img/diagram.png not found beside the sheet" in lint.output
    assert run("build", "--strict", "s.md", "-o", "a.apkg").exit_code == 1
    stderr = build("s.md", "-o", "a.apkg")
    assert "s.md:4: warning: picture img/diagram.png not found beside the sheet" in stderr
    assert media_of(cwd / "a.apkg") == {}
    with closing(open_collection(cwd / "col")) as col:
        import_deck(col, cwd / "a.apkg")
        definition = notes_by_short(col)["VPC"]["Definition"]
        assert "<img" not in definition
        assert definition.endswith("a private network the network")


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("https://example.com/a.png", "info: picture https://example.com/a.png is on the web"),
        ("img/x.svg", "warning: picture img/x.svg is an SVG, which can carry script"),
        ("/etc/passwd.png", "warning: picture /etc/passwd.png is an absolute path"),
        ("../secret", "warning: picture ../secret is not a picture file"),
        ("img", "warning: picture img is not a picture file"),
        ("img/key.png", "warning: picture img/key.png is not a PNG, JPEG, GIF, WebP, AVIF or"),
    ],
)
def test_pictures_a_card_cannot_carry_are_reported(cwd: Path, target: str, message: str) -> None:
    (cwd / "img/x.svg").write_text("<svg><script>alert(1)</script></svg>", encoding="utf-8")
    (cwd / "secret").write_text("-----BEGIN OPENSSH PRIVATE KEY-----\n", encoding="utf-8")
    (cwd / "img/key.png").symlink_to(cwd / "secret")  # named as a picture, it is none
    (cwd / "s.md").write_text(f"# A\n\n* **Key**: text ![alt]({target})\n", encoding="utf-8")
    assert f"s.md:3: {message}" in run("lint", "s.md").output
    build("s.md", "-o", "a.apkg")
    assert media_of(cwd / "a.apkg") == {}


def test_a_picture_too_big_is_not_packaged(cwd: Path) -> None:
    with (cwd / "img/diagram.png").open("ab") as f:
        f.truncate(5_000_001)
    stderr = build("s.md", "-o", "a.apkg")
    assert "s.md:3: warning: picture img/diagram.png is 5.0 MB; at most 5 MB is packaged" in stderr
    assert media_of(cwd / "a.apkg") == {}


@pytest.mark.parametrize(
    ("width", "height", "shown"),
    [(5000, 5000, True), (5001, 5000, False), (16_385, 10, False), (60_000, 60_000, False)],
)
def test_a_picture_of_too_many_pixels_is_not_packaged(
    cwd: Path, width: int, height: int, shown: bool
) -> None:
    (cwd / "img/diagram.png").write_bytes(png_header(width, height) + chunk(b"IEND", b""))
    stderr = build("s.md", "-o", "a.apkg")
    assert bool(media_of(cwd / "a.apkg")) == shown
    message = (
        f"s.md:3: warning: picture img/diagram.png is {width:,} x {height:,} pixels; a card"
        " shows at most 25 million pixels, 16,384 a side"
    )
    assert (message in stderr.splitlines()) != shown


def test_a_picture_outside_the_sheets_project_is_not_packaged(cwd: Path) -> None:
    project = cwd / "project"
    (project / "notes").mkdir(parents=True)
    (project / ".git").mkdir()
    (project / "img").mkdir()
    (project / "img/inside.png").write_bytes(RED)
    (cwd / "elsewhere.png").write_bytes(BLUE)
    (project / "img/linked.png").symlink_to(cwd / "elsewhere.png")
    (project / "notes/s.md").write_text(
        "# A\n\n* **In**: in ![in](../img/inside.png)\n* **Out**: out ![out](../../elsewhere.png)\n"
        "* **Linked**: linked ![linked](../img/linked.png)\n",
        encoding="utf-8",
    )
    stderr = build(project / "notes/s.md", "-o", "a.apkg")
    assert media_of(cwd / "a.apkg") == {content_name(RED): RED}
    outside = "warning: picture {} lies outside the sheet's project; not shown"
    assert stderr.splitlines() == [
        f"{project / 'notes/s.md'}:4: " + outside.format("../../elsewhere.png"),
        f"{project / 'notes/s.md'}:5: " + outside.format("../img/linked.png"),
    ]
    (project / ".git").rmdir()  # no project around it: the sheet's own folder is its project
    stderr = build(project / "notes/s.md", "-o", "a.apkg")
    assert media_of(cwd / "a.apkg") == {}
    assert f"{project / 'notes/s.md'}:3: " + outside.format("../img/inside.png") in stderr


def test_the_preview_shows_the_picture_light_and_night(cwd: Path, chromium: Browser) -> None:
    (cwd / "decks.yaml").write_text(CONFIG, encoding="utf-8")
    with (cwd / "s.md").open("a", encoding="utf-8") as f:  # offline: shown as its alt text
        f.write("* **Web**: online ![remote](https://example.com/a.png)\n")
    result = run("preview", "--config", "decks.yaml", "-o", "out")
    assert result.exit_code == 0, result.output
    assert (cwd / "out" / content_name(RED)).read_bytes() == RED
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((cwd / "out/index.html").as_uri())
    page.wait_for_load_state("load")
    found = page.evaluate(
        """() => [...document.querySelectorAll('.phone .card img')].map(i => ({
          loaded: i.complete && i.naturalWidth > 0,
          night: i.closest('.card').classList.contains('nightMode')}))"""
    )
    context.close()
    assert found and all(f["loaded"] for f in found)
    assert {f["night"] for f in found} == {True, False}
    assert [u for u in requests if not u.startswith("file:")] == []
    assert re.search(r"fc-[0-9a-f]{16}\.png", (cwd / "out/index.html").read_text("utf-8"))


def test_a_lost_history_is_recovered_from_a_deck_with_pictures(
    cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The deck file holds media entries beside its collection; recovery reads the collection,
    # so the notes keep their times (a note not recovered would get the later one).
    build("s.md", "-o", "a.apkg")
    first = (cwd / "a.apkg").read_bytes()
    os.remove(cwd / "s.lock.json")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(FLOOR + 5000))
    build("s.md", "-o", "a.apkg")
    assert (cwd / "a.apkg").read_bytes() == first
    assert json.loads((cwd / "s.lock.json").read_text("utf-8"))["notes"]


def test_the_description_carries_its_picture_and_leaves_out_a_missing_one(cwd: Path) -> None:
    intro = "Intro ![logo](img/diagram.png)  \nline two ![gone](img/gone.png)  \nend\n\n"
    (cwd / "s.md").write_text(intro + SHEET, encoding="utf-8")
    lint = run("lint", "s.md")
    assert "s.md:2: info: deck description: picture img/gone.png not found beside" in lint.output
    build("s.md", "-o", "a.apkg")  # an info, never a warning: the description is no card
    with closing(open_collection(cwd / "col")) as col:
        import_deck(col, cwd / "a.apkg")
        (deck,) = [d for d in col.decks.all() if d["name"] == "s"]
        name = content_name(RED)
        assert deck["desc"] == f'<p>Intro <img src="{name}" alt="logo"><br />\nline two end</p>'
