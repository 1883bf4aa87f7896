"""Admonitions as Python-Markdown and MkDocs write them (`!!! definition "Term"` over an
indented body; `???` and `???+` fold it), parsed by mdit-py-plugins' `admon`, and then given
as the callouts they are (see `callouts`): a titled box, its kind and title in its meta, so
every rule reads one kind of box however it was written."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from mdit_py_plugins.admon import admon_plugin

_RENAMED = {
    "admonition_open": "callout_open",
    "admonition_close": "callout_close",
    "admonition_title_open": "callout_title_open",
    "admonition_title_close": "callout_title_close",
}


def admonitions_plugin(md: MarkdownIt, kinds: frozenset[str]) -> None:
    """Admonitions become callouts of the given kinds (others are shown as `callout-note`)."""
    md.use(admon_plugin)
    md.core.ruler.after("block", "admonitions", lambda state: _as_callouts(state, kinds))


def _as_callouts(state: StateCore, kinds: frozenset[str]) -> None:
    for tok in state.tokens:
        renamed = _RENAMED.get(tok.type)
        if renamed is None:
            continue
        tok.type, tok.tag = renamed, "div"
        if renamed == "callout_open":
            kind = str(tok.meta.get("tag", "")).lower()
            tok.meta = {"kind": kind, "title": _title(tok.info)}
            tok.attrs = {"class": f"callout callout-{kind if kind in kinds else 'note'}"}
        elif renamed == "callout_title_open":
            tok.attrs = {"class": "callout-title"}
        elif renamed == "callout_title_close":
            tok.block = False  # rendered as a callout's title is: the text follows at once


def _title(info: str) -> str:
    """The title the writer gave (`definition "Phylogenetic Tree"`), or "" when the box has
    only its kind (the plugin shows the kind as its title then)."""
    _, quote, rest = info.partition('"')
    return rest.rstrip().removesuffix('"').strip() if quote else ""
