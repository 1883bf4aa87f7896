"""What a name says of the text under it: a set of things (`약물 투여 방법`, `Types of
cells`), a glossary (`Key terms`), properties (`기본 특징`), examples (`예시`), two things side
by side (`유기음과 무기음`), a label of some term's part (`Causes of the war`), or the term it
speaks of (`스크럼의 개요`). Headings, bold lines and list items are named alike."""

from __future__ import annotations

import re

import regex

from flashcards.terms import (
    BARE_QUESTIONS,
    CARRIES_ON,
    HANGUL,
    LABELS,
    abbreviates,
    is_date,
    is_label,
    is_property,
    is_structure,
    key,
    name_length,
)

_MISCELLANY = re.compile(r"(?:other|misc\.?|miscellaneous|기타)(?:\s|$)")
"""Words that open a heading over odds and ends (`Other Facts`, `Misc`, `기타 사항`)."""


def is_term_like(heading: str) -> bool:
    """Whether a heading could name a term: a short name, not a part of the text's structure
    (`Summary`), odds and ends (`Other Facts`) nor a label (`Example`)."""
    name = key(heading)
    return (
        0 < name_length(name) <= 6
        and not is_structure(name)
        and _MISCELLANY.match(name) is None
        and not is_label(name)
        and not names_two(name)
        and not labels_a_term(name)
        and not is_date(name)
        and not is_course_part(name)
        and _ACTIVITY.search(name) is None
        and _NUMBERED_EXAMPLE.match(name) is None
        and _STEP.match(name) is None
        and _SAID_TO.search(name) is None
        and name.split()[0] not in CARRIES_ON  # `Similarly:` over points goes on from above
        and not is_property(name.partition(":")[0])  # `Difficulty: Basic`: a fact of the text
        and name.rstrip("?\uff1f ") not in BARE_QUESTIONS
    )


_NUMBERED_EXAMPLE = re.compile(
    r"^(?:example|ex|exercise|worked example|보기|예제|예시|연습문제|연습)\.?\s*"
    r"\d+(?:[.-]\d+)*[a-z]?$"
)
"""A worked example or an exercise by its number alone (`Example 4`, `보기 4`, `예제 3.2`):
what it works through uses the terms, and names none."""

_STEP = re.compile(r"^\(?(?:단계|step|stage|phase|步骤)\s*\d+\s*[):.]|^\d+\s*단계\s*[):.]")
"""A step by its number (`(단계 1) 경기자 1의 … 소거`, `Step 2: …`, `1단계:`): what is done
then, no term."""
_SAID_TO = re.compile(r"[가-힣\d\u2019']\s?(?:에게는|에서는|에게|에는)\s+\S")
"""A place or a person the words speak of, and then more (`용의자 1에게는 '자백'이 …`): a
statement, no name."""

_ACTIVITY = re.compile(
    r"^(?:reducing|increasing|improving|understanding|redefining|using|making|choosing"
    r"|applying|calculating|finding|solving|writing|reading|building|creating|managing"
    r"|preventing|avoiding|identifying|comparing|explaining|describing|analyzing|analysing"
    r"|evaluating|interpreting|measuring|determining|getting|taking|keeping|practicing"
    r"|practising|studying|reviewing|preparing)\s"
    r"|\s(?:작성|작성과 해석|구하기|사용법|실습|연습|풀이|문제 ?풀이|따라하기)$",
    re.IGNORECASE,
)
"""A heading that names something to do (`Reducing Lactate Production`, `Understanding
reciprocity`, `히스토그램 작성과 해석`, `… 문제풀이`): an activity, no term."""


def is_course_part(heading: str) -> bool:
    """Whether a heading names a part of a course or a book (see `_COURSE_PART`)."""
    return _COURSE_PART.match(heading.strip()) is not None


_COURSE_PART = re.compile(
    r"(?:unit|chapter|chap|ch|lecture|lec|week|wk|module|lesson|session|day|part|topic|section"
    r"|sec|tutorial|lab)\.?\s*"
    r"\d+[a-z]?(?:\s|[:.\-\u2013\u2014]|$)"
    r"|[wl]\d{1,2}(?:\s*[-\u2013\u2014:]\s|$)"
    r"|(?:제\s*)?\d+\s*(?:장|강|단원|부|주차|차시|일차|과|교시|회차)(?:\s|[:.]|$)",
    re.IGNORECASE,
)
"""How a heading of a course's or a book's parts opens (`Unit 1: Introduction`, `Lecture 3`,
`Week 2 - …`, `제3장 …`, `2주차`; a week or a lecture by its letter alone, `W1`, `L1`, `W6 -
INFLATION`, where `L1 cache` names a thing): a part of the course groups what it teaches, no
term."""


