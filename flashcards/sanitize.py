"""Raw HTML from a sheet, cut down to a safe subset with a maintained sanitizer (nh3).

Sheets use `<br>`, `<sup>`, `<kbd>`, `<details>`; they must render on a card, while scripts,
event handlers, `style` and `javascript:` or `data:` links never reach one.
"""

from __future__ import annotations

import html

from flashcards.highlight import CLASSES as HIGHLIGHT_CLASSES
from flashcards.syntax.math import MATH_CLASS
from flashcards.syntax.presentation_tags import CARD_TAGS


def _words(text: str) -> list[str]:
    return text.split()


ATTRIBUTES = {
    "a": {"href", "title"},
    "ol": {"start"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
    "abbr": {"title"},
}
CLASSES = {
    "code": {"key"},
    "div": {"callout", "callout-title"},
    "span": {"blank"},
}
"""Our own classes: key phrases, callout boxes; `callout-<kind>` is added to `CLASSES` below."""
CALLOUT_KINDS = frozenset(
    _words(
        """note abstract summary tldr info todo tip hint important success check done question
    help faq warning caution attention failure fail missing danger error bug example quote
    cite"""
    )
)
CLASSES["div"] |= {f"callout-{kind}" for kind in CALLOUT_KINDS}
# Formulas and highlighted code keep their classes when the sheet's own HTML stands beside them.
CLASSES["span"] |= {MATH_CLASS, *HIGHLIGHT_CLASSES}
CLASSES["div"] |= {MATH_CLASS}
SCHEMES = frozenset({"http", "https", "mailto"})


def clean(fragment: str) -> str:
    """`fragment` with only the allowed tags, attributes, classes and link schemes."""
    import nh3  # only a sheet with raw HTML needs it

    return nh3.clean(
        fragment,
        tags=set(CARD_TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        allowed_classes={tag: set(names) for tag, names in CLASSES.items()},
        url_schemes=set(SCHEMES),
        link_rel=None,
    )


def text(fragment: str) -> str:
    """The words of an HTML fragment, without any tag (and without script or style content)."""
    import nh3  # only a sheet with raw HTML needs it

    return html.unescape(nh3.clean(fragment, tags=set(), attributes={}))
