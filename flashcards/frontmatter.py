"""A sheet's YAML front matter: metadata, never a card. Its `tags` tag every note of the
sheet; `flashcards: {terms: headings}` (or `bold`) says how the sheet writes its terms, and
`flashcards: {renamed: {New term: Old term}}` which term a renamed one was, so that it keeps
its history even when its definition changed too."""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from flashcards.errors import WARNING, Problem
from flashcards.terms import MODES


@dataclass(frozen=True)
class FrontMatter:
    tags: tuple[str, ...] = ()
    terms: str | None = None
    renamed: tuple[tuple[str, str], ...] = ()
    """(new term, old term), as written."""
    problems: tuple[Problem, ...] = field(default=())
    title: str = ""
    """The sheet's title, when its front matter gives one (`title: "Inflammation"`)."""


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
    own = data.get("flashcards")
    if own is not None and not isinstance(own, dict):
        message = f"front matter 'flashcards' {_TAKES}; ignored"
        problems.append(Problem(path, line, message, WARNING))
        own = {}
    own = own or {}
    for unknown in sorted(set(map(str, own)) - {"terms", "renamed"}):
        message = f"front matter 'flashcards' has no {unknown!r}: it {_TAKES}"
        problems.append(Problem(path, line, message, WARNING))
    terms = _terms(own.get("terms"), path, line, problems)
    renamed = _renamed(own.get("renamed"), path, line, problems)
    title = data.get("title")
    title = title.strip() if isinstance(title, str) else ""
    return FrontMatter(_tags(data.get("tags")), terms, renamed, tuple(problems), title)


_TAKES = f"takes 'terms: {' | '.join(MODES)}' and 'renamed: {{new term: old term}}'"


def _tags(value: object) -> tuple[str, ...]:
    """`tags: [a, b]`, `tags: a, b` or `tags: "#a #b"`, as written, without a leading `#`."""
    if isinstance(value, str):
        value = value.replace(",", " ").split()
    if not isinstance(value, list):
        return ()
    tags = (str(t).strip().lstrip("#") for t in value if t is not None)
    return tuple(dict.fromkeys(t for t in tags if t))


def _terms(value: object, path: str, line: int, problems: list[Problem]) -> str | None:
    if value is None or value in MODES:
        return None if value is None else str(value)
    message = f"front matter 'terms' must be one of {', '.join(MODES)}; ignored"
    problems.append(Problem(path, line, message, WARNING))
    return None


def _renamed(
    value: object, path: str, line: int, problems: list[Problem]
) -> tuple[tuple[str, str], ...]:
    if value is None:
        return ()
    pairs = value.items() if isinstance(value, dict) else ()
    if not isinstance(value, dict) or not all(isinstance(v, str | int) for p in pairs for v in p):
        message = "front matter 'renamed' must map each new term to its old term; ignored"
        problems.append(Problem(path, line, message, WARNING))
        return ()
    return tuple((str(new), str(old)) for new, old in value.items())
