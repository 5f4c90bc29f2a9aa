#!/usr/bin/env python3
"""Samples the memory of a process and all its descendants until told to stop (SIGTERM).

Usage: smtp-memory.py PID OUT. Every 0.2 s it sums Rss and Pss (from /proc/PID/smaps_rollup) over
PID and its descendants, and on SIGTERM writes "peak_rss_kb=N peak_pss_kb=N processes=N cpu_s=N"
to OUT, cpu_s being the CPU time (user + system) the processes used while sampled: the live ones'
own, plus what the children that exited meanwhile left in their parents' cumulative counters
(Postfix's master reaps its smtpd, cleanup and virtual processes).
Pss splits shared pages (libraries, Postfix's shared maps) among the processes that map them, so
the Pss sum is what a group of processes really costs; the Rss sum counts shared pages once per
process and overstates it.
"""
import os
import signal
import sys
import time

root = int(sys.argv[1])
out = sys.argv[2]
peak_rss = peak_pss = peak_processes = 0
running = True


def stop(signum, frame):
    global running
    running = False


def tree(root_pid):
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                # The command name may hold spaces; fields after its closing parenthesis do not.
                fields = f.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
        except (OSError, IndexError):
            continue
    pids, todo = [], [root_pid]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        todo.extend(children.get(pid, []))
    return pids


def cpu_ticks(pids):
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            # utime, stime, cutime, cstime: fields 14-17 of stat(5), 12-15 after the name.
            total += sum(int(x) for x in fields[11:15])
        except (OSError, IndexError):
            continue
    return total


def memory(pid):
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


signal.signal(signal.SIGTERM, stop)
ticks_per_second = os.sysconf("SC_CLK_TCK")
first_ticks = cpu_ticks(tree(root))
last_ticks = first_ticks
while running and os.path.exists(f"/proc/{root}"):
    pids = tree(root)
    rss = pss = 0
    for pid in pids:
        r, p = memory(pid)
        rss += r
        pss += p
    peak_rss = max(peak_rss, rss)
    peak_pss = max(peak_pss, pss)
    peak_processes = max(peak_processes, len(pids))
    last_ticks = max(last_ticks, cpu_ticks(pids))
    time.sleep(0.2)

with open(out, "w") as f:
    f.write(f"peak_rss_kb={peak_rss} peak_pss_kb={peak_pss} processes={peak_processes} "
            f"cpu_s={(last_ticks - first_ticks) / ticks_per_second:.2f}\n")
