"""Paragraphs of `Term: definition` without bold, one after another, are a glossary too
(`Neutral stimulus: a stimulus that triggers no response` over `Conditioned stimulus: …`):
a note each, and so is one beside a list of such items (`Empiricism - …` over
`- Associationism - …`). One such paragraph alone is a sentence with a colon, and no note,
unless its lines are such, one under another (`energy = ability to do work` over `power = …`):
a note a line; or it is all a quote holds (`> Hysteria - Exaggerated or uncontrollable
emotion`), a definition set apart."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.note import Note
from flashcards.rules.entries import says
from flashcards.rules.found import LISTS, Context, Found, close
from flashcards.rules.lead import MAX_WORDS, Lead, plain_lead
from flashcards.rules.notes import lead_note, line_notes
from flashcards.rules.pairs import crossing_lead, paired_lead
from flashcards.rules.points import entry
from flashcards.rules.table import names_columns
from flashcards.terms import EXERCISES, abbreviates, is_date, is_label, is_year, key

MIN_WORDS = 2
"""Words in a definition that makes lines under a sentence a glossary (see `_phrases`)."""

MIN_PAIRED = 3
"""Lines of a paragraph that pair a phrase with its meaning in another script, that make it
a vocabulary written a pair a line: fewer may be sentences that change script."""


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "paragraph_open" or ctx.inside(i) not in ("", "blockquote"):
        return None
    lined = _lines(ctx, toks, i)
    if lined:
        # Lines right under a heading may be what it names (`## Acquisition` over `method:
        # …`), unless they say something of their own (see `rules.glossary`); lines that
        # come after other text are a glossary of their own.
        under = i == 0 or toks[i - 1].type == "heading_close"
        saying = 2 * sum(says(n.definition) for n in lined) > len(lined)
        # Their terms count as bold ones do: repeated under headings, they are labels.
        keys = [n.key for n in lined]
        return Found(i + 2, notes=lined, bold=keys, weak=under and not saying)
    found = _worded(plain_lead(toks[i + 1].children or [], arrows=False))
    if found is None or key(found.term) in EXERCISES:
        return None  # `Practice: conjugate …` sets an exercise
    children = toks[i + 1].children or []
    alone = _quoted_alone(toks, i, found) or _dashed(children, found) or _spelled(found)
    if not (alone or any(_alike(toks, j) for j in _near(toks, i))):
        return None
    return Found(i + 2, notes=[lead_note(ctx, ctx.line(toks[i]), found)], weak=True)


def _lines(ctx: Context, toks: Sequence[Token], i: int) -> list[Note]:
    """A note a line, when the paragraph's lines are `Term = definition` one under another
    (`work = energy transferred by force` over `power = the rate …`); a line that is none
    goes on with the definition above it."""
    children = toks[i + 1].children or []
    lines = markup.lines(children)
    # `Definition: …` over `Example: …`: the parts of what stands above, no terms
    leads = [_term(plain_lead(line, arrows=False)) for line in lines]
    pairs = [paired_lead(line) or crossing_lead(line) for line in lines]
    if sum(pair is not None for pair in pairs) >= MIN_PAIRED:
        # `Take care 잘 지내` over `Maybe later 나중에요`: a phrase and its meaning a line
        leads = [found or pair for found, pair in zip(leads, pairs, strict=True)]
    numbers = ctx.rows(toks, i)
    if leads[0] is not None and names_columns([leads[0].term, markup.plain(leads[0].rest)]):
        # `Word | definition` over `mutualism | symbiosis in which …`: the rows' header
        lines, leads, numbers = lines[1:], leads[1:], numbers[1:]
        if not lines:
            return []
    text = _text_before(lines, leads)
    if text:
        lines, leads, numbers = lines[text:], leads[text:], numbers[text:]
    # `prefix:` among `suffix: …`: a term still to define, no line of the glossary
    filled = [k for k, line in enumerate(lines) if leads[k] is not None or not _unfilled(line)]
    if not filled:
        return []
    lines, leads, numbers = (
        [lines[k] for k in filled],
        [leads[k] for k in filled],
        [numbers[k] for k in filled],
    )
    if leads[0] is None or len(lines) < 2 or 2 * sum(x is not None for x in leads) < len(lines):
        return _runs(ctx, numbers, lines, leads)
    return line_notes(ctx, numbers, lines, leads)


def _runs(
    ctx: Context, numbers: list[int], lines: list[list[Token]], leads: list[Lead | None]
) -> list[Note]:
    """A note a line for the runs of `Term: definition` lines, three or more one under
    another, in a paragraph of other lines too (`let alone : 커녕` over `so to speak : 말하자면`
    over `as it were : 소위` among rules of grammar written as sentences): a glossary written
    into running notes. Each such line is its own note; the sentences around it are none."""
    kept: list[int] = []
    run: list[int] = []
    for n, found in enumerate([*leads, None]):
        if found is not None:
            run.append(n)
            continue
        kept += run if len(run) >= MIN_RUN else []
        run = []
    return [note for n in kept for note in line_notes(ctx, [numbers[n]], [lines[n]], [leads[n]])]


MIN_RUN = 3
"""Lines one under another that make a glossary among other lines: two may be a pair of
remarks (`Note: …` over `See: …`)."""


def _unfilled(line: list[Token]) -> bool:
    """Whether a line names a term and its separator and nothing after them (`prefix:`):
    an entry the writer means to fill in, as a glossary is written over time."""
    text = markup.plain(line).strip()
    return text.endswith((":", "\uff1a")) and 0 < len(text.split()) <= MAX_WORDS


def _text_before(lines: list[list[Token]], leads: list[Lead | None]) -> int:
    """How many lines of text open the paragraph over its `Term: definition` lines: one that
    labels them or leads to two that define in phrases; more when every line after them is
    such a line, two or more (`Boot Stage` over `1단계 부팅` over `BIOS: …` and `MBR: …`)."""
    if leads[0] is not None or len(lines) < 3:
        return 0
    if _caption(lines[0]) or _phrases(leads[1:]):
        return 1
    text = next((n for n, lead in enumerate(leads) if lead is not None), len(leads))
    rest = leads[text:]
    return text if len(rest) >= 2 and None not in rest and _phrases(rest) else 0


def _term(found: Lead | None) -> Lead | None:
    """A line's term, unless a label or given a value only (see `_worded`)."""
    return None if found is None or is_label(found.term) else _worded(found)


