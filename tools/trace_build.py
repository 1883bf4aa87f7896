"""How many times one build enters each module of the package: a call from another module
into it counts once; calls within a module do not.

    python tools/trace_build.py [BUILD ARGS …]      # default: the project's own config

Run from the project's folder: it builds for real, so `--check` is added unless the
arguments say `-o`.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from types import FrameType

PACKAGE = Path(__file__).resolve().parent.parent / "flashcards"


def module_of(frame: FrameType | None) -> str | None:
    """The package module a frame runs in, as a path under the package; None outside it."""
    if frame is None:
        return None
    path = Path(frame.f_code.co_filename)
    if path.is_relative_to(PACKAGE) and path.suffix == ".py":
        return path.relative_to(PACKAGE.parent).as_posix()
    return None


def entries(args: list[str]) -> Counter[str]:
    """Module -> how many times the build entered it from another module."""
    from flashcards.cli import main

    found: Counter[str] = Counter()

    def profile(frame: FrameType, event: str, arg: object) -> None:
        if event != "call":
            return
        here = module_of(frame)
        # A module's own code run at its import is no entry into it.
        own_import = frame.f_code.co_name == "<module>"
        if here is not None and not own_import and here != module_of(frame.f_back):
            found[here] += 1

    sys.setprofile(profile)
    try:
        main(["build", *args], standalone_mode=False)
    finally:
        sys.setprofile(None)
    return found


def main(argv: list[str]) -> int:
    args = argv or ["--check"]
    found = entries(args)
    for module, count in sorted(found.items(), key=lambda item: (-item[1], item[0])):
        print(f"{count:8,}  {module}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
