"""The block rule that the plugins for lines of page markup share: a line that is only such
markup (a kramdown attribute list, `<br>` tags) gives no token. A helper, not a plugin."""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown_it.rules_block import StateBlock

BlockRule = Callable[[StateBlock, int, int, bool], bool]


def skipping(line: re.Pattern[str]) -> BlockRule:
    """A block rule that passes over a line that `line` matches whole, after its indent."""

    def rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if state.sCount[start] - state.blkIndent >= 4:
            return False  # indented code
        at = state.bMarks[start] + state.tShift[start]
        if line.fullmatch(state.src, at, state.eMarks[start]) is None:
            return False
        if not silent:
            state.line = start + 1
        return True

    return rule
