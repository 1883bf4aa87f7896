"""The walk over a sheet's tokens: it dispatches each token to the shape rules (`rules/`),
takes in the walks of later pieces, and then decides what only the whole sheet can tell
(heading terms, duplicates, categories)."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import frontmatter, markup
from flashcards.errors import ERROR, INFO, WARNING, Problem
from flashcards.names import labels_properties, names_examples
from flashcards.note import QUESTION, Note, Sheet
from flashcards.questions import asked, judges
from flashcards.rules import AT, Context, Found, answer_heading, cloze_lines
from flashcards.rules.beside import (
    answered,
    defined_after,
    kinds,
    of_a_set,
    stated,
    under_labels,
)
from flashcards.rules.definition_list import headless
from flashcards.rules.details import opens_fold
from flashcards.rules.entries import after_a_point, says
from flashcards.rules.found import LISTS, line_of
from flashcards.rules.heading_labels import (
    is_patterned,
    label_parts,
    label_pattern,
)
from flashcards.rules.heading_note import heading_note, introduced_terms, own_note
from flashcards.rules.headings import heading_terms
from flashcards.rules.lead import lead
from flashcards.rules.prose_definition import entry_heading, stated_heading
from flashcards.rules.section import (
    POINTED,
    Section,
    mark_questions,
    meta_sections,
    parents,
    unnumber,
)
from flashcards.sentences import counts_kinds, says_what
from flashcards.terms import (
    AUTO,
    HEADINGS,
    abbreviates,
    defines,
    heading_name,
    is_label,
    is_property,
    is_sentence,
    key,
    marks_question,
    same_term,
    split_term,
)

NO_NOTES = (
    "no notes found: a note is a bold term with its definition (in a list item, a paragraph "
    "or a table row), a heading over its definition, or a <details> question"
)

Job = tuple[str, int, str, bool]
"""(path, number of lines before the piece, the piece, whether it ends the text)."""


class Walk:
    """What the walk over a source's tokens has found so far, one piece after another."""

    def __init__(self, path: str, first: bool) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.sections = [Section("", 1, 0)]  # what stands before any heading
        self.description = ""
        self.intro = first  # still reading the intro: no heading but a title, no note yet
        self.blocks = 0  # top-level blocks seen in the intro
        self.front: tuple[str, int] | None = None
        self._context: Context | None = None
        self._containers: list[str] = []
        self._lists: dict[int, int] = {}
        """Where the last list opened at each level: an item's list, found without a walk
        back over the items before it."""

    def feed(self, toks: Sequence[Token], offset: int) -> None:
        i, intro_end, title = 0, None, None
        self._containers = markup.containers(toks)
        self._lists = {}
        while i < len(toks):
            tok = toks[i]
            if tok.type == "front_matter":
                self.front = (tok.content, line_of(tok, offset))
            elif tok.type == "heading_open":
                if self.intro and self.blocks:
                    intro_end, self.intro = i, False
                elif self.intro:
                    title = i
                self._heading(toks, i, offset)
            else:
                found = self._match(toks, i, offset)
                if found is not None and (found.notes or found.aside) and self.intro:
                    # A note right under the first heading makes it a category, not a title.
                    end = _block_start(toks, i) if title is None else title
                    intro_end, self.intro = end, False
                if found is not None:
                    i = found.end
            if tok.level == 0 and tok.nesting >= 0 and tok.type != "front_matter":
                self.blocks += 1
            i += 1
        if intro_end is not None or self.intro:
            self.description = markup.html(toks[: len(toks) if intro_end is None else intro_end])

    def _heading(self, toks: Sequence[Token], i: int, offset: int) -> None:
        tok = toks[i]
        text = markup.plain(toks[i + 1].children or [])
        body = (tok.map[1] if tok.map else 0) + offset
        section = Section(
            heading_name(text), line_of(tok, offset), int(tok.tag[1]), tok.level == 0, body
        )
        section.asks = marks_question(text)
        self.sections.append(section)

    def _match(self, toks: Sequence[Token], i: int, offset: int) -> Found | None:
        section = self.sections[-1]
        if toks[i].level == 0 and toks[i].type not in ("front_matter", "heading_close"):
            if toks[i].nesting >= 0 and not section.opening:  # never a close passed over
                section.opening = _opening(toks, i)
                line = _first_line(toks, i, section.opening)
                section.says = _says(section.opening, line) or _names_itself(section, line)
                section.counts = section.opening == "paragraph" and counts_kinds(line)
                phrase = _phrase_text(toks, i, section.opening)
                section.phrase = _phrase(phrase)
                section.described = _described(phrase)
                section.spelled = _spelled_out(_opening_words(toks, i, line), section.name)
                # Points that open by saying what the heading means are its first point's:
                # entries after it in the same list (`- **용혈성황달**: …` under `### 황달`
                # over `- …피부가 황색으로 변하는 현상`) are terms its text goes on to define.
                opened = toks[i + 1] if section.opening == "sentences" else toks[i]
                if section.opening and opened.map:
                    section.first = (opened.map[0] + 1 + offset, opened.map[1] + offset)
            section.content = True
        if toks[i].type in LISTS:
            self._lists[toks[i].level] = i
        if toks[i].type not in AT:
            return None
        ctx = self._context
        if (
            ctx is None
            or ctx.category != section.name
            or ctx.offset != offset
            or ctx.containers is not self._containers
        ):
            ctx = self._context = Context(self.path, offset, section.name, self._containers)
        found = _first(ctx, toks, i)
        if found is None:
            return None
        section.notes += found.notes
        section.aside += found.aside
        asked = " ".join(n.key for n in found.notes)
        for answer, lines_before in found.answers:
            inner = self._defined_in(answer, lines_before, section.name)
            # `페이징과 세그멘테이션의 차이는?` over both: the sides of its question
            section.aside += [n for n in inner if n.key not in asked]
        section.bold += found.bold
        section.bare += found.bare
        section.loose += found.loose
        # A term among a heading's points, after one that says something of what the
        # heading names (`### fcfs` over `- first proc … gets it first` and `- managed with
        # fifo queue` over its points), is a point the heading may take in too.
        first = self._lists.get(toks[i].level - 1, i - 1) + 1  # its list's first item
        weak = found.weak or (toks[i].type == "list_item_open" and after_a_point(toks, i, first))
        section.weak += len(found.notes) if weak else 0
        self.problems += found.problems
        return found

    def _defined_in(self, toks: Sequence[Token], offset: int, category: str) -> list[Note]:
        """The terms an answer defines (`- Atomicity(원자성)` over what it is, under `ACID에
        대해 설명해주세요`; `### 제 1 정규형` over its text): notes beside its question.
        Labels (`- 장점`) and short values (`- 과거: 데이터 기반`) stay its text."""
        ctx = Context(self.path, offset, category, markup.containers(toks))
        notes: list[Note] = []
        i = 0
        while i < len(toks):
            headed = answer_heading.rule(ctx, toks, i)
            if headed is not None:  # `### 제 1 정규형` over what it is
                notes += headed[0]
                i = headed[1]
                continue
            found = _first(ctx, toks, i) if toks[i].type in _LISTED else None
            if found is not None:
                made = [*found.notes, *found.aside]
                notes += [n for n in made if not is_label(n.term) and says(n.definition)]
                i = found.end
            i += 1
        return sorted(notes, key=lambda n: n.line)

    def absorb(self, later: Walk) -> None:
        """Take in the walk over the next piece of the same text."""
        first, *sections = later.sections
        # What stands before a piece's first heading belongs to the section open before it.
        last = self.sections[-1]
        last.notes += first.notes
        last.aside += first.aside
        last.bold += first.bold
        last.bare += first.bare
        last.loose += first.loose
        if not last.opening:
            last.opening, last.first, last.phrase = first.opening, first.first, first.phrase
            last.described = first.described
        last.content = last.content or first.content
        last.weak += first.weak
        self.sections += sections
        self.problems += later.problems
        # Only the first piece holds the intro and the front matter.
        self.description = self.description or later.description
        self.front = self.front or later.front

    def sheet(self, text: str, terms: str | None) -> Sheet:
        front = (
            frontmatter.read(self.front[0], self.path, self.front[1])
            if self.front
            else frontmatter.FrontMatter()
        )
        self._cards(text)
        unnumber(self.sections)
        mark_questions(self.sections)
        up = parents(self.sections)
        meta = meta_sections(self.sections, up)
        mode = terms or front.terms or AUTO
        notes, chosen, owner, pattern = self._read(text, mode, front.title, up, meta)
        if mode == AUTO and not notes:
            # A sheet that writes no term any other way names them by its headings, each
            # over its text (`### 1. 벡터공간` over its axioms, `### Job satisfaction`);
            # one heading alone is the sheet's title, and one that labels a part (`##
            # Purpose`) names no term.
            named, chosen_named, owner_named, _ = self._read(text, HEADINGS, front.title, up, meta)
            named = [n for n in named if not is_label(n.term)]
            if sum(defines(n.definition) for n in named) >= 2:
                notes, chosen, owner, pattern = named, chosen_named, owner_named, set()
        if pattern:  # `**Education:**` under a heading of drugs too: the sheet's label
            lines = text.splitlines()
            # a heading of the same name defines it (`#### Acceleration of Gravity` over
            # its text, where `- Acceleration of Gravity` lists a formula's quantities)
            headed = {s.line for s in self.sections if s.level}
            notes = [
                n
                for n in notes
                if not is_patterned(n.key, pattern) or of_a_set(n, lines) or n.line in headed
            ]
        boilerplate = _boilerplate(notes)
        said = [defines(n.definition, n.term) for n in notes]
        empty = [n for n, ok in zip(notes, said, strict=True) if not ok]
        repeated = [
            n for n, ok in zip(notes, said, strict=True) if ok and n.definition in boilerplate
        ]
        problems = [*self.problems, *front.problems, *_no_definitions(empty)]
        problems += _repeated(repeated, boilerplate)
        if empty or repeated:
            notes = [
                n
                for n, ok in zip(notes, said, strict=True)
                if ok and n.definition not in boilerplate
            ]
        counted = _counted(notes)
        problems += _numbered(counted)
        kept, duplicates = _unique([n for n in notes if n not in counted])
        problems += duplicates + _section_problems(self.sections, chosen | meta, self.path)
        renames = _renames(front, kept, self.path, self.front[1] if self.front else 1)
        problems += renames.problems
        if not kept and not any(p.level == ERROR for p in problems):
            problems.append(Problem(self.path, 1, NO_NOTES))
        used = {n.category for n in kept}
        categories = tuple(
            (s.name, s.line)
            for i, s in enumerate(self.sections)
            if owner[i] == i and s.name in used and s.name
        )
        return Sheet(
            self.path,
            tuple(kept),
            self.description,
            tuple(dict.fromkeys(categories)),
            tuple(sorted(problems)),
            front.tags,
            renames.pairs,
        )

    def _read(
        self, text: str, mode: str, title: str, up: list[int], meta: set[int]
    ) -> tuple[list[Note], set[int], list[int], set[str]]:
        """The notes the sheet gives when its terms are written as `mode` says, with the
        headings chosen as terms, each section's category owner and the sheet's labels."""
        owner = _categories(self.sections, up)
        parts = label_parts(self.sections, up, meta)
        pattern = label_pattern(self.sections, meta) if mode == AUTO else set()
        chosen = heading_terms(self.sections, up, mode, meta, parts, pattern, title)
        parts = {p: c for p, c in parts.items() if p in chosen}
        labels = {label for labelled in parts.values() for label in labelled}
        introduced = introduced_terms(self.sections, mode, chosen, meta | labels)
        for parent, labelled in parts.items():
            for label in labelled:  # what stands under `### 개념` is the term's
                owner[label] = owner[parent]
        notes = self._notes(text, up, owner, chosen, meta, introduced, parts)
        return notes, chosen, owner, pattern

    def _cards(self, text: str) -> None:
        """Headings written as cloze cards (`## … {{c1::answer}}`) or as definitions (`#### A
        Queue is a FIFO …`) with no text under them, and headings written as a glossary's
        entry over their text: a note each, in the category of the heading above (see
        `cloze_lines`, `prose_definition.stated_heading` and `entry_heading`)."""
        ctx = Context(self.path, 0, "")
        lines: list[str] = []  # the text's lines, split once a heading needs them
        for k, s in enumerate(self.sections):
            if s.level and s.content and (entry := entry_heading(ctx, s.line, s.name)):
                if not s.notes:  # the points under it say more of it
                    lines = lines or text.splitlines(keepends=True)
                    entry = self._said_more(entry, s, lines, k)
                s.notes.insert(0, entry)  # `#### Firmware: Software embedded in hardware.`
                s.card = True
            if not s.level or s.content:
                continue
            if cloze_lines.is_cloze(s.name):
                s.notes.append(cloze_lines.card(ctx, s.line, s.name))
                s.card = True
            elif not self._title(k) and (stated := stated_heading(ctx, s.line, s.name)):
                s.notes.append(stated)  # `#### A Queue is a FIFO data structure …`
                s.card = True

    def _said_more(self, entry: Note, s: Section, lines: Sequence[str], k: int) -> Note:
        """The note of a heading written as an entry, with the text under it after what the
        heading states: its points are part of it, no loose items."""
        body = heading_note(s, lines, self._end(k + 1, len(lines)), "", self.path)
        s.loose.clear()
        return dataclasses.replace(
            entry,
            definition="\n".join(p for p in (entry.definition, body.definition) if p),
            html="\n".join(p for p in (entry.html, body.html) if p),
        )

    def _title(self, k: int) -> bool:
        """Whether the section at `k` is the sheet's title: its first heading, with nothing
        before it (`#### AWS는 … 플랫폼이다.` atop the seed states what the sheet is about)."""
        return k == 1 and not self.sections[0].content

    def _notes(
        self,
        text: str,
        up: list[int],
        owner: list[int],
        chosen: set[int],
        meta: set[int],
        introduced: set[int],
        parts: dict[int, list[int]],
    ) -> list[Note]:
        """Every note in document order, each with the category its heading gives; none of
        a section about the document itself. A heading term in `parts` takes the text of
        the sub-headings that label its parts too."""
        lines = text.splitlines(keepends=True) if chosen or introduced else []
        notes: list[Note] = []
        for i, s in enumerate(self.sections):
            if i in meta:
                continue
            itself = None  # the note of a heading whose text opens by defining it
            if i in chosen or i in introduced:
                end = self._end(self._past(i, parts.get(i, [])), len(lines))
                after = defined_after(s) if i in chosen else []
                inside = answered(s, lines) if i in chosen else []
                inside += under_labels(s, lines) if i in chosen else []
                inside += kinds(s, lines, inside) if i in chosen else []
                inside += stated(s, lines, [*after, *inside]) if i in chosen else []
                if (i in introduced and s.notes) or after:  # its text up to its first note
                    end = (after or s.notes)[0].line - 1
                above = up[i]
                while above in chosen:  # a question under a question: the category above both
                    above = up[above]
                category = self.sections[owner[above]].name if above >= 0 else ""
                itself = own_note(s, category) if i in introduced else None
                notes.append(itself or heading_note(s, lines, end, category, self.path))
                if i in chosen:
                    beside = sorted([*s.aside, *after, *inside], key=lambda n: n.line)
                    notes += [dataclasses.replace(n, category=category) for n in beside]
                    continue
            name = self.sections[owner[i]].name
            own = [] if _values(s) or _illustrates(self.sections, up, i) else s.notes
            if itself is not None:
                own = own[1:]  # the heading's note already
            own = sorted([*own, *s.aside], key=lambda n: n.line) if s.aside else own
            # A note's category is its heading's name as `unnumber` left it.
            notes += [
                n if n.category == name else dataclasses.replace(n, category=name) for n in own
            ]
        return notes

    def _end(self, k: int, last: int) -> int:
        """The line before the section at `k` opens; `last` past the last section."""
        return self.sections[k].line - 1 if k < len(self.sections) else last

    def _past(self, i: int, labels: list[int]) -> int:
        """The first section after `i` that is neither one of its `labels` nor under one."""
        k = i + 1
        while k in labels:
            level, k = self.sections[k].level, k + 1
            while k < len(self.sections) and self.sections[k].level > level:
                k += 1
        return k