def _spelled(found: Lead) -> bool:
    """Whether a line is an abbreviation and what it stands for (`PCC: posterior cingulate
    cortex`): a term wherever it stands, where another colon may open any sentence."""
    return abbreviates(found.term, markup.plain(found.rest).strip())


def _quoted_alone(toks: Sequence[Token], i: int, found: Lead) -> bool:
    """Whether the paragraph at `i` is a quote's only text, a short term set apart from its
    definition (`> Hysteria - Exaggerated or uncontrollable emotion`): a quote box is where
    many writers set a definition apart."""
    alone = (
        i > 0 and toks[i - 1].type == "blockquote_open" and toks[i + 3].type == "blockquote_close"
    )
    return alone and len(found.term.split()) <= MAX_QUOTED and says(markup.plain(found.rest))


MAX_QUOTED = 3
"""Words in the term of a definition set apart in a quote."""


def _dashed(children: Sequence[Token], found: Lead) -> bool:
    """Whether a paragraph is one line that sets a short name apart from what it is by a
    dash (`AMI - Amazon Machine Images`, `Craton - Old and stable parts of …`): where a colon
    after a few words may open any sentence (`Note: …`), such a dash sets a definition apart."""
    text = markup.plain(children)
    after = text[len(found.term) :].lstrip() if text.startswith(found.term) else ""
    return (
        "\n" not in text.strip()
        and after[:1] in _DASHES
        and any(ch.isalpha() for ch in found.term)
        and len(found.term.split()) <= MAX_WORDS
        and len(markup.plain(found.rest).split()) >= MIN_WORDS
    )


_DASHES = ("-", "\u2013", "\u2014")


def _worded(found: Lead | None) -> Lead | None:
    """A line's lead, unless its term is given a value only (`PV = $5,000,000`, `r = 7%`: a
    worked example's figures, no words to learn)."""
    value = markup.plain(markup.lines(found.rest)[0]) if found and found.rest else ""
    # `1754-1763 -> French and Indian War`: the event named, its years its definition
    return found if any(ch.isalpha() for ch in value) or is_year(value) else None


def _phrases(leads: list[Lead | None]) -> bool:
    """Whether lines under a line of text open with two `Term: definition` lines that define
    in phrases: `ion channel modulator: 0.20` or `기업 : dart.fss.or.kr` give values."""
    return None not in leads[:2] and all(
        len(markup.plain(lead.rest).split()) >= MIN_WORDS for lead in leads[:2] if lead
    )


def _caption(line: list[Token]) -> bool:
    """Whether a paragraph's first line only labels the lines under it: a date (`26/03/24`)
    or a few words ending with a colon (`Vocabulary:`); a line of words without one may be
    the definition of the heading above (`Initial stage of learning`)."""
    text = markup.plain(line).strip()
    if is_date(text, months=True):
        return True
    return text.endswith((":", "\uff1a")) and len(text.split()) <= MAX_WORDS


def _alike(toks: Sequence[Token], j: int) -> bool:
    """Whether a block of the same shape opens at `j`: a paragraph, or a list whose first
    item's paragraph is one."""
    if not 0 <= j < len(toks) - 1:
        return False
    if toks[j].type in LISTS:  # markdown-it always opens a list with an item
        return entry(toks, j + 1) is not None
    return (
        toks[j].type == "paragraph_open"
        and plain_lead(toks[j + 1].children or [], arrows=False) is not None
    )


def _near(toks: Sequence[Token], i: int) -> list[int]:
    """Where the blocks next to the paragraph at `i` open, and those one further, past a
    sentence between (`이상적인 목표 : …` over `금방 포기하게 됨` over `현실적인 목표 : …`)."""
    before = _opening_before(toks, i)
    after = i + 3
    past = close(toks, after) + 1 if after < len(toks) and toks[after].nesting == 1 else -1
    return [before, _opening_before(toks, before) if before > 0 else -1, after, past]


def _opening_before(toks: Sequence[Token], i: int) -> int:
    """Where the block before the one opening at `i` opens, at the same level; -1 if none."""
    if i == 0 or toks[i - 1].nesting != -1:
        return -1
    level = toks[i].level
    j = i - 1
    while j >= 0 and not (toks[j].level == level and toks[j].nesting == 1):
        j -= 1
    return j
