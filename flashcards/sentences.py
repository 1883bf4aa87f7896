"""Sentences: what a line says of the term it follows (`…을 말한다`, `refers to`, `…방법이다`),
and which Korean words open no term."""

from __future__ import annotations

import re
from collections.abc import Sequence

from flashcards.terms import HANGUL, words

_SAYS_WHAT = re.compile(
    r"[을를]\s?(?:말한다|말함|말합니다|의미한다|의미함|의미합니다|뜻한다|뜻함|뜻합니다|일컫는다"
    r"|일컬음|일컫습니다|가리킨다|가리킴|가리킵니다|의미|뜻)[.。]?$"
    r"|^(?:refers\s+to|is\s+defined\s+as|means)\s"
    r"|^(?:the\s+)?(?:study|science|branch)\s+of\s",  # `Study of the production of sounds`
    re.IGNORECASE,
)


_IS_A_KO = re.compile(r"[가-힣](?:입니다|이다|이며|임)[.。]?$")
"""`…사전에 확정된 퇴직연금제도입니다.`: a sentence that names what its subject is."""


_TOPIC_KO = re.compile(r"^\S*[가-힣](?:은|는|이란|란)\s")


def defines_its_topic(text: str) -> bool:
    """Whether the first sentence of what follows a Korean topic (`X는 …`) ends by saying
    what it is: `…을 말한다`, `…을 의미함`, `…라고도 합니다`, or `…방법이다` (a noun and the
    copula)."""
    sentence = first_sentence(text)
    if _SAYS_WHAT.search(sentence) is not None:
        return True
    if _NAMED_KO.search(sentence) is not None:
        # `…흐름을 스레드라고 부른다` names what it calls so, not the topic before it
        return _CALLS_OBJECT.search(sentence) is None
    copula = _IS_A_KO.search(sentence)
    return copula is not None and _NOT_KINDS.search(sentence[: copula.start() + 1]) is None


def names_a_kind(text: str) -> bool:
    """Whether the first sentence of what follows a Korean topic ends in a noun, as notes
    are written (`SRAM은 … 가장 비싼 RAM`, `Norm 은 …를 측정하는 방법(혹은 함수)`): it
    names what the topic is, where a verb (`…느리다`, `…발행한다`, `…진행됨`) says what it does."""
    sentence = _LAST_GLOSS.sub("", first_sentence(text).rstrip(" .。,"))
    if not sentence or sentence.endswith(("?", "\uff1f")):  # a question names nothing
        return False
    last = sentence[-1]
    return not HANGUL.fullmatch(last) or last not in _PREDICATE_ENDS


_LAST_GLOSS = re.compile(r"\s*\([^()]*\)$")
_PREDICATE_ENDS = frozenset("다요함됨음짐며고서면지게니나죠네까듯")
"""Last syllables of a Korean verb or adjective closing a sentence or going on into the
next (`…있다`, `…진행됨`, `…가리키고`); few nouns end so."""


_SENTENCE_END = re.compile(r"(?<=[.。!?])\s+|\n")


def first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0].strip()


_NAMED_KO = re.compile(
    r"(?:이)?라고도?\s*(?:한다|합니다|함|부른다|부릅니다|부름|불린다|불립니다|불림)[.。]?$"
)
"""`…더블 도미넌트라고도 합니다`: what the subject is called."""

_CALLS_OBJECT = re.compile(r"[을를]\s+\S+(?:\s\S+){0,3}?\s?(?:이)?라고\s*\S+[.。]?$")
"""`…이러한 흐름을 스레드(Thread)라고 부른다`: an object, and the name it is called by."""


_NOT_KINDS = re.compile(
    r"(?:^|\s)(?:생각|것|거|때문|예정|계획|뿐|셈|중|편|필요|수|듯|탓|덕분|정도|마련|법|터|따름"
    r"|모양|기분|느낌|차례|바|만큼|경우)$"
)
"""Nouns before a copula that name no kind of thing (`…풀어 볼 생각이다`, `…했기 때문이다`,
`…하는 것이다`): the sentence says what someone does or why, not what its subject is."""


