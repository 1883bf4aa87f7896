"""A list whose every item is `Term: definition`, without bold, is a glossary: an
abbreviation list (`- Dx: Diagnosis`), a vocabulary list, a list of terms each set apart
from its meaning by a comma (`- squamous, flat`). A list of which only some items
have a colon (a to-do list, sentences) is no glossary."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.names import names_a_glossary
from flashcards.note import Note
from flashcards.rules.broken_item import broken_lead
from flashcards.rules.entries import says
from flashcards.rules.found import LISTS, Context, Found, close
from flashcards.rules.lead import SEPARATED, Lead, with_content
from flashcards.rules.notes import blocks_note, lead_note, nested_notes
from flashcards.rules.pairs import glossed_lead, paired_lead, translated_lead
from flashcards.rules.points import (
    bare_name,
    commaed,
    entry,
    glossary_items,
    is_task,
    items,
    lone_text,
    name_over,
    names_a_term,
    one_paragraph,
)
from flashcards.rules.running_text import introduced
from flashcards.terms import (
    clean_term,
    crossed,
    is_date,
    is_label,
    is_property,
    is_sentence,
    is_year,
)


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type not in LISTS:
        return None
    if ctx.inside(i) not in ("", "blockquote") and not _under_name(toks, i):
        return None
    end = close(toks, i)
    named = _under_glossary(toks, i)  # `+ 용어` over its terms: each is one, alone too
    entries = _named_entries(toks, i) if named else glossary_entries(toks, i)
    if not entries:
        return None
    if (
        not named
        and _after_formula(toks, i)
        and all(_symbol(found_entry.term) for _, found_entry in entries)
    ):
        return Found(end)  # `- m : mass`, `- g : gravity` under a formula: its legend
    if not named and all(_figures(found_entry.term) for _, found_entry in entries):
        return Found(end)  # `1) 2 X 2 -> det …`, `3 X 3 -> …`: cases by size, no terms
    if not named and all(_logged(found_entry.term) for _, found_entry in entries):
        return Found(end)  # `- Mar - …`, `- Apr - …`: a log, what happened when
    if not named and entries[0][0] == i + 1 and is_property(entries[0][1].term):
        # `- Author: Bertrand Russell` over `- Year: 1912` and `- Link: …`: the document's
        # own facts, opened by one (its first item, right after the list opens), are no terms
        return Found(end)
    # `- 예시: …`, `- Formula: …` among the entries: a part of what the list says, no term
    # (a word that is a label is a word in a vocabulary: `- background 배경`, `- 답: answer`)
    kept = [(j, f) for j, f in entries if not _labels_a_part(toks, j, f)]
    notes = [note for j, found_entry in kept for note in _notes(ctx, toks, j, found_entry)]
    notes += _head_words(ctx, toks, i, {j for j, _ in entries})
    notes += _described(ctx, toks, i, {j for j, _ in entries})
    if named:  # terms of their own, beside whatever the heading over them names
        return Found(end, aside=notes)
    # Entries that say something are terms of their own; short values (`- Access: O(n)`)
    # may be the parts of a term a heading over them names.
    weak = 2 * sum(says(n.definition) for n in notes) <= len(notes)
    # `* Income - A _normal good_ is a good for which …`: a term an entry's text introduces
    # is a note too, beside the entry.
    keys = {n.key for n in notes}
    aside = [n for j, _ in kept for n in introduced(ctx, toks, j + 1) if n.key not in keys]
    return Found(end, notes=notes, aside=aside, bold=[n.key for n in notes], weak=weak)


def _logged(term: str) -> bool:
    """Whether an entry's term dates a log's line (`Mar`, `2019.03.13.`): a year, or a span
    of years, is the term of a history's timeline (`1492 - Columbus sails`)."""
    return is_date(term, months=True) and not is_year(term)


