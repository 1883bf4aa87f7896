"""A sheet's YAML front matter: metadata, never a card. Its `tags` tag every note of the
sheet; `flashcards: {terms: headings}` (or `bold`) says how the sheet writes its terms."""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from flashcards.errors import WARNING, Problem
from flashcards.terms import MODES


@dataclass(frozen=True)
class FrontMatter:
    tags: tuple[str, ...] = ()
    terms: str | None = None
    problems: tuple[Problem, ...] = field(default=())


def read(content: str, path: str, line: int) -> FrontMatter:
    """The front matter that starts at `line`; what it cannot use is a warning."""
    try:
        data = yaml.safe_load(content)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = line + 1 + (mark.line if mark else 0)
        problem = getattr(exc, "problem", None) or "unreadable"
        return FrontMatter(
            problems=(Problem(path, at, f"front matter is not valid YAML: {problem}", WARNING),)
        )
    if not isinstance(data, dict):
        return FrontMatter()
    problems: list[Problem] = []
    terms = _terms(data.get("flashcards"), path, line, problems)
    return FrontMatter(_tags(data.get("tags")), terms, tuple(problems))


def _tags(value: object) -> tuple[str, ...]:
    """`tags: [a, b]`, `tags: a, b` or `tags: "#a #b"`, as written, without a leading `#`."""
    if isinstance(value, str):
        value = value.replace(",", " ").split()
    if not isinstance(value, list):
        return ()
    tags = (str(t).strip().lstrip("#") for t in value if t is not None)
    return tuple(dict.fromkeys(t for t in tags if t))


def _terms(value: object, path: str, line: int, problems: list[Problem]) -> str | None:
    if value is None:
        return None
    terms = value.get("terms") if isinstance(value, dict) else None
    if terms in MODES:
        return str(terms)
    message = f"front matter 'flashcards' takes 'terms: {' | '.join(MODES)}'; ignored"
    problems.append(Problem(path, line, message, WARNING))
    return None