def labels_a_term(name: str) -> bool:
    """Whether a name is a label of some term's part (`Background of WWI`, `Causes of the
    war`, `신라의 특징`, `데이터 모델의 장점`) or of a case (`3화음의 경우`): that term's text,
    not a term of its own."""
    words = key(name).split()
    if len(words) >= 3 and words[1] == "of":
        return words[0] in LABELS
    if len(words) >= 2 and words[-1] in _CASES:
        return True  # `3화음의 경우`, `체온 상승 시`: a case of something, not a term
    return len(words) >= 2 and words[-2].endswith("의") and words[-1] in LABELS


_CASES = frozenset({"경우", "때", "시"})


def names_a_set(name: str) -> bool:
    """Whether a name speaks of a set of things rather than one (`약물 투여 방법`,
    `흡수 속도에 영향을 미치는 요소`, `Factors affecting absorption`, and the kinds of a
    thing, see `names_kinds`): the points under it are its members, not its definition."""
    return names_kinds(name) or names_a_glossary(name) or _SET.search(key(name)) is not None


_SET = re.compile(
    r"(?:방법|방안|대책|요소|요인|인자|이유|조건|단계|원칙|종류|유형|장단점|차이점|공통점)$"
    r"|^(?:(?:\d+|two|three|four|five|six|seven|several|many)\s+)?(?:(?:main|major|key)\s+)?"
    r"(?:factors|methods|steps|reasons|ways|types|kinds|conditions|stages|phases|parts"
    r"|approaches|principles|elements|components)\b"
    r"|\s(?:types|kinds|categories|classes|forms|methods|factors|steps|stages|phases"
    r"|approaches|principles|elements|components|examples|theories|models)$"
    r"|^(?:main|major|key|important|notable)\s+(?:\w+\s)?\w+s(?:\s(?:of|in|for)\s.*)?$|^주요\s",
    re.IGNORECASE,
)
"""A set by its last word too: `Agency types`, `Loan types` are kinds of a thing; and what
is major among many (`Key Thinkers`, `Major Works`, `Main Goals of an OS`, `Key OS
responsibilities`, `주요 인물`, `주요 사건`)."""


def names_a_glossary(name: str) -> bool:
    """Whether a name says that what stands under it are terms (`DUAL 용어`, `Key terms`,
    `Glossary`): their group, never a term itself."""
    return _GLOSSARY.search(key(name)) is not None


_GLOSSARY = re.compile(
    r"(?:용어|용어\s?정리)$|\b(?:terms|terminology|glossary|vocabulary|definitions)$"
)


def labels_properties(name: str) -> bool:
    """Whether a heading labels the properties of the thing above it (`기본 특징`, `Key
    features`): what stands under it are that thing's values."""
    words = key(name).split()
    return bool(words) and words[-1] in _PROPERTIES


_PROPERTIES = frozenset(
    {"특징", "특성", "성질", "속성", "features", "characteristics", "properties", "attributes"}
)


def names_kinds(heading: str) -> bool:
    """Whether a heading names the kinds of a thing (`Description의 종류`, `Types of cells`):
    the kinds under it are the terms, and the heading their group."""
    return _KINDS.search(key(heading)) is not None


def names_examples(name: str) -> bool:
    """Whether a line names examples (`Examples of deadlock with a reusable resource`,
    `For example:`, `예시`, `적용 사례`, or one by its number, `보기 4`): what stands under it
    illustrates, and defines no term of its own."""
    name = key(name).rstrip(":\uff1a ")
    return _EXAMPLES.search(name) is not None or _NUMBERED_EXAMPLE.match(name) is not None


_EXAMPLES = re.compile(
    r"^(?:some\s+|more\s+|two\s+|three\s+)?(?:examples?|e\.g\.?|for\s+(?:example|instance))"
    r"(?:\s+(?:of|with|from|in)\b.*)?$|^(?:예시|예|사례|예제)$|(?:의|적용)\s*(?:예시|예|사례)$|\s(?:예시|예제)$"
    r"|^(?:예시|예|examples?)\s*[~)\-:\uff1a]"  # `예시~ 学生로!`, `예) …`, `Example: …`
    r"|^(?:(?:detailed|common|worked|key|typical|practical|simple|basic|concrete|sample"
    r"|real|real-world|other|additional|further|good|bad)\s+){1,2}examples?$"  # `Detailed Examples`
    r"|^(?:examples?|예시|예제)\s*\d+\s*[.:\uff1a)]"  # `Example 1: 학교에서 (at school)`
)


