"""The note type's fields, card templates and style: what a learner sees."""

from __future__ import annotations

FIELDS = ("Term", "Short", "Expansion", "Definition", "Clue", "Category", "Source")
"""Frozen once released: a change here needs a new note-type ID (see `deck.NOTETYPE_VERSION`)."""

_CATEGORY = '<div class="category">{{Category}}</div>'

TEMPLATES = (
    {
        "name": "Term → Definition",
        "qfmt": _CATEGORY + '<div class="term">{{Term}}</div>',
        "afmt": '{{FrontSide}}<hr id="answer"><div class="definition">{{Definition}}</div>',
    },
    {
        "name": "Definition → Term",
        "qfmt": _CATEGORY + '<div class="definition clue">{{Clue}}</div>',
        "afmt": '{{FrontSide}}<hr id="answer"><div class="term">{{Term}}</div>',
    },
    {
        "name": "Short → Expansion",
        "qfmt": "{{#Expansion}}" + _CATEGORY + '<div class="term">{{Short}}</div>{{/Expansion}}',
        "afmt": '{{FrontSide}}<hr id="answer"><div class="expansion">{{Expansion}}</div>',
    },
)

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
.category { font-size: 0.8rem; color: #5f6368; }
.term { font-size: 1.6rem; font-weight: 700; }
code.key { font-family: inherit; font-weight: 600; padding: 0 0.2em;
  border-radius: 0.25em; background: #fff3c4; color: #1b1b1f; }
.blank { letter-spacing: 0.1em; color: #5f6368; }
.nightMode.card, .night_mode .card, .card.nightMode, .card.night_mode {
  color: #e8e8ea; background: #1e1e22;
}
.nightMode .category, .night_mode .category, .nightMode .blank, .night_mode .blank {
  color: #a8acb3;
}
.nightMode code.key, .night_mode code.key { background: #4a3f12; color: #fff6d5; }
"""
