"""Small text rules of the grammar: term forms, abbreviations, headings, separators, words
that are labels or callouts rather than terms."""

from __future__ import annotations

import re
import unicodedata

import regex


def words(text: str) -> list[str]:
    """The words of a list written as one string, as a sheet's word lists are kept here."""
    return text.split()


# "1. ", "2) ", "2.1. ", "03 - ", "4 — ", "Q1. ", "Q. " before a heading's words; "3.14 Pi"
# keeps its number, and so does a range of years (`1754 - 1763`). A number's dot may touch
# the word after it (`1.Morphologie`). A slide's number (`Slide 2: Culturing …`) counts the
# deck's slides as the others count a list's items.
_ENUMERATOR = re.compile(
    r"^(?:Q\s?)?\d+(?:\.\d+)*(?:[.):]\s+|\.(?=[^\W\d_])|\s*[-–—]\s+(?!\d))|^Q[.:]\s+"
    r"|^(?i:slide|슬라이드)\s?\d+\s*(?:[.:]|\s[-–—])\s+"
)

# What joins a term to its definition: "**EC2**: …", "**EC2** — …", "**EC2** → …",
# "**EC2** -- …" (a dash typed as two hyphens), "**EC2** | …" (a flashcard's two sides). A
# hyphen, an equals sign or a bar only with a space after it, so that "**x**-ray" stays one word.
_SEPARATOR = re.compile(r"^\s*(?:[:\uff1a→⇒–—\u2212]|(?:->|=>|--|-|=|\|)(?=\s|$))\s*")

AUTO, HEADINGS, BOLD = "auto", "headings", "bold"
MODES = (AUTO, HEADINGS, BOLD)
"""How a sheet writes its terms: told from the sheet, as headings over their definitions, or
only as bold terms (see `rules.headings`)."""

_COLONS = (":", "\uff1a")  # and the full-width colon of CJK text

# Markers that people put before a term: "★", "📌", "✅", "※", "▶".
_MARKER_CATEGORIES = {"So", "Sk", "Mn", "Me", "Cf", "Zs"}
_MARKER_CHARS = set("※•·▶►☞ㄴ")  # ㄴ: a Korean writer's └ before a sub-point

CALLOUTS = frozenset(
    words(
        """tip tips note notes nb warning warnings caution important hint hints info remember
    attention danger todo 참고 주의 팁 힌트 중요 경고 노트 비고 메모 요약"""
    )
) | {"side note", "footnote", "aside", "ref", "refs", "source", "sources", "출처"}
"""Words that open a remark, not a term: `**Tip:** …`, `**참고:** …`."""

EXERCISES = frozenset(
    words(
        "practice practica exercise exercises drill drills quiz homework 연습 연습문제 실습 퀴즈"
        " self-check self-test 자가진단 자가점검"
    )
)
"""Labels that set an exercise: what follows them are prompts to answer, no terms."""

LABELS = (
    frozenset(
        words(
            """definition definitions example examples analogy analogies pros cons advantages
    disadvantages advantage disadvantage feature features characteristics usage purpose
    description meaning summary limitations note notes 정의 장점 단점 특징 예시 예 비유 용도
    목적 설명 개념 원리 구성 종류 장단점 한계 요약 주의 참고 types kinds functions uses
    properties 기능 특성 활용 사례 basics background causes cause symptoms signs diagnosis
    treatment management prognosis complications epidemiology pathophysiology significance
    intervention interventions criticism criticisms critique strengths weaknesses
    effects consequences elements exceptions 원인 증상 진단 치료 예후 합병증 배경 결과 영향 의의
    findings results conclusion conclusions answer question aim aims participants eg e.g. e.g
    i.e. i.e ex
    결론 질문 답 답변 해설 풀이 formula formulas 공식 수식 계산식 mechanism indications
    contraindications interactions dosage antidote precautions 부작용 금기 적응증 기전
    applications application implications aspects 응용 시사점 목표 goal goals 문제점 problem
    problems issue issues 해석 interpretation 기준 criterion criteria 주의점 주의사항 정답
    explanation explanations solution solutions
    定义 概念 例子 例如 特点 优点 缺点 作用 功能 用途 含义 原理 问题 方案 对比 注意 结论 方法
    应用 意义 影响 原因 结果 背景 评价 要点 步骤 变体 来源 答案 解析
    定義 例 特徴 長所 短所 意味 結論 応用 解答 解説"""
        )
    )
    | EXERCISES
    | {
        "main findings",
        "use case",
        "use cases",
        "key points",
        "how it works",
        "risk factors",
        "mechanism of action",
        "side effects",
        "adverse effects",
        "drug interactions",
        "nursing considerations",
        "patient education",
        "동작 원리",
        "사용 예",
        "사용 사례",
        "legacy",
        "major works",
        "key works",
        "notable works",
        "contributions",
        "key contributions",
        "major contributions",
        "known for",
        "influence",
        "주요 저서",
        "주요 업적",
        "업적",
    }
)
"""Bold labels that structure what stands under a heading (`**정의**`, `**Pros**`), in any
subject (`Symptoms`, `Diagnosis` in medicine, `Side effects` and `Contraindications` of a
drug, `Elements` in law, `Causes` in history, `Legacy` and `Major works` of a person): never
notes of their own. Labels that repeat under several headings are found without this list."""


