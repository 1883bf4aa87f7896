"""`flashcards sync`: notes written straight into real collections made with the `anki`
library (no Anki GUI, no mocks): updates, removals, learners' edits, moves, and a collection
that is not ours to write refused untouched."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from anki.collection import Collection
from anki_client import answer_all, import_deck, notes_by_short, review_history
from conftest import run

SHEET = """\
# Compute

- **EC2 (Elastic Compute Cloud)**: Virtual servers in the cloud, billed by the second.
- **Lambda**: Runs code without servers, billed for each request it serves.
- **S3 (Simple Storage Service)**: Object storage with eleven nines of durability.
"""

ONE_UPDATED = "aws: 0 added, 1 updated, 0 moved, 0 removed, 0 kept as edited in Anki, 2 unchanged\n"
"""What a sync of the sheet with one definition edited says."""

HOLDER = """\
import sys, time
from anki.collection import Collection
col = Collection(sys.argv[1])
print("open", flush=True)
sys.stdin.readline()
col.close()
"""


@pytest.fixture
def sheet(cwd: Path) -> Path:
    (cwd / "aws.md").write_text(SHEET, encoding="utf-8")
    return Path("aws.md")  # as the learner names it, in messages


@pytest.fixture
def collection(cwd: Path) -> Path:
    """A learner's empty collection, closed (Anki is not running)."""
    path = cwd / "profile" / "collection.anki2"
    path.parent.mkdir()
    Collection(str(path)).close()
    return path


def synced(*args: str | Path, code: int = 0) -> str:
    result = run("sync", *args)
    assert result.exit_code == code, result.output
    return result.stdout + result.stderr


def opened(path: Path) -> Collection:
    return Collection(str(path))


def schema_time(path: Path) -> int:
    """When the collection's schema last changed: a newer one forces a full AnkiWeb sync."""
    col = opened(path)
    try:
        return col.db.scalar("select scm from col")
    finally:
        col.close()


def studied(sheet: Path, collection: Path) -> tuple[dict[int, int], dict[int, int]]:
    """Synced, then every card answered once: (reviews, intervals) by card."""
    synced(sheet, "--collection", collection)
    col = opened(collection)
    answer_all(col)
    reviews = review_history(col)
    ivls = {cid: col.get_card(cid).ivl for cid in reviews}
    col.close()
    return reviews, ivls


def edit(sheet: Path, old: str, new: str) -> None:
    text = sheet.read_text(encoding="utf-8")
    assert old in text
    sheet.write_text(text.replace(old, new), encoding="utf-8")


def test_an_edited_sheet_updates_its_note_and_keeps_its_reviews(
    sheet: Path, collection: Path
) -> None:
    reviews, ivls = studied(sheet, collection)
    scm = schema_time(collection)
    edit(sheet, "for each request it serves", "for each request and its duration")
    out = synced(sheet, "--collection", collection)
    assert out == ONE_UPDATED
    col = opened(collection)
    notes = notes_by_short(col)
    assert len(notes) == 3
    assert (
        notes["Lambda"]["Definition"]
        == "Runs code without servers, billed for each request and its duration."
    )
    assert review_history(col) == reviews
    assert {cid: col.get_card(cid).ivl for cid in reviews} == ivls
    col.close()
    assert schema_time(collection) == scm  # nothing that forces a full sync


