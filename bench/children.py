"""Child processes, each timed from fork to wait4, with its own peak RSS from wait4.

Each command runs under launch.py, which forks it, waits for it with os.wait4 and writes
the result; see there why run.py does not fork the commands itself.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

LAUNCHER = Path(__file__).resolve().parent / "launch.py"


class CommandFailed(Exception):
    def __init__(self, argv: Sequence[str], code: int, output: str) -> None:
        super().__init__(f"exit status {code}: {' '.join(argv)}\n{output}")


@dataclass(frozen=True)
class Command:
    """A command to measure; `fresh` is a folder emptied, `stale` files and folders removed
    and `before` called, before every run (untimed)."""

    argv: tuple[str, ...]
    cwd: Path | None = None
    fresh: Path | None = None
    stale: tuple[Path, ...] = ()
    before: Callable[[], None] | None = None


@dataclass(frozen=True)
class Run:
    seconds: float
    rss_mib: float
    output: str = field(repr=False)


@dataclass(frozen=True)
class Summary:
    """The median wall time and the largest peak RSS of repeated runs."""

    seconds: float
    rss_mib: float


def run(command: Command) -> Run:
    """One run; raises CommandFailed on a non-zero exit status."""
    if command.fresh is not None:
        shutil.rmtree(command.fresh, ignore_errors=True)
        command.fresh.mkdir(parents=True)
    for path in command.stale:
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
    if command.before is not None:
        command.before()
    with tempfile.TemporaryDirectory(prefix="run-") as folder:
        log_path, result_path = Path(folder) / "log", Path(folder) / "result.json"
        with log_path.open("wb") as log:
            subprocess.run(
                [sys.executable, str(LAUNCHER), str(result_path), *command.argv],
                cwd=command.cwd,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                check=True,
            )
        output = log_path.read_text(errors="replace")
        result = json.loads(result_path.read_text())
    if result["status"] != 0:
        raise CommandFailed(command.argv, result["status"], output)
    # ru_maxrss is KiB on Linux
    return Run(result["seconds"], result["maxrss_kib"] / 1024, output)


def measure(commands: dict[str, Command], repeat: int) -> dict[str, Summary]:
    """Each command `repeat` times, interleaved so drift hits all of them alike."""
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            runs[name].append(run(command))
    return {name: _summary(rs) for name, rs in runs.items()}


def _summary(runs: Sequence[Run]) -> Summary:
    return Summary(statistics.median(r.seconds for r in runs), max(r.rss_mib for r in runs))