WEIGHING = frozenset(
    words(
        """pros cons advantages disadvantages benefits drawbacks strengths weaknesses merits
    demerits 장점 단점 이점 한계점"""
    )
)
"""Labels over the arguments for and against a thing (`- Cons:` over `- Nuclear weapons
proliferation` and why): the points under them weigh it, and name no terms."""

CONTINUATIONS = frozenset(
    words(
        """by of and or nor but in on at to for with from as that which who whom whose than into
    onto over under via per can could will would should must may might has have had does do
    did not also so if when while"""
    )
)
"""English words that show a bold phrase is part of a sentence (`**Concurrent mounting** by
…`), not a term with its definition after it."""

OBJECTS = frozenset(words("the a an your my our their its this these those it them each all"))
"""Words that open a verb's object: in a numbered list, `1. **Fork** the repository` is a
step with its verb in bold, not a term."""


def is_step(text_after_bold: str) -> bool:
    """Whether the text after a numbered item's bold goes on as the bold verb's object."""
    words = text_after_bold.split(maxsplit=1)
    return bool(words) and words[0].casefold() in OBJECTS


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


_QUOTES = {
    '"': '"',
    "'": "'",
    "\u201c": "\u201d",
    "\u2018": "\u2019",
    "\u300c": "\u300d",
    "\u300e": "\u300f",
}
"""Quotation marks, opening and closing: `**"컨텍스트 스위칭"**이란` quotes its term."""


def clean_term(bold_text: str) -> str:
    """The term in a bold span: invisible characters, leading markers, Obsidian and Logseq
    tags at its end (`Catalyst #card`), a trailing colon and the quotation marks around it
    all dropped, trimmed."""
    text = strip_tags(strip_markers(visible(bold_text).strip())).strip()
    for colon in _COLONS:
        text = text.removesuffix(colon)
    text = text.strip()
    closing = _QUOTES.get(text[:1])
    if closing and len(text) > 2 and text.endswith(closing) and closing not in text[1:-1]:
        text = text[1:-1].strip()
    return text


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
    if key.isascii() or unicodedata.is_normalized("NFKC", key):
        return key  # nearly every term: Hangul, kana and ideographs are in that form already
    return " ".join(unicodedata.normalize("NFKC", key).casefold().split())


def is_callout(term: str) -> bool:
    return key(term).rstrip(".:\uff1a ") in CALLOUTS


_QUALIFIERS = frozenset(
    words(
        """key main common major basic core clinical practical related other real-world quick
    general detailed full 주요 핵심 기본 대표 응용 실제 관련 연관 기타 대표적 임상 일반적인 일반
    상세 자세한"""
    )
)
"""Words that qualify a label and leave it one (`Key features`, `응용 예시`)."""

_RELATED = frozenset(words("terms concepts topics 용어 개념"))
"""What a label of related things names (`Related terms`, `연관 용어`)."""


_REMARKED = re.compile(r"\s*\([^()]*\)$")


def is_label(term: str) -> bool:
    """Whether a name is a label word, or one qualified (`Clinical features`, `응용 예시`,
    `연관 용어`): a heading over a term's parts, never a term itself."""
    name = _REMARKED.sub("", key(term))  # `Limitations (good god)`
    if name in LABELS:
        return True
    first, _, rest = name.partition(" ")
    return first in _QUALIFIERS and (rest in LABELS or rest in _RELATED)


def names_a_part(term: str) -> bool:
    """Whether a bold term only labels a part of what stands above it (`**Example**: …`), a
    case of it (`**BG < 70:**`, see `is_condition`) or opens a remark on it (`**Important**:
    …`): no term of its own."""
    return is_label(term) or is_callout(term) or is_condition(term) or is_caption(term)


