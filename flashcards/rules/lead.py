"""A bold term at the start of a run of inline tokens, and how the text after it joins it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it.token import Token

from flashcards import markup
from flashcards.sentences import defines_its_topic
from flashcards.terms import (
    CARRIES_ON,
    CJK,
    CJK_LETTERS,
    CONTINUATIONS,
    HANGUL,
    LATIN,
    OBJECTS,
    PRONOUNS,
    clean_term,
    continues_sentence,
    defined,
    ends_with_colon,
    is_callout,
    is_date,
    is_meta,
    is_sentence,
    is_year,
    key,
    only_markers,
    separated,
    translated,
    unglossed,
)

SEPARATED = "separated"
"""`**EC2**: …`, `**EC2** — …`, `**EC2:** …`: a term and its definition."""
DEFINED = "defined"
"""`**프로세스**는 …`, `**Cache** is a …`: a term defined in a sentence (the particle or the
copula is no part of the definition)."""
SPACED = "spaced"
"""`**EC2** virtual servers`: a term, its definition after a space."""
BROKEN = "broken"
"""`**EC2**` and a line break: the definition follows on the next line."""
ALONE = "alone"
"""`**EC2**` and nothing after it in its paragraph."""
EMPHASIS = "emphasis"
"""`**기획**과 …`, `**Concurrent mounting** by …`: bold inside a sentence, no term."""


_ARTICLE = re.compile(r"\s*(?:an?|the)\s+", re.IGNORECASE)
REMARK = re.compile(r"^[ \t]*(\([^()\n]*\))")
"""A parenthesised remark right after a bold term, before its separator: a reading."""


@dataclass(frozen=True)
class Lead:
    """The bold term that starts a paragraph, and the inline tokens of its definition."""

    term: str
    join: str
    rest: list[Token]


def lead(children: Sequence[Token]) -> Lead | None:
    """The bold lead of a paragraph's inline tokens; None when it does not start with bold
    (markers such as "★" or "📌 " before the bold aside)."""
    kids = _unstyled([c for c in children if c.type != "text" or c.content])
    start = 1 if kids and kids[0].type == "text" and only_markers(kids[0].content) else 0
    # `An **alkane** is an organic molecule …`: an article before a term defined in the
    # sentence; the term must then be defined (`is a`, `means`), not merely stressed.
    article = (
        start < len(kids) and kids[start].type == "text" and _ARTICLE.fullmatch(kids[start].content)
    )
    start += bool(article)
    if start >= len(kids):
        return None
    if kids[start].type == "code_inline" and not article:
        return _code(kids, start)
    if kids[start].type == "em_open" and start + 1 < len(kids):
        if kids[start + 1].type != "strong_open":
            return _italic(kids, start)
        start, wrapped = start + 1, True  # `***bold italic***`: the bold inside the italic
    else:
        wrapped = False
    if kids[start].type != "strong_open":
        return None
    end = _strong_close(kids, start)
    if wrapped and (end + 1 >= len(kids) or kids[end + 1].type != "em_close"):
        return None  # italic that only begins with bold: a sentence, no term
    bold = markup.plain(kids[start + 1 : end])
    rest = kids[end + 1 + wrapped :]
    word = _word_inside(bold, rest) if not article else None
    if word is not None and (entry := plain_lead(word)) is not None:
        return entry  # `**개**체(Entity): …`: a mnemonic's initial, the word the term
    bold, rest = _slashed(*_glued(bold, rest))
    remark = REMARK.match(rest[0].content) if rest and rest[0].type == "text" else None
    if remark is not None and _PART_OF_SPEECH.match(rest[0].content):
        remark = None  # `**digit** (n) 숫자`: the word's class opens its meaning
    symbolised = _symbolised(rest)
    if symbolised:  # `**光度**$L$: …`: the term's symbol opens its definition
        join, rest = SEPARATED, symbolised
    else:
        join, rest = _joined(rest, key(bold) in PRONOUNS, bold)
    if join in (SEPARATED, BROKEN) and remark is not None:
        bold += " " + remark[1]  # a reading or a remark written after the bold
    dashed = _DASH_INSIDE.search(bold)
    if dashed is not None:
        bold = bold[: dashed.start()]  # `**Extinction -** when …`: the dash set in bold too
    if dashed is not None or ends_with_colon(bold):  # `**SQS:** queues`, `**SQS:**: queues`
        join = join if join in (BROKEN, ALONE) else SEPARATED
        rest = _definition(rest)
    elif join not in (BROKEN, ALONE, SEPARATED, DEFINED) and (ran := _run_in(bold, rest)):
        # `**Fidelity.** Keep promises …`, `**NY Homicide**. The act of …`: a run-in heading
        bold, join = bold.rstrip().removesuffix(".").removesuffix("\\"), SEPARATED
        rest = _definition(ran)
    if article and join != DEFINED:
        return None
    return Lead(clean_term(bold), join, rest)


def _unstyled(kids: list[Token]) -> list[Token]:
    """A line's tokens without the HTML tag that opens it to style its first words and the
    tag that closes it (`<span class="vocabulary">**medical**</span> adj. …`): a style wraps
    the term, and hides none of it."""
    opened = (
        _STYLE_TAG.fullmatch(kids[0].content) if kids and kids[0].type == "html_inline" else None
    )
    if opened is None:
        return kids
    closing = f"</{opened[1].casefold()}>"
    end = next(
        (
            k
            for k, c in enumerate(kids)
            if c.type == "html_inline" and c.content.casefold() == closing
        ),
        None,
    )
    return kids if end is None else [*kids[1:end], *kids[end + 1 :]]


_STYLE_TAG = re.compile(r"<(span|font|mark|u|ins|small|big)(?:\s[^<>]*)?>", re.IGNORECASE)


def bold_entry(children: Sequence[Token]) -> Lead | None:
    """The term and definition of a line set in bold whole that reads `Term: definition`
    (`**CPU: The hardware that executes instructions.**`); None for a name with a figure
    or a notation after its colon (`**고생대: `약 5억 년 전`**`, `**wakeup(p): blocked ->
    ready**`), which says too little to be a definition."""
    inner = markup.bold_whole(children)
    if inner is None or not _COLON_INSIDE.search(markup.plain(inner)):
        return None
    whole = plain_lead(inner, arrows=False)
    if whole is None or any(t.type != "text" for t in whole.rest):
        return None
    said = _LETTERED_WORD.findall(markup.plain(whole.rest))
    return whole if len(said) >= MIN_SAID else None


_COLON_INSIDE = re.compile("\\S[:\uff1a]\\s+\\S")
_LETTERED_WORD = re.compile(r"\w*[^\W\d_]\w*")
MIN_SAID = 3
"""Words of a definition set in bold with its term, at least."""


def _run_in(bold: str, rest: list[Token]) -> list[Token]:
    """The text after a run-in heading, a bold name of a few words that ends in a full stop,
    inside the bold or right after it (the way law and ethics texts set a point's name); none
    when the bold is no such name or nothing follows it on the line."""
    if not 0 < len(bold.split()) <= MAX_RUN_IN or bold.rstrip().endswith(".."):
        return []
    after = _after_stop(rest)
    stopped = bold.rstrip().endswith(".") or after is not rest  # the stop after the bold
    return after if stopped and markup.plain(after).strip() else []


MAX_RUN_IN = 6
"""A run-in heading names its point in a few words; a longer bold line is a sentence."""


def _after_stop(rest: list[Token]) -> list[Token]:
    """The tokens after a run-in heading's full stop, when it stands outside the bold."""
    first = rest[0] if rest else None
    if first is not None and first.type == "text" and first.content.startswith(". "):
        return [with_content(first, first.content[2:]), *rest[1:]]
    return rest


_DASH_INSIDE = re.compile(r"\s[-\u2013\u2014]\s*$")
"""A dash after a space at the end of the bold separates as a colon there does."""


def _symbolised(rest: list[Token]) -> list[Token]:
    """The definition after a term written with its symbol in math and then a colon of
    either width (`**光度**$$L$$: 天体每秒…`, `**Momentum** $p$: mass times velocity`): the
    symbol and what follows it; none when no such symbol stands there."""
    kids = [c for c in rest if c.type != "text" or c.content.strip()]
    if len(kids) < 2 or kids[0].type not in _SYMBOLS or kids[1].type != "text":
        return []
    if len(kids[0].content) > MAX_SYMBOL or not _SYMBOL_SEPARATOR.match(kids[1].content):
        return []
    return kids


_SYMBOLS = ("math_inline", "math_inline_double")
MAX_SYMBOL = 20
"""A symbol is short (`L`, `m_{bol}`); a longer formula after a term is a statement of it."""
_SYMBOL_SEPARATOR = re.compile("\\s*[:\uff1a]\\s*\\S")


def _glued(bold: str, rest: list[Token]) -> tuple[str, list[Token]]:
    """`**SDN**(Software Defined Network)`, `**데드락**(Deadlock)은 …`: a parenthesis written
    against the bold, with no space, is part of the term, as if it were inside the bold."""
    if not rest or rest[0].type != "text" or not rest[0].content.startswith("("):
        return bold, rest
    remark = REMARK.match(rest[0].content)
    if remark is None:
        return bold, rest
    after = rest[0].content[remark.end() :]
    return f"{bold} {remark[1]}", ([with_content(rest[0], after)] if after else []) + rest[1:]


def _slashed(bold: str, rest: list[Token]) -> tuple[str, list[Token]]:
    """`**vocal cords**/**vocal folds** - …`, `**pharynx**/throat - …`: names joined by a
    slash are one term and its other names, each bold or not, before the separator."""
    while rest and rest[0].type == "text" and rest[0].content.startswith("/"):
        after = rest[0].content[1:]
        if not after.strip() and len(rest) >= 4 and rest[1].type == "strong_open":
            end = _strong_close(rest, 1)
            if end >= len(rest):
                break
            bold = f"{bold}/{markup.plain(rest[2:end])}"
            rest = rest[end + 1 :]
            continue
        other = _OTHER_NAME.match(after)
        if other is None:
            break
        bold = f"{bold}/{other[1]}"
        rest = [with_content(rest[0], after[other.end() :]), *rest[1:]]
    return bold, rest


_OTHER_NAME = re.compile(r"([^\s/:\uff1a,.()][^/:\uff1a,.()]{0,30}?)(?=\s+(?:[-–—]|->)\s|\s*:)")
"""A plain name after a slash, up to the separator (`/throat - …`, `/elsewhere allophone - …`)."""


def _word_inside(bold: str, rest: list[Token]) -> list[Token] | None:
    """The line as plain text when its bold is a letter or two at the start of a word (`**개**체
    (Entity): …`, `**O**lfactory Nerve - Smell`): the initials a mnemonic is made of (`개속관`,
    `Oh Oh Oh To Touch …`), set in bold inside the term; None for a bold word, and for one
    with its particle after it (`**개**가 …`)."""
    first = rest[0] if rest else None
    if first is None or first.type != "text" or not 0 < len(bold) <= MAX_INITIALS:
        return None
    text = first.content
    if all(HANGUL.fullmatch(c) for c in bold):
        glued = HANGUL.match(text) is not None and not _PARTICLE_NEXT.match(text)
    else:
        glued = bold.isascii() and bold.isalpha() and text[:1].isascii() and text[:1].islower()
    return [with_content(first, bold + text), *rest[1:]] if glued else None


MAX_INITIALS = 2
"""Letters of a word set in bold as a mnemonic's initials: one, or two (`**Ch**ain`)."""


def _italic(kids: Sequence[Token], start: int) -> Lead | None:
    """`_anxiety disorders_ - characterized by …`: an italic term set apart from its
    definition by a separator is a term, as a bold one is; italic that opens a sentence
    (`*Very* few …`) is emphasis, and an italic letter is a formula's symbol (`_m_ is the
    number of periods`), as mathematics sets it."""
    depth, end = 0, len(kids)
    for j in range(start, len(kids)):
        depth += {"em_open": 1, "em_close": -1}.get(kids[j].type, 0)
        if depth == 0:
            end = j
            break
    term = markup.plain(kids[start + 1 : end])
    join, rest = _joined(list(kids[end + 1 :]), term=term)
    if ends_with_colon(term) and join not in (BROKEN, ALONE):  # `*Term:* its definition`
        join, rest = SEPARATED, _definition(list(kids[end + 1 :]))
    if join not in (SEPARATED, DEFINED) or not rest:
        return None
    if len(term.strip()) == 1:
        return None  # `_m_ is the number of compounding periods`: a formula's symbol
    return Lead(clean_term(term), join, rest)


def _code(kids: Sequence[Token], start: int) -> Lead | None:
    """`` `효율성(efficiency)`이란 … ``: a term set as code and defined by a particle or a
    copula is a term, as a bold one is, and so is one with its colon inside the code
    (`` `FASB:` Makes accounting rules ``), as `**FASB:**` is; code before anything else stays
    code, and so does code before 은/는 in a sentence that does not say what it is."""
    code = kids[start].content.strip()
    if ends_with_colon(code):
        rest = _definition(list(kids[start + 1 :]))
        return Lead(clean_term(code), SEPARATED, rest) if rest and code[:-1].strip() else None
    join, rest = _joined(list(kids[start + 1 :]))
    if join != DEFINED or not rest:
        return None
    after = kids[start + 1].content.lstrip() if kids[start + 1].type == "text" else ""
    if after.startswith(("은", "는")) and not defines_its_topic(markup.plain(rest)):
        return None  # `` `이전 투자자`는 평가손실이 증가한다 ``: code stressed in a sentence
    return Lead(clean_term(kids[start].content), join, rest)


def _joined(
    rest: list[Token], bold_pronoun: bool = False, term: str = ""
) -> tuple[str, list[Token]]:
    if not rest:
        return ALONE, []
    first = rest[0]
    if first.type in markup.BREAKS:
        return BROKEN, _definition(rest)
    if first.type == "text" and not first.content.strip() and len(rest) > 1:
        if rest[1].type in markup.BREAKS:  # `**_Session_** <br>`: a space before the break
            return BROKEN, _definition(rest[1:])
        first = rest[1] if _arrow(rest[1]) else first
    if _arrow(first):  # `**Compelling Interest** $\implies$ An interest that …`
        return SEPARATED, _definition(rest[rest.index(first) + 1 :])
    if first.type != "text":
        return EMPHASIS, rest
    after = separated(first.content)
    if after is not None:
        return SEPARATED, _definition([with_content(first, after), *rest[1:]])
    if _PART_OF_SPEECH.match(first.content) or _SOUND_AND_CLASS.match(first.content):
        # `**digit** (n) 숫자.`, `**medical** […] adj. 医学的`: a dictionary's entry,
        # the word's sound and class opening its meaning
        return SEPARATED, _definition([with_content(first, first.content.lstrip()), *rest[1:]])
    remark = REMARK.match(first.content)
    if remark is not None and _broken_after(first.content[remark.end() :], rest, remark[1]):
        # `**Salduz v. Turkey** (2008)` over its holding: the remark belongs to the term.
        return BROKEN, _definition(rest[2:])
    if remark is not None and separated(first.content[remark.end() :]) is not None:
        # `**おはよう** (ohayou): …`: the remark belongs to the term (see `lead`).
        after = separated(first.content[remark.end() :])
        return SEPARATED, _definition([with_content(first, after or ""), *rest[1:]])
    after = defined(first.content, term)
    if after is not None and not bold_pronoun:
        return DEFINED, _definition([with_content(first, after), *rest[1:]])
    if _GLOSSED.match(first.content) and not bold_pronoun:
        # `**_mf_**, standing for mezzo-forte, meaning "moderately loud".`
        glossed = first.content.lstrip(" ,")
        return SEPARATED, _definition([with_content(first, glossed), *rest[1:]])
    if continues_sentence(first.content) or bold_pronoun:
        return EMPHASIS, rest
    if len(rest) == 1 and REMARK.fullmatch(first.content.rstrip()):
        return ALONE, []  # `**Compute** (EC2, Lambda)`: a remark on the term, no definition
    return SPACED, _definition(rest)


def _broken_after(after: str, rest: list[Token], remark: str) -> bool:
    """Whether nothing but a line break follows a remark of one word after a bold term (a
    year, a reading); a remark of more words describes the term (`**Georges Seurat** (known
    as division of pointillism)`), the line under it goes on with it."""
    one_word = len(remark.strip("()").split()) == 1
    return one_word and not after.strip() and len(rest) > 2 and rest[1].type in markup.BREAKS


_PART_OF_SPEECH = re.compile(
    r"^[ \t]*\((?:n|v|vt|vi|a|adj|adv|prep|conj|pron|int|interj|phr|phrase|명|동|형|부)\.?\)"
    r"[ \t]*\S",
    re.IGNORECASE,
)
"""A word's class in parentheses after a bold word, and then its meaning (`(n)`, `(adj.)`,
`(v)`), as a dictionary writes an entry."""
_SOUND_AND_CLASS = re.compile(
    r"^[ \t]*(?:(?:\[[^\]\n]+\]|/[^/\n]+/)[ \t]*)?"
    r"(?:n|v|vt|vi|adj|adv|prep|conj|pron|interj|phr|abbr)\.[ \t]*\S"
)
"""A word's sound in brackets or slashes, if written, then its class with a full stop (`[…]
adj. 医学的`, `n. 药`): a dictionary's entry, as `_PART_OF_SPEECH` is."""

_GLOSSED = re.compile(
    r"^,?\s+(?:or\s+[^,.;]{1,40},\s+)?(?:standing\s+for|meaning|which\s+means)\s", re.IGNORECASE
)
"""A gloss that says what a bold sign or word stands for (`**_p_** or piano, meaning
"soft"`): its definition, not a sentence going on."""


ARROWS_TEX = frozenset({"\\implies", "\\Rightarrow", "\\rightarrow", "\\to", "\\Longrightarrow"})
"""A formula that is only an arrow (`$\\implies$`) joins a term to its definition."""


def _arrow(tok: Token) -> bool:
    return tok.type == "math_inline" and tok.content.strip() in ARROWS_TEX


def _definition(rest: list[Token]) -> list[Token]:
    """Inline tokens after the term, without the breaks and spaces that lead to them."""
    rest = list(rest)
    while rest and (
        rest[0].type in markup.BREAKS or (rest[0].type == "text" and not rest[0].content.strip())
    ):
        rest.pop(0)
    if rest and rest[0].type == "text" and rest[0].content != rest[0].content.lstrip():
        rest[0] = with_content(rest[0], rest[0].content.lstrip())
    return rest


def with_content(tok: Token, content: str) -> Token:
    """A copy of a text token with other content (a token's own is left as it was)."""
    copy = tok.copy()
    copy.content = content
    return copy


def _strong_close(children: Sequence[Token], start: int) -> int:
    depth = 0
    for j in range(start, len(children)):
        depth += {"strong_open": 1, "strong_close": -1}.get(children[j].type, 0)
        if depth == 0:
            return j
    return len(children)


MAX_WORDS = 6
MAX_CHARACTERS = 40
"""A term is short, and opens with no article: a longer text before the colon (`The first
thing to know: …`) is a sentence, and a list of such is no glossary."""

_AGAINST = "(?<=[^\\W_])-(?=\\s+(?!(?:and|or|und|oder|et|ou|y|o)\\s)[^\\W\\d_])"
"""A hyphen typed against the term, before a word that is no conjunction (see `_TERM`)."""
_TERM = re.compile(
    "^(?P<term>(?:[^:\uff1a\\n]|(?<=[A-Za-z0-9]):(?=[A-Za-z0-9]))+?)"
    f"\\s*(?:\uff1a\\s*|(?::|\\s(?:->|=>|==|--|>>|<>|[-–—\u2212→⇒=])|{_AGAINST})(?:\\s+|$))"
)
"""A term and its separator: a colon, or a dash, an arrow or an equals sign after a space
(doubled too, `doula == A woman who …`; RemNote's `>>` and `<>` too: `Mole >> the amount of
…`), or a hyphen typed against the term before a word (`Amendment 1- People have …`; not one
a word is cut short by, `Haus- und Grundeigentümer`, `aluminum- and magnesium-rich`). A
colon between two letters or digits is part of the term (`aop:before : 메소드 실행 전에 …`, a
namespace's name), as a colon between two scripts is a separator (see `_BETWEEN_SCRIPTS`).
The full-width colon of Chinese and Japanese text (U+FF1A) carries its own space, and needs
none after it (see the fixture `full_width_colon`)."""
_COLON_IN_GLOSS = re.compile(
    "^(?P<term>[^():\uff1a\n]+\\([^():\uff1a\n]*[:\uff1a][^()\n]*\\))"
    "\\s*(?:[:\uff1a]|\\s(?:->|[-\u2013\u2014\u2192=]))(?:\\s+|$)"
)
"""A term glossed in parentheses with a colon of its own, then its separator (`SRP(단일 책임의
원칙 : Single Responsibility Principle) : …`): the gloss's colon sets nothing apart."""
_GAP = re.compile("^(?P<term>[^:\uff1a\t\n]*?[^\\s.,;:!?])(?:\t{1,3}|\x20{2,16})(?=\\S)")
"""A run of spaces or a tab after a short term, typed to set its meaning apart as a column
(`purpose   목적`, `Given\t정해진`); a wider gap lays out a drawing."""
_COLUMNS = re.compile("\\S(?:\t|\x20{2,})\\S")
_AFTER_CODE = re.compile("^\\s*(?:[:\uff1a]|(?:->|=>|--|[-–—→⇒=])(?=\\s|$)|\\.(?=\\s))\\s*")
"""A separator after a term written as code: `` `Node`: A worker machine ``, a dash that may
end the line (`` `Deployment` - `` over what it is), and the full stop of a glossary that sets
its terms apart so (`` `market`. a group of buyers … ``)."""
_CJK = CJK_LETTERS + "\uff09"  # and the full-width parenthesis that closes a reading
_BETWEEN_SCRIPTS = re.compile(
    f"^(?P<term>[^:\uff1a\n]*?(?:[A-Za-z][:\uff1a](?=[{_CJK}])|[{_CJK}][:\uff1a](?=[A-Za-z])"
    f"|\\)[:\uff1a](?=[^\\W\\d_])))"
)
"""A colon with no space after it, between two scripts (`supplant:대체하다`, `上げる:To Raise`,
a reading in full-width parentheses before it), or after a term's gloss in parentheses
(`평균오차제곱(Mean Squared Error, MSE):평균오차제곱이 …`): a separator all the same, where one
script (`10:30`, `http:`) would hold no term."""
_DASH_BEFORE_LATIN = re.compile(
    f"^(?P<term>[^-\u2013\u2014\n]*?[{_CJK}])\\s+[-\u2013\u2014](?=[A-Za-z])"
)
"""A dash typed with no space after it between a Korean word and its meaning in Latin letters
(`성공 -success` among `한옥 - traditional korean house`): a separator all the same."""
_PIPE = re.compile("^(?P<term>[^|:\uff1a\\n]+?)\\s+\\|\\s+(?=\\S)")
"""`Yo  | I`: a term and its meaning as two cells of a row written without a table."""


_SLASH = re.compile("^(?P<term>[^/:\uff1a\\n]+?)\\s+/\\s+(?=\\S)")
MIN_SLASHED_WORDS = 4


def _slash_set(text: str) -> re.Match[str] | None:
    """`compile / 사용자가 작성한 프로그램 …`, `snake case / words joined by underscores, …`: a
    slash between spaces, once on a line, sets a term apart from what it means when what
    follows is in another script or says more than a word's counterpart would. Two forms
    side by side (`il ragazzo / la ragazza`, `input / output`) are one name."""
    match = _SLASH.match(text) if text.count(" / ") == 1 else None
    if match is None:
        return None
    term, after = match["term"], text[match.end() :]
    crossed = bool(CJK.search(term)) != bool(CJK.search(after))
    longer = len(after.split()) >= max(MIN_SLASHED_WORDS, 2 * len(term.split()))
    return match if crossed or longer else None


_SEMICOLON = re.compile("^(?P<term>[^;:\uff1a\n]+?)\\s*;\\s+(?=\\S)")


def _semicoloned(text: str) -> re.Match[str] | None:
    """`공산주의; communism, collectivism`, `imperialism; 제국주의`: a semicolon between a word
    and its meaning in another script sets them apart, as a colon does; in one script
    (`first; then`) it joins two clauses."""
    match = _SEMICOLON.match(text)
    if match is None:
        return None
    after = text[match.end() :].split(maxsplit=1)[0]
    term = match["term"]
    return match if bool(HANGUL.search(term)) != bool(HANGUL.search(after)) else None


_BRACKETED = re.compile(r"\[[^\[\]]*\]")
_URL = re.compile(r"(?:https?://|www\.)\S+")

ARROWS = ("->", "=>", "→", "⇒")
"""Arrows written between words: what leads to what."""
_LEADING_ARROWS = (*ARROWS, "-->", "==>", "\u27f6")
"""Arrows that open a line: what follows from the line above."""

_CHAINS = ("--", *ARROWS)
"""Separators that, written twice on a line, link causes to effects rather than a term to
its definition (a single hyphen twice may be a range: `AAA - D`)."""


def _gapped(text: str) -> re.Match[str] | None:
    """A term set apart by a gap, on a line with no other gap (columns of a plain-text table
    are no term and definition)."""
    match = _GAP.match(text)
    if match is None or _COLUMNS.search(text, match.end()):
        return None
    if match["term"].count("(") != match["term"].count(")"):
        return None  # `Mis parientes (    ) a una cena`: a blank to fill in
    if match["term"].casefold() in OBJECTS | CONTINUATIONS:
        return None  # `The  Poisson distribution is …`: a sentence typed with two spaces
    return match


def _equation(term: str, said: str) -> bool:
    """Whether `term = said` is an equation: a variable or a sum on the left, a number, a
    sign or a function on the right (`P = 3 - 0.02Q`, `U = f(x, y)`); not a symbol's meaning
    (`D₁ = First digit`) nor a pattern of words (`N + 이다 = …`)."""
    left = _VARIABLE.fullmatch(term) or _OPERATION.search(term)
    return bool(left) and _MATH.match(said) is not None


_VARIABLE = re.compile(r"[A-Za-z](?:_?\w)?")
"""A variable: one letter, with one letter or digit under it (`Q`, `Q_d`)."""
_OPERATION = re.compile(r"[+*/^]|\s-\s")
_MATH = re.compile(r"[\d(+\-.]|[A-Za-z]\(")
"""The start of a side of an equation: a number, a sign, a function (`f(x, y)`)."""


def plain_lead(children: Sequence[Token], arrows: bool = True) -> Lead | None:
    """The term and the rest of a line written `Term: definition` without bold (the term
    short, with no article); None for any other line. Without `arrows`, a line joined by an
    arrow (`PER high -> 고평가`: a consequence) is none either."""
    if lead(children) is not None or not children:
        return None  # bold items are read by the list item rule
    children = _unlinked_head(children)
    if children[0].type == "code_inline" and len(children) > 1 and children[1].type == "text":
        # `` `mesoderm`(중배엽) : … ``: a gloss against the code is part of the term.
        after_code = list(children[1:])
        if after_code[0].content.lstrip(" ").startswith("("):
            # `` `Hash table` (hash map) - is a … ``: a gloss after a space is the term's too
            after_code[0] = with_content(after_code[0], after_code[0].content.lstrip(" "))
        term, glossed = _glued(children[0].content, after_code)
        if not glossed or glossed[0].type != "text":
            return None
        after = _AFTER_CODE.match(glossed[0].content)
        if after is None:
            return None
        rest = with_content(glossed[0], glossed[0].content[after.end() :])
        tail = glossed[1:]
        term = clean_term(term)
        words = term.split()
        if not words or len(words) > MAX_WORDS or not (rest.content or tail):
            return None
        return Lead(term, "separated", [rest, *tail] if rest.content else tail)
    if children[0].type != "text":
        return None
    if arrows and len(children) > 2 and _arrow(children[1]):
        return _arrowed(children)  # `- Irreversible $\rightarrow$ Poisons, not used as drugs`
    text = children[0].content
    piped = _PIPE.match(text) if text.count("|") == 1 else None
    match = (
        _COLON_IN_GLOSS.match(text)
        or _TERM.match(text)
        or piped
        or _slash_set(text)
        or _gapped(text)
        or _BETWEEN_SCRIPTS.match(text)
        or _dash_before_latin(text)
        or _translated_head(text)
        or _semicoloned(text)
    )
    if match is None:
        return None
    term = clean_term(match["term"].rstrip(":\uff1a"))
    words = term.split()
    bare = unglossed(term)  # a gloss makes no term longer (`IPCC(Intergovernmental …)`)
    if not words or len(bare.strip()) > MAX_CHARACTERS or len(bare.split()) > MAX_WORDS:
        return None
    if is_callout(term) or _article_before(words) or term.startswith("["):
        return None  # `[powerpoint]: …`, `[ ] task: …`: a link's label, a checkbox
    if term.startswith(_LEADING_ARROWS):
        return None  # `--> 경우의 수 : 4가지`: what follows from the line above, no term
    if len(words) > 1 and not words[0].isupper() and words[0].casefold() in CARRIES_ON:
        return None  # `which implies B = -40`: a sentence going on, no term (`AND gate` is one)
    first = with_content(children[0], text[match.end() :])
    dash = text[match.end("term") : match.end()].strip()
    # `꽃다발 -> "kkotdabal" -> bouquet`: a word, its reading and its meaning in another
    # script, where one script on both sides (`PER high -> 고평가`) leads to a consequence
    crossed = _word_and_reading(term, first.content)
    # `1492 -> Columbus sails`: a year before what happened, a timeline's line
    if not arrows and dash in ARROWS and not crossed and not is_year(term):
        return None
    opened = term.count("(") - term.count(")")
    if opened > 0 or (opened and dash not in ":\uff1a"):
        # `SYN (client -> server)`, `특정 프로그램(예: 한컴) …`: inside a gloss, nothing is
        # set apart (`cf) L1 Loss: …` closes a marker, and keeps its colon)
        return None
    if "\\" in term or "{" in term:
        return None  # `\ce{Fe + O2 -> Fe2O3}`: a formula, not a term
    if dash in _CHAINS and f" {dash} " in first.content and not crossed:
        return None  # `too much salt -- no water left -- saturated`: a chain, not a definition
    rest = [first, *children[1:]] if first.content else list(children[1:])
    said = markup.plain(markup.lines(rest)[0]).strip() if rest else ""
    if dash == "=" and _equation(term, said):
        return None  # `Q = 150 - 50P`, `Q + 50P = 150`: an equation, not a term
    if term[-1].isdigit() and said[:1].isdigit():
        return None  # `일반적으로 1 : 4 가 좋은 ROAS`: a ratio
    if not said or _BRACKETED.fullmatch(said) or _URL.fullmatch(said) or is_meta(term):
        return None  # `attached: [powerpoint]`, `참고 자료 : https://…`: a reference
    if markup.only_links(markup.lines(rest)[0]):
        return None  # `Lecture Videos Links: [Bilibili](…)/[Youtube](…)`: a reference too
    if is_date(term):
        return _dated(term, rest)
    if is_date(term, months=True):  # `Jun - …` on a timeline, or `Sept : infection`, a root
        return _dated(term, rest) or Lead(term, "separated", rest)
    return Lead(term, "separated", rest)


def _arrowed(children: Sequence[Token]) -> Lead | None:
    """A short term, an arrow written in TeX and what it leads to: an entry, as an arrow
    typed with keys is (see `_TERM`)."""
    term = clean_term(children[0].content)
    words = term.split()
    if not words or len(words) > MAX_WORDS or len(term) > MAX_CHARACTERS:
        return None
    if _article_before(words) or "\\" in term:
        return None
    rest = _definition(list(children[2:]))
    return Lead(term, "separated", rest) if markup.plain(rest).strip() else None


def _unlinked_head(children: Sequence[Token]) -> Sequence[Token]:
    """A line's inline tokens with a term written as a link (`[Aphorism](https://…): Short
    sayings …`, a glossary that links each term to its source) as the words it shows, set
    apart as code is: a link's words before a separator name the term."""
    if len(children) < 4 or children[0].type != "link_open" or children[3].type != "text":
        return children
    if children[1].type != "text" or children[2].type != "link_close":
        return children
    if _AFTER_CODE.match(children[3].content) is None:
        return children
    head = Token("code_inline", "", 0, content=children[1].content)
    return [head, *children[3:]]


def _dash_before_latin(text: str) -> re.Match[str] | None:
    """A Korean word and its meaning in Latin letters, a dash typed between them with no space
    after it (see `_DASH_BEFORE_LATIN`); none where Korean words go on after the dash."""
    match = _DASH_BEFORE_LATIN.match(text)
    return match if match and _word_and_reading(match["term"], text[match.end() :]) else None


def _word_and_reading(term: str, rest: str) -> bool:
    """Whether a short Korean word stands before text in Latin letters alone: a word and its
    reading or meaning (`꽃다발 -> "kkotdabal" -> bouquet`), where a Latin name before Korean
    words leads to what follows (`PER high -> 고평가`)."""
    return (
        bool(HANGUL.search(term))
        and not LATIN.search(term)
        and len(term.split()) <= MAX_CROSSED
        and not HANGUL.search(rest)
    )


MAX_CROSSED = 3
"""Words of a term set apart from its meaning by arrows: a word or a set phrase."""


_SMALL = frozenset(
    {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "v.", "vs", "vs.", "de"}
)
"""Words a title leaves in lower case."""


_TRANSLATED_HEAD = re.compile(r"(?P<term>[^\s()][^()\n]{0,30}?\([^()\n]+\))\s+(?=\S)")
"""A term named in two scripts and then, after a space, its definition (`모수(parameter)
모집단의 수치적 요약값`): the other name sets the term apart as a colon would."""


def _glossed_before(match: re.Match[str], text: str) -> bool:
    """Whether a term in Latin letters with its gloss (`DML(Data Manipulation Language)`)
    stands before words in another script (`테이블 안에서 데이터를 조작하는 sql 명령어`): the
    script changes where the term ends, as a colon would set it apart."""
    after = text[match.end() :].split()[:MAX_CROSSED]
    return not CJK.search(match["term"]) and any(CJK.search(w) for w in after)


_PARTICLE_NEXT = re.compile(r"(?:은|는|이|가|을|를|의|에|에서|로|으로|와|과|도|만|란|이란)(?:\s|$)")


def _article_before(words: list[str]) -> bool:
    """Whether a term opens with an article or a pronoun before other words (`The law: …`);
    such a word alone, of two letters or more, is a word of its own (`- an : 곁, 붙어서`, a
    German preposition)."""
    alone = len(words) == 1 and len(words[0]) > 1
    return not alone and words[0].casefold() in OBJECTS


def _translated_head(text: str) -> re.Match[str] | None:
    """The match of `_TRANSLATED_HEAD` when its term is named in two scripts (see
    `terms.translated`) and what follows is no particle that goes on with it (`X(gloss) 는
    …`, read as a sentence)."""
    match = _TRANSLATED_HEAD.match(text)
    if match is None or not (translated(match["term"]) or _glossed_before(match, text)):
        return None
    if _PARTICLE_NEXT.match(text, match.end()) or _goes_on(text[match.end() :]):
        return None
    return match


_SUBJECT_NEXT = re.compile(r"\s*[가-힣]+(?:이|가|을|를|은|는|의|에|에서|와|과|도)\s")
_SAYS_WHAT = ("이다", "말한다", "뜻한다", "의미한다", "가리킨다", "칭한다", "일컫는다")


def _goes_on(rest: str) -> bool:
    """Whether the text after a term in two scripts goes on with its sentence: a word with
    its particle, then a verb that says something of it (`기아(starvation) 현상이 더 심각하게
    발생할 수 있다.`), where a definition would say what the term is (`…을 말한다.`)."""
    ending = rest.strip().rstrip(".").rstrip()
    return (
        _SUBJECT_NEXT.match(rest) is not None
        and ending.endswith("다")
        and not ending.endswith(_SAYS_WHAT)
    )


def _titled(name: str) -> bool:
    """Whether a name is written as a title (`Brown v. Board of Education`, `Emmett Till
    Case`), or in a script without capitals."""
    words = [w for w in name.split() if w.casefold() not in _SMALL]
    return all(not w[0].isalpha() or w[0].isupper() or not w[0].isascii() for w in words)


def _dated(date: str, rest: list[Token]) -> Lead | None:
    """`1954: Brown v. Board of Education`: the event is the term, its date its definition;
    a year before what happened, told in words (`1492 -> Columbus sailed the ocean blue`), is
    a line of a history's timeline, the year its term; another date before a sentence is a
    line of a log, no term."""
    name = markup.plain(rest).strip()
    short = len(rest) == 1 and 0 < len(name.split()) <= MAX_WORDS and not is_sentence(name)
    if short and _titled(name):
        return Lead(clean_term(name), "separated", [Token("text", "", 0, content=date)])
    return Lead(date, "separated", rest) if is_year(date) and name else None
