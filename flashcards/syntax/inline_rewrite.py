"""A core rule that rewrites the inline tokens of every block holding them: the shape of
the rules that read inline HTML or links again after markdown-it's own inline pass."""

from __future__ import annotations

from collections.abc import Callable

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

Rewrite = Callable[[list[Token]], list[Token]]


def inline_rewrite(rewrite: Rewrite) -> Callable[[StateCore], None]:
    """The core rule that puts `rewrite(children)` in place of each inline block's tokens."""

    def rule(state: StateCore) -> None:
        for block in state.tokens:
            if block.type == "inline" and block.children:
                block.children = rewrite(block.children)

    return rule