def is_caption(term: str) -> bool:
    """Whether a bold line names a figure shown beside the text (`**Figure 6.12a: Binary
    fission in bacteria.**`, `**Image: …**`, `**그림 3.**`): a caption, never a term."""
    return _CAPTION.match(term.strip()) is not None


_CAPTION = re.compile(
    r"(?:figure|fig\.|image|diagram|photo|picture|그림|사진|도표)\s*(?:\d[\w.\-]*)?\s*[:.]",
    re.IGNORECASE,
)


_CONDITION = re.compile(
    r"(?:\s|^)(?:시|때|경우)$|^(?:when|if|while|before|after|during)\s"
    r"|[<>=\u2260\u2264\u2265]\s*-?[\d.]|\d\s*(?:미만|이상|이하|초과)$",
    re.IGNORECASE,
)


def is_condition(term: str) -> bool:
    """Whether a term names a state or a case of the thing a text is about rather than a
    term: `체온 상승 시`, `When heated`, `Before Saratoga`, a threshold or a value (`BG < 70`,
    `pH > 7.45`, `RR = 1`, `5000 미만`)."""
    return _CONDITION.search(term) is not None


PROPERTIES = frozenset(
    words(
        """date author authors category categories tags tag keywords created updated
    modified published 작성일 작성자 날짜 태그 분류 카테고리 키워드 수정일 course lecture
    lecturer instructor professor semester topic 과목 강의 교수 학기 주제 difficulty level
    status priority 난이도"""
    )
) | {
    "last updated",
    "last modified",
    "마지막 업데이트",
    "최종 업데이트",
    "최종 수정일",
    "학습 기간",
}
"""What a document says of itself as a file (`**Date:** November 26, 2025`, `**Tags:** …`):
when, by whom, filed where, for which course (`**Course:** Deals` over `**Topic:** BATNA …`);
nothing of its subject. Words a glossary may define (`Class`, `Subject`) are not among them."""


def is_property(term: str) -> bool:
    return key(term).rstrip(".:\uff1a ") in PROPERTIES


def separated(text: str) -> str | None:
    """The text after a separator at its start, or None when it does not start with one."""
    match = _SEPARATOR.match(text)
    if match is None or not match.group().strip():
        return None
    return text[match.end() :]


# What joins a term to a definition written as a sentence: a Korean topic or definition
# particle ("**프로세스**는 …", "**스레드**란 …", "**페이징**이라 함은 …", with or without a
# space before it), or an English copula ("**Cache** is a …", "**Inflation** occurs when …",
# "*Free variation* is if …", whose definition is then "when …", "if …"). Other particles
# ("과", "의", "를", …) and other words keep the bold as emphasis in a sentence.
_DEFINED = re.compile(
    r"^\s?(?:(?:이)?라고\s?하는\s?것은|(?:이)?라\s?함은|(?:이)?라는\s?것은|이란|란|은|는)"
    r"(?=[\s,:]|$)[\s,:]*"
    r"|^\s+(?:[a-z]+ly\s+(?=means|refers))?"  # `**ここ** basically means "here"`
    # `The **opportunity cost** of something is the …`: what the term is of, then the copula
    r"(?:of(?-i:(?:\s+[a-z][\w-]*){1,4}?)\s+)?"
    r"(?:(?:is|are)(?:\s+[a-z]+ly)?(?=\s+(?:an?|the|one|any)\s)|means|refers\s+to|is\s+defined\s+as"
    # `**Physical quantities** are those things that are measurable`: the kind they are
    r"|are(?=\s+those\s+[a-z]+\s+(?:that|which|who|whose|where|of|in|on|with|used|made|found"
    r"|formed|produced|caused|consisting)\b)"
    r"|(?:occurs|is|are)(?=\s+(?:when|if|whenever)\s)"
    # `**Enzymes** are proteins that …`, `**Nodes** are points along …`: a plural kind, and
    # what sets it apart
    r"|are(?=\s+[a-z]{3,}s\s+(?:that|which|who|whose|where|of|in|on|along|from|with|used"
    r"|made|found|formed|produced|caused|consisting)\b))\s+",
    re.IGNORECASE,
)