def test_a_removed_term_is_suspended_and_tagged_and_delete_removes_it(
    sheet: Path, collection: Path, cwd: Path
) -> None:
    reviews, _ = studied(sheet, collection)
    edit(
        sheet,
        "- **S3 (Simple Storage Service)**: Object storage with eleven nines of durability.\n",
        "",
    )
    assert "1 removed" in synced(sheet, "--collection", collection)
    col = opened(collection)
    s3 = col.get_note(int(notes_by_short(col)["S3"]["_id"]))
    assert "flashcards::removed" in s3.tags
    assert {card.queue for card in s3.cards()} == {-1}  # suspended
    assert review_history(col) == reviews  # nothing deleted
    col.close()
    assert "0 removed" in synced(sheet, "--collection", collection)  # once is enough
    (cwd / "aws.md").write_text(SHEET, encoding="utf-8")  # the term comes back
    assert "1 updated" in synced(sheet, "--collection", collection)
    col = opened(collection)
    s3 = col.get_note(s3.id)
    assert "flashcards::removed" not in s3.tags
    assert -1 not in {card.queue for card in s3.cards()}
    col.close()
    edit(
        sheet,
        "- **S3 (Simple Storage Service)**: Object storage with eleven nines of durability.\n",
        "",
    )
    assert "1 removed" in synced(sheet, "--collection", collection, "--delete")
    col = opened(collection)
    assert sorted(notes_by_short(col)) == ["EC2", "Lambda"]
    col.close()


def test_a_learners_edit_is_kept_and_reported_and_force_takes_the_sheet(
    sheet: Path, collection: Path
) -> None:
    synced(sheet, "--collection", collection)
    col = opened(collection)
    note = col.get_note(int(notes_by_short(col)["Lambda"]["_id"]))
    note["Definition"] = "My own words: functions that run on demand."
    col.update_note(note)
    col.close()
    edit(sheet, "for each request it serves", "per request")
    out = synced(sheet, "--collection", collection)
    assert out.splitlines()[0] == (
        "aws: 0 added, 0 updated, 0 moved, 0 removed, 1 kept as edited in Anki, 2 unchanged"
    )
    assert out.splitlines()[1] == (
        'aws.md:4: warning: note "Lambda" was edited in Anki;'
        " kept (--force takes the sheet's side)"
    )
    col = opened(collection)
    assert (
        notes_by_short(col)["Lambda"]["Definition"] == "My own words: functions that run on demand."
    )
    col.close()
    synced(sheet, "--collection", collection, "--force")
    col = opened(collection)
    assert (
        notes_by_short(col)["Lambda"]["Definition"]
        == "Runs code without servers, billed per request."
    )
    col.close()


def test_a_sync_with_nothing_new_changes_nothing(sheet: Path, collection: Path) -> None:
    synced(sheet, "--collection", collection)
    edit(sheet, "billed by the second", "billed by the second of use")
    synced(sheet, "--collection", collection)
    col = opened(collection)
    mod = col.mod
    col.close()
    before = collection.read_bytes()
    backups = sorted((collection.parent / "backups").iterdir())
    out = synced(sheet, "--collection", collection)
    assert (
        out
        == "aws: 0 added, 0 updated, 0 moved, 0 removed, 0 kept as edited in Anki, 3 unchanged\n"
    )
    col = opened(collection)
    assert col.mod == mod
    col.close()
    assert collection.read_bytes() == before
    assert sorted((collection.parent / "backups").iterdir()) == backups  # no write, no backup


def test_a_backup_is_made_before_the_first_write(sheet: Path, collection: Path) -> None:
    assert not (collection.parent / "backups").exists()
    synced(sheet, "--collection", collection)
    assert [p.suffix for p in (collection.parent / "backups").iterdir()] == [".colpkg"]


def test_a_collection_open_elsewhere_is_refused_untouched(sheet: Path, collection: Path) -> None:
    before = collection.read_bytes()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(collection)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        result = run("sync", sheet, "--collection", collection)
    finally:
        holder.communicate("\n", timeout=60)
    assert result.exit_code == 1
    assert result.stderr == (
        f"{collection}:1: the collection is open in Anki or another program;"
        " close it and sync again\n"
    )
    assert collection.read_bytes() == before
    assert not (collection.parent / "backups").exists()


def test_a_collection_of_a_newer_anki_is_refused_untouched(sheet: Path, collection: Path) -> None:
    db = sqlite3.connect(collection)  # what a future Anki would leave: a newer schema
    db.execute("update col set ver = 99")
    db.commit()
    db.close()
    before = collection.read_bytes()
    result = run("sync", sheet, "--collection", collection)
    assert result.exit_code == 1
    assert result.stderr == (
        f"{collection}:1: a newer Anki made this collection than the anki library here knows;"
        " nothing was written (pip install -U anki)\n"
    )
    assert collection.read_bytes() == before


