"""A two-column table is a list of terms: each row a note, the first cell its term (bold or
not), the second its definition, unless its header names two things it compares
(`| Thermoplastic | Thermosetting |`). A wider table is one when a column's header names
definitions (`| Layer | Devices | Definition |`): that column gives the definitions."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from markdown_it.token import Token

from flashcards import markup
from flashcards.errors import INFO, Problem
from flashcards.names import is_term_like
from flashcards.note import Note
from flashcards.rules.found import Context, Found, close
from flashcards.rules.points import in_section_item, name_over
from flashcards.terms import (
    CJK_LETTERS,
    HANGUL,
    SENTENCE_ENDS,
    clean_term,
    is_sentence,
    key,
    name_length,
    split_term,
    words,
)


def _under_name(toks: Sequence[Token], i: int) -> bool:
    """Whether the table at `i` is the first block after a list item's line that only names
    it (`* 용어` over `|권한|…|`): a table of terms of their own, as at the margin."""
    name = name_over(toks, i)
    if name is None:
        return False
    name = name.removesuffix(":")
    return 0 < len(name.split()) <= MAX_NAME and not is_sentence(name)


MAX_NAME = 4


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type != "table_open":
        return None
    if toks[i].level != 0 and not (_under_name(toks, i) or in_section_item(toks, i)):
        return None
    end = close(toks, i)
    rows = _numbers_aside(_side_by_side(_alternating(_stacked(_term_first(_rows(toks[i:end]))))))
    if _examples(rows):
        return _no_notes(ctx, toks[i], end, "a table of example sentences gives no notes")
    if _values(rows):
        return _no_notes(ctx, toks[i], end, "a table of values gives no notes")
    if _compares(rows):
        return _no_notes(ctx, toks[i], end, "a table that compares two things gives no notes")
    columns = len(rows[0][1]) if rows else 0
    if _headless(rows):
        # `| Carvedilol | Coreg | Beta-blocker used for …|` as its first line: no header, a
        # row like the others; the rest of each row its definition.
        notes = [
            _note(ctx, tr, cells[0], [[c for row in group for c in row[1:] if _text(c).strip()]])
            for tr, cells, group in _entries(rows)
        ]
        return _found(end, notes)
    defined = 1 if columns == 2 else _definitions_column(rows[0][1]) if rows else None
    if defined is not None and _grouped_first(rows, defined):
        rows, defined = [(tr, cells[1:]) for tr, cells in rows], defined - 1
    if defined is not None:
        notes = [
            _defined_note(ctx, tr, cells, group, defined, rows[0][1])
            for tr, cells, group in _entries(rows[1:])
            if len(cells) > defined
        ]
    elif columns > 2 and _grouped_first(rows, 2) and _merged_first(rows):
        # `| Na channel blockers | Carbamazepine | Seizure |` over `| | Phenytoin | Seizure |`:
        # each row named by its second cell, in the group written once over its rows
        rows = _named_second(rows)
        header = rows[0][1]
        notes = [
            _note(ctx, tr, cells[0], [_column([cells], k) for k in range(1, columns)], header[1:])
            for tr, cells in rows[1:]
        ]
    elif columns > 2 and (_lists_terms(rows) or _bold_names(rows) or _ranges(rows)):
        header = rows[0][1]
        notes = [
            _note(ctx, tr, cells[0], [_column(group, k) for k in range(1, columns)], header[1:])
            for tr, cells, group in _entries(rows[1:])
        ]
    elif (translation := _translation_column(rows[0][1])) is not None:
        notes = [
            _defined_note(ctx, tr, cells, group, translation, rows[0][1])
            for tr, cells, group in _entries(rows[1:])
            if len(cells) > translation
        ]
    else:
        message = f"a table of {columns} columns gives no notes; a table of terms has two"
        return _no_notes(ctx, toks[i], end, message)
    return _found(end, notes)


def _grouped_first(rows: Sequence[tuple[Token, list[Token]]], defined: int) -> bool:
    """Whether a table's first column groups its rows rather than naming them (`| Mode |
    Command | Description |` over `| # | configure terminal | … |`, `| | write | … |`): its
    few values repeat or are left blank down the rows, while the column after it, before
    the definitions, names each row once; a row that names nothing there (`-`) is left out."""
    body = [cells for _, cells in rows[1:] if len(cells) > defined and _named(_text(cells[1]))]
    if defined < 2 or len(body) < MIN_GROUPED:
        return False
    firsts = {first for cells in body if (first := key(_text(cells[0])))}
    names = [key(_text(cells[1])) for cells in body]
    repeated = 2 * len(firsts) <= len(body)
    return repeated and len(set(names)) == len(names)


MIN_GROUPED = 4
"""Rows under a first column of few values that make it a grouping, not the terms."""


def _merged_first(rows: Sequence[tuple[Token, list[Token]]]) -> bool:
    """Whether a table's first column is written as merged cells: each group once, over
    rows left blank under it (`| Na channel blockers | Class 1 | … |` over `| | -Caines |
    … |`). A value repeated down every row (`| 30 | Levlen® | … |`) sorts data instead."""
    firsts = [_text(cells[0]).strip() for _, cells in rows[1:] if cells]
    repeats = len(firsts) - len({first for first in firsts if first})
    return repeats > 0 and 2 * firsts.count("") >= repeats


def _named_second(rows: list[tuple[Token, list[Token]]]) -> list[tuple[Token, list[Token]]]:
    """The rows of a table whose first column groups them, each with its second cell first
    and its group after it, carried down the rows where the writer left it blank; a row with
    no name in its second cell (`| Ca channel activators | - | - |`) names nothing."""
    named, group = [rows[0]], None
    for tr, cells in rows[1:]:
        group = cells[0] if _text(cells[0]).strip() or group is None else group
        if len(cells) > 1 and _named(_text(cells[1])):
            named.append((tr, [cells[1], group, *cells[2:]]))
    header = rows[0][1]
    named[0] = (rows[0][0], [header[1], header[0], *header[2:]])
    return named


def _term_first(rows: list[tuple[Token, list[Token]]]) -> list[tuple[Token, list[Token]]]:
    """A two-column table's rows with the term first: a header that names the meanings
    first and the words second (`| 뜻 | 단어 |`, `| Meaning | Word |`) has them the other
    way round, as a learner who looks a word up by its meaning writes it."""
    header = [_header_words(_text(cell)) for cell in rows[0][1]] if rows else []
    if len(header) != 2 or not (header[0] & DEFINING and header[1] & TERMING):
        return rows
    return [(tr, cells[::-1]) for tr, cells in rows]


def _defined_note(
    ctx: Context,
    tr: Token,
    cells: list[Token],
    group: Sequence[Sequence[Token]],
    defined: int,
    header: list[Token],
) -> Note | None:
    """The note of a row of a table with a column of definitions: that column's cells; or,
    where the writer left it blank (`| DAC | Discretionary Access Control | |`), what the
    rest of the row says in words, each cell under its header."""
    column = _column(group, defined)
    # `| Physical | Bits | Hub | |`: single values wait for their definition still
    phrased = any(len(_text(cell).split()) >= 2 for cell in cells[1:])
    if column or not phrased:
        # `| - | - | l'arte | le arti | τέχνη |`: no masculine form, the word is the first given
        named = next((c for c in cells[:defined] if _words(_text(c))), cells[0])
        return _note(ctx, tr, named, [column])
    others = range(1, len(header))
    return _note(ctx, tr, cells[0], [_column(group, k) for k in others], header[1:])


def _found(end: int, notes: Sequence[Note | None]) -> Found:
    """A table's notes; their terms count as bold items' do: the same row names in a table
    under each of several headings (`| **Action** | … |` under `### ACE Inhibitors`, `###
    ARBs`) are labels, and each heading the term."""
    made = [n for n in notes if n is not None]
    return Found(end, notes=made, bold=[n.key for n in made])


MIN_DESCRIBED = 4
"""Words in a header cell that make it a description, as a header never is: the table's
first row, written where its header would be."""


def _headless(rows: Sequence[tuple[Token, list[Token]]]) -> bool:
    """Whether a table's header row is one of its rows (`| Carvedilol | Coreg | Beta-blocker
    used for hypertension … |`): its last cell a description of four words or more, beside
    a first cell of a name written as the rows' names are, and the rows under it alike (a row
    left blank aside); no header word among its cells."""
    if len(rows) < 2 or len(rows[0][1]) < 2:
        return False
    header = [_text(cell).strip() for cell in rows[0][1]]
    if any(_header_words(cell) & (TERMING | DEFINING) for cell in header):
        return False
    first, last = header[0], header[-1]
    named = any(c.isalpha() for c in first) and name_length(first) <= MAX_NAME
    described = len(last.split()) >= MIN_DESCRIBED and named
    body = [cells for _, cells in rows[1:] if len(cells) == len(header)]
    if any(_bold(cells[0]) != _bold(rows[0][1][0]) for cells in body if _text(cells[0]).strip()):
        return False  # `| 이론 |` over `| **갈등이론** |`: the rows' names set apart, a header
    filled = [_text(cells[-1]).split() for cells in body if _text(cells[-1]).strip()]
    alike = all(len(words) >= MIN_DESCRIBED // 2 for words in filled)
    return described and bool(body) and alike


def _no_notes(ctx: Context, table: Token, end: int, message: str) -> Found:
    """A table passed over, with an info at its line that says why."""
    return Found(end, problems=[Problem(ctx.path, ctx.line(table), message, INFO)])


TERMING = frozenset(
    {
        "term", "terms", "name", "names", "abbr", "abbreviation", "abbreviations", "acronym",
        "word", "words", "keyword", "vocabulary", "용어", "약어", "이름", "단어", "명칭", "키워드",
        "用語", "単語", "語句", "語彙", "名称", "术语", "单词", "词汇", "词语", "名稱", "詞彙",
    }
)  # fmt: skip
"""Headers of a first column of terms: a wider table with one and no column of definitions
(`| Abbr. | Names | Purposes |`) is a table of terms, the rest of each row its definition,
each cell under its header."""


COMPARING = frozenset(
    {"", "구분", "항목", "비교", "비교 항목", "기준", "특징", "차이", "feature", "features"}
    | {"property", "properties", "aspect", "aspects", "criteria", "criterion", "attribute"}
    | {"characteristic", "characteristics", "comparison", "vs", "vs."}
)
"""First headers of a table that compares things: its rows are what it compares them by
(`| 구분 | TCP | UDP |` over `| 속도 | … | … |`), no terms."""


def _by_traits(rows: Sequence[tuple[Token, list[Token]]]) -> bool:
    """Whether a table's first header says its rows are what things are compared by (see
    `COMPARING`)."""
    return key(_text(rows[0][1][0])).rstrip(".:") in COMPARING


def _of_terms(rows: Sequence[tuple[Token, list[Token]]]) -> bool:
    """Whether a wide table lists terms down its first column: its header says so (`Term`,
    `Mode name`), or names the kind of thing each row is (`| Polymer | Monomer(s) | Uses |`)
    over rows named in a few words, each once."""
    header = rows[0][1][0]
    if _names_terms(header):
        return True
    if _by_traits(rows):
        return False
    # A row with its first cell blank goes on with the row above (`|| Gut bacteria | SIBO |`).
    firsts = [f for _, cells in rows[1:] if cells and (f := key(_text(cells[0])))]
    short = all(_length(f) <= 4 and not is_sentence(f) and _named(f) for f in firsts)
    return len(firsts) >= 2 and short and len(set(firsts)) == len(firsts) and _phrased(rows)


def _length(name: str) -> int:
    """The words of a row's name, one joined by a sign counted as one field (`Deviance, Crime
    & Social Control`: four)."""
    return name_length(_JOINING.sub(" ", name))


_JOINING = re.compile(r"\s[&+/]\s")
"""A sign that joins two fields of a name (`Culture & Socialization`)."""


def _lists_terms(rows: Sequence[tuple[Token, list[Token]]]) -> bool:
    """Whether a wide table lists terms down its first column, with no column of definitions:
    its header or its rows say so, or it is a vocabulary."""
    return (_of_terms(rows) and _worded(rows[1:])) or _translated(rows)


def _bold_names(rows: Sequence[tuple[Token, list[Token]]]) -> bool:
    """Whether a wide table sets the name of every row in bold, and nothing else of its rows
    (`| **혈색소(Hemoglobin, Hb)** | 13–17 | g/dL |`): its writer marked the terms, whatever
    the cells beside them hold; unless its header says the rows are what things are compared
    by (`| 구분 | TCP | UDP |`)."""
    if _by_traits(rows):
        return False
    body = [cells for _, cells in rows[1:] if cells and _text(cells[0]).strip()]
    firsts = [key(_text(cells[0])) for cells in body]
    named = all(_bold(cells[0]) and not any(map(_bold, cells[1:])) for cells in body)
    short = all(name_length(f) <= MAX_NAME and _named(f) for f in firsts)
    return len(body) >= 2 and named and short


def _translated(rows: Sequence[tuple[Token, list[Token]]]) -> bool:
    """Whether a wide table is a vocabulary: down its first two columns, row after row, a
    word and its counterpart in another script (`| 빵 | パン | 팡 |` under `| 한국어 | 일본어
    | 발음 |`), the rest of the row more about the word, under a header that names its
    columns in one language. A table that compares things by what its rows name (`| 구분 |
    TCP | UDP |` over `| 속도 | fast | slow |`), or sets forms side by side (`| dictionary
    form | する | くる |`: a header of the things compared), is none."""
    header = [_text(cell).strip() for cell in rows[0][1]]
    # `| German | English | Notes |`: columns named for two languages hold a phrase and its
    # translation, in one script or two, a word or a sentence; a column of its sound may
    # stand between them (`| 네덜란드어 | 발음 | 한국어 |`).
    # A first column named for a language holds its words, the rest their counterparts,
    # named for a language or for the forms they take (`| English | Masc. | Fem. |`).
    named = [bool(_header_words(cell) & LANGUAGES) for cell in header]
    languages = len(named) >= 2 and named[0]
    if _by_traits(rows) or (not languages and _script(header[0]) != _script(header[1])):
        return False
    pairs = [
        (first, second)
        for _, cells in rows[1:]
        if len(cells) >= 2
        and (first := _text(cells[0]).strip())
        and (second := _text(cells[1]).strip())
    ]
    if languages:  # the header says what the rows are, however few
        return bool(pairs)
    if len(pairs) < MIN_TRANSLATED:
        return False
    named = all(name_length(a) <= 4 and not is_sentence(a) and _named(a) for a, _ in pairs)
    crossed = sum(_script(a) != _script(b) for a, b in pairs)
    return named and crossed >= TRANSLATED_SHARE * len(pairs)


MIN_TRANSLATED = 3
TRANSLATED_SHARE = 0.8
"""Rows, and the share of them, whose first two cells are in two scripts: a vocabulary."""


def _phrased(rows: Sequence[tuple[Token, list[Token]]]) -> bool:
    """Whether a column beside the first mostly holds phrases (`Plastic bags, bottles`), not
    single values (`| Hot | high | instant |`: a table of settings); of its filled cells, two
    at least: a table filled in as the writer learns leaves rows blank."""
    body = [cells for _, cells in rows[1:]]
    columns = max((len(cells) for cells in body), default=0)
    return any(_phrases(body, k) for k in range(1, columns))


def _phrases(body: Sequence[list[Token]], k: int) -> bool:
    filled = [words for cells in body if k < len(cells) and (words := _text(cells[k]).split())]
    return len(filled) >= 2 and 2 * sum(len(words) >= 2 for words in filled) > len(filled)


def _named(text: str) -> bool:
    """Whether a cell holds a name in words, not a code or an address (`D250100`,
    `192.168.1.101`)."""
    return sum(c.isalpha() for c in text) > sum(c.isdigit() for c in text)


def _names_terms(header: Token) -> bool:
    """`Term`, `Abbr.`, and a kind of name (`Mode name`, `Chord name`)."""
    words = key(_text(header)).rstrip(".").split()
    return bool(words) and (" ".join(words) in TERMING or words[-1] in TERMING)


def _worded(body: Sequence[tuple[Token, list[Token]]]) -> bool:
    """Whether most cells of a column beside the terms hold words: a table of data (`| Kim |
    90 | 1 |`) holds figures only, and describes nothing."""
    columns = max((len(row) for _, row in body), default=0)
    return any(_worded_column(body, k) for k in range(1, columns))


def _worded_column(body: Sequence[tuple[Token, list[Token]]], k: int) -> bool:
    filled = [text for _, row in body if k < len(row) and (text := _text(row[k])).strip()]
    return 2 * sum(_words(text) for text in filled) > len(filled) > 0


DEFINING = frozenset(
    {"definition", "definitions", "def", "meaning", "description"}
    | {"정의", "뜻", "의미", "설명", "개념"}
    | {"意味", "説明", "定義", "意思", "含义", "含義", "解释", "解釋", "说明", "定义", "释义"}
)
"""Headers of a column of definitions: a wider table with one (`| Term | Example | Definition
|`) is a table of terms too, its first column the term and that column the definition."""


def _definitions_column(header: list[Token]) -> int | None:
    """The first column after the terms whose header names definitions, if any."""
    return next((k for k, cell in enumerate(header) if k and _defines(cell)), None)


def _ranges(rows: Sequence[tuple[Token, list[Token]]]) -> bool:
    """Whether a wide table gives the normal range of what its rows name: a header that
    names a range's bounds or its reference (`| Lab | Low | High | Units |`, `| 검사 | 정상치
    |`), over rows each named in words (`| Na+ | 135 | 145 | mEq/L |`)."""
    header = [_header_words(_text(cell)) for cell in rows[0][1][1:]]
    firsts = [_text(cells[0]).strip() for _, cells in rows[1:] if cells]
    named = bool(firsts) and all(_words(first) for first in firsts if first)  # `PO4 3-`
    return named and any(words & RANGE_WORDS for words in header)


RANGE_WORDS = frozenset(
    words(
        """low high normal range reference min max minimum maximum 정상 정상치 정상범위 참고치
    범위 하한 상한 正常值 参考值 参考范围 范围 基準値"""
    )
)
"""Header words of the bounds of a normal range and its reference (`Low`, `High`, `정상치`)."""


def _translation_column(header: list[Token]) -> int | None:
    """Under a first header that names no language, the one column named for a language
    (`| Masculine | | Feminine | | Greek (Ελληνικά) | Pronunciation |`): a wide vocabulary,
    the words' forms across and their translation in that column."""
    if not header or _header_words(_text(header[0])) & LANGUAGES:
        return None
    named = [k for k, cell in enumerate(header) if k and _header_words(_text(cell)) & LANGUAGES]
    return named[0] if len(named) == 1 else None


def _defines(header: Token) -> bool:
    """Whether a header cell names a column of definitions (`정의 (Definition)` too)."""
    return not _header_words(_text(header)).isdisjoint(DEFINING)


def _header_words(header: str) -> set[str]:
    """A header cell's words, its parentheses aside (`정의 (Definition)`); a compound in an
    East Asian script ends in what it names (`暗記単語`, words to learn by heart; `영어단어`),
    so its last two and three letters count as words too."""
    found = set(key(header).replace("(", " ").replace(")", " ").split())
    ends = {w[-n:] for w in found if _COMPOUND.fullmatch(w) for n in (2, 3) if len(w) > n}
    return found | ends


_COMPOUND = re.compile(f"[{CJK_LETTERS}]+")


def _numbers_aside(
    rows: list[tuple[Token, list[Token]]],
) -> list[tuple[Token, list[Token]]]:
    """The rows without a first column that numbers them (`| 번호 | 영어 단어 | 한국어 뜻 |`
    over `| 1 |`, `| 2 |`, …) or of symbols, checkboxes and blanks under a header of none (`|
    | 음표 이름 | 박의 길이 |`, `| [x] | Topic |`): no terms. Numbers that do not count the
    rows one by one (`| sid |` over `| 22 |`, `| 31 |`) are data, and the table with them."""
    body = rows[1:]
    if not body or not all(cells for _, cells in body):
        return rows
    firsts = [_text(cells[0]).strip() for _, cells in body]
    counted = all(text.rstrip(".").isdecimal() for text in firsts) and _one_by_one(firsts)
    header = _text(rows[0][1][0]) if rows[0][1] else ""
    # A column of checkboxes (`| [x] |` over `| [ ] |`) marks the rows as done or not.
    marked = not _marked_words(header) and not any(_marked_words(text) for text in firsts)
    return [(tr, cells[1:]) for tr, cells in rows] if counted or marked else rows


def _one_by_one(numbers: Sequence[str]) -> bool:
    """Whether numbers count by one, row after row, up or down (`1`, `2`, `3`; the OSI
    layers `7` to `1`)."""
    values = [int(text.rstrip(".")) for text in numbers]
    steps = {later - earlier for earlier, later in pairwise(values)}
    return steps <= {1} or steps <= {-1}


def _side_by_side(
    rows: list[tuple[Token, list[Token]]],
) -> list[tuple[Token, list[Token]]]:
    """The rows of a table that sets two tables or more side by side, its header repeating
    (`| 단어 | 뜻 | 단어 | 뜻 |`), each row cut into its pieces, one after another."""
    if not rows:
        return rows
    names = [key(_text(cell)) for cell in rows[0][1]]
    width = next(
        (
            p
            for p in range(2, len(names) // 2 + 1)
            if len(names) % p == 0 and all(n == names[k % p] for k, n in enumerate(names))
        ),
        None,
    )
    if width is None or not any(names[:width]):
        return rows
    pieces = [
        (tr, cells[k : k + width])
        for tr, cells in rows[1:]
        for k in range(0, len(cells), width)
        if any(_text(cell).strip() for cell in cells[k : k + width])
    ]
    return [(rows[0][0], rows[0][1][:width]), *pieces]


def _stacked(rows: list[tuple[Token, list[Token]]]) -> list[tuple[Token, list[Token]]]:
    """The rows of a vocabulary laid out as a grid under a blank header, each row of words
    over a row of their meanings in another script (`| うみ | きって |` over `| sea | postal
    stamps |`): each word and its meaning a row of two cells, at the line of the word."""
    header, body = rows[0][1] if rows else [], rows[1:]
    if len(body) < 2 * MIN_STACKED or any(_text(cell).strip() for cell in header):
        return rows
    pairs = [(body[k], body[k + 1]) for k in range(0, len(body) - 1, 2)]
    found = [
        (words[0], [word, meaning])
        for words, meanings in pairs
        for word, meaning in zip(words[1], meanings[1], strict=False)
        if _text(word).strip() and _text(meaning).strip()
    ]
    scripts = {(_script(_text(word)), _script(_text(meaning))) for _, (word, meaning) in found}
    if len(body) % 2 or len(scripts) != 1 or len({*next(iter(scripts))}) != 2:
        return rows
    return [(rows[0][0], header[:2]), *found]


MIN_STACKED = 2
"""Pairs of rows, a row of words over a row of meanings, that make a grid a vocabulary."""


def _alternating(rows: list[tuple[Token, list[Token]]]) -> list[tuple[Token, list[Token]]]:
    """The rows of a vocabulary written a row per word and a row per meaning, its header the
    first word's row (`| 我 [wǒ] | 我是中国人。 |` over `| 나 | 나는 중국인 입니다. |`, then
    `| 你 [nǐ] | … |`): the first cells alternate in script, row after row. Each word, with the
    first cell of the row under it as its meaning, is a row of two cells under a blank header."""
    if len(rows) < 2 * MIN_STACKED or len(rows) % 2:
        return rows
    scripts = [_script(_text(cells[0])) if cells else "" for _, cells in rows]
    words, meanings = set(scripts[::2]), set(scripts[1::2])
    if len(words) != 1 or len(meanings) != 1 or words == meanings or "" in words | meanings:
        return rows
    blank = Token("inline", "", 0, children=[])
    pairs = [(rows[k][0], [rows[k][1][0], rows[k + 1][1][0]]) for k in range(0, len(rows), 2)]
    return [(rows[0][0], [blank, blank]), *pairs]


MIN_EXAMPLE_WORDS = 6
"""Words of a sentence that illustrates a word in use (`The museum has a unique collection of
stamps.`); a phrase to learn by heart is shorter (`Where is the station?`)."""


def _examples(rows: Sequence[tuple[Token, list[Token]]]) -> bool:
    """Whether a table's first column holds sentences (`| The museum has a unique collection
    of stamps. | 그 박물관은 … |`): examples of words in use, no terms."""
    firsts = [_text(cells[0]).strip() for _, cells in rows[1:] if cells]
    long = sum(
        len(text.split()) >= MIN_EXAMPLE_WORDS and text.endswith(SENTENCE_ENDS) for text in firsts
    )
    return bool(firsts) and 2 * long > len(firsts)


def _compares(rows: Sequence[tuple[Token, list[Token]]]) -> bool:
    """Whether a two-column table sets two things side by side: its header names both
    (`| Thermoplastic | Thermosetting |`, `| TCP | UDP |`) and most rows give a trait of
    each in one language (`| softens on heating | does not soften |`), no terms down its
    first column. A header of a word and its meaning in another script (`| be | 있다 |`) is
    a vocabulary's first row; one that names its columns (`| Word | Meaning |`, `| English
    | Korean |`) heads a list of terms."""
    if len(rows) < MIN_COMPARED or len(rows[0][1]) != 2:
        return False
    sides = [_text(cell).strip() for cell in rows[0][1]]
    if not all(_names_a_side(side) for side in sides) or _script(sides[0]) != _script(sides[1]):
        return False
    body = [cells for _, cells in rows[1:] if len(cells) == 2]
    pairs = [[_text(cell).strip() for cell in cells] for cells in body]
    alike = sum(bool(a and b) and _script(a) == _script(b) for a, b in pairs)
    # `| **갈등이론** | 형식적 … |`: names set in bold down the first column are terms
    named = sum(_bold(cells[0]) and not _bold(cells[1]) for cells in body)
    return 2 * alike > len(pairs) and 2 * named <= len(body)


def _bold(cell: Token) -> bool:
    return markup.bold_whole(cell.children or []) is not None


MIN_COMPARED = 3
"""Rows of a table that compares, its header counted: two traits at least."""

LANGUAGES = frozenset(
    words(
        """english korean 한국어 영어 한글 spanish español japanese 일본어 chinese 중국어 french
    프랑스어 german deutsch 독일어 스페인어 italian 이탈리아어 russian 러시아어 portuguese latin
    greek dutch nederlands 네덜란드어 포르투갈어 라틴어 그리스어 vietnamese 베트남어 thai 태국어
    arabic 아랍어 hindi 힌디어 indonesian 인도네시아어 turkish 터키어 swedish 스웨덴어 polish
    폴란드어 hebrew 히브리어 mongolian 몽골어 esperanto 에스페란토어 한자
    en es fr de it pt nl ru ja ko zh"""
    )
)
"""Headers that name a language, by its name or its code (`| es | en | ex |`): two head a
vocabulary (`| German | English |`)."""

_COLUMN_WORDS = (
    TERMING
    | DEFINING
    | LANGUAGES
    | frozenset(
        words(
            """en es ko kr ja jp fr de zh cn meanings
    translation 번역 example examples 예문 예시 예 value values 값 내용 분야 종류 유형 비고 type
    types category kind note notes remarks content contents character characters number
    numbers symbol symbols pinyin reading 한자 음 훈 function functions role roles purpose
    purposes use uses 기능 역할 용도 목적 특징 특성
    verb verbs noun nouns adjective adjectives adverb adverbs form forms singular plural
    infinitive present past participle tense conjugation stem ending 동사 명사 형용사 부사
    원형 기본형 현재형 과거형 과거분사 활용 형태 어미
    備考 备注 備註 内容 內容 例文 例句 例子 読み 读音 發音 发音 拼音 翻訳 翻译 分類 分类 種類 种类
    wrong right incorrect correct correction mistake mistakes error errors fix usage
    틀린 바른 잘못된 올바른 옳은 그른 맞는 표현 맞춤법 오답 정답 오류 수정 고친"""
        )
    )
)
"""Words of headers that name a column rather than a thing (`| English | Korean |`, `| es |
en |`, `| 분야 | 내용 |`, `| Term | Commodity description |`), and those that name a word's
grammar (`| Verb | Form [て] |`, `| 원형 | 과거형 |`): a column of words and one of their forms;
and those of a table of corrections (`| 틀린 표현 | 바른 표현 |`, `| Incorrect | Correct |`):
each row a mistake to learn and its fix."""


def heads_columns(cells: Sequence[str]) -> bool:
    """Whether a row is a header: every cell names a column (see `names_columns`), or the
    first names the language or the kind of name its column holds (`| English |
    First-person |`, `| Term | … |`)."""
    first = _header_words(cells[0]) if cells else set()
    return names_columns(cells) or bool(first and first <= (LANGUAGES | TERMING))


def names_columns(cells: Sequence[str]) -> bool:
    """Whether every cell of a row names a column (`Word | definition`, `Term | 뜻`): the
    header of a table, written where its first row would be."""
    return bool(cells) and all(
        (found := _header_words(cell)) and found <= _COLUMN_WORDS for cell in cells
    )


def _names_a_side(header: str) -> bool:
    """Whether a header cell names a thing, no column: none of its words names one
    (`Commodity description`, `es`, `내용`)."""
    named = key(header) not in COMPARING and _header_words(header).isdisjoint(_COLUMN_WORDS)
    return named and is_term_like(header) and len(header.split()) <= MAX_SIDE_WORDS


MAX_SIDE_WORDS = 4


def _script(text: str) -> str:
    """The script a cell is written in, roughly: Hangul, Latin letters, or anything else."""
    if HANGUL.search(text):
        return "hangul"
    return "latin" if any("a" <= ch.casefold() <= "z" for ch in text) else "other"


def _values(rows: Sequence[tuple[Token, list[Token]]]) -> bool:
    """Whether every cell under a table's header is a value (`| T | F |`, `| 1 | 0 | 0 1 |`,
    see `_VALUE`): a truth table or a table of figures, with no word to define."""
    cells = [_text(cell).strip() for _, row in rows[1:] for cell in row]
    return bool(cells) and all(_VALUE.fullmatch(text) for text in cells)


_PITCH = r"[A-G](?:#|b|bb|n|x|\u266f|\u266d)?(?:b)?(?:\s*\([A-G][#b]{0,2}\))?"
_VALUE = re.compile(rf"[A-Za-z]|[^\w]*\d[\d\W]*|{_PITCH}(?:\s*/?\s*{_PITCH})*|")
"""A value: one Latin letter (`T`, `F`, `x`) or figures and signs (`0 1`, `1/2`, `-`), a note's
pitch (`F#`, `Bb`, `Ebb (D)`, `C# / Db`), or nothing. A word of one letter in another script
(`| 水 | 물 |`) is a term and its meaning."""


def _words(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _marked_words(text: str) -> bool:
    """Whether a cell of a first column holds a word, a checkbox (`[ ]`, `[x]`) aside."""
    return _words(_CHECKBOX.sub("", text))


_CHECKBOX = re.compile(r"\[[ xX]\]")


def _rows(toks: Sequence[Token]) -> list[tuple[Token, list[Token]]]:
    """Each row's opening token and the inline token of each of its cells; the header first."""
    rows: list[tuple[Token, list[Token]]] = []
    for tok in toks:
        if tok.type == "tr_open":
            rows.append((tok, []))
        elif tok.type == "inline" and rows:
            rows[-1][1].append(tok)
    return rows