def glossary_entries(toks: Sequence[Token], i: int) -> list[tuple[int, Lead]]:
    """The items of the list at `i` with their `Term: definition`, when the list is a
    glossary: half its items or more such (two at least), and the rest bare names (`-
    gcloud`, a tool listed without a word of it); none when a sentence stands among them."""
    listed = items(toks, i)
    if kinds_of_one_word(toks, listed):
        return []  # `1. User Process`, `3. 독립 Process`: kinds of a process, no pairs
    found = [entry(toks, j) or _pair(toks, j) for j in listed]
    # code items are read only where entries and pairs leave items unread
    coded = [] if all(found) else [_coded(toks, j) for j in listed]
    if coded and all(coded):
        found = coded  # `` - `/etc/passwd` 사용자 계정 정보가 담긴 파일 `` in a list of such
    if len(listed) == 1 and found[0] is not None and _compounds(toks, listed[0]):
        return [(listed[0], found[0])]  # `- density 밀도` over `- column density 기둥밀도`, …
    if len(listed) == 1 and found[0] is not None and _among_examples(toks, i):
        return [(listed[0], found[0])]  # `+ pwd : 현재 위치` over its output, `+ cd : …` next
    if not any(found):
        found = [_glossed(toks, j) for j in listed]
        if sum(f is not None for f in found) < MIN_GLOSSED:
            found = [code or commaed(toks, j) for j, code in zip(listed, coded, strict=True)]
            if not all(found):
                return []  # `- 연관규칙(동시발생매트릭스)` among two or three: names with remarks
    entries = [(j, f) for j, f in zip(listed, found, strict=True) if f is not None]
    # A task written under a glossary (`- [ ] copy exercise from page 14`) is the writer's
    # to-do, no line of the glossary.
    # An empty item (`- ` left for the next word) is no line of it either.
    others = [
        j
        for j, f in zip(listed, found, strict=True)
        if f is None and not is_task(toks, j) and not _empty(toks, j)
    ]
    listed = [*(j for j, _ in entries), *others]
    if len(entries) < 2 or 2 * len(entries) < len(listed):
        return []
    # A line of another shape among many entries is a slip of the writer's (`- Judging by
    # the decor 인테리어를 보고 …` among `- dunk: 물에 빠뜨리다`), not a list of sentences.
    settled = len(entries) >= MIN_SETTLED and len(entries) >= SETTLED_SHARE * len(listed)
    # A head word alone over its compounds (`- wind` over `- trade wind 무역풍`) is a bare name.
    bare = all(bare_name(toks, j) or _compounds(toks, j) for j in others)
    return entries if settled or bare else []


def _empty(toks: Sequence[Token], j: int) -> bool:
    """Whether the item at `j` holds nothing: `- ` and no text."""
    text = lone_text(toks, j)
    return close(toks, j) == j + 1 or (text is not None and not text.strip())


def _labels_a_part(toks: Sequence[Token], j: int, found: Lead) -> bool:
    """Whether the entry at `j` is a label of a part of what its list says (`- 예시: …`,
    `- Formula: …`), not a word given with its translation (`- 질문: question`)."""
    if not is_label(found.term) or entry(toks, j) is None:
        return False
    return not crossed(found.term, markup.plain(found.rest))


def _among_examples(toks: Sequence[Token], i: int) -> bool:
    """Whether the list at `i` is one of a glossary cut apart by its examples: lists of one
    kind with only code between them (`+ whoami : 사용자 ID 출력` over `<pre># whoami</pre>`,
    then `+ passwd : …`), two of them at least entries, the one at `i` among them."""
    entries = 1
    for other in [*_lists_before(toks, i), *_lists_after(toks, i)]:
        listed = items(toks, other)
        entries += len(listed) == 1 and entry(toks, listed[0]) is not None
    return entries >= 2


NEAR_LISTS = 2
"""Lists either side of one that show it stands in a glossary cut apart by examples."""

_EXAMPLES = frozenset({"fence", "code_block", "html_block"})


def _lists_after(toks: Sequence[Token], i: int) -> list[int]:
    """The opens of the lists after the one at `i`, up to `NEAR_LISTS`, each of its kind and
    level with code and only code before it."""
    found: list[int] = []
    k = close(toks, i) + 1
    while len(found) < NEAR_LISTS:
        gap = k
        while k < len(toks) and toks[k].type in _EXAMPLES:
            k += 1
        if k == gap or k >= len(toks) or not _alike(toks[k], toks[i]):
            break
        found.append(k)
        k = close(toks, k) + 1
    return found


def _lists_before(toks: Sequence[Token], i: int) -> list[int]:
    """As `_lists_after`, the lists before the one at `i`."""
    found: list[int] = []
    k = i - 1
    closing = toks[i].type.replace("_open", "_close")
    while len(found) < NEAR_LISTS:
        gap = k
        while k >= 0 and toks[k].type in _EXAMPLES:
            k -= 1
        if k == gap or k < 0 or toks[k].type != closing or toks[k].level != toks[i].level:
            break
        k = next(j for j in range(k - 1, -1, -1) if _alike(toks[j], toks[i]))
        found.append(k)
        k -= 1
    return found


