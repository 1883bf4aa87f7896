"""Terms a text introduces in passing, as a textbook does (see `rules.introduced`): what the
introducing rule and the paragraph rule both read."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.names import is_term_like
from flashcards.note import Note
from flashcards.rules.found import Context
from flashcards.rules.notes import note
from flashcards.rules.points import MAX_NAME_WORDS
from flashcards.terms import PRONOUNS, clean_term, defined, is_label, key

PLACES = ("", "blockquote", "list_item")
"""Where a paragraph may introduce terms: at the top, in a quote, in a list item."""

_NAMING = re.compile(
    r"\b(?:called|termed|known\s+as|referred\s+to\s+as|named|dubbed|said\s+to\s+be"
    r"|(?:gave|given|give|gives)\s.*\bthe\s+name)"
    r"\s+(?:an?\s+|the\s+|its\s+|their\s+)?$",
    re.IGNORECASE,
)
"""What names the phrase after it: `… is called **X**`, `… known as _X_`, `… are said to be
**homozygous**`, `… is said to be its **apparent magnitude**`, `… gave the supercontinent
the name **Gondwana**`."""

_ALSO = re.compile(r"\b(?:also|otherwise|aka|a\.k\.a\.)\s*$", re.IGNORECASE)
"""What makes a name another name of the sentence's subject (`**binary digit** - also called
a **bit**`): the same term, not one of its own."""

_NAMED_KO = re.compile(
    r"^\s?(?:이)?라(?:고)?\s?(?:한다|합니다|하며|하고|하는데|함|부르|부른|부릅|불리|불린|불립"
    r"|칭하|칭한|칭합|일컫|일컬)"
)
"""What names the phrase before it in Korean, in any of its endings: `**전사**라고 한다`,
`**X**이라 부른다`, `**부분집합**이라고 부르며`, `**Y**라고 칭합니다`."""

_ARTICLE = re.compile(r"\s*(?:(?:an?|the)\s+)?", re.IGNORECASE)
"""What may stand before a term that opens its sentence."""


_TOPIC_KO = re.compile(r"^\s?(?:이란|란|은|는)(?=[\s,])")
"""A Korean topic particle after a term that opens a clause (`…, **채무**는 …`)."""

_RELATIVE = re.compile(r"^\s*,?\s+which\s", re.IGNORECASE)
"""A clause that says what the phrase before it is or does: `… **gated channels**, which
only allow …` (a `that` may follow a stressed verb: `we cannot **know** that …`)."""

_APPOSITIVE = re.compile(r"^\s*,\s+(?:the|an?)\s+[a-z]+", re.IGNORECASE)
"""A noun phrase set beside the phrase before it, that says what it is: `… to produce
**gametes**, the cells that fuse to make offspring`."""

_OR_NAMED = re.compile(r",\s+or\s+$", re.IGNORECASE)
"""A name given after what it names, between commas: `… in different versions, or
**alleles**, even within …`."""

_VERB = re.compile(r"^\s+(?!(?:vs|versus)\b)[a-z]")
"""A word that goes on with a sentence opened by a term: its verb (`**Cotransport
proteins** take advantage of …`); `vs` sets it against another (`**상대주의** vs 절대주의`)."""

_DOES = re.compile(
    r"^\s+(?:(?:may|can|cannot|must|will|would|should|could|might)\s+(?!not\b)[a-z]"
    r"|(?!(?:is|was|vs)\b)[a-z]+(?<!ss)(?<!us)(?<!'s)s\b)"
)
"""The verb that, after a bold word opening a paragraph, says what it is or does (`An **open
system** may exchange …`, `**Isothermal** implies …`, `A **ketone** looks like …`): one with
a modal or in the third person. A word of another kind makes the bold something else: an
adjective or a name before its noun (`The **big** question is …`, `The **S3** bucket`), a
verb before its object (`**Implementing** the order …`, `**Run** it once`), a joining word
(`**Source** and **Destination**`), a negation (`**Donors** must not …`); and `is` needs a
definition after it (`**Python** is great for scripts.` is none, see `terms.defined`)."""

_GOES_ON = re.compile(
    r"^\s+(?:(?:is|are|was|were)\s+[a-z]+ed\b"
    r"|(?!(?:is|are|was|were|a|an|the|this|that|these|those|it|its|them|and|or|but|nor"
    r"|of|to|in|on|for|with|by|at|from|as)\b)(?![a-z]+\s+not\b)[a-z]+\b)"
)
"""A verb of any form after a term that opens a paragraph among others opened so (`*Many-valued
logics* allow …`, `*Intuitionistic logic* is based on …`): not an object after a verb
(`**Implementing** the order`), a joining word, a preposition or a negation, and `is` only
before a participle (else it needs a definition, see `terms.defined`)."""

_GLOSS = re.compile(r"^\s*\([^()]{1,40}\)(?=\s)")
"""A short form or a gloss in parentheses right after a bold term, before its verb."""

_BE = re.compile(r"\b(?:is|are)\s+$", re.IGNORECASE)
_CONDITION = re.compile(r"^\s+(?:if|when|whenever)\b", re.IGNORECASE)
"""`Two names are _enharmonic_ if …`: a word defined by the condition after it."""

_STRESSED = frozenset(
    {"not", "no", "never", "always", "only", "all", "none", "must", "exactly", "very", "also"}
    | {"both", "each", "every", "any", "or", "and", "but", "nor", "if", "unless"}
)
"""Words set in bold or italic to stress a sentence, never terms."""

_SPANS = {"strong_open": "strong_close", "em_open": "em_close"}


def introduced(ctx: Context, toks: Sequence[Token], i: int, skip: str = "") -> list[Note]:
    """The notes of the terms the paragraph opened at `i` introduces, but the one whose key
    is `skip` (a term another rule made a note of already)."""
    children = toks[i + 1].children or []
    if not any(c.type in _SPANS for c in children):
        return []
    line = ctx.line(toks[i])
    notes: list[Note] = []
    breaks = 0
    # Paragraphs side by side that each open with a term and its verb (`*Free logic*
    # modifies …` over `*Many-valued logics* allow …`) define them, whatever the verb.
    sentences = markup.sentences(children)
    parallel = _opens_with_term(toks, i) and any(
        _opens_with_term(toks, j) for j in _beside(toks, i)
    )
    # So do a paragraph's lines, a sentence each (`**Nodes** are points …` over
    # `**Antinodes** are points …`).
    parallel = parallel or sum(_opens(sentence) for sentence in sentences) >= 2
    for k, sentence in enumerate(sentences):
        notes += _introduced(
            ctx, line + breaks, sentence, running=k > 0, parallel=parallel, aliases=bool(skip)
        )
        breaks += sum(markup.ends_line(c) for c in sentence)
    return [n for n in notes if n.key != skip]