def _entries(
    body: Sequence[tuple[Token, list[Token]]],
) -> list[tuple[Token, list[Token], list[list[Token]]]]:
    """Each row that names a term, its cells, and the cells of it and of the rows that go on
    from it: a row whose first cell is blank (`|| Gut bacteria | SIBO |`) adds to the row
    above, as a merged cell reads."""
    entries: list[tuple[Token, list[Token], list[list[Token]]]] = []
    for tr, cells in body:
        if cells and not _text(cells[0]).strip() and entries:
            entries[-1][2].append(cells)
        else:
            entries.append((tr, cells, [cells]))
    return entries


def _column(group: Sequence[Sequence[Token]], k: int) -> list[Token]:
    """The filled cells of column `k` down a term's rows."""
    return [row[k] for row in group if k < len(row) and _text(row[k]).strip()]


def _note(
    ctx: Context,
    tr: Token,
    term_cell: Token,
    columns: Sequence[Sequence[Token]],
    headers: Sequence[Token] = (),
) -> Note | None:
    """The note of a row: its term, and its definition from one column, or from several,
    each under its header (`Names: Spanning Tree Protocol`); a column's cells down the
    term's rows one under another."""
    term = clean_term(_text(term_cell))
    if not term:
        return None
    if headers:
        filled = [(h, c) for h, c in zip(headers, columns, strict=False) if c]
        html = "<br>".join(f"{_html(h)}: {_joined_html(c)}" for h, c in filled)
        text = "\n".join(f"{_text(h)}: {_joined_text(c)}" for h, c in filled)
    else:
        html, text = _joined_html(columns[0]), _joined_text(columns[0])
    short, expansion = split_term(term)
    return Note(term, short, expansion, ctx.category, text, html, ctx.path, ctx.line(tr))


def _text(cell: Token) -> str:
    return markup.plain(cell.children or [])


def _html(cell: Token) -> str:
    return markup.inline_html(cell.children or [])


def _joined_text(cells: Sequence[Token]) -> str:
    return "\n".join(_text(cell) for cell in cells)


def _joined_html(cells: Sequence[Token]) -> str:
    return "<br>".join(_html(cell) for cell in cells)