def _alike(tok: Token, other: Token) -> bool:
    return tok.type == other.type and tok.level == other.level


MIN_NAMED = 3


def whole_glossary(
    ctx: Context, toks: Sequence[Token], i: int, beside: Sequence[int] = ()
) -> list[Note]:
    """The notes of the list at `i` when every item of it, three or more, is an entry (`-
    auf : 접촉면 o 위`, `- an : 곁, 붙어서`, …); none for any other list, nor for one whose
    entries label the parts of what names it (`- 정의 : …`, `- 장점 : …`, `- 단점 : …`).
    Fewer count when the lists `beside` it (under the sibling names) are entries only too:
    `- Hydrosphere` over `- Cryosphere - study of ice`, `- Geosphere` over `- Lithosphere -
    …`, the names the groups, the entries the terms."""
    listed = items(toks, i)
    entries = glossary_entries(toks, i) or _entries_only(toks, i)
    if len(entries) < len(listed):
        return []
    if len(listed) < MIN_NAMED:
        others = [_entries_only(toks, j) for j in beside]
        if not others or not all(others) or len(listed) + sum(map(len, others)) < MIN_NAMED:
            return []
    if any(is_label(found.term) for _, found in entries):
        return []
    return [note for j, found in entries for note in _notes(ctx, toks, j, found)]


def _entries_only(toks: Sequence[Token], i: int) -> list[tuple[int, Lead]]:
    """The items of the list at `i` with their `Term: definition` when every one is such."""
    found = [(j, entry(toks, j)) for j in items(toks, i)]
    return [(j, f) for j, f in found if f is not None] if all(f for _, f in found) else []


def kinds_of_one_word(toks: Sequence[Token], listed: Sequence[int]) -> bool:
    """Whether three items or more, each a line of a few words, all end in the same word of
    two letters or more: kinds of the thing that word names (`System Process`, `독립
    Process`), not words paired with their meanings."""
    texts = [lone_text(toks, j) for j in listed]
    lines = [t.split() for t in texts if t is not None]
    if len(texts) < MIN_KINDS or len(lines) < len(texts):
        return False
    if any(not 1 < len(words) <= 4 for words in lines):
        return False
    heads = {words[-1].casefold() for words in lines}
    return len(heads) == 1 and len(next(iter(heads))) > 1


MIN_KINDS = 3


MIN_SETTLED = 6
SETTLED_SHARE = 0.8
"""Entries enough, and a share of the list high enough, that the list is a glossary
whatever its other lines are."""


def _notes(ctx: Context, toks: Sequence[Token], j: int, head: Lead) -> list[Note]:
    """An entry's note, what is nested under its first line its definition, but for the
    entries nested in it that are a glossary too (`- Computationalism - …` under `- Logical
    behaviorism - …`, or under a point of it, `- 추세 : …` under `- 시계열 데이터 분석은 …`):
    notes of their own. Entries among its points (`- 차익 거래 : 보통 …`
    beside `- 장기 투자 일수록 …`) say what the entry is, and stay its definition."""
    end = close(toks, j)
    level = toks[j].level + 1
    lists = [k for k in range(j + 4, end) if toks[k].level >= level and toks[k].type in LISTS]
    glossed = {at for k in lists for at in glossary_items(toks, k)}  # under its points too
    # A word paired with its meaning holds words of its own paired so (`- absorption 흡수`
    # over `- absorption line 흡수선`): a vocabulary's compounds under their head word.
    pair = _pair(toks, j) is not None
    paired = {at: p for k in lists for at, p in _paired_items(toks, k).items()} if pair else {}

    def take(at: int) -> list[Note] | None:
        sub = entry(toks, at) if at in glossed else paired.get(at)
        if sub is None or is_label(sub.term) or _logged(sub.term):
            return None  # `- Mar - LBJ …` under `- 1968: A Pivotal Year`: its parts
        return _notes(ctx, toks, at, sub)

    kept, inner = nested_notes(toks, j + 4, end, take)
    return [lead_note(ctx, ctx.line(toks[j]), head, kept), *inner]


def _compounds(toks: Sequence[Token], j: int) -> dict[int, Lead]:
    """The items nested in the item at `j` that pair a word with its meaning, two or more, with
    their pairs, when that item is such a pair or a word alone (`- angular` over `- angular
    size 각크기`)."""
    if _pair(toks, j) is None and _word_alone(toks, j) is None:
        return {}
    end = close(toks, j)
    level = toks[j].level + 1
    lists = [k for k in range(j + 4, end) if toks[k].level == level and toks[k].type in LISTS]
    found = {at: pair for k in lists for at, pair in _paired_items(toks, k).items()}
    return found if len(found) >= 2 else {}