def _opens_with_term(toks: Sequence[Token], i: int) -> bool:
    """Whether the paragraph at `i` opens with a bold or italic phrase and a word that goes
    on with its sentence (`*Free logic* modifies …`, `The **lac operon** is …`)."""
    if not 0 <= i < len(toks) - 1 or toks[i].type != "paragraph_open":
        return False
    return _opens(toks[i + 1].children or [])


def _opens(children: Sequence[Token]) -> bool:
    """Whether text opens with a bold or italic phrase and a word that goes on with its
    sentence."""
    spans = _spans(children)
    if not spans:
        return False
    start, end = spans[0]
    before = markup.plain(children[:start]) + " " if start else ""
    if _ARTICLE.fullmatch(before) is None:
        return False
    return _VERB.match(_GLOSS.sub("", _text_after(children, end), count=1)) is not None


def _beside(toks: Sequence[Token], i: int) -> list[int]:
    """Where the paragraphs right before and right after the one at `i` open."""
    before = i - 3 if i >= 3 and toks[i - 1].type == "paragraph_close" else -1
    return [before, i + 3]


def _introduced(
    ctx: Context,
    line: int,
    sentence: list[Token],
    running: bool,
    parallel: bool = False,
    aliases: bool = False,
) -> list[Note]:
    """The notes of the terms a sentence introduces, each defined by the whole sentence; with
    `aliases` (the paragraph defines a term of its own), a name given as its other name is
    not one (see `_ALSO`)."""
    found: list[Note] = []
    since, breaks = 0, 0  # where the text before the next span starts; line breaks so far
    said: tuple[str, str] | None = None
    for start, end in _spans(sentence):
        between = sentence[since:start]
        breaks += sum(markup.ends_line(c) for c in between)
        # Only the text since the last span is read: each token once, however many spans.
        before = markup.plain(between) + " " if between else ""
        after = _text_after(sentence, end)
        naming = _NAMING.search(before)
        if naming is not None and aliases and _ALSO.search(before[: naming.start()]):
            naming = None
        named = naming or _NAMED_KO.match(after)
        # `Demand is *elastic* ("responsive") if …`: a gloss may come before the condition
        conditioned = _BE.search(before) and _CONDITION.match(_GLOSS.sub("", after, count=1))
        # A sentence that opens with the term and defines it (`**Senpai** is an upper-year
        # student`) or says what it does (`An **open system** may exchange …`); past a
        # paragraph's first sentence any verb will do (`… **Endocytosis** is generally the
        # reverse.`), while a paragraph's first needs more (see `_DOES`).
        at_start = since == 0 and _ARTICLE.fullmatch(before) is not None
        told = _GLOSS.sub("", after, count=1)  # `**…Reaction** (AHTR) results from …`
        verb = (_VERB if running else _DOES).match(told) is not None
        verb = verb or (parallel and since == 0 and start == 0 and _GOES_ON.match(told) is not None)
        copula = defined(told) is not None or verb
        opened = at_start and copula
        described = _RELATIVE.match(after) is not None or _APPOSITIVE.match(after) is not None
        described = described or (_OR_NAMED.search(before) is not None and after.startswith(","))
        # `**채권**이란 …을 말하며, **채무**는 …을 말한다`: a clause of its own in Korean.
        opened = opened or (before.rstrip().endswith(",") and _TOPIC_KO.match(after))
        term = clean_term(markup.plain(sentence[start + 1 : end]))
        # A term its heading names already is that heading's (`### Bilateral Contract`).
        cued = named or conditioned or opened or described
        if cued and _names(term) and key(term) != key(ctx.category):
            if said is None:  # rendered once, however many terms the sentence names
                said = markup.inline_html(sentence), markup.plain(sentence)
            found.append(note(ctx, line + breaks, term, *said))
        since = end + 1
    return found