def defined(text: str, term: str = "") -> str | None:
    """The text after a particle or copula that makes a bold lead a term defined in a
    sentence (see `_DEFINED`): "is a …", "is the …", "means …", "refers to …", not "is
    great"; None when it does not start with one. A copula before the term's own last noun
    defines it too (`**Cyclical unemployment** is unemployment caused by …`)."""
    match = _DEFINED.match(text)
    if match is not None:
        return text[match.end() :]
    match = _OWN_KIND.match(text)
    if match is not None and _names_own_kind(term, text[match.end() :]):
        return text[match.end() :]
    return None


_OWN_KIND = re.compile(r"^\s+(?:is|are)\s+", re.IGNORECASE)


def _names_own_kind(term: str, definition: str) -> bool:
    """Whether a definition opens with the last noun of its term (`Spear Phishing` and
    `phishing targeting a specific group`): the kind of thing the term is."""
    words = term.split()
    head = words[-1].casefold() if len(words) >= 2 else ""
    first = (definition.split() or [""])[0].casefold().rstrip(",.")
    return len(head) >= 3 and head.isalpha() and first in (head, head + "s", head + "es")


CARRIES_ON = frozenset(
    words(
        """but thus hence therefore however whereas which similarly likewise moreover
    furthermore consequently otherwise 하지만 그러나 따라서 그래서 또한 즉"""
    )
)
"""Words that carry a sentence on from the one before (`But there is a difference : …`,
`which implies B = -40`): what follows them is the rest of a sentence, never a name."""

CLAUSE_OPENINGS = CARRIES_ON - {"which"} | frozenset(
    words("since because when whenever if although though while as once 왜냐하면 만약 그리고")
)
"""Words that open a clause (`Since position is a vector, …`, `왜냐하면 …`), or carry a
sentence on: a sentence that opens so goes on from something, and defines no term."""

PRONOUNS = frozenset(
    words(
        """this that these those it they he she we you i here there what everything everyone
    everybody something someone somebody nothing nobody anything anyone"""
    )
)
"""Bold words that stand for something said elsewhere: `**This** is why …` defines nothing."""


def possessive(word: str) -> bool:
    """Whether a Korean word ends in the genitive particle 의 (`피부의`, `중심의`), not in a
    noun whose last syllable is 의 (`편의`, `임의`, `자본주의`)."""
    return (
        len(word) >= 2
        and "가" <= word[-2] <= "힣"
        and word[-1] == "의"
        and not (word in _NOUNS_IN_UI or word.endswith("주의"))
    )


_NOUNS_IN_UI = frozenset(
    words(
        "편의 회의 정의 의의 동의 합의 논의 강의 모의 유의 결의 건의 협의 창의 호의 선의 "
        "악의 고의 임의 질의 토의 심의 대의 민의 신의 이의 광의"
    )
)
"""Sino-Korean nouns that end in 의 (便宜, 任意, 定義, 善意, 故意 …): no particle."""


_LONE_PARTICLES = frozenset(words("을 를 과 와 의 에 에서 으로 로 이 가 도 만 에게 보다 처럼"))
"""Korean particles that, written apart from a bold phrase, still join it to its sentence."""


_COMPARED = re.compile(r"^\s+(?:\S+\s+)?(?:vs\.?|versus)(?:\s|$)", re.IGNORECASE)
"""`vs` right after a bold phrase, or after the word that ends its name: the phrase is one
side of a comparison, no term defined."""


def continues_sentence(text: str) -> bool:
    """Whether text right after a bold phrase (with no separator) goes on with its sentence:
    "과 …" glued to it, " by …", " 중심의 …" (a Korean word with its particle); " virtual
    servers" is a definition after a term."""
    if not text:
        return False
    if not text[0].isspace():
        return True
    words = text.split(maxsplit=1)
    if not words:
        return False
    if words[0] in _LONE_PARTICLES:
        return True  # `**학제간 교육** 을 통한 …`: a particle set apart by a space
    if _COMPARED.match(text):
        return True  # `**상대주의** vs 절대주의`, `**선험적** 지식 vs …`: two things compared
    # A word with its particle opens a phrase (`중심의 통합 노력`), not a definition that reads
    # as a sentence (`몸의 좌우 양쪽이 대칭이 되도록 나누는 수직면.`).
    # (A word with another particle may open a definition: `**CDN** 콘텐츠를 …`.)
    return words[0] in CONTINUATIONS or (possessive(words[0]) and not is_sentence(text))


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