def _word_alone(toks: Sequence[Token], j: int) -> str | None:
    """The word or two an item names over what is nested in it, with nothing else."""
    if toks[j + 1].type != "paragraph_open":
        return None
    text = markup.plain(toks[j + 2].children or [])
    return text if 0 < len(text.split()) <= 2 and text.replace(" ", "").isalpha() else None


def _head_words(ctx: Context, toks: Sequence[Token], i: int, entries: set[int]) -> list[Note]:
    """The notes of the words paired under a head word written alone in a vocabulary (`-
    angular` over `- angular distance 각거리` and `- angular size 각크기`)."""
    found: list[Note] = []
    for j in items(toks, i):
        if j in entries or _word_alone(toks, j) is None:
            continue
        for at, pair in sorted(_compounds(toks, j).items()):
            found += _notes(ctx, toks, at, pair)
    return found


def _described(ctx: Context, toks: Sequence[Token], i: int, entries: set[int]) -> list[Note]:
    """The notes of the items among the entries that name a word over what it means, nested
    under it (`- clot` over its senses in quotes, beside `- gauze 紗布`): words of the same
    vocabulary, written at more length."""
    found: list[Note] = []
    for j in items(toks, i):
        end = close(toks, j)
        if j in entries or toks[j + 1].type != "paragraph_open" or end == j + 4:
            continue
        if _compounds(toks, j) or (toks[j + 4].type in LISTS and glossary_entries(toks, j + 4)):
            continue  # `- wind` over `- trade wind 무역풍`, `- 海系` over `- beach: 砂浜`: a group
        name = clean_term(markup.plain(toks[j + 2].children or []))
        if toks[j + 4].type in _SAYING and names_a_term(name):
            found.append(blocks_note(ctx, ctx.line(toks[j]), name, toks[j + 4 : end]))
    return found


_SAYING = (*LISTS, "blockquote_open")
"""What may say what a word means, nested under it: points, or a quote of its senses."""


def _paired_items(toks: Sequence[Token], i: int) -> dict[int, Lead]:
    """The items of the list at `i` that pair a word with its meaning, with their pairs, when
    half of them or more do."""
    listed = items(toks, i)
    paired = {j: pair for j in listed if (pair := _pair(toks, j)) is not None}
    return paired if 2 * len(paired) >= len(listed) else {}


def _named_entries(toks: Sequence[Token], i: int) -> list[tuple[int, Lead]]:
    """The items that name a term in a list under a glossary's name (`+ 용어`): an entry, a
    word and its meaning, or a term over a line that says what it is. None when fewer than
    half the items are such: its terms are written another way (`- 스미싱(Smishing)` over
    `- 문자 메시지를 …`), item by item."""
    named = [(j, entry(toks, j) or _pair(toks, j) or _broken(toks, j)) for j in items(toks, i)]
    found = [(j, lead) for j, lead in named if lead is not None]
    return found if 2 * len(found) >= len(named) else []


def _pair(toks: Sequence[Token], j: int) -> Lead | None:
    """An item that pairs a word with its meaning in another script (`- attachment 별첨`); a
    label over words is no word (`- e.g. 광고비 100원으로 …`: an example), while one with a
    meaning of a word or two is a word like any (`- background 배경`)."""
    if toks[j + 1].type != "paragraph_open" or _explained(toks, j):
        return None
    children = toks[j + 2].children or []
    found = paired_lead(children) or translated_lead(children)
    if found is None or (is_label(found.term) and len(markup.plain(found.rest).split()) > 2):
        return None
    return found


def _explained(toks: Sequence[Token], j: int) -> bool:
    """Whether the item at `j` has a sentence nested under its first line (`- 좀비 PC` over
    `- 악성 코드에 감염되어 …`): its whole line is a term, no word beside its meaning."""
    first = next((t for t in toks[j + 4 : close(toks, j)] if t.type == "inline"), None)
    return first is not None and is_sentence(first.content)


def _broken(toks: Sequence[Token], j: int) -> Lead | None:
    """An item that names a term on its first line and says what it is on the next."""
    return broken_lead(toks[j + 2].children or []) if toks[j + 1].type == "paragraph_open" else None


