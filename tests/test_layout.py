"""The package's shape: a build passes through its orchestrating modules only a few times
(`tools/trace_build.py` counts), and no module imports one that imports it back."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
from trace_build import entries

PACKAGE = ROOT / "flashcards"


@pytest.mark.parametrize(
    "args", [[], ["source/aws.ko.md", "-o", "one.apkg"]], ids=["config", "sheet"]
)
def test_a_build_enters_build_and_plan_at_most_three_times(project: Path, args: list[str]) -> None:
    found = entries(args)
    assert found["flashcards/build.py"] <= 3, found
    assert found["flashcards/plan.py"] <= 3, found
    assert found["flashcards/package.py"] > 0  # it did build


def imports() -> dict[str, set[str]]:
    """Module -> the package modules it imports, anywhere in its code."""
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        found[name] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                continue
            found[name] |= {t for t in targets if t.startswith("flashcards") and t != name}
    return {m: {t for t in ts if t in found} for m, ts in found.items()}


def test_no_module_imports_one_that_imports_it_back() -> None:
    graph = imports()
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            cycle = " -> ".join([*path[path.index(module) :], module])
            raise AssertionError(f"import cycle: {cycle}")
        if module in done:
            return
        for target in sorted(graph[module]):
            # A package imports its own modules to offer them: that is no cycle.
            if not target.startswith(module + "."):
                visit(target, [*path, module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])
    assert graph.get("flashcards.build")
