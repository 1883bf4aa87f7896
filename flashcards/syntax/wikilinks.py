"""Obsidian's `[[target]]` and `[[target|label]]` show their words; `![[file]]` is a picture,
`![[file|300]]` one 300 pixels wide; a block's identifier at the end of its line (`**Cell
Wall** ^31a912`, which other notes link to), or on a line of its own under the block it
names, shows nothing."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token


def wikilinks_plugin(md: MarkdownIt) -> None:
    md.inline.ruler.before("link", "wikilink", _wikilink)
    md.inline.ruler.before("image", "wikilink_embed", _embed)
    md.inline.ruler.push("block_id", _block_id)
    md.core.ruler.after("inline", "block_id_lines", _drop_id_lines)


_BLOCK_ID = re.compile(r"\^[A-Za-z0-9-]+[ \t]*(?=\n|$)")


def _block_id(state: StateInline, silent: bool) -> bool:
    """`^31a912` after a space or alone on its line, at the end of it: an identifier, no
    text."""
    start = state.pos
    if state.src[start] != "^" or (start > 0 and state.src[start - 1] not in " \t\n"):
        return False
    found = _BLOCK_ID.match(state.src[: state.posMax], start)
    if found is None:
        return False
    if not silent:
        state.pending = state.pending.rstrip(" \t")  # the space that set it apart goes too
    state.pos = found.end()
    return True


def _drop_id_lines(state: StateCore) -> None:
    """A paragraph of a block's identifier alone (`^f765cf` under a callout's text) is no
    paragraph: it would show as an empty one."""
    toks = state.tokens
    keep = []
    k = 0
    while k < len(toks):
        if toks[k].type == "paragraph_open" and k + 2 < len(toks) and _only_id(toks[k + 1]):
            k += 3
            continue
        keep.append(toks[k])
        k += 1
    if len(keep) < len(toks):
        state.tokens = keep


def _only_id(tok: Token) -> bool:
    return tok.type == "inline" and bool(_BLOCK_ID.fullmatch(tok.content.strip()))


_INNER = re.compile(r"[^\[\]\n]*")
"""What may stand between `[[` and `]]`: no bracket, no line end."""


def _parts(state: StateInline, start: int) -> tuple[str, str, int] | None:
    """(target, label, end) of a `[[…]]` at `start`; None when there is none."""
    src = state.src
    if not src.startswith("[[", start):
        return None
    # Read up to the first bracket or line end, never on to a `]]` far away: a line of
    # unclosed `[[` would be read to its end from each of them, in quadratic time.
    end = _INNER.match(src, start + 2, state.posMax).end()  # type: ignore[union-attr]
    inner = src[start + 2 : end]
    if not src.startswith("]]", end, state.posMax) or not inner.strip():
        return None
    target, _, label = inner.partition("|")
    # "[[Note#Heading]]" reads as "Note > Heading" in Obsidian.
    shown = label.strip() or " > ".join(p.strip() for p in target.split("#") if p.strip())
    return target.strip(), shown or target.strip(), end + 2


def _wikilink(state: StateInline, silent: bool) -> bool:
    found = _parts(state, state.pos)
    if found is None:
        return False
    if not silent:
        state.push("text", "", 0).content = found[1]
    state.pos = found[2]
    return True


def _embed(state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] != "!":
        return False
    found = _parts(state, state.pos + 1)
    if found is None:
        return False
    target, label, end = found
    if not silent:
        # "![[diagram.png|300]]" is 300 pixels wide; any other label is the alt text.
        size = _SIZE.fullmatch(label)
        token = state.push("image", "img", 0)
        token.attrs = {"src": state.md.normalizeLink(target), "alt": target if size else label}
        if size:
            token.attrs["width"] = size[1]
        token.children = []
        token.content = label
    state.pos = end
    return True


_SIZE = re.compile(r"(\d{1,4})(?:x\d{1,4})?")
"""Obsidian's `|300` or `|300x200` after an embedded picture: its size in pixels."""
