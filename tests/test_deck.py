"""Decks as a learner gets them: built by the CLI, imported with the real `anki` library."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from anki_client import answer_all, import_deck, notes_by_short, open_collection, review_history
from conftest import run

from flashcards.cards import FIELDS

SHORTS = [
    "EC2", "Lambda", "ECS", "EKS", "S3", "EBS", "Glacier", "RDS", "DynamoDB", "ElastiCache",
    "VPC", "Route 53", "CloudFront", "IAM", "CloudTrail", "CloudWatch", "Redshift", "Kinesis",
    "SageMaker", "CloudFormation", "Elastic Beanstalk", "SNS", "SQS",
]  # fmt: skip


def build(project: Path) -> Path:
    result = run("build")
    assert result.exit_code == 0, result.output
    return project / "decks" / "aws-ko.apkg"


def edit_source(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


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


def test_new_cards_come_in_document_order(project: Path) -> None:
    col = open_collection(project / "anki")
    import_deck(col, build(project))
    order = []
    for cid in col.find_cards("is:new", order="c.due, c.ord"):
        short = col.get_card(cid).note()["Short"]
        if short not in order:
            order.append(short)
    assert order == SHORTS


def test_reimport_after_an_edit_updates_the_note_and_keeps_history(project: Path) -> None:
    col = open_collection(project / "anki")
    import_deck(col, build(project))
    answered = answer_all(col)
    before = review_history(col)
    ids = {k: v["_id"] for k, v in notes_by_short(col).items()}
    assert answered == len(before) == 56

    edit_source(project / "source/aws.ko.md", "DNS 서비스", "관리형 DNS 서비스")
    import_deck(col, build(project))

    notes = notes_by_short(col)
    assert len(notes) == 23
    assert "관리형 DNS 서비스" in notes["Route 53"]["Definition"]
    assert {k: v["_id"] for k, v in notes.items()} == ids
    assert review_history(col) == before
    assert all(col.get_card(cid).type != 0 for cid in before)  # none reset to new


def test_several_edits_in_a_row_each_land(project: Path) -> None:
    col = open_collection(project / "anki")
    import_deck(col, build(project))
    answer_all(col)
    for n in range(1, 4):
        edit_source(project / "source/aws.ko.md", "객체 스토리지", f"객체 스토리지({n})")
        import_deck(col, build(project))
        assert f"객체 스토리지({n})" in notes_by_short(col)["S3"]["Definition"]
        edit_source(project / "source/aws.ko.md", f"객체 스토리지({n})", "객체 스토리지")
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


def test_identity_survives_reordering_inserting_and_editing(project: Path) -> None:
    col = open_collection(project / "anki")
    import_deck(col, build(project))
    ids = {k: (v["_id"], v["_guid"]) for k, v in notes_by_short(col).items()}

    source = project / "source/aws.ko.md"
    text = source.read_text(encoding="utf-8")
    lambda_item = re.search(r" \* \*\*Lambda\*\*\n.*?\n\n", text, re.S)
    assert lambda_item is not None
    text = text.replace(lambda_item[0], "")  # Lambda moves to the end of its section
    text = text.replace(" * **ECS", lambda_item[0].replace("Lambda**", "Batch**") + " * **ECS")
    text = text.replace("# 2. 스토리지 서비스\n", "# 2. 스토리지 서비스\n" + lambda_item[0])
    text = text.replace("Docker 컨테이너를 지원한다", "Docker 컨테이너를 지원한다 (Fargate 포함)")
    source.write_text(text, encoding="utf-8")
    import_deck(col, build(project))

    notes = notes_by_short(col)
    assert len(notes) == 24
    assert "Batch" in notes
    assert {k: (v["_id"], v["_guid"]) for k, v in notes.items() if k != "Batch"} == ids
    assert notes["Lambda"]["_tags"] == "aws::storage"


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
    assert result.stdout == "decks/aws-ko.apkg: current\n"


def test_a_one_source_deck_imports_with_heading_tags(sheet: Path, tmp_path: Path) -> None:
    assert run("build", sheet, "-o", "out.apkg").exit_code == 0
    col = open_collection(tmp_path / "anki")
    import_deck(col, tmp_path / "out.apkg")
    notes = notes_by_short(col)
    assert len(notes) == 23
    assert notes["EC2"]["_tags"] == "컴퓨팅_서비스"
    assert col.decks.by_name("aws.ko") is not None