def translated(term: str) -> bool:
    """Whether a term is named in two scripts, Korean and Latin, one in parentheses after the
    other (`혼동 요인(confounding factor)`, `double blindness(이중 블라인드)`): a writer who
    gives a word's other name is introducing a term."""
    parts = parenthesised(term)
    if parts is None or any(c.isdigit() for c in parts[1]):
        return False
    korean = [bool(HANGUL.search(part)) for part in parts]
    latin = [any(_latin(c) for c in part) for part in parts]
    return korean[0] != korean[1] and all(k or lat for k, lat in zip(korean, latin, strict=True))


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


_QUESTION_MARKER = re.compile(r"^(?:Q\s?\d*[.:)]|질문\s?\d*[.:)])\s+", re.IGNORECASE)


def marks_question(heading_text: str) -> bool:
    """Whether a heading's writer marked it a question (`Q: Understand what a collision domain
    is`, `Q3. …`, `질문: …`), whatever its words."""
    return _QUESTION_MARKER.match(strip_markers(visible(heading_text).strip())) is not None


def heading_name(heading_text: str) -> str:
    """A heading as a category or term name: invisible characters, leading markers and
    enumerator removed, Obsidian tags at its end, and a trailing colon."""
    text = visible(heading_text).strip()
    name = strip_markers(_ENUMERATOR.sub("", strip_markers(text), count=1))
    name = strip_tags(name)  # `# Biology #flashcards`: the note's tags, not its name
    for colon in _COLONS:
        name = name.removesuffix(colon)
    name = name.strip()
    return name if name else text


def strip_tags(text: str) -> str:
    """A line without the Obsidian or Logseq tags that close it (see `_TAGS`)."""
    return _TAGS.sub("", text)


_TAGS = re.compile(r"(?:\s+#(?!\d+\b)[^\s#\d][^\s#]*)+\s*$")
"""Obsidian tags closing a heading, each after a space (`#flashcards`, `#bio/cells`); a
number is no tag (`Issue #42`), nor is a mark glued to a word (`C#`)."""


META = frozenset(
    words(
        """contents toc contributing contributors license licence references reference bibliography
    credits acknowledgements acknowledgments changelog resources sources prerequisites tips
    roadmap agenda 로드맵 목차
    차례 참고
    참고자료 참고문헌 출처 레퍼런스 기여 기여하기 라이선스 라이센스
    目次 参考 参考文献 参考資料 出典 目录 参考资料 来源 出处
    legend legenda leyenda légende bibliografia bibliografía bibliographie riferimenti
    referencias références referências fonti fuentes quellen literaturverzeichnis indice
    índice inhaltsverzeichnis sommaire"""
    )
) | {
    "table of contents",
    "testi di riferimento",
    "table des matières",
    "further reading",
    "prerequisite knowledge",
    "see also",
    "related links",
    "about this repository",
    "to do",
    "참고 자료",
    "참고 문헌",
    "관련 링크",
    "내부 링크",
    "외부 링크",
    "external links",
    "internal links",
    "사용 방법",
    "기여 방법",
    "더 읽을거리",
    "related",
    "related notes",
    "related concepts",
    "related topics",
    "related pages",
    "관련 개념",
    "관련 문서",
    "관련 노트",
    "관련 글",
    "같이 보기",
    "함께 보기",
    "meta",
    "metadata",
    "메타",
    "메타데이터",
    "more information",
    "further information",
    "next steps",
    "next step",
    "what's next",
    "다음 단계",
    "다음 글",
    "이전 글",
}
"""Headings of what a document says of itself rather than of its subject (its contents, how
to use or cite it, who wrote it, its license, the notes it links to, its metadata): their
sections are never notes."""

STRUCTURE = frozenset(
    words(
        """introduction intro overview background conclusion conclusions summary recap notes
    detail details 개요 개괄 개관 소개 요약 정리 결론 들어가며 마치며 서론 본론
    概要 まとめ メモ はじめに おわりに 序論 結論 要約 総括
    introduzione introducción introdução einleitung einführung riassunto resumen resumo
    zusammenfassung conclusione conclusión conclusão fazit
    概述 简介 总结 小结 笔记 前言 结语 引言 导言 摘要"""
    )
)
"""Headings that structure a text (an overview, a summary): never a term of their own, though
the terms written under them are notes."""

MAX_STRUCTURE_WORDS = 3


def is_structure(name: str) -> bool:
    """Whether a heading structures a text (see `STRUCTURE`), qualified or not (`한 줄 요약`,
    `Chapter summary`, `핵심 정리`)."""
    found = key(name).split()
    return 0 < len(found) <= MAX_STRUCTURE_WORDS and found[-1] in STRUCTURE


