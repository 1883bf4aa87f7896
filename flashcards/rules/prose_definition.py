"""A paragraph (at the top, or opening a list item) that opens by defining a few words in
plain prose is a note: `Common law refers to tradition and precedent …`, `Statute law is
defined as …`, `A Lewis acid is a proton pair acceptor`, `트랜잭션이란 작업의 단위이다.`,
`지분(Equity)는 현금흐름에 대한 잔여 청구`. Its term is the words before the defining verb or
particle, its definition the rest of the paragraph. A pronoun (`This refers to …`), a
longer subject, a question or the term its heading names already opens no note.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.note import Note
from flashcards.questions import QUESTION_MARKS
from flashcards.rules.found import Context, Found
from flashcards.rules.lead import DEFINED, Lead, plain_lead, with_content
from flashcards.rules.notes import lead_note
from flashcards.sentences import JOINING_ENDINGS, NOT_TOPICS, defines_its_topic, names_a_kind
from flashcards.terms import (
    BARE_QUESTIONS,
    CLAUSE_OPENINGS,
    HANGUL,
    LATIN,
    PRONOUNS,
    abbreviates,
    clean_term,
    is_condition,
    is_label,
    key,
)

MAX_WORDS = 4
"""A defined term is short: a longer subject is a sentence about something."""
MAX_WORDS_KO = 2
"""In Korean, fewer: `커다란` ends in 란 too, and `… 방식에 따라 커다란 영향` is no term."""

_DEFINES = re.compile(
    r"^(?P<term>[^\s,.:;()][^,.:;()\u2014]*?)(?:\s\([^()]+\))?"
    r"(?:,\s(?:also\s|commonly\s|often\s|sometimes\s)?(?:known|called)\sas\s[^,.:;]+,)?"
    r"\s+(?:refers\s+to|is\s+defined\s+as|means(?!\s+of\b)|describes|denotes"
    r"|(?:is|are)(?=\s+(?:an?|the|one|those)\s)"
    r"|are(?=\s+[a-z]{3,}s\s+(?:of\s+[a-z]+\s+)?(?:that|which|who|whose)\s)"
    r"|(?:is|occurs)(?=\s+(?:when|whenever)\s))\s+"
    r"|^(?P<ko>[^\s,.:;()][^,.:;()]*?[가-힣A-Za-z0-9)])(?:이란|란)\??\s+"
    r"|^(?P<glossed>[가-힣]+(?:\s[가-힣]+)?(?:\s?\([^()]*[A-Za-z][^()]*\)|[A-Za-z][A-Za-z-]*)"
    r"(?:의?\s[가-힣A-Za-z]+)?)"
    r"\s?(?:은|는|이란|란)\s+",
    re.IGNORECASE,
)
"""`X refers to …`, `X is when …`, `X occurs when …`
(`X, also known as Y, is a …`: the name it is known by is said on the way;
`Efficiency (resource usage) is the …`: a gloss in parentheses too),
`X이란 …`, and a Korean term glossed in English and then a topic particle
(`가동중인 자산(Assets in Place)는 …`, `명제preposition은 …`; the gloss may come on the way,
`세균(bacteria) 염색법은 …`, `리보솜(ribosome)의 S값은 …`): a writer who gives a term's
English name is introducing it."""


_PLACES = ("", "blockquote")
"""A quote box is where many writers set a definition apart (`> 회귀분석(…)는 …`)."""

_ARTICLES = frozenset({"a", "an", "the"})
_NOT_TERMS = PRONOUNS | {"which", "who", "your", "my", "our", "their", "its", "his", "her"}
_CLAUSE_OPENINGS = CLAUSE_OPENINGS | {"each", "every", "all", "both", "many", "most", "some"}
"""Words that open a clause (see `CLAUSE_OPENINGS`) or count a group (`Each buyer and seller
is a price taker`): the sentence goes on from something, no term."""
_ARROWS = re.compile(r"[=<>]")
"""Marks no name holds (`mmi==> bytecode`, `a >= b`): a writer's arrows and comparisons."""
_POINTING = {"following", "former", "latter", "above", "below", "same", "rest"}
"""Words that open no term: `This refers to …` speaks of something said before, `The
following is …` of something after."""


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type == "list_item_open" and toks[i + 1].type == "paragraph_open":
        return _paragraph(ctx, toks, i + 1)  # `- 지분(Equity)는 …`: what it nests is read on
    if toks[i].type != "paragraph_open" or ctx.inside(i) not in _PLACES:
        return None
    return _paragraph(ctx, toks, i)


