"""A word and its meaning written without a separator, one after the other: a vocabulary
pair that changes script (`attachment 별첨`, `上司「じょうし」boss`, `heart 心臓`), a word set as
code before its meaning (`` `la dinde` the turkey ``), a word crossing into its reading or its
translation, a gloss in parentheses, a word and its meaning after a comma. Each helper gives
the `Lead` of such a line, as `lead` does for a bold term; the rules read the lists."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.names import is_term_like
from flashcards.rules.lead import SEPARATED, Lead, lead, with_content
from flashcards.terms import (
    HANGUL,
    LATIN,
    abbreviates,
    clean_term,
    crossed,
    is_sentence,
    parenthesised,
)

_WORD = "[A-Za-z][A-Za-z'\u2019.\\-]*"  # a Latin word, with an apostrophe typed either way
_KANA_HAN = "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u301c]"
"""A letter of Japanese kana or of Chinese characters (the length mark and `々` with them)."""
_READING = "(?:[「\uff08(【][^」\uff09)】\n]{1,20}[」\uff09)】])"
"""A word's reading after it, in brackets: `上司「じょうし」`, `学生(がくせい)`, full-width
ones too."""
_ALPHABET = "[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f]"
"""A letter of Greek, Cyrillic, Hebrew, Arabic, Devanagari or Thai: scripts that space words."""
_CLASS = r"(?:\[(?:n|v|vt|vi|adj|adv|prep|conj|pron|phr)\.?\]\s*)"
"""A word's class in square brackets before its meaning (`oncology [n]腫瘤學`), as some
dictionaries write it."""
_SOUND = "(?:\\s+/[^/\\s][^/\\n]{0,40}[/\uff0f])"
"""A word's sound between slashes after it (`anabolic steroid /anabolik stiaroid/`)."""
_PAIRED = re.compile(
    rf"^(?P<term>{_WORD}(?:\s{_WORD}){{0,3}})\s+(?=[가-힣])"
    rf"|^(?P<latin>{_WORD}(?:\s{_WORD}){{0,3}}){_SOUND}?\s+"
    rf"(?={_CLASS}?[(\uff08]?(?:{_KANA_HAN}|{_ALPHABET}))"
    rf"|^(?P<ko>[가-힣]+(?:\s[가-힣]+){{0,2}})\s+(?={_WORD}(?:\s|$))"
    rf"|^(?P<cjk>{_KANA_HAN}+{_READING}?(?:[ \u3000]+{_KANA_HAN}+{_READING}?){{0,2}})[ \u3000]*"
    rf"(?={_WORD}(?:\s|$))"
    rf"|^(?P<spaced>{_ALPHABET}+(?:\s{_ALPHABET}+){{0,2}})\s+(?={_WORD}(?:\s|$))"
)
"""A word or a few in one script, then its meaning in the other (`attachment 별첨`,
`완전합의 entire agreement`, `上司「じょうし」boss`, `книга book`, `heart 心臓`): a vocabulary
pair, the change of script its separator. Japanese and Chinese put no space between words, so none
need stand before the meaning; a word's reading in brackets after it is part of it."""


def paired_lead(children: Sequence[Token]) -> Lead | None:
    """The term and meaning of a vocabulary pair written without a separator (see
    `_PAIRED`); None for any other line."""
    children = _link_unwrapped(children)
    if children and children[0].type == "code_inline":
        return _coded_pair(children)
    if not children or children[0].type != "text" or lead(children) is not None:
        return None
    match = _PAIRED.match(children[0].content)
    if match is None:
        return None
    rest = [with_content(children[0], children[0].content[match.end() :]), *children[1:]]
    meaning = markup.plain(rest)
    # A sentence that happens to change script is no pair; a verb's meaning in its
    # dictionary form (`be able to 할 수 있다`, `had better 하는 게 좋다`) is a few words.
    sentence = is_sentence(meaning) and len(meaning.split()) > MAX_VERB_GLOSS
    if not meaning.strip() or sentence or len(markup.plain(children).split()) > 8:
        return None
    if match["latin"] and _says_in_han(meaning):
        return None  # `Hemoglobin 可結合氧氣、二氧化碳…`: what it does, in a sentence
    if match["cjk"] and _HAN_TEXT.search(meaning):
        return None  # `在 OSI 网络模型中` and HTTP after it: a sentence that names things in Latin
    term = match["term"] or match["latin"] or match["ko"] or match["cjk"] or match["spaced"]
    return Lead(clean_term(term), "separated", rest)


MAX_VERB_GLOSS = 3
"""Words of a verb's meaning in its dictionary form, at most: `막 ~하려고 했다`."""


