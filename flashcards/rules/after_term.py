"""What the text after a list item's bold term says, when it is no definition of the term:
a remark in parentheses that may be one (`(delaying execution)`), an effect the bold leads
to (`**Lower taxes** → more income`), advice to the learner (`Know the function of …`), a
question with no answer (`What is the cost?`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from flashcards import markup
from flashcards.questions import QUESTION_MARKS
from flashcards.rules.lead import REMARK, SEPARATED, Lead, with_content
from flashcards.terms import is_sentence

ASKS = "a question after a bold term is no definition, so it is not a note"


def remarked(children: Sequence[Token], found: Lead) -> Lead:
    """A bold term with only a remark in parentheses after it, and nothing nested: the
    remark is its definition when it says something (`- **Direct Mapping** (Each block maps
    to a fixed location)`, `- **Stalling** (delaying execution)`); a word (`(bypassing)`) or a
    list of names (`- **Compute** (EC2, Lambda)`) says nothing of it."""
    last = children[-1] if children else None
    match = (
        REMARK.fullmatch(last.content.strip()) if last is not None and last.type == "text" else None
    )
    if last is None or match is None:
        return found
    remark = match[1][1:-1].strip()
    parts = [part.split() for part in remark.split(",")]
    if len(remark.split()) < 2 or (len(parts) > 1 and all(len(p) <= 2 for p in parts)):
        return found
    return Lead(found.term, SEPARATED, [with_content(last, remark)])


_ARROWED = re.compile(r"^\s*(?:→|->|=>|⇒|⟹)")

_CHANGE = re.compile(
    r"^(?:higher|lower|increased?|decreased?|increasing|decreasing|rising|falling|raising"
    r"|lowering|more|less|stronger|weaker|greater|fewer|reduced|expanded|cheaper|dearer)\s",
    re.IGNORECASE,
)
"""Words that open a change rather than a name: `Lower interest rates`, `Raising reserve ratio`."""


def leads_to(children: Sequence[Token], found: Lead) -> bool:
    """Whether a bold change or event leads by an arrow to what follows from it (`**Higher
    interest rates** → Stronger currency`, `**Fed sells bonds** → …`): a cause and its
    effect, no term and its definition."""
    closing = next((k for k, c in enumerate(children) if c.type == "strong_close"), None)
    if closing is None or closing + 1 >= len(children) or children[closing + 1].type != "text":
        return False
    if _ARROWED.match(children[closing + 1].content) is None:
        return False
    return _CHANGE.match(found.term) is not None or is_sentence(found.term)


ADVISES = "advice to the learner after a bold term is no definition, so it is not a note"


_ADVICE = re.compile(
    r"^(?:remember|understand|know|learn|memori[sz]e|review|revise|focus\s+on|make\s+sure"
    r"|be\s+(?:clear|sure|able|familiar|ready)|don't\s+forget|do\s+not\s+forget"
    r"|clearly\s+\w+|practi[cs]e)\b",
    re.IGNORECASE,
)
"""What a study tip opens with: a verb that tells the learner what to do with the topic
(`Remember the typical signs …`, `Be clear on how each tool works`)."""


def advises(found: Lead) -> bool:
    """Whether the text after a term tells the learner what to study rather than what the
    term is."""
    return _ADVICE.match(markup.plain(found.rest).strip()) is not None


def asks(found: Lead) -> bool:
    """Whether the text after a term only asks, one question or more: no definition."""
    sentences = [markup.plain(sentence).strip() for sentence in markup.sentences(found.rest)]
    return bool(sentences) and all(sentence.endswith(QUESTION_MARKS) for sentence in sentences)
