"""Outline pages (every block a list item, as Logseq writes them): read as the document they
outline, line for line; a Markdown sheet that merely holds lists stays what it was."""

from __future__ import annotations

from flashcards.parse import parse
from flashcards.syntax.outline_pages import as_document, is_outline_page, lifted

PAGE = [
    "tags:: botany",
    "- # Plant tissues",
    "\t- Tissues are groups of cells.",
    "\t- ## Xylem",
    "\t  collapsed:: true",
    "\t\t- Carries water up from the roots,",
    "\t\t  through dead cells.",
    "\t\t\t- Its walls hold lignin.",
    "\t- ## Phloem",
    "\t\t- Carries sugars.",
]


def test_headings_come_to_the_margin_and_their_points_one_level_out() -> None:
    assert lifted(PAGE) == [
        "",
        "# Plant tissues",
        "- Tissues are groups of cells.",
        "## Xylem",
        "",
        "- Carries water up from the roots,",
        "  through dead cells.",
        "\t- Its walls hold lignin.",
        "## Phloem",
        "- Carries sugars.",
    ]


def test_the_page_gives_notes_on_its_own_lines() -> None:
    sheet = parse("\n".join(PAGE) + "\n", "tissues.md")
    assert [(n.line, n.term, n.definition) for n in sheet.notes] == [
        (
            4,
            "Xylem",
            "Carries water up from the roots, through dead cells.\nIts walls hold lignin.",
        ),
        (9, "Phloem", "Carries sugars."),
    ]


def test_a_page_needs_a_heading_item() -> None:
    assert not is_outline_page("- a point\n\t- a sub-point\nkey:: value\n")


def test_a_line_of_text_at_the_margin_makes_it_no_outline_page() -> None:
    assert not is_outline_page("Some intro text.\n- ## Part\n\t- a point\n")
    assert not is_outline_page("# Title\n- ## Part\n\t- a point\n")
    assert is_outline_page("tags:: a\n\n- ## Part\n\t- a point\n")


def test_a_sheet_that_is_no_outline_page_is_read_as_written() -> None:
    src = "# Title\n\n- ## Part\n\t- a point\n\nkey:: value\n"
    assert as_document(src) == src


def test_front_matter_stays_above_the_page() -> None:
    src = "---\ntags: [a]\n---\n- # Part\n\t- a point\n"
    assert as_document(src) == "---\ntags: [a]\n---\n# Part\n- a point\n"