_META_OPENINGS = (
    "how to use",
    "how to read",
    "how to contribute",
    "how to study",
    "study tips",
    "exam tips",
    "tips for",
    "common mistakes",
    "mistakes to avoid",
    "pre-exam checklist",
    "exam checklist",
    "exam strategy",
    "test-taking",
    "자주 하는 실수",
    "시험 팁",
    "이 문서",
    "이 저장소",
    "공부 방법",
    "공부법",
    "학습 방법",
)
"""Openings of such headings: how to use or study the document (steps and tips, no terms),
and the mistakes to avoid in an exam (`Common Mistakes to Avoid`)."""

_SYMBOLS = re.compile(r"^[^\w]+")
"""Marks before a heading's words (`📖`, `✅`, `⚠️`)."""


SENTENCE_ENDS = (".", "!", "?", "。", "…", "다", "요", "음", "함", "임", "됨")
"""How a sentence ends, in English and in Korean notes (`…이다.`, `…하는 방식임`)."""


def is_sentence(text: str) -> bool:
    """Whether a line reads as a sentence, not a label (`객체지향 설계 원칙`, `Types:`): it
    ends as one, or it is long. One word with no stop after it is a word, whatever its last
    letter (`게임`, `마음`, `바다`, `있다` in a vocabulary), not a sentence."""
    text = text.strip().rstrip(")\"'\u201d\u2019\u300d")
    if not text.endswith(SENTENCE_ENDS):
        return len(text.split()) >= 8
    return text.endswith(STOPS) or len(text.split()) > 1


STOPS = (".", "!", "?", "。", "…")
"""The marks that stop a sentence in any language."""


PLACEHOLDERS = frozenset(
    {
        "todo",
        "tbd",
        "tba",
        "wip",
        "fixme",
        "coming soon",
        "작성 중",
        "작성중",
        "작성 예정",
        "추가 예정",
        "answer",
        "답변",
        "내용",
        "will finish this later",
        "need more work",
        "略",
        "省略",
        "待补充",
        "待补",
        "待续",
        "待更新",
        "作成中",
        "準備中",
    }
)
"""What a writer puts where a definition will go: it defines nothing yet (a template's
`답변` under each question, still to be answered; `略`, left out, in Chinese notes)."""
_WORDS_HELD = frozenset({"answer", "답변", "내용"})
"""Placeholders that are words of their own, the meaning of a word in another script."""


_FILLER = regex.compile(r"([a-z])\1+|[\u3131-\u318e]+")
"""What a writer types to hold a place: one small Latin letter again and again (`dd`, `xx`), or
Hangul letters that make no syllable (`ㅇㅇ`)."""


_NUMBER = r"\d+(?:\.\d+)?"
_PLACE = (
    r"(?:pg|pgs|pp?|pages?|ch|chs|chap|chapters?|sec|sections?|§)\.?\s*"
    rf"{_NUMBER}(?:\s*(?:[-–~,&]|and|n\.?)\s*{_NUMBER})*(?:\s*\([^()]*\))?"
)
_REFERENCE = regex.compile(rf"{_PLACE}(?:\s*[,;]?\s*(?:and\s+)?{_PLACE})*\.?", regex.IGNORECASE)
"""Where to read about a term, and nothing else (`pg. 2 n.1 , pg. 80`, `chapters 2–5`,
`chapter 6 (on no-self)`): an index's line, no definition."""


def defines(definition: str, term: str = "") -> bool:
    """Whether a definition says anything: not empty, not only a label waiting for its
    text (`answer:`, `답:`), as in a sheet of questions still to answer, not a placeholder
    (`TODO`, `작성 중`) nor ending in filler (`R²` then `ㅇㅇ`), and not only the pages or
    chapters to read (`pg. 53–54`), nor a blank line to fill in (`____`). A placeholder that
    is a word of its own and translates its `term` is its meaning (`답` and `answer`, `content`
    and `내용`; `작성 중` under `diversification` holds a place)."""
    text = definition.strip()
    bare = text.strip(" .…!-:()[]<>").casefold()
    if bare in PLACEHOLDERS and not (bare in _WORDS_HELD and crossed(term, bare)):
        return False
    if text and not text.strip("_ \n"):
        return False  # `____`: a blank left to fill in
    if _REFERENCE.fullmatch(text):
        return False
    if _FILLER.fullmatch(text.rsplit("\n", 1)[-1].strip()):
        return False
    return bool(text) and not (
        "\n" not in text and text.endswith((":", "\uff1a")) and len(text.split()) <= 2
    )


