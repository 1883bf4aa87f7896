"""Small text rules of the grammar: term forms, abbreviations, headings, separators, words
that are labels or callouts rather than terms."""

from __future__ import annotations

import re
import unicodedata


def _words(text: str) -> list[str]:
    return text.split()


# "1. ", "2) ", "2.1. ", "03 - ", "4 — " before a heading's words; "3.14 Pi" keeps its number.
_ENUMERATOR = re.compile(r"^\d+(?:\.\d+)*(?:[.)]|\s*[-–—])\s+")

# What joins a term to its definition: "**EC2**: …", "**EC2** — …", "**EC2** → …". A hyphen
# or an equals sign only with a space after it, so that "**x**-ray" stays one word.
_SEPARATOR = re.compile(r"^\s*(?:[:\uff1a→⇒–—]|(?:->|=>|-|=)(?=\s|$))\s*")

AUTO, HEADINGS, BOLD = "auto", "headings", "bold"
MODES = (AUTO, HEADINGS, BOLD)
"""How a sheet writes its terms: told from the sheet, as headings over their definitions, or
only as bold terms (see `rules.headings`)."""

_COLONS = (":", "\uff1a")  # and the full-width colon of CJK text

# Markers that people put before a term: "★", "📌", "✅", "※", "▶".
_MARKER_CATEGORIES = {"So", "Sk", "Mn", "Me", "Cf", "Zs"}
_MARKER_CHARS = set("※•·▶►☞")

CALLOUTS = frozenset(
    _words(
        """tip tips note notes nb warning warnings caution important hint hints info remember
    attention danger todo 참고 주의 팁 힌트 중요 경고 노트 비고 메모 요약"""
    )
)
"""Words that open a remark, not a term: `**Tip:** …`, `**참고:** …`."""

LABELS = frozenset(
    _words(
        """definition definitions example examples analogy analogies pros cons advantages
    disadvantages advantage disadvantage feature features characteristics usage purpose
    description meaning summary limitations note notes 정의 장점 단점 특징 예시 예 비유 용도
    목적 설명 개념 원리 구성 종류 장단점 한계 요약 주의 참고"""
    )
) | {"use case", "use cases", "key points", "how it works", "동작 원리", "사용 예", "사용 사례"}
"""Bold labels that structure what stands under a heading (`**정의**`, `**Pros**`): never
notes of their own. Labels that repeat under several headings are found without this list."""

CONTINUATIONS = frozenset(
    _words(
        """by of and or nor but in on at to for with from as that which who whom whose than into
    onto over under via per can could will would should must may might has have had does do
    did not also so if when while"""
    )
)
"""English words that show a bold phrase is part of a sentence (`**Concurrent mounting** by
…`), not a term with its definition after it."""


def is_marker(char: str) -> bool:
    return char in _MARKER_CHARS or unicodedata.category(char) in _MARKER_CATEGORIES


def only_markers(text: str) -> bool:
    """Whether `text` holds nothing but markers and spaces (a "★" or "📌 " before a term)."""
    return all(is_marker(c) or c.isspace() for c in text)


def strip_markers(text: str) -> str:
    """`text` without the markers and spaces at its start."""
    start = 0
    while start < len(text) and (is_marker(text[start]) or text[start].isspace()):
        start += 1
    return text[start:]


def visible(text: str) -> str:
    """`text` without format characters (Unicode category Cf): zero-width spaces and joiners,
    soft hyphens, byte order marks. A term is cleaned of them first, so that "EC2\u200b" and
    "E\u200dC2" are the term "EC2", with its key and its text."""
    if text.isascii():  # nearly every term: no need to look at each character
        return text
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


def clean_term(bold_text: str) -> str:
    """The term in a bold span: invisible characters, leading markers and a trailing colon
    dropped, trimmed."""
    text = strip_markers(visible(bold_text).strip()).strip()
    for colon in _COLONS:
        text = text.removesuffix(colon)
    return text.strip()


def ends_with_colon(bold_text: str) -> bool:
    """`**탐욕 알고리즘:**`: the colon inside the bold joins the term to what follows."""
    return visible(bold_text).rstrip().endswith(_COLONS)


def key(term: str) -> str:
    """What makes two terms the same: case and spacing aside."""
    return " ".join(term.casefold().split())


def same_term(key: str) -> str:
    """What makes two terms one to a reader: a key (see `key`) in Unicode's compatibility
    form too, so "EC2" written in full-width letters is `EC2`. For duplicates only: a note's
    identity stays its key, so no released GUID changes."""
    return key if key.isascii() else " ".join(unicodedata.normalize("NFKC", key).casefold().split())


