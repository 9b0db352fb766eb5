#!/usr/bin/env python3
"""Runs one command under GNU time (Debian's `time` package) and records what it cost: wall
time, CPU time (user + system of the command and every descendant it waited for) and peak
memory.

    measure.py OUT.json [--timeout S] [--stdout FILE] -- COMMAND [ARG...]

Peak memory is the larger of
  - `/usr/bin/time -f %M`: the largest single process of the tree (wait4's ru_maxrss, taken
    by GNU time so that the Python parent's own memory, inherited across fork, is not counted),
    and
  - the peak of the whole process tree's summed VmRSS, sampled from /proc every 50 ms (a batch
    that runs its sites in worker processes holds them all at once; ru_maxrss sees only one).
The tree's summed Pss (proportional set size: shared pages divided among the processes that
map them) is sampled alongside: summed RSS counts every shared library once per worker process.
Writes {"wall_s", "cpu_s", "user_s", "sys_s", "max_rss_kb", "tree_rss_kb", "tree_pss_kb", "rss_kb",
"exit", "timed_out"} to OUT.json. Exits 0 whatever the command did (the caller reads "exit").
"""
import json
import os
import signal
import subprocess
import sys
import time


def children_map():
    kids = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % d, "rb") as f:
                stat = f.read()
            ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        kids.setdefault(ppid, []).append(int(d))
    return kids


def tree_memory_kb(root):
    """Summed VmRSS and summed Pss of root's descendants (root is GNU time itself, not
    counted). RSS counts a shared library's pages once per process that maps them; PSS shares
    them out, so the tree's PSS is the memory the tree really holds."""
    kids = children_map()
    rss = pss = 0
    todo = list(kids.get(root, []))
    while todo:
        pid = todo.pop()
        todo.extend(kids.get(pid, []))
        for path, key, acc in (("/proc/%d/status", "VmRSS:", "rss"), ("/proc/%d/smaps_rollup", "Pss:", "pss")):
            try:
                with open(path % pid) as f:
                    for line in f:
                        if line.startswith(key):
                            if acc == "rss":
                                rss += int(line.split()[1])
                            else:
                                pss += int(line.split()[1])
                            break
            except OSError:
                pass
    return rss, pss


def main():
    args = sys.argv[1:]
    out = args.pop(0)
    timeout = None
    stdout_path = None
    while args and args[0] != "--":
        opt = args.pop(0)
        if opt == "--timeout":
            timeout = float(args.pop(0))
        elif opt == "--stdout":
            stdout_path = args.pop(0)
        else:
            sys.exit("measure.py: unknown option " + opt)
    if not args or args[0] != "--" or len(args) < 2:
        sys.exit("usage: measure.py OUT.json [--timeout S] [--stdout FILE] -- COMMAND [ARG...]")
    cmd = args[1:]
    stdout = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
    tfile = out + ".time"
    cmd = ["/usr/bin/time", "-f", "%e %U %S %M", "-o", tfile] + cmd
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.DEVNULL, start_new_session=True)
    peak_tree = peak_pss = 0
    timed_out = False
    status = None
    ru = None
    while True:
        pid, st, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid == proc.pid:
            status, ru = st, usage
            break
        rss, pss = tree_memory_kb(proc.pid)
        peak_tree, peak_pss = max(peak_tree, rss), max(peak_pss, pss)
        if timeout is not None and time.monotonic() - start > timeout and not timed_out:
            timed_out = True
            os.killpg(proc.pid, signal.SIGKILL)
        time.sleep(0.05)
    wall = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    user = sys_ = 0.0
    maxrss = 0
    try:
        with open(tfile) as f:
            last = [l for l in f.read().splitlines() if l.strip()][-1].split()
        user, sys_, maxrss = float(last[1]), float(last[2]), int(last[3])
    except (OSError, IndexError, ValueError):
        pass
    try:
        with open(tfile) as f:
            text = f.read()
        if text.startswith("Command exited with non-zero status"):
            proc.returncode = int(text.split()[5])
    except (OSError, IndexError, ValueError):
        pass
    if os.path.exists(tfile):
        os.unlink(tfile)
    result = {"wall_s": round(wall, 3), "user_s": round(user, 3), "sys_s": round(sys_, 3),
              "cpu_s": round(user + sys_, 3), "max_rss_kb": maxrss, "tree_rss_kb": peak_tree, "tree_pss_kb": peak_pss,
              "rss_kb": max(maxrss, peak_tree), "exit": proc.returncode, "timed_out": timed_out}
    with open(out, "w") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()