def _coded_pair(children: Sequence[Token]) -> Lead | None:
    """A word set as code and its meaning after a space (`` `la dinde` the turkey ``, its
    forms joined by slashes, `` `mon`/`ma`/`mes` my ``): code marks the word as a colon
    would set it apart; a sentence after it (`` `startAt` 필드는 … 나타냅니다. ``) is none."""
    forms, k = [children[0].content.strip()], 1
    while k + 1 < len(children) and children[k].content == "/":
        if children[k + 1].type != "code_inline":
            break
        forms, k = [*forms, children[k + 1].content.strip()], k + 2
    if k >= len(children) or children[k].type != "text" or not children[k].content[:1].isspace():
        return None
    rest = [with_content(children[k], children[k].content.lstrip()), *children[k + 1 :]]
    meaning = markup.plain(rest).strip()
    if not meaning or is_sentence(meaning) or len(meaning.split()) > MAX_CODED_GLOSS:
        return None
    if meaning[0] in "=<>-+*/%(.,:;|&!?" or meaning.isdigit():
        return None  # `` `x` + `y` ``, `` `a` (b) ``: code in a formula, no pair
    return Lead(clean_term("/".join(forms)), SEPARATED, rest)


MAX_CODED_GLOSS = 6
"""Words of a meaning after a word set as code: a gloss, where more make a sentence."""


def _link_unwrapped(children: Sequence[Token]) -> Sequence[Token]:
    """A line that opens with a word written as a link (`[urine](/juerin/) 尿`, its sound or
    its source behind it) read as if the word were plain text; any other line as it is."""
    if len(children) < 4 or children[0].type != "link_open" or children[2].type != "link_close":
        return children
    word, after = children[1], children[3]
    if word.type != "text" or after.type != "text" or not after.content[:1].isspace():
        return children
    return [with_content(after, word.content + after.content), *children[4:]]


def _says_in_han(meaning: str) -> bool:
    """Whether a meaning after a Latin word is a sentence in Chinese or Japanese: long before
    its first comma (no spaces tell its words apart), or opening with a verb or a
    preposition (`可結合…`, `將二氧化碳…`). A short meaning may go on after a comma
    (`biofeedback 生理回饋` and a full-width comma, then what it covers)."""
    stripped = meaning.lstrip()
    first = _GLOSS_END.split(stripped, 1)[0]
    if len(first) > MAX_UNSPACED_GLOSS or _LATIN_WORD.search(_ASIDE.sub("", first)):
        return True  # `HTTP 的 URL 以 http:// 开头`: a sentence naming things in Latin letters
    return len(first) < len(stripped) and _HAN_VERB.match(stripped) is not None


_HAN_VERB = re.compile(
    "[\u53ef\u80fd\u6703\u4f1a\u5c07\u5c06\u662f\u70ba\u4e3a\u7528\u628a\u88ab\u4f7f"
    "\u7684\u5728\u800c]"
)
"""可 能 會 会 將 将 是 為 为 用 把 被 使, and 的 在 而: a meaning that opens so says what the
word does, or goes on with a sentence."""
_LATIN_WORD = re.compile("[A-Za-z]{2,}")
_ASIDE = re.compile("\\[[^\\]]*\\]|\\([^)]*\\)|\uff08[^\uff09]*\uff09")
"""A word's class and a remark in brackets (`[adj]`, `(BDD)`): no words of the meaning."""
_HAN_TEXT = re.compile(_KANA_HAN)
_GLOSS_END = re.compile("[\uff0c,]")
"""A comma that ends a short meaning before what explains it; the enumerating comma (、) lists
the parts of one meaning."""
MAX_UNSPACED_GLOSS = 20
"""Characters of a meaning in a script other than Korean, at most: Chinese and Japanese put
no spaces between words, so a meaning's words cannot be counted."""


def crossing_lead(children: Sequence[Token]) -> Lead | None:
    """A phrase in one script and its meaning in the other after it, on a line of plain
    text (`I'd love to, but I can't 정말 그러고 싶지만 못해`, `I'll have (a coffee), please
    (커피) 주세요`): the line splits before the first word of the other script. None for any
    other line: one whose scripts change back (`` `git commit` 후에 push 한다 ``), or marked."""
    if len(children) != 1 or children[0].type != "text":
        return None
    text = children[0].content.strip()
    script = HANGUL if LATIN.match(text) else LATIN if HANGUL.match(text) else None
    meaning = script.search(text) if script is not None else None
    at = text.rfind(" ", 0, meaning.start()) if meaning is not None else -1
    if at < 0:
        return None
    term, rest = text[:at].strip(), text[at:].strip()
    if len(term.split()) > MAX_CROSSING or not crossed(term, rest):
        return None
    return Lead(clean_term(term), SEPARATED, [with_content(children[0], rest)])