def _paragraph(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    children = toks[i + 1].children or []
    lines = markup.lines(children)
    found = [_defines(_unwrapped(line)) for line in lines]
    if found[0] is None:
        return _later(ctx, toks, i)
    if _compounds_heading(found[0].term, ctx.category):
        return None  # `## 퇴직금` over `- 퇴직금제도는 …`: the heading's definition
    if _names_heading(found[0].term, ctx.category):
        # `### Superparticular Intervals` over `A superparticular interval is …`: the
        # heading's own term, named as the heading names it (see `rules.headings`)
        named = dataclasses.replace(found[0], term=ctx.category)
        return Found(i + 2, notes=[lead_note(ctx, ctx.line(toks[i]), named)], weak=True)
    line = ctx.line(toks[i])
    if len(lines) > 1 and all(f is not None for f in found):
        # `__당기순이익이란 …__` over `__자기자본이란 …__`: a definition a line
        numbers = ctx.rows(toks, i)
        notes = [lead_note(ctx, numbers[k], f) for k, f in enumerate(found) if f is not None]
    else:
        # A line the sentence does not go on into (`(Again, missing some notes here)` under
        # `… are called concurrent powers.`) is no part of the definition.
        whole = _defines(_unwrapped(children)) or found[0]
        notes = [lead_note(ctx, line, whole)]
    return Found(i + 2, notes=notes, weak=True) if notes else None


def defines_in_prose(toks: Sequence[Token], j: int) -> bool:
    """Whether the list item at `j` opens by defining a few words in prose (`- Efficiency
    means society gets …`)."""
    if toks[j + 1].type != "paragraph_open":
        return False
    lines = markup.lines(toks[j + 2].children or [])
    return bool(lines) and _defines(_unwrapped(lines[0])) is not None


def stated_heading(ctx: Context, line: int, name: str) -> Note | None:
    """The note of a heading with nothing under it that is itself a definition (`#### A
    Queue is a FIFO data structure …`, a sheet of such headings one after another): the
    writer set the sentence as a heading to stand out."""
    found = _defines([Token("text", "", 0, content=name)])
    if found is None:
        return None
    said = markup.plain(found.rest).split()
    # `# 유체란 무엇인가`: a title that asks, its answer in the sections under it
    if len(said) < MIN_STATED or said[0].casefold() in BARE_QUESTIONS:
        return None
    return lead_note(ctx, line, found)


MIN_STATED = 3
"""Words of a definition a heading states: fewer name a topic (`# 유체란 무엇인가`)."""


def entry_heading(ctx: Context, line: int, name: str) -> Note | None:
    """The note of a heading written as a glossary's entry over text of its own (`####
    Firmware: Software embedded in hardware component.` over `- Often referred to as …`):
    a short term, a colon, and a definition that is a sentence, ending in a full stop. A
    heading's title goes on after its colon without one (`## Chapter 3: Memory
    Management`). What the text under it adds is the walk's to join (see
    `Walk._said_more`)."""
    found = plain_lead([Token("text", "", 0, content=name)])
    if found is None or not found.rest or len(found.term.split()) > MAX_WORDS:
        return None
    said = markup.plain(found.rest).strip()
    # `#### Cerebrum: "brain"`: what the name means, word for word, in a few words
    glossed = (
        _QUOTED.fullmatch(said) is not None
        and len(said.split()) <= MAX_GLOSS_WORDS
        and name.partition(found.term)[2].lstrip().startswith(":")
    )  # a dash before it (`### について - "About"`) titles a section of a sheet of such
    if not glossed and (len(said.split()) < MIN_STATED or not said.endswith((".", "。"))):
        return None
    if is_label(found.term) or said.split()[0].casefold() in BARE_QUESTIONS:
        return None
    return lead_note(ctx, line, found)


_QUOTED = re.compile('["\u201c][^"\u201c\u201d]+["\u201d]')
"""A gloss in quotes: what a name means, word for word."""
MAX_GLOSS_WORDS = 3
"""Words of such a gloss: more make a saying (`초보자용 적용법: “투자 이전에 금리를 생활로
관리한다”`)."""


def _later(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    """The terms that sentences after a paragraph's first define in so many words (`Another
    form of behavior is learning. Learning refers to a change …`, `… 집계변수란, …를
    뜻합니다.`): a note each, its sentence the definition."""
    children = toks[i + 1].children or []
    if not children or children[0].type != "text":
        return None
    notes = []
    before = ""  # the sentence before: what `이를 X라고 한다` names
    numbers = ctx.rows(toks, i)
    for k, line in enumerate(markup.lines(children)):
        sentences = _SENTENCES.split(markup.plain(line))
        for n, sentence in enumerate(sentences):
            said = sentence.strip()
            found = _strong(said) if k or n else None
            found = found or (_named_back(said, before) if before else None)
            before = said
            if found is not None and not _names_heading(found[0], ctx.category):
                term, rest = found
                lead = Lead(term, DEFINED, [with_content(children[0], rest)])
                notes.append(lead_note(ctx, numbers[k], lead))
    return Found(i + 2, notes=notes, weak=True) if notes else None


_NAMED_BACK = re.compile(
    r"^(?:이를|이것을|(?:이런|이러한|이와\s같은)\s+\S+[을를]|이\s*둘[을은]|이들[을은])\s+"
    r"(?P<term>[^\s,.;:()]+(?:\s[^\s,.;:()]+){0,3}?(?:\s?\([^()]+\))?)\s?(?:이)?라고\s*"
    r"(?:한다|합니다|함|부른다|부릅니다|부름|불린다|불립니다|불림)[.。]?$"
    r"|^(?:this|these|it|they)\s+(?:is|are)\s+(?:called|termed|known\s+as)\s+(?:an?\s+|the\s+)?"
    r"(?P<en>[^\s,.;:()]+(?:\s[^\s,.;:()]+){0,3}?(?:\s?\([^()]+\))?)\s*\.?$",
    re.IGNORECASE,
)
"""`이를 열 이온화(Thermal ionization)라고 합니다.`, `This is called osmosis.`: a sentence that
names what the sentence before it says."""


def _named_back(sentence: str, before: str) -> tuple[str, str] | None:
    """(term, definition) of a sentence that names what the one before it says (see
    `_NAMED_BACK`): the sentence before is the definition."""
    match = _NAMED_BACK.match(sentence)
    if match is None:
        return None
    words = clean_term(match["term"] or match["en"]).split()
    if not 0 < len(words) <= MAX_WORDS:
        return None
    return " ".join(words), before


_SENTENCES = re.compile(r"(?<=[.!?。])\s+")
_STRONG = re.compile(
    r"^(?P<term>[^\s,.:;()][^,.:;()]{0,40}?)\s+(?:refers\s+to|is\s+defined\s+as)\s+(?P<rest>.+)$"
    r"|^(?P<ko>[^\s,.:;()][^,.:;()]{0,20}?[가-힣A-Za-z0-9)])(?:이란|란),?\s+(?P<ko_rest>.+)$",
    re.IGNORECASE,
)
"""A sentence that defines its subject in so many words: `X refers to …`, `X is defined as
…`, `X란 …`; weaker verbs (`is a`) in the middle of a paragraph say something of a subject."""


def _strong(sentence: str) -> tuple[str, str] | None:
    """(term, definition) of a sentence that defines its subject (see `_STRONG`)."""
    match = _STRONG.match(sentence)
    if match is None:
        glossed = _DEFINES.match(sentence)  # `표준편차(standard deviation)은 …`: introduced
        if glossed is None or not glossed["glossed"]:
            return None
        words = clean_term(glossed["glossed"]).split()
        return " ".join(words), sentence[glossed.end() :]
    words = clean_term(match["term"] or match["ko"]).split()
    if words and words[0].casefold() in _ARTICLES:
        words = words[1:]
    most = MAX_WORDS if match["term"] else MAX_WORDS_KO
    if not 0 < len(words) <= most or _points(words) or words[0] in NOT_TOPICS:
        return None
    if _clause(words):
        return None  # `peak이 2개란 …`: a clause, no term
    return " ".join(words), match["rest"] or match["ko_rest"]


def _defines(children: Sequence[Token]) -> Lead | None:
    """The term and definition of inline tokens that open by defining a few words, or of a
    plain sentence that ends by naming them (`… is called the reducing agent`)."""
    if not children or children[0].type != "text":
        return None
    match = _DEFINES.match(children[0].content)
    if match is None:
        return _called(children) or _topic(children) or _defines_zh(children)
    words = clean_term(match["term"] or match["ko"] or match["glossed"]).split()
    if words and words[0].casefold() in _ARTICLES:
        words = words[1:]  # `A cache refers to …`: the term is `cache`
    term = " ".join(words)
    if (expanded := _or_expanded(term)) is not None:
        term, words = expanded, [expanded]  # `OSPF or Open Shortest Path First is …`
    most = MAX_WORDS if match["term"] or match["glossed"] else MAX_WORDS_KO
    if not 0 < len(words) <= most or is_label(term) or is_condition(term) or _points(words):
        return None  # `RR = 1 means no difference`: a case of RR, no term
    if _ARROWS.search(term):
        return None  # `mmi==> bytecode is …`: a line of the writer's own marks, no name
    first = children[0].copy()
    first.content = children[0].content[match.end() :]
    rest = [first, *children[1:]] if first.content else list(children[1:])
    if not rest or markup.plain(rest).rstrip().endswith(QUESTION_MARKS):
        return None  # `책상이란 게 존재하긴 하는가?` asks; it defines nothing
    return Lead(term, DEFINED, rest)


_DEFINES_ZH = re.compile(
    r"^(?:所谓)?(?P<term>[\u4e00-\u9fffA-Za-z0-9]{1,10}?)(?:[(\uff08][^()\uff08\uff09]+[)\uff09])?"
    r"[,\uff0c]?(?P<verb>是指|指的是|就是指|是)(?P<rest>[^\uff0c,\u3002.;\uff1b]+)"
)
"""`时间是指物质运动的持续性…`, `意识是人脑的机能和属性 …`: a Chinese term, a copula and what it
is (see `_defines_zh`)."""
_NOT_TERM_ZH = re.compile(r"[的和与與及或、这這那其它他她我你们們此该該每各]")
"""Letters no term holds: a possessive (`物质的根本属性是运动`: what something has), a
conjunction (`物质和运动是…`: two things), a pronoun (`这是…`, `它是…`)."""
MAX_COPULA_TERM_ZH = 4
"""Letters of a term before a bare `是`: a word (`意识`, `同一性`, `肯定因素`); a longer subject
is a clause (`尊重客观规律是…的前提`), where `是指` names a term however long."""
_BEFORE_COPULA = frozenset("但于就总还只可也都正不而要若凡别或即则便又才更亦仍均皆倒")
"""Letters that make `是` part of a word (`但是`, `于是`, `还是`) or an adverb before it
(`也是`, `都是`): no copula after a term."""


def _defines_zh(children: Sequence[Token]) -> Lead | None:
    """A sentence in Chinese that opens by saying what a short term is: `X是指…`, `X指的是…`,
    or `X是…` when the first clause ends in the kind of thing X is, after `的`
    (`…的客观实在`, `…的哲学范畴`); `X是…的` says how X is, no definition."""
    match = _DEFINES_ZH.match(children[0].content)
    if match is None:
        return None
    term, said = match["term"], match["rest"].strip()
    if _NOT_TERM_ZH.search(term) or term[-1] in _BEFORE_COPULA or term.isdigit():
        return None
    kind = "\u7684" in said and not said.endswith("\u7684")
    if match["verb"] == "\u662f" and not (kind and len(term) <= MAX_COPULA_TERM_ZH):
        return None
    first = children[0].copy()
    first.content = children[0].content[match.start("rest") :]
    return Lead(term, DEFINED, [first, *children[1:]])


_OR = re.compile(r"(?P<first>\S.*?)\s+or\s+(?P<second>\S.*)")


def _or_expanded(term: str) -> str | None:
    """An abbreviation and what it stands for, either first, joined by `or` (`OSPF or Open
    Shortest Path First`): the term written `OSPF (Open Shortest Path First)`; None for any
    other words."""
    match = _OR.fullmatch(term)
    if match is None:
        return None
    first, second = match["first"], match["second"]
    if abbreviates(first, second):
        return f"{first} ({second})"
    if abbreviates(second, first):
        return f"{second} ({first})"
    return None


_CALLED = re.compile(
    r"^(?P<what>\S.*?)\s+(?:is|are)\s+(?:called|termed|known\s+as)\s+(?:an?\s+|the\s+)?"
    r"(?P<term>[^\s,.;:()][^,.;:()]*?)\s*\.?$",
    re.IGNORECASE,
)


_CALLED_QUOTED = re.compile(
    r"\s(?:is|are)\s+(?:called|termed|known\s+as)\s+(?:an?\s+|the\s+)?"
    r"[\"\u201c](?P<term>[^\"\u201d,.;:()]+)[\"\u201d]",
    re.IGNORECASE,
)
"""`This type of curve is called a "rectangular hyperbola" because …`: a name in quotes, the
sentence going on after it."""


_CALLED_KO = re.compile(
    r"[을를]\s+(?P<term>(?:[^\s,.;:()]+(?<![을를])\s+){0,4}?[^\s,.;:()]+?(?:\([^()]+\))?)"
    r"\s?(?:이)?라고\s*"
    r"(?:부름|부른다|부릅니다|불린다|불림|한다|함|합니다|칭한다|칭함)[.。]?$"
)
"""`…을 제어하는 것을 Level Trigger Flip Flop이라고 함`: what the sentence says is called so."""


def _called(children: Sequence[Token]) -> Lead | None:
    """`the substance that is oxidized is called the reducing agent`, or a name in quotes
    anywhere after `is called`, or `…것을 X라고 부름`: the words named, the sentence their
    definition."""
    text = children[0].content.strip()
    # `Sediment at the base of a glacier is known as lodgement till. It is …`: the first
    # sentence names it, the next ones go on about it
    first = _SENTENCES.split(text, maxsplit=1)[0].rstrip()
    if len(children) == 1:
        match = _CALLED_QUOTED.search(text) or _CALLED.match(first) or _CALLED_KO.search(text)
    else:  # `…흐름을 스레드(Thread)라고 부른다. 즉, **스레드는** …`: its first sentence
        match = _CALLED_KO.search(first)
    if match is None:
        return None
    words = clean_term(match["term"]).split()
    if not 0 < len(words) <= MAX_WORDS or _points(words):
        return None
    return Lead(" ".join(words), DEFINED, list(children))


_TOPIC = re.compile(
    r"^(?P<term>[^\s,.:;()\[\]][^,.:;()\[\]]{0,40}?[가-힣A-Za-z0-9])(?:\s?(?P<gloss>\([^()]+\)))?"
    r"\s?(?:은|는|이란|란),?\s+"
)
"""A Korean term, its gloss or expansion, and then a topic particle (`Tier 1 산정법은 …`,
`CCUS(Carbon Capture …)는 …`)."""

MAX_WORDS_TOPIC = 3


def _topic(children: Sequence[Token]) -> Lead | None:
    """A short Korean term and a topic particle opening a sentence that ends by saying what
    the term is (`EBITDA는 …전의 이익을 말함`, `Tier 1 산정법은 …방법이다.`); None otherwise."""
    match = _TOPIC.match(children[0].content)
    if match is None:
        return None
    words = clean_term(match["term"]).split()
    last = words[-1] if words else ""
    if not 0 < len(words) <= MAX_WORDS_TOPIC or (len(words) == 1 and len(last) < 2):
        return None  # `작은 …`: an adjective, one syllable before its ending
    if words[0] in NOT_TOPICS or last in NOT_TOPICS or _clause(words):
        return None
    first = children[0].copy()
    first.content = children[0].content[match.end() :]
    rest = [first, *children[1:]] if first.content else list(children[1:])
    said = markup.plain(rest)
    if not defines_its_topic(said) and not (LATIN.search(match["term"]) and names_a_kind(said)):
        return None
    term = " ".join(words) + (match["gloss"] or "")
    return Lead(term, DEFINED, rest)


def _clause(words: list[str]) -> bool:
    """Whether Korean words before a particle join a clause rather than name a term: a word
    before the last ends as a word that goes on into the next (`작고 동질적인 …`, `peak이 2개`)."""
    return any(w.endswith(JOINING_ENDINGS) and HANGUL.search(w) for w in words[:-1])


def _points(words: list[str]) -> bool:
    """Whether a subject points at something said before or after (`This`, `The following`),
    or opens a clause rather than names (see `_CLAUSE_OPENINGS`)."""
    first = words[0].casefold()
    return first in _NOT_TERMS or first in _CLAUSE_OPENINGS or words[-1].casefold() in _POINTING


def _names_heading(term: str, heading: str) -> bool:
    """Whether a term is the one its heading names in the other number (`Superparticular
    Intervals` over `A superparticular interval is …`): the heading is the term. Named the
    same (`## 중심원리(Central Dogma)` over `중심원리(Central Dogma)는 …`), the note is made,
    and the heading takes it as its own (see `rules.headings`)."""
    named, heading = key(term), key(heading)
    return named != heading and named.removesuffix("s") == heading.removesuffix("s")


def _compounds_heading(term: str, heading: str) -> bool:
    """Whether a term is its heading's word in a Korean compound (`## 퇴직금` over
    `- 퇴직금제도는 …을 의미합니다.`): the sentence defines the heading's term."""
    named, heading = key(term), key(heading)
    glued = named.removeprefix(heading) if heading else named
    return glued != named and bool(glued) and " " not in glued and not glued.isascii()


def _unwrapped(children: Sequence[Token]) -> Sequence[Token]:
    """A line's tokens without the bold around all of it (`__X이란 …__`): a definition the
    author set in bold whole, not a bold term."""
    inner = markup.bold_whole(children)
    return children if inner is None else inner