def is_callout(term: str) -> bool:
    return key(term) in CALLOUTS


def is_label(term: str) -> bool:
    return key(term) in LABELS


def separated(text: str) -> str | None:
    """The text after a separator at its start, or None when it does not start with one."""
    match = _SEPARATOR.match(text)
    if match is None or not match.group().strip():
        return None
    return text[match.end() :]


def continues_sentence(text: str) -> bool:
    """Whether text right after a bold phrase (with no separator) goes on with its sentence:
    "과 …" glued to it, or " by …"; " virtual servers" is a definition after a term."""
    if not text:
        return False
    if not text[0].isspace():
        return True
    words = text.split(maxsplit=1)
    return bool(words) and words[0] in CONTINUATIONS


def split_term(term: str) -> tuple[str, str]:
    """The short form and the expansion ("" when there is none) of a term.

    Only where one side really abbreviates the other: "LIFO (Last In, First Out)" and
    "First In, First Out (FIFO)" give ("LIFO", …) and ("FIFO", …); "자연어 처리 (NLP)" gives
    ("NLP", "자연어 처리"), an acronym glossed in another script. "Blocked (waiting,
    sleeping)" is a term with a remark: ("Blocked", "").
    """
    parts = parenthesised(term)
    if parts is None:
        return term, ""
    outer, inner = parts
    if abbreviates(outer, inner):
        return outer, inner
    if abbreviates(inner, outer):
        return inner, outer
    return outer, ""


def parenthesised(term: str) -> tuple[str, str] | None:
    """(what stands before, what stands inside) of a term that ends in one parenthesised
    part with no parenthesis inside it: "EC2 (Elastic Compute Cloud)", "Blocked (waiting,
    sleeping)"; None for any other term. In time linear in the term's length."""
    if not term.endswith(")"):
        return None
    opening = term.rfind("(")
    inner, outer = term[opening + 1 : -1], term[:opening].rstrip()
    if opening < 0 or ")" in inner or not inner.strip() or not outer:
        return None
    return outer.strip(), inner.strip()


def abbreviates(short: str, long: str) -> bool:
    """Whether `short` is an acronym of `long`: its letters, in order, from the words of `long`
    (the first one starting a word), or `long` written in another script."""
    if not _acronym_like(short) or len(long) <= len(short):
        return False
    if not any(_latin(c) for c in long):
        return any(c.isalpha() for c in long)
    return _letters_in_order(_spelled(short), long.casefold())


def _latin(char: str) -> bool:
    return char.isascii() and char.isalpha()


def _acronym_like(text: str) -> bool:
    """ "EC2", "S3", "NLP", "PaaS": one word of Latin letters and digits, mostly capitals."""
    if (
        not text
        or len(text) > 12
        or not all(c.isascii() and (c.isalnum() or c in "-&/") for c in text)
    ):
        return False
    strong = sum(c.isupper() or c.isdigit() for c in text)
    return strong >= 2 and any(_latin(c) for c in text)


def _spelled(short: str) -> str:
    """Letters to look for: a closing digit repeats the letter before it ("EC2" counts its C
    twice, "S3" its S three times); a digit inside ("P2P", "K8s") stands for no letter."""
    text = short.casefold()
    out: list[str] = []
    for i, char in enumerate(text):
        if char.isdigit():
            last = i == len(text) - 1
            if last and out and text[i - 1].isalpha() and 2 <= int(char) <= 4:
                out += out[-1] * (int(char) - 1)
        elif char.isalnum():
            out.append(char)
    return "".join(out)


def _letters_in_order(letters: str, long: str) -> bool:
    """Schwartz and Hearst's test: match from the right; the first letter must start a word."""
    j = len(long) - 1
    for i in range(len(letters) - 1, -1, -1):
        while j >= 0 and (long[j] != letters[i] or (i == 0 and j > 0 and long[j - 1].isalnum())):
            j -= 1
        if j < 0:
            return False
        j -= 1
    return True


def heading_name(heading_text: str) -> str:
    """A heading as a category or term name: invisible characters, leading markers and
    enumerator removed, and a trailing colon."""
    text = visible(heading_text).strip()
    name = strip_markers(_ENUMERATOR.sub("", strip_markers(text), count=1))
    for colon in _COLONS:
        name = name.removesuffix(colon)
    name = name.strip()
    return name if name else text


def is_index_heading(name: str) -> bool:
    """`## L`, `## ㄱ`: a letter of an alphabetical index, not a category."""
    return len(name) == 1 and name.isalpha()
