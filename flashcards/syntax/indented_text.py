"""Text a writer indented, read as the Markdown it is.

CommonMark makes any block indented by four spaces code. Study notes indent for looks, under
a heading or a lead-in line (`## 大` over `    Meanings: Big, Large` and `    - 大きい: Big`),
or an answer under its question in a list item; set in a code box, their points and entries
would be lost. An indented block, at the margin or in an item, whose every line reads as text
(points, entries, sentences, Korean, Chinese or Japanese) and none as code is parsed as
Markdown in its place, each line on its own source line. Fenced code is never
touched, and an indented block of code (`int x = 1;`, `$ ls -l`, a row of figures) stays code.
"""

from __future__ import annotations

import re
import textwrap

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from flashcards.terms import CJK

_DEPTH = "indented_text"
"""How deep in blocks read again a parse stands, kept in its environment: text indented
further inside such a block (`SSL 인증서` over its description, indented four spaces more) is
read again too, to a depth that bounds the work."""
MAX_DEPTH = 8

_POINT = re.compile(r"(?:[-*+•]|\d+[.)])\s+\S")
"""A point: a list marker (or the bullet a word processor pasted) and then its text."""
_ENTRY = re.compile(r"[^\W\d][^:;=<>{}]{0,40}?\s?[:\uff1a](?:\s*\S|$)")
"""An entry or a label, with its value or over it: `Meanings: Big, Large`, `大きい:Big`,
`Related Vocabulary:`."""
_CODE = re.compile(r"[;{}]\s*$|==|!=|&&|\|\||::|\w\(\)|^\s*[$#>]\s|^\s*(?://|/\*|--)|</?\w+>")
"""What marks a line as code: a statement's end or a brace, operators, a call with no
arguments, a prompt or a comment opening the line, a tag."""
_CALL = re.compile(r"(?<![\w.])[A-Za-z_][\w.]*\((?P<args>[^()]*)\)\s*$")
"""A call that ends the line (`print(x)`, `os.path.join(a, b)`)."""
_GLOSS = re.compile(r"[A-Za-z][A-Za-z-]*(?: [A-Za-z][A-Za-z-]*)+")
"""What parentheses after a name hold when they gloss it, not pass it arguments: words with
a space between them (`SSL(Secure Sockets Layer)`). A Korean name (`절차(comodo 기준)`) is
never called: code names things in Latin letters."""
_NAME = re.compile(r"[^\W\d_][\w'-]*(?:\s+\(?[^\W_][\w'-]*\)?){0,4}")
"""A name of a few words (`Public Key`, `WAS (web application server)`, `HEADER`): text
among text, though alone it could be code."""


def indented_text_plugin(md: MarkdownIt) -> None:
    md.core.ruler.push("indented_text", lambda state: _read_again(md, state))


def _read_again(md: MarkdownIt, state: StateCore) -> None:
    depth = state.env.get(_DEPTH, 0)
    texts = {k for k, tok in enumerate(state.tokens) if _candidate(tok)}
    if not texts or depth >= MAX_DEPTH:
        return
    tokens: list[Token] = []
    state.env[_DEPTH] = depth + 1
    try:
        for k, tok in enumerate(state.tokens):
            tokens.extend(_as_markdown(md, tok, state.env) if k in texts else [tok])
    finally:
        state.env[_DEPTH] = depth
    state.tokens = tokens


def _candidate(tok: Token) -> bool:
    return tok.type == "code_block" and tok.map is not None and _text(tok)


def _text(tok: Token) -> bool:
    """Whether an indented block reads as text: none of its lines as code, half of them or
    more as text, and the rest names of a few words (`Public Key` over the lines that say
    what it is)."""
    lines = [line.strip() for line in tok.content.splitlines() if line.strip()]
    if not lines or any(_code(line) for line in lines):
        return False
    read = [_reads(line) for line in lines]
    return 2 * sum(read) >= len(lines) and all(
        ok or _NAME.fullmatch(line) for ok, line in zip(read, lines, strict=True)
    )


def _code(line: str) -> bool:
    """Whether a line reads as code (see `_CODE`, `_CALL`)."""
    if _CODE.search(line):
        return True
    call = _CALL.search(line)
    return call is not None and not _GLOSS.fullmatch(call.group("args").strip())


def _reads(line: str) -> bool:
    """Whether a line reads as a point, an entry or a label (after a dash typed against it
    too), a sentence, or Korean, Chinese or Japanese text. A line of English words alone
    could be code (`Some code here`); one of five words or more that ends in a full stop is
    a sentence."""
    # A point typed with no space after its dash (`-The Trap: Giving …`) reads as its text.
    unmarked = line.lstrip("-*+•")
    return bool(
        _POINT.match(line)
        or _ENTRY.match(unmarked)
        or CJK.search(line)
        or _SENTENCE.fullmatch(unmarked)
    )


_SENTENCE = re.compile(r"[A-Z][a-z]*(?:[ ,'-]+[A-Za-z][a-z]*){4,}[.!?]")
"""Words of letters only, the first capitalised, five or more, then a full stop."""


def _as_markdown(md: MarkdownIt, tok: Token, env: dict) -> list[Token]:
    """The tokens of an indented block read as Markdown, on its own lines."""
    assert tok.map is not None
    start = tok.map[0]
    found = md.parse(textwrap.dedent(tok.content), env)
    for t in found:
        t.level += tok.level  # nested as deep as the block stood (in a list item, a quote)
        if t.map is not None:
            t.map = [t.map[0] + start, t.map[1] + start]
        for child in t.children or []:
            if child.type == "softbreak":  # its lines were lines on the writer's page
                child.type, child.tag = "hardbreak", "br"
    return found
