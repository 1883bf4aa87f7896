"""Questions: whether a heading or a line asks something (`TCP란?`, `What is a cache?`,
`Explain …`), and the term it asks about."""

from __future__ import annotations

import re

from flashcards.sentences import NOT_TOPICS
from flashcards.terms import BARE_QUESTIONS, PRONOUNS, strip_tags

_WHAT_IS_EN = re.compile(
    r"^what(?:\s+is|\s+are|'s)\s+(?:an?\s+|the\s+)?(?P<term>[^?]+?)\s*\?$", re.I
)


_WHAT_IS_KO = re.compile(
    r"^(?P<term>.+?)\s*(?:(?:이란|란)\s*(?:무엇(?:인가요|인가|일까요|일까|입니까|이죠|이에요)?)?"
    r"|(?<=[가-힣A-Za-z)])(?:은|는)\s+무엇(?:인가요|인가|입니까|이죠|이에요))\s*\?$"
)
"""`TCP란?`, `TCP란 무엇인가?`, `부정사는 무엇인가?`: what a term is. `…은 무엇일까요?` wonders
along with the reader (`꼬리 질문은 무엇일까요?`), and asks a question of its own."""


QUESTION_MARKS = ("?", "\uff1f")


_REQUEST_KO = re.compile(
    r"(?:(?:설명|말|서술|정의)\s*(?:해\s*주세요|해\s*보세요|하세요|하시오|해\s*주십시오|해줘|하라)"
    r"|알려\s*(?:주세요|주십시오|줘))\.?$"
)


_ABOUT_KO = re.compile(r"^(?P<term>.+?)\s*(?:에\s*대해서?|에\s*대하여|이란|란|을|를)\s*(?=\S)")


_REQUEST_EN = re.compile(
    r"^(?:explain|describe|define)\s+(?:what\s+(?:is|are)\s+)?(?:an?\s+|the\s+)?"
    r"(?P<term>[^.?]+?)\.?$",
    re.IGNORECASE,
)


_TASK_EN = re.compile(
    r"^(?:(?:compare|contrast|differentiate|distinguish|discuss)\s+\w"
    r"|true\s+or\s+false\b"
    r"|(?:list(?:\s+and\s+explain)?|name|identify|outline|summari[sz]e|give|state|provide|rank)"
    r"\s+(?:the|a|an|one|two|three|four|five|six|seven|several|how|why|what|which|some|its"
    r"|at\s+least|all|examples?)\b)",
    re.IGNORECASE,
)
"""An exam's task that asks for more than a definition (`Compare the two waves of …`, `List
and explain the forms of …`, `Name at least two activities …`, `Provide an example of …`,
`True or False? …`): a question, never one term. A noun (`List of symbols`, `Outline of the
course`) sets no task: a verb that is also a noun must be followed by what it asks for
(`the`, a number, `at least`, `how`)."""


def sets_a_task(heading: str) -> bool:
    """Whether a heading is an exam's task in English (`Describe the benefits of …`, `Compare
    …`, `List the …`), as a syllabus words its skills, rather than a question asked."""
    text = heading.strip()
    return _TASK_EN.match(text) is not None or _REQUEST_EN.match(text) is not None


def asked(heading: str) -> tuple[str, bool] | None:
    """What a heading that asks a question asks: (the term, True) for "What is X?", "X란?",
    "X에 대해 설명해주세요" and "Explain X", whose answer defines X; (the question, False) for
    any other question or request; None when the heading asks nothing."""
    text = heading.strip()
    if text.rstrip("?\uff1f ").casefold() in BARE_QUESTIONS:
        return None  # `## Why?` over the reasons: a section's title, no question to learn
    if text.endswith(QUESTION_MARKS):
        plain = text[:-1].rstrip() + "?"
        for pattern in (_WHAT_IS_EN, _WHAT_IS_KO):
            match = pattern.match(plain)
            if match is not None and _one_thing(match["term"]) and _named(match["term"]):
                return match["term"].strip(), True
        return text, False
    if _REQUEST_KO.search(text):
        match = _ABOUT_KO.match(text)
        if match is not None and _one_thing(match["term"]):
            return match["term"].strip(), True
        return text, False
    if _TASK_EN.match(text):
        return text, False
    match = _REQUEST_EN.match(text)
    if match is not None:
        return (match["term"].strip(), True) if _one_thing(match["term"]) else (text, False)
    if _unmarked(text):
        return asked(text + "?")  # `What is Culture`: its question mark left unwritten
    term = _clipped(text)
    return (term, True) if term is not None else None


MAX_UNMARKED = 6
"""Words in a `What is X` written without its question mark: more, and it is a sentence."""


def _unmarked(text: str) -> bool:
    return _WHAT_IS_EN.match(text + "?") is not None and len(text.split()) <= MAX_UNMARKED