def names_a_case(heading: str) -> bool:
    """Whether a heading names a court case, as a citation does (`Case: Hamilton v. Kember,
    2008 CanLII 6988`, `Donoghue v Stevenson [1932]`): one thing, a term of law, whatever
    commas its citation holds."""
    return _CASE.match(heading.strip()) is not None


def case_name(heading: str) -> str:
    """A case's heading without its `Case:` label: `Donoghue v. Stevenson, [1932] A.C. 562`."""
    return re.sub(r"^[Cc]ase\s*:\s*", "", heading.strip())


_PARTY = r"(?:R|[A-Z][a-z'\u2019][\w.'\u2019&-]*)(?:\s(?:of|the|and|&|[A-Z][\w.'\u2019&-]*)){0,4}"
_CASE = re.compile(rf"(?:[Cc]ase\s*:\s*)?{_PARTY}\s+v\.?\s+{_PARTY}")
"""Parties on both sides of a `v.` (or `v`), each a name of a few words (`R`, the Crown, too),
never acronyms (`TCP v UDP` compares)."""


def names_two(heading: str) -> bool:
    """Whether a heading names two things side by side (`유기음과 무기음`, `명제와 논증`,
    `Appearance and Reality`, `Nominal vs Real GDP`): a topic over both, not one term."""
    if names_a_case(heading):
        return False  # `Hamilton v. Kember, 2008 CanLII 6988`: one case, its citation
    name = key(heading)
    bare = re.sub(r"\s*\([^()]*\)", "", name)  # `… vs eukaryotic cells (comparison points)`
    if "," in bare:
        # `타당한 논증, 참인 전제, 참인 결론`: a list of names; but `Elastic Block Store, EBS`
        # and `On-Demand Pricing, 온 디맨드 인스턴스` name one thing twice.
        return not _renamed(heading)
    if _AND_KO.search(bare) and _ABOUT_TERM.match(bare) is None:
        return True  # `관계부사의 종류 및 특징`, `역할 및 자리`: 및 joins two (`스크럼의 개념 및
        # 특징` speaks of one term, see `named`)
    match = _TWO_KO.match(bare)
    if match is not None:
        last, particle = match.group("last"), match.group("particle")
        # 과 follows a final consonant, 와 a vowel: `효과 분석` holds no particle.
        return not ("가" <= last <= "힣") or ((ord(last) - 0xAC00) % 28 != 0) == (particle == "과")
    return _TWO_EN.match(bare) is not None


def _renamed(heading: str) -> bool:
    """Whether a heading of two parts with a comma between them names one thing twice: by
    its abbreviation, or in another script."""
    parts = [part.strip() for part in heading.split(",")]
    if len(parts) != 2 or not all(parts):
        return False
    for long, short in (parts, parts[::-1]):
        # Upper case for the short form: a heading may come here case-folded (see `key`).
        if len(short.split()) == 1 < len(long.split()) and abbreviates(short.upper(), long):
            return True
    first, second = parts
    return bool(HANGUL.search(first)) != bool(HANGUL.search(second))


_AND_KO = re.compile(r"\S\s및\s\S")
_TWO_KO = re.compile(r"^\S+?(?P<last>\S)(?P<particle>[과와])\s\S+(?:\s\S+)?$")


_TWO_EN = re.compile(r"^[\w-]+(?:\s[\w-]+){0,2}\s(?:and|&|vs\.?|versus)\s[\w-]+(?:\s[\w-]+){0,2}$")


_KINDS = re.compile(
    r"의\s*(?:종류|분류|유형|예시|예)$|^(?:types|kinds|classes|examples|classification)\s+of\s",
    re.IGNORECASE,
)


_ABOUT_TERM = regex.compile(
    r"^(?P<term>.+?)\s*의\s*(?:개요|개념|정의|뜻|의미)(?:\s*및\s*(?:특징|종류|원리|구성))?$"
    r"|^(?:definition|overview|concept|meaning)\s+of\s+(?P<en>.+)$",
    regex.I,
)


def named(name: str) -> str:
    """The term a name speaks of: `스크럼의 개요` and `Overview of Scrum` name the term itself,
    as its overview or definition."""
    found = _ABOUT_TERM.match(name.strip())
    if found is None:
        return name
    return (found["term"] or found["en"]).strip()


def is_index_heading(name: str) -> bool:
    """`## L`, `## ㄱ`, `## あ`: a letter of an alphabetical index, not a category. A Han
    character is a word of its own (`## 上` over its meanings and readings), never an index."""
    return len(name) == 1 and name.isalpha() and not _HAN.match(name)


_HAN = regex.compile(r"\p{Han}")