def test_a_dry_run_says_what_would_change_and_writes_nothing(sheet: Path, collection: Path) -> None:
    before = collection.read_bytes()
    out = synced(sheet, "--collection", collection, "--dry-run")
    assert out.splitlines() == [
        'aws.md:3: add "EC2 (Elastic Compute Cloud)"',
        'aws.md:4: add "Lambda"',
        'aws.md:5: add "S3 (Simple Storage Service)"',
        "aws: 3 added, 0 updated, 0 moved, 0 removed, 0 kept as edited in Anki, 0 unchanged"
        " (dry run: nothing written)",
    ]
    assert collection.read_bytes() == before


def test_a_collection_filled_from_the_deck_file_is_updated_without_duplicates(
    sheet: Path, collection: Path, cwd: Path
) -> None:
    assert run("build", sheet, "-o", "aws.apkg").exit_code == 0
    col = opened(collection)
    import_deck(col, cwd / "aws.apkg")
    answer_all(col)
    reviews = review_history(col)
    col.close()
    edit(sheet, "eleven nines of durability", "eleven nines of durability, in buckets")
    out = synced(sheet, "--collection", collection)
    assert out == ONE_UPDATED
    col = opened(collection)
    notes = notes_by_short(col)
    assert len(col.find_notes("")) == 3
    assert notes["S3"]["Definition"].endswith("in buckets.")
    assert review_history(col) == reviews
    col.close()


def test_a_removed_expansion_takes_its_card_and_keeps_the_others(
    sheet: Path, collection: Path
) -> None:
    reviews, _ = studied(sheet, collection)
    col = opened(collection)
    ec2 = col.get_note(int(notes_by_short(col)["EC2"]["_id"]))
    cards = {c.id: c.ord for c in ec2.cards()}
    col.close()
    edit(sheet, "**EC2 (Elastic Compute Cloud)**", "**EC2**")
    synced(sheet, "--collection", collection)
    col = opened(collection)
    left = {c.id for c in col.get_note(ec2.id).cards()}
    assert len(left) == len(cards) - 1  # the card that asked for the expansion
    assert all(review_history(col)[cid] == reviews[cid] for cid in left)
    col.close()


def test_a_learners_tags_flags_and_deck_survive_an_update(sheet: Path, collection: Path) -> None:
    synced(sheet, "--collection", collection)
    col = opened(collection)
    lam = col.get_note(int(notes_by_short(col)["Lambda"]["_id"]))
    lam.tags.append("exam-week")
    col.update_note(lam)
    card = lam.cards()[0]
    col.set_user_flag_for_cards(3, [card.id])
    mine = col.decks.id("Mine")
    col.set_deck([card.id], mine)
    col.close()
    edit(sheet, "for each request it serves", "per request")
    synced(sheet, "--collection", collection)
    col = opened(collection)
    lam = col.get_note(lam.id)
    assert "exam-week" in lam.tags and "Compute" in lam.tags
    card = col.get_card(card.id)
    assert (card.user_flag(), card.did) == (3, mine)
    col.close()


