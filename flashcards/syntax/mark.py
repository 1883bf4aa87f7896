"""Highlighted words, `==TCP==: a transport protocol …`, as Obsidian, Typora and markdown-it's
`mark` extension write them. The author sets the words apart as bold does, so the rules see
them as bold: each pair becomes the bold tokens `**` gives, rendered as `<mark>`.

Delimiter runs follow the extension's rules, which are strikethrough's with `=`: runs of two,
an odd run leaves one `=` as text, and a run must be able to open or close as emphasis can
(`foo == bar` is no highlight), with the CJK-friendly amendments bold follows
(`==PCB(Process Control Block)==는`)."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_inline.state_inline import Delimiter, StateInline

from flashcards.syntax.cjk_emphasis import scan

_EQUALS = 0x3D


def mark_plugin(md: MarkdownIt) -> None:
    md.inline.ruler.before("emphasis", "mark", _tokenize)
    md.inline.ruler2.before("emphasis", "mark", _post_process)


def _tokenize(state: StateInline, silent: bool) -> bool:
    """Each `==` of a run as a text token of its own, remembered as a delimiter."""
    if silent or state.src[state.pos] != "=":
        return False
    scanned = scan(state.src, state.pos, state.posMax, True)
    length = scanned.length
    if length < 2:
        return False
    if length % 2:
        state.push("text", "", 0).content = "="
        length -= 1
    for _ in range(length // 2):
        state.push("text", "", 0).content = "=="
        # length 0 keeps the "rule of 3" of emphasis out of the pairing
        state.delimiters.append(
            Delimiter(_EQUALS, 0, len(state.tokens) - 1, -1, scanned.can_open, scanned.can_close)
        )
    state.pos += scanned.length
    return True


def _post_process(state: StateInline) -> None:
    _pair(state, state.delimiters)
    for meta in state.tokens_meta:
        if meta and "delimiters" in meta:
            _pair(state, meta["delimiters"])


def _pair(state: StateInline, delimiters: list[Delimiter]) -> None:
    """Paired `==` turned to bold tokens; a lone `=` left before a closing pair moves after it."""
    lone: list[int] = []
    for opener in delimiters:
        if opener.marker != _EQUALS or opener.end == -1:
            continue
        closer = delimiters[opener.end]
        _bold(state, opener.token, "strong_open", 1)
        _bold(state, closer.token, "strong_close", -1)
        before = state.tokens[closer.token - 1]
        if before.type == "text" and before.content == "=":
            lone.append(closer.token - 1)
    tokens = state.tokens
    while lone:
        at = lone.pop()
        end = at + 1
        while (
            end < len(tokens) and tokens[end].type == "strong_close" and tokens[end].tag == "mark"
        ):
            end += 1
        end -= 1
        if end != at:
            tokens[at], tokens[end] = tokens[end], tokens[at]


def _bold(state: StateInline, index: int, kind: str, nesting: int) -> None:
    token = state.tokens[index]
    token.type, token.tag, token.nesting = kind, "mark", nesting
    token.markup, token.content = "==", ""