def _first(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    """What the first rule for the token at `i` that recognises its shape found."""
    for rule in AT.get(toks[i].type, ()):
        found = rule(ctx, toks, i)
        if found is not None:
            return found
    return None


_LISTED = frozenset(
    {"bullet_list_open", "ordered_list_open", "list_item_open", "table_open", "dl_open"}
)
"""Where an answer defines terms of its own: in its lists and tables; its sentences answer."""


def _illustrates(sections: Sequence[Section], up: Sequence[int], i: int) -> bool:
    """Whether a section stands under a heading that names examples (`### Examples` over a
    table of words, `| 옷이 | clothes |`), or is one: its entries are cases of the rule
    above, no terms."""
    while i >= 0:
        if sections[i].level and names_examples(sections[i].name):
            return True
        i = up[i]
    return False


def _values(section: Section) -> bool:
    """Whether a section's notes are the values of the properties its heading labels (`###
    기본 특징` over `- Metric: Hop-count`, `- AD값: 120`): the thing above's, no terms."""
    return 0 < len(section.notes) == section.weak and labels_properties(section.name)


def _categories(sections: Sequence[Section], up: Sequence[int]) -> list[int]:
    """For each section, the section whose heading names its category: its own, or for an
    index heading (`## L`) or a heading that is a card the one above it."""
    owner: list[int] = []
    for i, s in enumerate(sections):
        owner.append(owner[up[i]] if (s.index or s.card) and up[i] >= 0 else i)
    return owner


def _opening(toks: Sequence[Token], i: int) -> str:
    """The kind of the block at `i`; a paragraph that is no sentence is a `phrase` (a
    `label` when all bold), and one of links and pictures only (`[docs](…)`) is passed over
    ("")."""
    kind = toks[i].type.removesuffix("_open")
    if kind == "html_block" and _COMMENTS.fullmatch(toks[i].content):
        return ""  # `<!-- lithium toxicity cause, sx, rx -->`: the writer's note to self
    if kind == "html_block" and opens_fold(toks[i]):
        return ""  # `<details><summary>답변 보기</summary>`: the way to the text, not its own
    if kind == "bullet_list" and toks[i + 2].type == "paragraph_open":
        # Points that say something describe the heading; names or tasks do not.
        return "sentences" if says(markup.plain(toks[i + 3].children or [])) else kind
    if kind == "dl" and headless(toks, i):
        return "definitions"  # `# Data` over `: 수집한 사실들 …`: the heading's own
    if kind != "paragraph":
        return kind
    children = toks[i + 1].children or []
    if markup.only_links(children) or _properties(children):
        return ""
    if markup.bold_whole(children) is not None:
        return "label"  # `**Login**` over its command: a label, not the heading's text
    return "paragraph" if is_sentence(markup.plain(children)) else "phrase"


_COMMENTS = re.compile(r"\s*(?:<!--.*?-->\s*)+", re.DOTALL)


def _first_line(toks: Sequence[Token], i: int, opening: str) -> str:
    """The text of the first line of the block at `i`: a paragraph's (bold or not), or its
    first point's; "" for any other block."""
    if opening in POINTED:
        i += 2  # the first item's paragraph, if it opens with one
    elif opening not in ("paragraph", "phrase", "label"):
        return ""
    if toks[i].type != "paragraph_open":
        return ""
    return markup.plain(markup.lines(toks[i + 1].children or [])[0])


def _says(opening: str, line: str) -> bool:
    """Whether a heading's text opens by saying what the heading means (see
    `sentences.says_what`), in its first `line`: a paragraph's, or the first of points that
    are sentences."""
    if opening == "definitions":
        return True
    return opening in ("paragraph", "sentences") and says_what(line)


def _names_itself(section: Section, line: str) -> bool:
    """Whether a heading's text opens with a sentence whose subject is the heading's term and
    whose verb defines it (`## What is Epidemiology?` over `Epidemiology is the study of …`,
    `### Cohort` over `A cohort is a group …`)."""
    if section.opening != "paragraph":
        return False
    question = asked(section.name)
    term = question[0] if question is not None and question[1] else section.name
    opening = _NAMES_ITSELF.match(line.strip())
    return opening is not None and key(opening["term"]) == key(term)


_NAMES_ITSELF = re.compile(
    r"^(?:(?:an?|the)\s+)?(?P<term>[^,.:;()]{1,60}?)\s+(?:is|are|refers\s+to|means)"
    r"\s+(?:an?|the|one)\s",
    re.IGNORECASE,
)


MAX_PHRASE = 3
"""Words in a line that may label what follows it (`*키워드*`, `Key words`)."""


def _phrase_text(toks: Sequence[Token], i: int, opening: str) -> str:
    """The words of the paragraph at `i` when a section opens with a phrase; "" otherwise."""
    return markup.plain(toks[i + 1].children or []).strip() if opening == "phrase" else ""


def _phrase(text: str) -> str:
    """The key of an opening phrase of a few words (see `Section.phrase`); "" otherwise."""
    text = text.rstrip(":\uff1a").strip()
    return key(text) if 0 < len(text.split()) <= MAX_PHRASE else ""


def _described(text: str) -> bool:
    """Whether an opening phrase is longer than a label's and ends in no colon (see
    `Section.described`)."""
    return len(text.split()) > MAX_PHRASE and not text.endswith((":", "\uff1a"))


MAX_SPELLED = 8
"""Words of a line that spells out a heading's name, and nothing more."""


def _spelled_out(line: str, name: str) -> bool:
    """Whether a heading's text opens with a `line` that spells out the heading's name, an
    acronym (`## EC2` over `- Elastic Compute Cloud`, `## S3` over `Simple Storage
    Service`)."""
    line = line.strip()
    # In letters of its own: a Korean line under an acronym (`## IAM` over `- 모범 사례`) may
    # be anything.
    latin = any(c.isascii() and c.isalpha() for c in line)
    return latin and len(line.split()) <= MAX_SPELLED and abbreviates(split_term(name)[0], line)


def _opening_words(toks: Sequence[Token], i: int, line: str) -> str:
    """The words a first `line` opens with: its bold lead when it has one (`### TCP` over
    `**Transmission Control Protocol** is a connection-oriented …`), else the whole line."""
    if not line or toks[i].type != "paragraph_open":
        return line
    found = lead(markup.lines(toks[i + 1].children or [])[0])
    return found.term if found is not None else line


def _properties(children: Sequence[Token]) -> bool:
    """Whether a paragraph only gives the document's properties, a line each (`**Date:** …`
    over `**Category:** …`)."""
    leads = [lead(line) for line in markup.lines(children)]
    return all(found is not None and is_property(found.term) for found in leads)


def _block_start(toks: Sequence[Token], i: int) -> int:
    """Index of the top-level block that holds token `i`."""
    while i > 0 and toks[i].level > 0:
        i -= 1
    return i


BOILERPLATE_NOTES = 3
BOILERPLATE_WORDS = 5
BOILERPLATE_SHARE = 4
"""A sentence written word for word under three terms or more, and a quarter of the sheet's
notes or more (`Some placeholder text, no content yet`), defines none of them: a real
definition of five words or more is one term's, and a long glossary may say the same of a
few (`A tree of the beech family.`) without being a template."""


def _boilerplate(notes: Sequence[Note]) -> Counter[str]:
    """Definitions that stand under many terms word for word (see `BOILERPLATE_NOTES`), with
    how many. Questions judged true or false share their answers, and keep them."""
    least = max(BOILERPLATE_NOTES, -(-len(notes) // BOILERPLATE_SHARE))
    notes = [n for n in notes if not (n.kind == QUESTION and judges(n.definition))]
    counts = Counter(n.definition for n in notes if len(n.definition.split()) >= BOILERPLATE_WORDS)
    found = Counter({text: n for text, n in counts.items() if n >= least})
    # Three questions do not share an answer, however short (`안녕` under each of them).
    answers = Counter(n.definition for n in notes if n.kind == QUESTION)
    return found | Counter({text: n for text, n in answers.items() if n >= BOILERPLATE_NOTES})


def _repeated(notes: Sequence[Note], boilerplate: Counter[str]) -> list[Problem]:
    message = 'term "{}" has only a text written under {} terms, so it is not a note'
    return [
        Problem(n.path, n.line, message.format(n.term, boilerplate[n.definition]), WARNING)
        for n in notes
    ]


_INSTANCES = (
    "case|scenario|example|ex|exercise|problem|question|q|option|sample|step"
    "|사례|예제|예시|문제|시나리오|케이스|경우|연습|단계"
)
_NUMBERED = re.compile(rf"(?P<name>{_INSTANCES})\.?\s(?P<number>\d{{1,2}})", re.IGNORECASE)
"""A word for one instance of an example and its number: `Case 1`, `시나리오 2`. A thing named
by its number (`Level 1` of RAID, `Band 1`, `Signal 2`) is a term."""
_COUNTERS = ("단계", "번째", "차")
"""Korean words that only count, after a number: `2단계`, `3번째`."""
_COUNTED = re.compile(rf"(?P<number>\d{{1,2}})\s?(?P<name>{'|'.join(_COUNTERS)})")
"""A number and the Korean word that counts with it: `1단계`, `2번째`."""


def _counted(notes: Sequence[Note]) -> list[Note]:
    """Notes whose terms only count the cases of an example from one (`Case 1`, `Case 2`,
    `Case 3`), or the steps of a procedure (`2단계`, `3단계`): instances of an example or a
    scenario, whose name says nothing to learn. Things named by a number (`Level 1`, `IPv6`,
    `Cat 6`) are terms."""
    numbered: dict[str, dict[int, Note]] = {}
    for n in notes:
        if match := _NUMBERED.fullmatch(n.term) or _COUNTED.fullmatch(n.term):
            numbered.setdefault(match["name"].casefold(), {})[int(match["number"])] = n
    # `2단계` … `7단계`: a word that only counts names nothing, from wherever it counts
    return [
        n
        for name, cases in numbered.items()
        if len(cases) >= 2 and (set(cases) == set(range(1, len(cases) + 1)) or name in _COUNTERS)
        for n in cases.values()
    ]


def _numbered(notes: Sequence[Note]) -> list[Problem]:
    message = 'term "{}" only numbers one of several, so it is not a note'
    return [Problem(n.path, n.line, message.format(n.term), WARNING) for n in notes]


def _no_definitions(notes: Sequence[Note]) -> list[Problem]:
    message = 'term "{}" has no definition, so it is not a note'
    return [Problem(n.path, n.line, message.format(n.term), WARNING) for n in notes]


def _unique(notes: Sequence[Note]) -> tuple[list[Note], list[Problem]]:
    """The notes with the first of each term; each later one is a warning naming both lines.
    Terms that differ only in a compatibility form (full-width letters) are one term too."""
    first: dict[str, Note] = {}
    kept: list[Note] = []
    problems = []
    for note in notes:
        other = first.setdefault(same_term(note.key), note)
        if other is not note:
            message = (
                f'duplicate term "{note.short}": "{other.short}" is at line {other.line};'
                " the first is kept"
            )
            problems.append(Problem(note.path, note.line, message, WARNING))
        else:
            kept.append(note)
    return kept, problems


def _section_problems(sections: Sequence[Section], chosen: set[int], path: str) -> list[Problem]:
    problems = []
    for i, s in enumerate(sections):
        if i in chosen or not s.loose:
            continue
        has_notes = any(n.definition for n in s.notes)
        if not has_notes and s.name:
            message = f'section "{s.name}" has list items but no terms, so it gives no notes'
            problems.append(Problem(path, s.line, message, INFO))
        elif has_notes:
            message = "list item does not start with a bold term, so it is not a note"
            problems += [Problem(path, n, message, WARNING) for n in s.loose]
    return problems


@dataclasses.dataclass(frozen=True)
class _Renames:
    pairs: tuple[tuple[str, str], ...]
    problems: list[Problem]


def _renames(front: frontmatter.FrontMatter, notes: list[Note], path: str, line: int) -> _Renames:
    """The front matter's renames as (key, old key); a new term the sheet lacks is a warning."""
    if not front.renamed:
        return _Renames((), [])
    keys = {key(n.term): n.key for n in notes} | {n.key: n.key for n in notes}
    pairs, problems = [], []
    for new, old in front.renamed:
        if key(new) not in keys:
            message = f'renamed: "{new}" is not a term of this sheet; ignored'
            problems.append(Problem(path, line, message, WARNING))
            continue
        pairs.append((keys[key(new)], key(split_term(old)[0])))
    return _Renames(tuple(pairs), problems)
