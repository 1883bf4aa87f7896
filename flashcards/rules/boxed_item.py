"""A list item that only names a term, with its definition right under it, outside the item:
set in a plain code block (`- 베르누이 분포` over a fence holding `매 시행마다 …`), its
definition the block's lines as text (a block that names a language, or reads as code, is
code); or, under a numbered item, points indented less than nesting takes (`1. 물리 계층` over
`  - 시스템 연결을 위한 …`), its definition those points."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.names import named
from flashcards.rules.code_glossary import PLAIN
from flashcards.rules.entries import points_say, says
from flashcards.rules.found import Context, Found, close
from flashcards.rules.lead import ALONE, BROKEN, Lead, lead, plain_lead
from flashcards.rules.notes import lead_note
from flashcards.rules.points import names_a_term
from flashcards.sentences import ends_in_kind_ko
from flashcards.terms import SENTENCE_ENDS, clean_term, is_label

_CODE = re.compile(r"[;{}]")
"""Signs of code in a block: statements and braces."""
_GLOSS = re.compile(r"\s*\([^()]*\)")


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    end = i + 6
    if end + 1 >= len(toks) or not _one_name(toks, i):
        return None
    under = toks[end + 1]
    if not _boxed(under) and not _points_under(toks, i, end + 1):
        return None
    name = _name(toks[i + 3].children or [])
    if name is None:
        return None
    line = ctx.line(toks[i])
    if under.type == "fence":
        note = lead_note(ctx, line, Lead(name, BROKEN, _text(under.content)))
        return Found(end + 1, notes=[note], bold=[note.key])
    last = close(toks, end + 1)
    note = lead_note(ctx, line, Lead(name, ALONE, []), toks[end + 1 : last + 1])
    return Found(last, notes=[note], bold=[note.key])


def _points_under(toks: Sequence[Token], i: int, j: int) -> bool:
    """Whether the list at `j` holds the points of the numbered item at `i`: bullets right
    under it, with less indent than nesting takes (`1. 물리 계층` over `  - 시스템 연결을 위한
    …`), or after a blank line (`1. 프로세스 관리자`, then `- CPU를 할당하기 위한 스케줄을
    결정`: a small heading written as a list of one item), that say what it is."""
    if toks[i].type != "ordered_list_open" or toks[j].type != "bullet_list_open":
        return False
    first = toks[j + 3] if toks[j + 2].type == "paragraph_open" else None
    if first is None or plain_lead(first.children or []) is not None:
        return False  # `- 기각역 : …`: entries, terms of their own
    opening = markup.plain(markup.lines(first.children or [])[0]).strip()
    # A Korean point that says what kind of thing it is (`- 테이블을 수정하는 명령어`) says in
    # three words what English says in five.
    kind = ends_in_kind_ko(opening.split())
    return opening.endswith(SENTENCE_ENDS) or kind or points_say(toks, j)


def _text(content: str) -> list[Token]:
    """The block's lines as text, each on its own line: words to read on a small screen,
    not code to scroll."""
    rest: list[Token] = []
    for line in (line.strip() for line in content.splitlines()):
        if line:
            rest += [Token("hardbreak", "br", 0)] if rest else []
            rest.append(Token("text", "", 0, content=line))
    return rest


def _one_name(toks: Sequence[Token], i: int) -> bool:
    """Whether the list at `i` is one item of one paragraph: it closes six tokens on (read
    there, not found by walking a long list to its end)."""
    if i + 6 >= len(toks) or toks[i + 2].type != "paragraph_open":
        return False
    closing = toks[i + 6]
    return closing.nesting == -1 and closing.level == toks[i].level


def _name(children: Sequence[Token]) -> str | None:
    """The term an item's line names, bold or plain (links read as their text)."""
    found = lead(children)
    if found is not None:
        return found.term if found.join == ALONE else None
    name = named(clean_term(markup.plain(children)))
    bare = _GLOSS.sub("", name)  # `이산형 균등 분포 (discrete uniform distribution)`
    return name if names_a_term(bare) and not is_label(bare) else None


def _boxed(tok: Token) -> bool:
    """Whether a block is a plain code block of words that say something."""
    if tok.type != "fence" or tok.info.strip().casefold() not in PLAIN:
        return False
    return says(tok.content) and _CODE.search(tok.content) is None