def test_a_sheet_moved_to_another_folder_moves_its_cards(cwd: Path, collection: Path) -> None:
    (cwd / "notes/net").mkdir(parents=True)
    (cwd / "notes/os").mkdir()
    (cwd / "notes/net/tcp.md").write_text("- **TCP**: A reliable byte stream.\n", encoding="utf-8")
    (cwd / "notes/os/proc.md").write_text("- **Process**: A running program.\n", encoding="utf-8")
    synced("notes", "--collection", collection)
    col = opened(collection)
    proc = col.get_note(int(notes_by_short(col)["Process"]["_id"]))
    by_hand = col.decks.id("Mine")
    col.set_deck([c.id for c in proc.cards()], by_hand)  # the learner's own choice
    col.close()
    (cwd / "notes/core").mkdir()
    (cwd / "notes/net/tcp.md").rename(cwd / "notes/core/tcp.md")
    (cwd / "notes/os/proc.md").rename(cwd / "notes/core/proc.md")
    assert "1 moved" in synced("notes", "--collection", collection)
    col = opened(collection)
    notes = notes_by_short(col)
    tcp = col.get_note(int(notes["TCP"]["_id"]))
    assert {col.decks.name(c.did) for c in tcp.cards()} == {"notes::core"}
    assert {c.did for c in col.get_note(proc.id).cards()} == {by_hand}
    col.close()


def test_no_change_that_forces_a_full_sync_without_the_flag(sheet: Path, collection: Path) -> None:
    synced(sheet, "--collection", collection)
    col = opened(collection)
    model = col.models.get(col.get_note(col.find_notes("")[0]).mid)
    col.models.remove_field(model, next(f for f in model["flds"] if f["name"] == "Clue"))
    col.models.update_dict(model)  # as an older deck's note type would be
    col.close()
    before, scm = collection.read_bytes(), schema_time(collection)
    result = run("sync", sheet, "--collection", collection)
    assert result.exit_code == 1
    assert result.stderr == (
        f"{collection}:1: the note types {model['name']} in the collection have other fields"
        " or card types than the deck's: changing them makes the next AnkiWeb sync a full one"
        " (one side overwrites the other); nothing was written. Pass --full-sync to allow it\n"
    )
    assert collection.read_bytes() == before
    synced(sheet, "--collection", collection, "--full-sync")
    assert schema_time(collection) > scm
    col = opened(collection)
    model = col.models.get(model["id"])
    assert "Clue" in [f["name"] for f in model["flds"]]
    col.close()


def test_without_the_anki_library_sync_says_how_to_get_it(
    sheet: Path, collection: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "anki.collection", None)
    result = run("sync", sheet, "--collection", collection)
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: syncing needs the anki library, which is not installed:"
        " pip install 'flashcards[sync]' (or pip install anki)\n"
    )


def test_every_deck_of_the_config_syncs_and_a_second_sync_is_idle(
    project: Path, collection: Path
) -> None:
    out = synced("--collection", collection)
    assert out.splitlines() == [
        f"{name}: 23 added, 0 updated, 0 moved, 0 removed, 0 kept as edited in Anki, 0 unchanged"
        for name in ("AWS 핵심 서비스", "AWS Core Services", "AWS 핵심 서비스 (한국어·English)")
    ]
    col = opened(collection)
    assert len(col.find_notes("")) == 69
    col.close()
    out = synced("--collection", collection)
    assert all(
        line.endswith("0 removed, 0 kept as edited in Anki, 23 unchanged")
        for line in out.splitlines()
    )


def test_a_learners_edit_taken_up_by_the_sheet_is_no_longer_theirs(
    sheet: Path, collection: Path, cwd: Path
) -> None:
    synced(sheet, "--collection", collection)
    edit(sheet, "for each request it serves", "per request")
    assert run("build", sheet, "-o", "agreed.apkg").exit_code == 0
    scratch = opened(cwd / "scratch.anki2")
    import_deck(scratch, cwd / "agreed.apkg")
    agreed = notes_by_short(scratch)["Lambda"]
    scratch.close()
    edit(sheet, "per request", "for each request it serves")
    col = opened(collection)
    note = col.get_note(int(notes_by_short(col)["Lambda"]["_id"]))
    for name, _ in note.items():
        note[name] = agreed[name]  # the learner's own words, as the sheet will have them
    col.update_note(note)
    col.close()
    edit(sheet, "for each request it serves", "per request")  # the author agrees
    assert "3 unchanged" in synced(sheet, "--collection", collection)
    edit(sheet, "billed per request", "billed per request and duration")
    assert "1 updated" in synced(sheet, "--collection", collection)
