#!/usr/bin/env python3
"""Times commands from outside: median, min and max of wall time, CPU time and peak RSS.

    timing.py --runs 5 --label tkpk -- target/release/tkpk build --root SITE --output OUT
    timing.py --runs 7 --cmd tkpk "target/release/tkpk build ..." --cmd "cp -r" "sh -c '...'"

With several --cmd the commands run interleaved (A B A B ...), so that a machine whose speed
drifts from minute to minute slows each of them alike; the ratio of each command to the first
is then also given as the median of the per-round ratios. Prints one block per command and,
with --json FILE, appends its medians (and every wall time) as a JSON line.
Standard library only (Linux).
"""
import argparse
import json
import os
import shlex
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


def summary(label, rows, json_path):
    med = {}
    print("%s (%d runs)" % (label, len(rows)))
    for name, i in (("wall_s", 1), ("cpu_s", 2), ("peak_mib", 3)):
        xs = [r[i] for r in rows]
        med[name] = statistics.median(xs)
        print("  %-9s median %9.3f   min %9.3f   max %9.3f" % (name, med[name], min(xs), max(xs)))
    if json_path:
        with open(json_path, "a") as f:
            f.write(json.dumps({"label": label, **med, "walls": [r[1] for r in rows]}) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--label")
    ap.add_argument("--cmd", nargs=2, action="append", metavar=("LABEL", "COMMAND"))
    ap.add_argument("--json")
    ap.add_argument("cmd_args", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    commands = [(label, shlex.split(text)) for label, text in a.cmd or []]
    if a.label:
        rest = a.cmd_args[1:] if a.cmd_args and a.cmd_args[0] == "--" else a.cmd_args
        commands.append((a.label, rest))
    if not commands or any(not cmd for _, cmd in commands):
        ap.error("give --label LABEL -- COMMAND, or --cmd LABEL COMMAND once or more")
    for _ in range(a.warmup):
        for _, cmd in commands:
            once(cmd)
    rows = {label: [] for label, _ in commands}
    for _ in range(a.runs):
        for label, cmd in commands:
            rows[label].append(once(cmd))
    failed = False
    for label, _ in commands:
        bad = [r[0] for r in rows[label] if r[0] != 0]
        if bad:
            print("%s: FAILED (exit %s)" % (label, bad[0]))
            failed = True
        else:
            summary(label, rows[label], a.json)
    if failed:
        return 1
    if len(commands) > 1:
        first = commands[0][0]
        for label, _ in commands[1:]:
            ratios = [x[1] / y[1] for x, y in zip(rows[first], rows[label])]
            print("  %s / %s per round: median %.2f   min %.2f   max %.2f"
                  % (first, label, statistics.median(ratios), min(ratios), max(ratios)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
