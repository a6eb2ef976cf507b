#!/usr/bin/env python3
"""Times a command from outside: median, min and max of wall time, CPU time and peak RSS.

    timing.py --runs 5 --label tkpk -- target/release/tkpk build --root SITE --output OUT

Prints one line per measure and, with --json FILE, appends the medians as a JSON line.
Standard library only (Linux).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time


def once(cmd):
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    return os.waitstatus_to_exitcode(status), wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--label", required=True)
    ap.add_argument("--json")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    for _ in range(a.warmup):
        once(cmd)
    rows = [once(cmd) for _ in range(a.runs)]
    bad = [r[0] for r in rows if r[0] != 0]
    if bad:
        print("%s: FAILED (exit %s)" % (a.label, bad[0]))
        return 1
    med = {}
    print("%s (%d runs)" % (a.label, a.runs))
    for name, i in (("wall_s", 1), ("cpu_s", 2), ("peak_mib", 3)):
        xs = [r[i] for r in rows]
        med[name] = statistics.median(xs)
        print("  %-9s median %9.3f   min %9.3f   max %9.3f" % (name, med[name], min(xs), max(xs)))
    if a.json:
        with open(a.json, "a") as f:
            f.write(json.dumps({"label": a.label, **med}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
