"""Link labels found in linear time: the end found for each `[` is kept for later searches.

markdown-it looks for the `]` of every `[` afresh, walking the rest of the paragraph each
time, so a line of unclosed or nested brackets (`[a[a[a…`, `[[[…a…]]]`) costs time
quadratic in its length. The walk from an outer `[` that meets a nested, plain `[` goes on
exactly as the walk from that inner `[` does until its `]`; so when the inner one's end is
known already, the outer walk jumps there, and when the inner one has none, neither has
the outer one. Same results as markdown-it's own `parseLinkLabel`, which this follows.
"""

from __future__ import annotations

from types import SimpleNamespace
from weakref import WeakKeyDictionary

from markdown_it import MarkdownIt, helpers
from markdown_it.rules_inline import StateInline

_Ends = dict[int, int]
_ENDS: WeakKeyDictionary[StateInline, tuple[_Ends, _Ends]] = WeakKeyDictionary()
"""For each inline state, without and with disableNested: position of a `[` -> the end of
its label, or -1. Plain int keys: a line of a million brackets keeps a million of them."""


def link_labels_plugin(md: MarkdownIt) -> None:
    md.helpers = SimpleNamespace(  # type: ignore[assignment]
        parseLinkLabel=parse_link_label,
        parseLinkDestination=helpers.parseLinkDestination,
        parseLinkTitle=helpers.parseLinkTitle,
    )


def parse_link_label(state: StateInline, start: int, disable_nested: bool = False) -> int:
    """The position of the `]` that ends the label whose `[` is at `start`, or -1."""
    both = _ENDS.get(state)
    if both is None:
        both = _ENDS[state] = ({}, {})
    ends = both[disable_nested]
    known = ends.get(start)
    if known is None:
        known = ends[start] = _walk(state, start, disable_nested, ends)
    return known


def _walk(state: StateInline, start: int, disable_nested: bool, ends: _Ends) -> int:
    old = state.pos
    state.pos = start + 1
    level, end = 1, -1
    while state.pos < state.posMax:
        marker = state.src[state.pos]
        if marker == "]":
            level -= 1
            if level == 0:
                end = state.pos
                break
        before = state.pos
        state.md.inline.skipToken(state)
        if marker != "[":
            continue
        if before != state.pos - 1:  # a whole nested link: not allowed inside a link
            if disable_nested:
                break
            continue
        level += 1  # a plain `[`: its own label, if known, ends at its `]`
        inner = ends.get(before)
        if inner == -1:
            break
        if inner is not None:
            state.pos = inner
    state.pos = old
    return end