_STUDYING = re.compile(
    r"\b(?:how to study|study tips|homework|things to follow up)\b"
    r"|\blearning (?:objectives|outcomes|goals)\b|^(?:objectives|outcomes)$"
    r"|\b(?:study|review|revision|learning) checklist\b"
    r"|학습\s?(?:팁|목표)|체크\s?리스트|공부\s?(?:팁|방법|법)|오늘의 과제|숙제"
    r"|^(?:admin|administrivia|announcements|logistics|course logistics|housekeeping)$"
    r"|^공지(?:\s?사항)?$"
    r"|^(?:课程(?:介绍|安排)|考核方式|考试(?:形式|安排)|题型|平时成绩|期末考试|个人(?:笔记|感受|心得))"
    r"|^(?:practice\s+)?exercises\b|^exercise\s?(?:\d|[-:\u2013])"
    r"|^practice\s(?:sentences|prompts|problems)\b|^연습\s?(?:문제|\d)"
    r"|^(?:careers|career\s(?:paths?|opportunities|options|prospects|prep)|fields\sof\swork)$"
    r"|^(?:skills\s(?:&|and)\sresources|learning\spaths?|진로|관련\s?(?:직업|직종))$"
)
"""What names the studying itself, anywhere in a heading (`💡 학습 팁과 마무리`, `🎯 오늘의
과제`, `Homework for next week`, `Learning Objectives`, `학습 목표`, `Things to follow up
on`, `학습 체크리스트`, `Review checklist`), or the running of the course (`Admin`,
`Logistics`, `공지사항`, `课程介绍`, `考核方式`, `题型`, a course's own page in Chinese; the
writer's `个人笔记`, `个人感受`): the learner's own plan, not the subject; or where it may
lead (`Fields of Work`, `Career Paths`, `Skills & Resources`, `진로`); or the reader's exercises,
tasks to do (`Exercise 1: …`, `Practice Exercises`, `연습 2: …`; `# Exercise` alone may be the
body's, and `## 연습` alone may hold sentences to learn).
(`학습 방법` only opens such a heading: `지도 학습 방법` is a way a model learns.)"""


def is_meta(heading: str) -> bool:
    """Whether a heading names a section about the document (see `META`), in one language
    or two (`목차 Table of contents`, `라이선스 License`), or about the studying itself (see
    `_STUDYING`)."""
    name = _SYMBOLS.sub("", key(heading))  # `📖 How to Use This Study Guide`
    if name in META or name.startswith(_META_OPENINGS) or _STUDYING.search(name):
        return True
    if "|" in name:  # `Sources | 출처`: each language's name about the document
        return all(is_meta(part) for part in name.split("|") if part.strip())
    first, _, rest = name.partition(" ")
    if first in _QUALIFYING:  # `Quick tips for using legal terms`, `Further resources`
        first, _, rest = rest.partition(" ")
    return first in META and (not rest or rest in META or rest.startswith(("for ", "on ", "to ")))


def lists_contents(heading: str) -> bool:
    """Whether a heading stands over a table of contents (`## 목차`, `Table of Contents`):
    what it holds is its list, and the headings after that list are the document's parts,
    not its own."""
    found = set(_SYMBOLS.sub("", key(heading)).split())
    return bool(found & _CONTENTS) and found <= _CONTENTS | {"table", "of"}


_CONTENTS = frozenset(words("contents toc 목차 차례"))
"""The words that name a table of contents, with `table of` around them."""


def is_about_using(term: str) -> bool:
    """Whether a bold label speaks of using or studying the document (`**How to use:** Read
    the question …`, `**Study tips**`; see `_META_OPENINGS`, `_STUDYING`): an instruction to
    the reader, no term, wherever it stands. (A word that names a section, `Resources`, may
    be a term of the subject in a sentence's lead.)"""
    name = _SYMBOLS.sub("", key(term)).rstrip(":\uff1a ")
    return name.startswith(_META_OPENINGS) or _STUDYING.search(name) is not None


_QUALIFYING = frozenset(
    {"quick", "useful", "helpful", "additional", "more", "other", "further", "core", "main"}
)
"""Words before a heading's word about the document that leave it about the document."""


def name_length(name: str) -> int:
    """The words of a name, its glosses in parentheses aside: a gloss makes no name longer
    (`단일 책임 원칙 (SRP - Single Responsibility Principle)`, `Leukocyte alkaline phosphatase
    (LAP) stain`)."""
    return len(unglossed(name).split())