def _spans(sentence: Sequence[Token]) -> list[tuple[int, int]]:
    """Where each outermost bold or italic span opens and closes."""
    found, j = [], 0
    while j < len(sentence):
        closing = _SPANS.get(sentence[j].type)
        if closing is None:
            j += 1
            continue
        end = next(
            (k for k in range(j + 1, len(sentence)) if sentence[k].type == closing), len(sentence)
        )
        if end < len(sentence):
            found.append((j, end))
        j = end + 1
    return found


def _text_after(sentence: Sequence[Token], end: int) -> str:
    later = sentence[end + 1 : end + 2]
    return later[0].content if later and later[0].type == "text" else ""


def _names(term: str) -> bool:
    words = term.split()
    return (
        0 < len(words) <= MAX_NAME_WORDS
        and is_term_like(term)
        and not is_label(term)
        and words[0].casefold() not in _STRESSED | PRONOUNS | _PREPOSITIONS
        and not term.endswith((":", "\uff1a"))
        and "=" not in term
        and not _SAYS.intersection(w.casefold() for w in words)
        and not (len(term) == 1 and term.isascii())  # `_r_ is the interest rate`: a symbol
    )


_PREPOSITIONS = frozenset({"by", "in", "on", "at", "for", "from", "with", "to", "of", "after"})
_SAYS = frozenset({"is", "are", "was", "were"})
"""Words that make a bold phrase a claim rather than a name: a preposition opening it
(`**by 1900**`), a copula inside it (`A **subphrase is a melodic** event`)."""
