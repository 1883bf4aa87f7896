"""The GUID decision itself (`history.decide`): which GUID and time each note gets."""

from __future__ import annotations

import pytest

from flashcards import identity
from flashcards.errors import NOTE
from flashcards.history.decide import Incoming, decide, distinctive
from flashcards.history.file import Clock, Entry, History, empty

DEFINITION = "Archive storage, cheap and slow."
CLOCK = Clock(first=1_000, now=5_000)


def incoming(key: str, text: str = "", content: str = "h1", term: str = "") -> Incoming:
    return Incoming(key, identity.TERM, content, text, term or key, False, "s.md", 1)


def known(**entries: Entry) -> History:
    return History({}, {identity.history_key(k): e for k, e in entries.items()}, "d")


def entry(key: str, content: str = "h1", mod: int = 100, text: str = "", gone: bool = False):
    return Entry(identity.note_guid("d", key), content, mod, key, text, False, gone)


def test_a_note_new_to_a_known_history_gets_its_first_time_and_its_own_guid() -> None:
    decided = decide([incoming("ec2")], known(), CLOCK, {})
    assert decided.entries[0].guid == identity.note_guid("d", "ec2")
    assert decided.entries[0].mod == CLOCK.first


def test_a_note_of_a_lost_history_gets_the_current_time() -> None:
    assert decide([incoming("ec2")], empty("d"), CLOCK, {}).entries[0].mod == CLOCK.now


def test_an_unchanged_note_keeps_its_guid_and_time() -> None:
    old = entry("ec2")
    decided = decide([incoming("ec2")], known(ec2=old), CLOCK, {})
    assert decided.entries == [old]


def test_a_changed_note_keeps_its_guid_with_a_newer_time() -> None:
    old = entry("ec2", mod=9_000)
    [new] = decide([incoming("ec2", content="h2")], known(ec2=old), CLOCK, {}).entries
    assert (new.guid, new.hash, new.mod) == (old.guid, "h2", 9_001)


def test_a_removed_note_stays_in_the_history_marked_gone() -> None:
    decided = decide([incoming("s3")], known(ec2=entry("ec2")), CLOCK, {})
    assert decided.notes[identity.history_key("ec2")].gone
    assert not decided.notes[identity.history_key("s3")].gone


def test_a_term_replacing_one_removed_now_with_its_definition_takes_its_guid() -> None:
    text = "t-archive"
    old = entry("glacier", text=text)
    note = incoming("s3 glacier", text=text, term="S3 Glacier")
    decided = decide([note], known(glacier=old), CLOCK, {})
    assert decided.entries[0].guid == old.guid
    assert [(p.level, p.message) for p in decided.problems] == [
        (NOTE, '"glacier" renamed to "S3 Glacier"; history kept')
    ]
    assert identity.history_key("glacier") not in decided.notes


@pytest.mark.parametrize(
    ("old", "note"),
    [
        (entry("glacier", text="t", gone=True), incoming("s3 glacier", text="t")),  # gone before
        (entry("glacier", text=""), incoming("s3 glacier", text="")),  # no distinctive text
    ],
    ids=["removed by an earlier build", "a short definition or a question"],
)
def test_no_rename_is_inferred_where_it_could_be_a_guess(old: Entry, note: Incoming) -> None:
    decided = decide([note], known(glacier=old), CLOCK, {})
    assert decided.entries[0].guid != old.guid
    assert decided.problems == []


def test_two_removed_terms_with_one_definition_are_not_guessed_between() -> None:
    history = known(x=entry("x", text="t"), y=entry("y", text="t"))
    decided = decide([incoming("z", text="t")], history, CLOCK, {})
    assert decided.entries[0].guid == identity.note_guid("d", "z")


def test_a_declared_rename_takes_the_guid_whatever_the_definition() -> None:
    old = entry("glacier", text="t-old", gone=True)
    note = incoming("s3 glacier", text="t-new")
    decided = decide([note], known(glacier=old), CLOCK, {"s3 glacier": "glacier"})
    assert decided.entries[0].guid == old.guid


def test_a_term_back_under_a_key_whose_guid_a_renamed_note_carries_gets_a_new_one() -> None:
    renamed = Entry(identity.note_guid("d", "glacier"), "h1", 100, "S3 Glacier")
    decided = decide([incoming("glacier")], known(**{"s3 glacier": renamed}), CLOCK, {})
    assert decided.entries[0].guid == identity.note_guid("d", "glacier", generation=2)


@pytest.mark.parametrize(
    ("definition", "tells"),
    [
        (DEFINITION, True),
        ("Yes.", False),
        ("TBD", False),
        ("가상 서버", False),
        ("Object storage.", False),
        ("운영체제가 실행 중인 프로그램에 자원을 주는 단위", True),
    ],
)
def test_a_definition_tells_its_note_only_when_long_enough(definition: str, tells: bool) -> None:
    assert distinctive(definition) is tells
