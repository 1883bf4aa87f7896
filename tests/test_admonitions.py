"""Admonitions, read by mdit-py-plugins' `admon` and given as callouts: checked against the
examples of Python-Markdown's admonition extension, whose syntax MkDocs shares."""

from __future__ import annotations

import pytest

from flashcards import markup


def _box(source: str) -> tuple[dict[str, object], list[str]]:
    """The meta of the first callout in `source`, and the text of every inline token."""
    toks = markup.tokens(source)
    opened = next(t for t in toks if t.type == "callout_open")
    return opened.meta, [t.content for t in toks if t.type == "inline"]


@pytest.mark.parametrize(
    ("source", "kind", "title", "shown"),
    [
        # A kind alone: the box is titled by its kind, capitalised; the writer gave no title.
        ("!!! note\n    You should note that the title will be automatically capitalized.\n",
         "note", "", "Note"),
        ('!!! danger "Don\'t try this at home"\n    You should not do this.\n',
         "danger", "Don't try this at home", "Don't try this at home"),
        # More than one class before the title: the first is the kind.
        ('!!! danger highlight blink "Don\'t try this at home"\n    ...\n',
         "danger", "Don't try this at home", "Don't try this at home"),
        # `???` folds the box, `???+` folds it open: the same box.
        ('??? note "Collapsed"\n    Hidden text.\n', "note", "Collapsed", "Collapsed"),
        ('???+ note "Open"\n    Shown text.\n', "note", "Open", "Open"),
    ],
)  # fmt: skip
def test_an_admonition_is_a_callout_of_its_kind_and_title(
    source: str, kind: str, title: str, shown: str
) -> None:
    meta, texts = _box(source)
    assert meta == {"kind": kind, "title": title}
    assert texts[0] == shown


def test_an_empty_title_gives_a_box_without_one() -> None:
    meta, texts = _box('!!! important ""\n    This is an admonition box without a title.\n')
    assert meta == {"kind": "important", "title": ""}
    assert texts == ["This is an admonition box without a title."]


def test_the_body_is_markdown_and_the_box_ends_where_its_indent_does() -> None:
    toks = markup.tokens("!!! note\n    - **EC2**: servers\n\nAfter the box.\n")
    kinds = [t.type for t in toks]
    closed = kinds.index("callout_close")
    assert kinds.index("bullet_list_open") < closed < kinds.index("paragraph_open", closed)
    assert toks[-2].content == "After the box."


def test_a_box_renders_as_the_callout_it_is() -> None:
    admonition = markup.html(markup.tokens('!!! tip "Sunk cost"\n    A cost already paid.\n'))
    callout = markup.html(markup.tokens("> [!tip] Sunk cost\n> A cost already paid.\n"))
    assert admonition == callout
    assert admonition.startswith('<div class="callout callout-tip">')
