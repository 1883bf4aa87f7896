"""A list whose every item is only a link (a table of contents, a list of sources) is the
document's navigation: no notes, and nothing to say about it."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from flashcards.rules.found import LISTS, Context, Found, close

_LINK = {"link_open", "link_close", "text", "softbreak", "code_inline"}
_EMPHASIS = {"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"}
"""What a link's text may be set in, a heading's italic name copied into its entry."""


def rule(ctx: Context, toks: Sequence[Token], i: int) -> Found | None:
    if toks[i].type not in LISTS:
        return None
    end = close(toks, i)
    inlines = [t for t in toks[i:end] if t.type == "inline"]
    if not inlines or not all(_only_a_link(t.children or []) for t in inlines):
        return None
    return Found(end)


def _only_a_link(children: Sequence[Token]) -> bool:
    """Whether a line holds a link and nothing outside it but spaces."""
    depth, linked = 0, False
    for child in children:
        if child.type in _EMPHASIS and depth > 0:
            continue  # `[*Neisseria meningitidis*](#neisseria-meningitidis)`
        if child.type not in _LINK:
            return False
        if child.type == "link_open":
            depth, linked = depth + 1, True
        elif child.type == "link_close":
            depth -= 1
        elif depth == 0 and child.content.strip():
            return False
    return linked