def _glossed(toks: Sequence[Token], j: int) -> Lead | None:
    """An item that is a word with its gloss in parentheses (`- quiero (I want)`)."""
    return glossed_lead(toks[j + 2].children or []) if one_paragraph(toks, j) else None


def _coded(toks: Sequence[Token], j: int) -> Lead | None:
    """An item that opens with code and goes on to say what it is (`` - `/etc/passwd` 사용자
    계정 정보 ``): in a list whose every item is so, a glossary of paths or commands."""
    if toks[j + 1].type != "paragraph_open":
        return None
    kids = toks[j + 2].children or []
    if len(kids) < 2 or kids[0].type != "code_inline" or kids[1].type != "text":
        return None
    if not kids[1].content.startswith(" ") or len(markup.plain(kids[1:]).split()) < MIN_CODED:
        return None
    rest = [with_content(kids[1], kids[1].content.lstrip()), *kids[2:]]
    return Lead(clean_term(kids[0].content), SEPARATED, rest)


MIN_CODED = 2
"""Words after the code: one word names a thing beside it (`` `ls` command ``)."""


MIN_GLOSSED = 4
"""Items written `word (gloss)` that make a list a vocabulary list: a few such items are as
likely names with a remark (`- 연관규칙(동시발생매트릭스)`, `- Transport (Hemoglobin)`)."""


def _after_formula(toks: Sequence[Token], i: int) -> bool:
    """Whether the block right before the list at `i` holds a formula (`$$W=Fh$$`, a line
    with `=` in it, code) or says its symbols follow (`… where:`): the list may name them. An
    abbreviation list (`- Dx: Diagnosis`, `- Hx: History`) stands under anything else."""
    k = i - 1
    while k >= 0 and toks[k].nesting == -1:
        k -= 1
    if k < 0:
        return False
    block = toks[k]
    if block.type in _FORMULA_BLOCKS:
        return True
    text = block.content.rstrip().rstrip(":").rstrip().casefold()
    return block.type == "inline" and ("=" in text or _INTRODUCING.search(text) is not None)


_FORMULA_BLOCKS = frozenset({"math_block", "math_block_label", "fence", "code_block"})
_INTRODUCING = re.compile(
    r"\bwhere$|여기서$|\b(?:formula|equation|symbols?|variables?)\b|공식|수식|기호|변수"
)
"""What a sentence says that goes on to name a formula's symbols (`… sets it to C * M + V,
where:`, `Symbols of the kinematics formula:`)."""


def _symbol(term: str) -> bool:
    """Whether a term is a formula's symbol (`m`, `E_p`, `$E_p$`, `ΔH`) rather than a word."""
    name = term.strip("$ ")
    return _SYMBOL.fullmatch(name) is not None or (term.startswith("$") and term.endswith("$"))


_SYMBOL = re.compile(
    r"\u0394?[A-Za-z\u0391-\u03c9](?:_\{?[A-Za-z0-9]{1,3}\}?|[0-9]{1,2}|[a-z]{1,2})?"
)
"""A letter, Latin or Greek, with a subscript perhaps, or its change (`m`, `E_p`, `Ek`, `v0`,
`ΔH`). Capitals after a capital spell an abbreviation (`LRU`, `TCP`), no symbol."""


def _figures(term: str) -> bool:
    """Whether a term is figures and the letters that stand for them (`2 X 2`, `n = 3`,
    `0 < x`): a case or a value, no word to learn."""
    words = term.replace("\u00d7", " ").split()
    return any(w.isdigit() for w in words) and all(
        w.isdigit() or (len(w) == 1 and w.isascii()) for w in words
    )


def _under_name(toks: Sequence[Token], i: int) -> bool:
    """Whether the list at `i` is nested in an item that only names it (`- terms` over
    `- coupon - …`, `- call - …`): a group, whose entries are terms of their own."""
    name = name_over(toks, i)
    return name is not None and _group(name)


def _under_glossary(toks: Sequence[Token], i: int) -> bool:
    """Whether the list at `i` is nested in an item that says its items are terms (`+ 용어`,
    `- Key terms:`)."""
    name = name_over(toks, i)
    return name is not None and _group(name) and names_a_glossary(name.removesuffix(":"))


def _group(text: str) -> bool:
    """Whether an item names the group under it: a name of a few words, also with a colon
    after it (`- Objects - Kitchen and Food:`)."""
    name = text.strip().removesuffix(":").removesuffix("\uff1a")
    return 0 < len(name.split()) <= MAX_GROUP and not is_sentence(name) and ":" not in name


MAX_GROUP = 5
