"""Run a command as a child of this small process; write its wall time and peak RSS as JSON.

On Linux a child's ru_maxrss also counts the address space it was forked from: exec carries the
old one's high-water mark into the process's maximum. A child of run.py, whose memory grows
with every sheet it prepares, would report run.py's peak as its own. So measured commands are
forked from this launcher, a bare Python of a few MiB, less than any command it runs uses.

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
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    with open(result, "w", encoding="utf-8") as f:
        json.dump({"seconds": seconds, "maxrss_kib": usage.ru_maxrss, "status": code}, f)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