def unglossed(name: str) -> str:
    """A name with its glosses in parentheses blanked out (see `name_length`)."""
    return _GLOSSES.sub(" ", name)


_GLOSSES = re.compile(r"\([^()]*\)")


def is_date(text: str, months: bool = False) -> bool:
    """Whether a text is only a year or a date (see `_DATE`); with `months`, a month's name
    too (`Mar`, `June 4`), which may also be a word (`Sept` for septum) anywhere else."""
    return (_DAY if months else _DATE).fullmatch(key(text)) is not None


def is_year(text: str) -> bool:
    """Whether a text is only a year or a span of years, with its era or not (`1492`,
    `1754-1763`, `1952년`, `814 BCE`): when an event of a history happened, where a day
    (`2019.03.13.`) dates a log's entry."""
    name = key(text)
    first = re.search(r"\d+", name)  # `0~1023`: a range of numbers, ports, no years
    return _PERIOD_RE.fullmatch(name) is not None and first is not None and len(first[0]) >= 3


_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april"
    "|june|july|august|september|october|november|december"
)
_YEAR = (
    r"(?:c\.\s?)?\d{1,4}(?:[.\-/]\s?\d{1,2}){0,2}\.?\s?(?:년|월|일|s|bc|ad|ce|bce)?"
    r"|\d{1,2}/\d{1,2}/\d{2,4}"
)
_ERA = r"(?:bce|bc|ce|ad|b\.c\.(?:e\.)?|a\.d\.)"
_WHEN = (
    r"(?:(?:early|mid|late|end\s+of|beginning\s+of|start\s+of)\s+)?(?:c\.\s?|ca\.\s?|~\s?)?"
    r"(?:\d{1,4}\s?(?:년|s)?|\d{1,2}(?:st|nd|rd|th)(?:\s?(?:c\.?|cent\.?|century|centuries))?"
    r"|\d{1,2}\s?세기)"
    rf"(?:\s?{_ERA})?(?:\s?(?:초|중|말|경))?"
)
_PERIOD = rf"~?\s?(?:기원전\s?|{_ERA}\s)?{_WHEN}(?:\s?[-–—~]\s?(?:기원전\s?)?{_WHEN})?"
"""A century or a span of years, with its era (`5th - early 3rd BCE`, `814 BCE`, `1914-1918`,
`19세기 말`, `기원전 3세기`, `~end of 5th c. BCE`)."""
_DATE = re.compile(rf"{_YEAR}|{_PERIOD}")
_PERIOD_RE = re.compile(_PERIOD)
_DAY = re.compile(rf"{_YEAR}|{_PERIOD}|(?:{_MONTHS})\.?(?:\s\d{{1,2}})?(?:,?\s\d{{4}})?")
"""A year, a date or a span of them (`1952년`, `1968`, `2020.1`, `2019.03.13.`, `2019. 3.
13.`, `3/13/2019`, `1920s`, `Mar`, `June 4, 1989`, `6th BCE`): when something happened, no
term."""


HANGUL = re.compile(r"[\uac00-\ud7a3]")
"""A Hangul syllable."""
LATIN = re.compile(r"[A-Za-z]")
"""A Latin letter."""
KANA_HAN_LETTERS = "\u3040-\u30ff\u3400-\u9fff"
"""Kana and Han characters, as a character class's ranges: the letters of Chinese and
Japanese, which set no spaces between words."""
CJK_LETTERS = KANA_HAN_LETTERS + "\uac00-\ud7a3"
"""Kana, Han characters and Hangul syllables, as a character class's ranges."""
CJK = re.compile(f"[{CJK_LETTERS}]")
"""A letter of Chinese, Japanese or Korean."""


BARE_QUESTIONS = frozenset(
    words("why what how when where who which 왜 무엇 뭐 어떻게 언제 어디 어디서 누가 누구")
)
"""A question word alone asks nothing that a card could hold."""


def crossed(term: str, rest: str) -> bool:
    """Whether a Latin term is followed by words in Hangul only, or a Korean one by Latin
    words only: a word and its translation."""
    if LATIN.search(term) and not HANGUL.search(term):
        # `` `git commit` 후에 push 한다 ``: a sentence in two scripts, no translation
        return HANGUL.search(rest) is not None and not LATIN.search(rest)
    # `**핵심 빈출 단어** No.1 ~ No.39`: numbers, no translation
    latin = bool(LATIN.search(rest)) and not any(c.isdigit() for c in rest)
    return HANGUL.search(term) is not None and not HANGUL.search(rest) and latin