MAX_CROSSING = 12
"""Words of a phrase paired with its meaning: more make a passage with its translation."""


def translated_lead(children: Sequence[Token]) -> Lead | None:
    """An English sentence and its Korean translation after it, on one line (`Have a seat.
    자리에 앉아.`, `How about eating out tonight? 오늘밤 외식하는 것이 어때요?`, also in
    parentheses: `It's a long story. (말하자면 길어요)`): a phrase to learn and its meaning,
    the lines under it more about it; None for any other line."""
    if not children or children[0].type != "text" or lead(children) is not None:
        return None
    match = _TRANSLATED.match(children[0].content)
    if match is None or len(match["term"].split()) < MIN_TRANSLATED:
        return None
    colon = match["term"].find(":")
    if colon > 0:  # `long : a. 긴`: a word, then its part of speech and meaning
        after = children[0].content[colon + 1 :].lstrip()
        rest = [with_content(children[0], after), *children[1:]]
        return Lead(match["term"][:colon].strip(), SEPARATED, rest)
    after = children[0].content[match.end() :]
    if match["quoted"]:  # `It's a long story. (말하자면 길어요)`: the translation set apart
        after = after.removeprefix("(").replace(")", "", 1)
    rest = [with_content(children[0], after), *children[1:]]
    return Lead(match["term"].strip(), SEPARATED, rest)


_TRANSLATED = re.compile(
    r"^(?P<term>[A-Za-z][^가-힣\n]*?[.?!])"
    r"(?:\s*(?P<quoted>\()(?=[가-힣][^()\n]*\))|\s+(?=[가-힣]))"
)
MIN_TRANSLATED = 2
"""Words of an English sentence paired with its translation: one is a vocabulary word (see
`paired_lead`)."""


def glossed_lead(children: Sequence[Token]) -> Lead | None:
    """The word and meaning of a vocabulary item written as a word with its gloss in
    parentheses (`- quiero (I want)`, `- al lado del (next to the)`); None for any other
    line, and for a parenthesis that dates, counts or points (`(1914)`, `(p. 3)`)."""
    if len(children) != 1 or children[0].type != "text":
        return None
    parts = parenthesised(children[0].content.strip())
    if parts is None:
        return None
    word, gloss = parts
    if _words(word) > MAX_GLOSSED or _words(gloss) > MAX_GLOSSED:
        return None
    if any(c.isdigit() for c in gloss) or ":" in word or gloss.count(",") > word.count(","):
        return None  # `Enzymatic catalysis (Amylase, DNA polymerase)`: examples
    if abbreviates(word, gloss) or abbreviates(gloss, word):
        return None  # `- ISP (Interface Segregation Principle)`: an abbreviation's rule
    if HANGUL.search(word) and not HANGUL.search(gloss):
        return None  # `- 역량 모델링(Competency Modeling)`: a term's English name, no meaning
    return Lead(clean_term(word), SEPARATED, [with_content(children[0], gloss)])


_COMMAED = re.compile(r"(?P<term>[^,()\n]+?),[ \t]+(?P<meaning>[^,\n]+)")
MAX_COMMAED = 3
"""Words in a term set apart from its meaning by a comma: more, and the line is a sentence."""


def commaed_lead(children: Sequence[Token]) -> Lead | None:
    """The term and meaning of an item written `term, meaning` (`- squamous, flat`); None
    for any other line. The meaning opens in lower case or in another script than Latin: a
    capital opens a name, and `Paris, France` or `Smith, John` is one name, no term. A line
    of more commas is a list of things (`red, green, blue`)."""
    if len(children) != 1 or children[0].type != "text":
        return None
    match = _COMMAED.fullmatch(children[0].content.strip())
    if match is None:
        return None
    term, meaning = match["term"].strip(), match["meaning"].strip()
    opening = meaning[0]
    if len(term.split()) > MAX_COMMAED or not is_term_like(term) or is_sentence(term):
        return None
    if not opening.isalpha() or opening.isupper():
        return None
    return Lead(clean_term(term), SEPARATED, [with_content(children[0], meaning)])


def _words(text: str) -> int:
    """Words in a side of a vocabulary item, the slashes between forms aside (`hijo / hija`)."""
    return len(text.replace("/", " ").split())


MAX_GLOSSED = 5
"""Words on each side of a vocabulary item: a word or a phrase and its meaning."""
