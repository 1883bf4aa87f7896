"""The note types' fields, card templates and style: what a learner sees."""

from __future__ import annotations

FIELDS = ("Term", "Short", "Expansion", "Definition", "Clue", "Category", "Source")
"""Frozen once released: a change here needs a new note-type ID (see `deck.NOTETYPE_VERSION`)."""

BILINGUAL_FIELDS = (*FIELDS, "Translation", "Translation Source")
"""A bilingual deck's fields: the same, then the definition in the second language."""

LABELS = {
    "ko": {"meaning": "뜻", "term": "용어", "expansion": "풀네임", "language": "한국어"},
    "en": {"meaning": "Meaning", "term": "Term", "expansion": "Stands for", "language": "English"},
}
"""Card labels in each deck language; a deck in another language uses English ones."""


def labels(language: str) -> dict[str, str]:
    return LABELS.get(language, LABELS["en"])


def _front(prompt: str, body: str) -> str:
    return (
        f'<div class="meta"><span class="category">{{{{Category}}}}</span>'
        f'<span class="prompt">{prompt}</span></div>{body}'
    )


def _back(body: str) -> str:
    return '{{FrontSide}}<hr id="answer">' + body


def templates(language: str, translation: str | None = None) -> list[dict[str, str]]:
    """The three card templates, labelled in `language`; bilingual when `translation` is set."""
    own = labels(language)
    if translation is None:
        meaning = '<div class="definition">{{Definition}}</div>'
        after_term = meaning
    else:
        meaning = (
            f'<div class="definition"><div class="language">{own["language"]}</div>'
            "{{Definition}}</div>"
            f'<div class="definition translation"><div class="language">'
            f"{labels(translation)['language']}</div>{{{{Translation}}}}</div>"
        )
        after_term = meaning
    return [
        {
            "name": "Term → Definition",
            "qfmt": _front(own["meaning"], '<div class="term">{{Term}}</div>'),
            "afmt": _back(meaning),
        },
        {
            "name": "Definition → Term",
            "qfmt": _front(own["term"], '<div class="definition clue">{{Clue}}</div>'),
            "afmt": _back('<div class="term">{{Term}}</div>' + after_term),
        },
        {
            "name": "Short → Expansion",
            "qfmt": "{{#Expansion}}"
            + _front(own["expansion"], '<div class="term">{{Short}}</div>')
            + "{{/Expansion}}",
            "afmt": _back('<div class="expansion">{{Expansion}}</div>'),
        },
    ]


CSS = """\
.card {
  font-family: "Apple SD Gothic Neo", "Noto Sans CJK KR", "Noto Sans KR", "Malgun Gothic",
    system-ui, sans-serif;
  font-size: 1.25rem;
  line-height: 1.6;
  text-align: left;
  word-break: keep-all;
  overflow-wrap: anywhere;
  margin: 0 auto;
  padding: 1rem;
  max-width: 40rem;
  box-sizing: border-box;
  color: #1b1b1f;
  background: #ffffff;
}
.meta { display: flex; flex-wrap: wrap; gap: 0.5em; font-size: 0.8rem; color: #5f6368; }
.prompt::before { content: "· "; }
.term { font-size: 1.6rem; font-weight: 700; }
.language { font-size: 0.75rem; color: #5f6368; margin-top: 0.75em; }
code.key { font-family: inherit; font-weight: 600; padding: 0 0.2em;
  border-radius: 0.25em; background: #fff3c4; color: #1b1b1f; }
.blank { letter-spacing: 0.1em; color: #5f6368; }
.nightMode.card, .night_mode .card, .card.nightMode, .card.night_mode {
  color: #e8e8ea; background: #1e1e22;
}
.nightMode .meta, .night_mode .meta, .nightMode .blank, .night_mode .blank,
.nightMode .language, .night_mode .language { color: #a8acb3; }
.nightMode code.key, .night_mode code.key { background: #4a3f12; color: #fff6d5; }
"""