_INVERTED_EN = re.compile(
    r"^(?:why\s+\S+\s+\S"
    r"|(?:how|what|when|where|which|who)\s+(?:is|are|was|were|does|do|did|can|could|should"
    r"|would|will|may|might|must|has|have|happens|causes|makes)\s+\S)",
    re.IGNORECASE,
)


MAX_INVERTED = 16


def unmarked_question(text: str) -> bool:
    """Whether a heading asks a question without its mark (`How does a transformer work`,
    `Why is an isotope stable`, `Why liquids expand more than gases`): a question word, then
    the verb before its subject, or `why` and a clause. `How it works` and `How to install`
    ask nothing (no verb comes first), nor does a sentence that ends in a full stop."""
    return (
        _INVERTED_EN.match(text) is not None
        and len(text.split()) <= MAX_INVERTED
        and not text.endswith(".")
    )


def names_an_aspect(text: str) -> bool:
    """Whether a heading names an aspect of a subject that a learner is asked to give: its
    causes, effects, significance or limits (`太平天国农民战争失败的原因`, `戊戌维新运动的历史意义`,
    `산업혁명의 영향`, `Causes of the First World War`): a question without its mark."""
    return _ASPECT.search(text.strip()) is not None and len(text.split()) <= MAX_INVERTED


_ASPECT_ZH = "原因|历史意义|意义|影响|历史作用|作用|教训|局限性|历史背景|背景|历史地位|经验|性质"
_ASPECT_KO = "원인|의의|영향|배경|결과|한계|교훈|역사적 의의"
_ASPECT = re.compile(
    rf"\S\u7684(?:{_ASPECT_ZH})(?:和(?:{_ASPECT_ZH}))?$"
    rf"|\S의\s(?:{_ASPECT_KO})(?:와\s(?:{_ASPECT_KO}))?$"
    r"|^(?:causes|reasons|effects|consequences|significance|importance|impact|results"
    r"|lessons|legacy|origins)\s+(?:of|for)\s+\S",
    re.IGNORECASE,
)


def may_ask(raw: str) -> bool:
    """Whether raw text holds a question mark at all, opens with `What is`, or asks in Korean
    to explain (`…에 대해 설명하세요`): most text asks nothing, and a rule that reads questions
    need read no further."""
    if any(mark in raw for mark in QUESTION_MARKS) or raw[:5].casefold() == "what ":
        return True
    return _REQUEST_KO.search(raw.split("\n", 1)[0].rstrip()) is not None


def asked_line(text: str) -> tuple[str, bool] | None:
    """What a line of text standing alone asks (see `asked`); None for text of several lines,
    or one that does not end in a question mark (but `What is Culture`, and a request in
    Korean, `Ethernet에 대해 설명하세요.`, an interview question as it is written)."""
    text = strip_tags(text.strip())  # `What is an isotope? #card`: a Logseq card's tag
    if "\n" in text:
        return None
    if not (text.endswith(QUESTION_MARKS) or _unmarked(text) or _REQUEST_KO.search(text)):
        return None
    return asked(text)


_POINTING = NOT_TOPICS | PRONOUNS


def _named(term: str) -> bool:
    """Whether a question's subject names something: `이것은 무엇인가?` and `What is this?`
    point at a picture."""
    return term.strip().casefold() not in _POINTING


def _clipped(text: str) -> str | None:
    """The term of a heading that asks "What is X?" with its question left unsaid (`해부학이란`,
    `TCP란`): the topic particle after a name of two letters or more. Words that end in
    란 themselves (`반란`, `혼란`, `계란`) have no particle there."""
    for particle, final in (("이란", True), ("란", False)):
        if not text.endswith(particle):
            continue
        term = text[: -len(particle)].rstrip()
        if len(term) < 2 or not _one_thing(term):
            return None
        last = term[-1]
        if "가" <= last <= "힣" and ((ord(last) - 0xAC00) % 28 != 0) != final:
            return None  # 이란 follows a final consonant, 란 a vowel
        return term
    return None


def _one_thing(term: str) -> bool:
    """A short name of one thing: not "X와 Y의 차이", "X and Y"."""
    return 0 < len(term.split()) <= 4 and not _LINKS_TWO.search(term)


_LINKS_TWO = re.compile(r"(?:\s(?:and|vs\.?|or|between)\s|[와과]\s|차이)", re.I)
"""Words that make "What is X?" a question about two things, not a definition of one."""


def judges(answer: str) -> bool:
    """Whether an answer opens with a verdict on a statement (`True`, `False.`, `참`, `X
    (…)`), after the letter of the choice that gives it (`B) False`): the answer of a
    true-or-false question, which many questions share."""
    return _VERDICT.match(answer.strip()) is not None


_VERDICT = re.compile(r"(?:\(?[A-Ea-e1-5][.)]\s*)?(?:(?i:true|false)|참|거짓|O|X)(?!\w)")
