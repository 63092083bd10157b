#!/usr/bin/env python3
"""Runs a command and prints "SECONDS PEAK_TREE_KIB PEAK_ONE_KIB" to the file given first: the
wall time, the peak of the summed resident memory of the command and all its descendants
(sampled from /proc every 20 ms: a batch's worker processes count together), and the peak of
the largest single process (what /usr/bin/time -f %M reports, from getrusage).

  Benchmarks/peak_rss.py OUT_FILE COMMAND [ARG…]      exits with the command's status
"""
import os
import resource
import subprocess
import sys
import time


def tree_rss_kib(root):
    children = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(pid))
        except (OSError, IndexError):
            pass
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            with open("/proc/%d/statm" % pid) as f:
                total += int(f.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
        except (OSError, IndexError, ValueError):
            pass
    return total


def main():
    out, cmd = sys.argv[1], sys.argv[2:]
    start = time.monotonic()
    proc = subprocess.Popen(cmd)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss_kib(proc.pid))
        time.sleep(0.02)
    secs = time.monotonic() - start
    one = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with open(out, "w") as f:
        f.write("%.3f %d %d\n" % (secs, max(peak, one), one))
    sys.exit(proc.returncode)


if __name__ == "__main__":
    main()
