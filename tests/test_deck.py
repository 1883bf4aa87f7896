"""Decks as a learner gets them: built by the CLI, imported with the real `anki` library."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from anki_client import answer_all, import_deck, notes_by_short, open_collection, review_history
from conftest import run

from flashcards.cards import BILINGUAL_FIELDS, FIELDS

SHORTS = [
    "EC2", "Lambda", "ECS", "EKS", "S3", "EBS", "Glacier", "RDS", "DynamoDB", "ElastiCache",
    "VPC", "Route 53", "CloudFront", "IAM", "CloudTrail", "CloudWatch", "Redshift", "Kinesis",
    "SageMaker", "CloudFormation", "Elastic Beanstalk", "SNS", "SQS",
]  # fmt: skip


@dataclass(frozen=True)
class Deck:
    """A configured deck, and one edit of its sources that a learner must receive."""

    key: str
    name: str
    source: str
    field: str
    old: str
    new: str

    def __str__(self) -> str:
        return self.key


EN_EDIT = ("A `DNS service`", "A managed `DNS service`")
DECKS = [
    Deck("aws-ko", "AWS 핵심 서비스", "aws.ko.md", "Definition", "DNS 서비스", "관리형 DNS 서비스"),
    Deck("aws-en", "AWS Core Services", "aws.en.md", "Definition", *EN_EDIT),
    Deck("aws-ko-en", "AWS 핵심 서비스 (한국어·English)", "aws.en.md", "Translation", *EN_EDIT),
]

HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")


def build(project: Path, deck: str = "aws-ko") -> Path:
    result = run("build")
    assert result.exit_code == 0, result.output
    return project / "decks" / f"{deck}.apkg"


def edit_source(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def plain(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_seed_deck_imports_with_its_notes_fields_tags_and_description(project: Path) -> None:
    col = open_collection(project / "anki")
    import_deck(col, build(project))

    notes = notes_by_short(col)
    assert sorted(notes) == sorted(SHORTS)
    ec2 = notes["EC2"]
    assert ec2["Term"] == "EC2 (Elastic Compute Cloud)"
    assert ec2["Expansion"] == "Elastic Compute Cloud"
    assert ec2["Definition"].startswith('<code class="key">가상 서버 인스턴스</code>를 제공하여')
    assert ec2["Category"] == "컴퓨팅 서비스"
    assert ec2["Source"] == "aws.ko.md:8"
    assert ec2["_tags"] == "aws::compute"
    assert notes["SQS"]["_tags"] == "aws::other"
    assert {n["_tags"] for n in notes.values()} == {
        "aws::compute", "aws::storage", "aws::database", "aws::networking",
        "aws::security", "aws::analytics", "aws::other",
    }  # fmt: skip
    notetype = col.models.get(col.get_note(int(ec2["_id"])).mid)
    assert [f["name"] for f in notetype["flds"]] == list(FIELDS)

    deck = col.decks.by_name("AWS 핵심 서비스")
    assert deck is not None
    assert "클라우드 컴퓨팅 플랫폼" in deck["desc"]
    assert len(col.find_cards('"deck:AWS 핵심 서비스"')) == 23 * 2 + 10


@pytest.mark.parametrize("deck", DECKS, ids=str)
def test_each_deck_alone_has_23_notes_in_document_order(project: Path, deck: Deck) -> None:
    col = open_collection(project / "anki")
    import_deck(col, build(project, deck.key))
    assert col.decks.by_name(deck.name) is not None
    assert sorted(notes_by_short(col)) == sorted(SHORTS)
    order = []
    for cid in col.find_cards("is:new", order="c.due, c.ord"):
        short = col.get_card(cid).note()["Short"]
        if short not in order:
            order.append(short)
    assert order == SHORTS


def test_three_decks_side_by_side_in_one_collection(project: Path) -> None:
    col = open_collection(project / "anki")
    build(project)
    tags: dict[str, set[str]] = {}
    for deck in DECKS:
        import_deck(col, project / "decks" / f"{deck.key}.apkg")
        nids = col.find_notes(f'"deck:{deck.name}"')
        assert len(nids) == 23
        tags[deck.key] = {t for nid in nids for t in col.get_note(nid).tags}
    assert col.note_count() == 69
    assert len({col.get_note(nid).mid for nid in col.find_notes("")}) == 3
    assert tags["aws-ko"] == tags["aws-en"] == tags["aws-ko-en"]
    assert len(tags["aws-ko"]) == 7


def test_the_english_deck_holds_no_hangul(project: Path) -> None:
    col = open_collection(project / "anki")
    import_deck(col, build(project, "aws-en"))
    deck = col.decks.by_name("AWS Core Services")
    assert deck is not None
    assert not HANGUL.search(deck["desc"] + deck["name"])
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        assert not HANGUL.search(card.question() + card.answer()), card.note()["Short"]
    notes = notes_by_short(col)
    assert notes["EC2"]["Category"] == "Compute Services"
    assert "virtual server instances" in notes["EC2"]["Definition"]


def test_bilingual_cards_carry_both_languages(project: Path) -> None:
    col = open_collection(project / "anki")
    import_deck(col, build(project, "aws-ko-en"))
    note = col.get_note(int(notes_by_short(col)["EC2"]["_id"]))
    assert [f["name"] for f in col.models.get(note.mid)["flds"]] == list(BILINGUAL_FIELDS)
    assert note["Source"] == "aws.ko.md:8" and note["Translation Source"] == "aws.en.md:8"
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        back = plain(card.answer())
        definition = plain(card.note()["Definition"])
        translation = plain(card.note()["Translation"])
        assert HANGUL.search(translation) is None and HANGUL.search(definition)
        if card.ord != 2:  # the short-form card's back is the expansion
            assert definition in back and translation in back, card.note()["Short"]


@pytest.mark.parametrize("deck", DECKS, ids=str)
def test_reimport_after_an_edit_updates_the_note_and_keeps_history(
    project: Path, deck: Deck
) -> None:
    col = open_collection(project / "anki")
    import_deck(col, build(project, deck.key))
    answered = answer_all(col)
    before = review_history(col)
    ids = {k: v["_id"] for k, v in notes_by_short(col).items()}
    assert answered == len(before) == 56

    edit_source(project / "source" / deck.source, deck.old, deck.new)
    import_deck(col, build(project, deck.key))

    notes = notes_by_short(col)
    assert len(notes) == 23
    assert deck.new.replace("`", "") in plain(notes["Route 53"][deck.field])
    assert {k: v["_id"] for k, v in notes.items()} == ids
    assert review_history(col) == before
    assert all(col.get_card(cid).type != 0 for cid in before)  # none reset to new


@pytest.mark.parametrize("deck", DECKS, ids=str)
def test_several_edits_in_a_row_each_land(project: Path, deck: Deck) -> None:
    col = open_collection(project / "anki")
    import_deck(col, build(project, deck.key))
    answer_all(col)
    source = project / "source" / deck.source
    for n in range(1, 4):
        edit_source(source, deck.old, f"{deck.new} ({n})")
        import_deck(col, build(project, deck.key))
        assert f"({n})" in notes_by_short(col)["Route 53"][deck.field]
        edit_source(source, f"{deck.new} ({n})", deck.old)
    assert len(notes_by_short(col)) == 23
    assert sum(review_history(col).values()) == 56


def test_unchanged_notes_keep_a_learners_own_edits(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    col = open_collection(project / "anki")
    import_deck(col, build(project))
    glacier = col.get_note(int(notes_by_short(col)["Glacier"]["_id"]))
    glacier["Definition"] = "my own words"
    col.update_note(glacier)

    # The rebuild happens well after the learner's edit: only notes we changed may win.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(time.time()) + 3600))
    edit_source(project / "source/aws.ko.md", "DNS 서비스", "관리형 DNS 서비스")
    import_deck(col, build(project))
    notes = notes_by_short(col)
    assert notes["Glacier"]["Definition"] == "my own words"
    assert "관리형 DNS 서비스" in notes["Route 53"]["Definition"]


def move_lambda_and_add_batch(source: Path) -> None:
    """Lambda moves to the storage section, a new Batch note is inserted above ECS."""
    text = source.read_text(encoding="utf-8")
    lambda_item = re.search(r" \* \*\*Lambda\*\*\n.*?\n\n", text, re.S)
    assert lambda_item is not None
    text = text.replace(lambda_item[0], "")
    text = text.replace(" * **ECS", lambda_item[0].replace("Lambda**", "Batch**") + " * **ECS")
    storage = re.search(r"# 2\. .*\n", text)
    assert storage is not None
    text = text.replace(storage[0], storage[0] + lambda_item[0])
    source.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("deck", DECKS, ids=str)
def test_identity_survives_reordering_inserting_and_editing(project: Path, deck: Deck) -> None:
    col = open_collection(project / "anki")
    import_deck(col, build(project, deck.key))
    ids = {k: (v["_id"], v["_guid"]) for k, v in notes_by_short(col).items()}

    for name in ("aws.ko.md", "aws.en.md"):
        move_lambda_and_add_batch(project / "source" / name)
    edit_source(project / "source" / deck.source, deck.old, deck.new)
    import_deck(col, build(project, deck.key))

    notes = notes_by_short(col)
    assert len(notes) == 24
    assert "Batch" in notes
    assert {k: (v["_id"], v["_guid"]) for k, v in notes.items() if k != "Batch"} == ids
    assert notes["Lambda"]["_tags"] == "aws::storage"
    assert deck.new.replace("`", "") in plain(notes["Route 53"][deck.field])


def test_two_builds_give_identical_bytes_whatever_the_output(sheet: Path, tmp_path: Path) -> None:
    assert run("build", sheet, "-o", "a.apkg").exit_code == 0
    assert run("build", sheet, "-o", "sub/b.apkg").exit_code == 0
    first = (tmp_path / "a.apkg").read_bytes()
    assert first == (tmp_path / "sub/b.apkg").read_bytes()
    assert run("build", sheet, "-o", "a.apkg").exit_code == 0
    assert (tmp_path / "a.apkg").read_bytes() == first


def test_config_build_is_reproducible_and_check_agrees(project: Path) -> None:
    first = build(project).read_bytes()
    lock = (project / "decks/aws-ko.lock.json").read_bytes()
    assert build(project).read_bytes() == first
    assert (project / "decks/aws-ko.lock.json").read_bytes() == lock
    result = run("build", "--check")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "decks/aws-ko.apkg: current",
        "decks/aws-en.apkg: current",
        "decks/aws-ko-en.apkg: current",
    ]


def test_a_one_source_deck_imports_with_heading_tags(sheet: Path, tmp_path: Path) -> None:
    assert run("build", sheet, "-o", "out.apkg").exit_code == 0
    col = open_collection(tmp_path / "anki")
    import_deck(col, tmp_path / "out.apkg")
    notes = notes_by_short(col)
    assert len(notes) == 23
    assert notes["EC2"]["_tags"] == "컴퓨팅_서비스"
    assert col.decks.by_name("aws.ko") is not None