NOT_TOPICS = frozenset(
    words(
        """이 그 저 이것 그것 저것 이것들 그것들 이러한 그러한 이런 그런 해당 위 아래 다음 여기
    이때 또한 반면 반면에 즉 따라서 하지만 그리고 그러나 결국 우리 나 내 너 본 것 점 때 경우
    이유 결과 목적 차이 차이점 공통점 핵심 결론 문제 원인 방법 중요한 가장 모든 각 두 세"""
    )
)
"""Words that open or end no term before a Korean topic particle: what points elsewhere,
joins sentences, or stands for something unnamed (`이는 …`, `중요한 것은 …`, `차이는 …`)."""


JOINING_ENDINGS = tuple(
    words(
        """은 는 이 가 을 를 의 에 에서 로 으로 와 과 도 고 며 면 서 인 한 된 던 운 적인 만 게
    지 나 니 듯 처럼 보다 까지 부터"""
    )
)
"""How a Korean word ends that joins the next in a sentence, as no word of a term does
(`작고 동질적인 하위 집단은 …`)."""


def says_what(line: str) -> bool:
    """Whether a line says what the words above it mean, with no subject of its own
    (`자산 중에 남에게 빌린 재산을 말한다.`, `Refers to a fall in prices.`, `근로자가 받을
    퇴직급여가 사전에 확정된 퇴직연금제도입니다.`, `Study of the production of sounds`)."""
    line = line.strip()
    if _SAYS_WHAT.search(line) is not None:
        return True
    if _TOPIC_KO.match(line) is not None:
        return False
    # A noun phrase, as a dictionary writes a definition (`여러 대의 서버에 트래픽을 분배하는
    # 것`, `미래의 결과값을 예측하는 방법`): `…하는 것` names the thing that does it.
    return _IS_A_KO.search(line) is not None or ends_in_kind_ko(line.rstrip(" .。").split())


def ends_in_kind_ko(words: Sequence[str], things: bool = True) -> bool:
    """Whether Korean words end in the kind of thing they describe, after a word that modifies
    it (`1bit의 정보를 저장할 수 있는 기억소자`, `…입력 분포가 바뀌는 현상`): three words at
    least, and no noun that names no kind (`…할 수`, `…할 때`); without `things`, not `…하는
    것` either."""
    if len(words) < MIN_KIND_WORDS or _KIND_KO.search(" ".join(words[-2:])) is None:
        return False
    return (_NO_KIND_KO if things else _NO_THING_KO).fullmatch(words[-1]) is None


MIN_KIND_WORDS = 3

_KIND_KO = re.compile(r"[가-힣](?:는|은|한|된|인|할|될|던|운)\s[가-힣A-Za-z]+$")
"""A Korean noun after a word that modifies it (`있는 기억소자`, `저장한 값`)."""

_NO_KINDS_KO = "수|때|데|줄|바|듯|뿐|등"
_NO_KIND_KO = re.compile(_NO_KINDS_KO)
"""Nouns after a modifier that name no kind (`…할 수`, `…할 때`)."""

_NO_THING_KO = re.compile(f"것|거|{_NO_KINDS_KO}")
"""The same, and `것`: in an entry's definition, `…하는 것` says what someone does."""


_COUNTS_KINDS = re.compile(
    r"^there\s+(?:are|is)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)"
    r"\s+(?:\w+\s+)?(?:types|kinds|ways|forms|categories|classes|parts|stages|methods)\b"
    r"|(?:\d+|두|세|네|다섯|여섯|여러)\s?가지",
    re.IGNORECASE,
)


def counts_kinds(line: str) -> bool:
    """Whether a line counts the kinds of a thing that follow it (`There are three types of
    formulas …`, `…에는 세 가지 유형이 있다`): it announces what comes, and defines nothing."""
    return _COUNTS_KINDS.search(line.strip()) is not None


CLAUSE_ENDINGS = tuple(words("을 를 해야 하면 하고 하는 되는 하여 해서 하며 되어 되면"))
"""How a Korean word ends that takes an object or goes on as a verb: no word of a name does."""


def joins_clause(text: str) -> bool:
    """Whether Korean words make a clause, not a name: a word before the last takes an object
    (`ROAS 100%를 초과해야 수익 발생`, `성과를`) or goes on as a verb (`초과해야`, `파악하는`).
    A word of two letters may be a noun that ends so (`마을`, `가을`)."""
    found = text.split()[:-1]
    return any(HANGUL.search(w) and len(w) > 2 and w.endswith(CLAUSE_ENDINGS) for w in found)
