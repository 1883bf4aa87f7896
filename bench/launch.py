"""Run a command as a child of this small process; write its wall time and peak RSS as JSON.

On Linux a child's ru_maxrss also counts the address space it was forked from: exec carries the
old one's high-water mark into the process's maximum. A child of run.py, whose memory grows
with every sheet it prepares, would report run.py's peak as its own. So measured commands are
forked from this launcher, a bare Python of a few MiB, less than any command it runs uses.

Peak memory is the larger of the command's ru_maxrss and the sum of the resident sizes of the
command and all its descendants, sampled every 20 ms while it runs (a build may use workers).

Usage: python launch.py RESULT.json COMMAND [ARG...]
"""

from __future__ import annotations

import json
import os
import sys
import time


def main(result: str, *command: str) -> int:
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            os.execv(command[0], command)
        finally:
            os._exit(127)
    tree_peak = 0
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        tree_peak = max(tree_peak, sum(_rss_kib(p) for p in _tree(pid)))
        time.sleep(0.02)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    # A command may start worker processes: count them too, all at once, as sampled.
    peak = max(usage.ru_maxrss, tree_peak)
    with open(result, "w", encoding="utf-8") as f:
        json.dump({"seconds": seconds, "maxrss_kib": peak, "status": code}, f)
    return 0


def _tree(pid: int) -> list[int]:
    """The process and all its descendants, from /proc."""
    found = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as f:
                for child in f.read().split():
                    found += _tree(int(child))
    except OSError:
        pass
    return found


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
