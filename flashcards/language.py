"""A sheet's language, told from its text when nobody says it: the share of Hangul."""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import islice

from flashcards.note import Note
from flashcards.terms import LATIN

_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")

KOREAN_SHARE = 0.3
"""Korean study notes are full of English names (`EC2`, `Kubernetes`); a sheet whose letters
are a third Hangul reads as Korean."""

SAMPLE = 500
"""Notes looked at: enough to tell, and a 100,000-note sheet costs no more than a small one."""


def detect(notes: Iterable[Note]) -> str:
    """ "ko" for a sheet written in Korean, else "en"."""
    hangul = latin = 0
    for note in islice(notes, SAMPLE):
        for text in (note.term, note.definition):
            hangul += len(_HANGUL.findall(text))
            latin += len(LATIN.findall(text))
    total = hangul + latin
    return "ko" if total and hangul / total >= KOREAN_SHARE else "en"
