"""Memory and CPU time of a process tree, read from Linux's /proc."""

from __future__ import annotations

import os
import resource
from dataclasses import dataclass
from pathlib import Path

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Usage:
    """What a set of processes holds and has used, at one moment."""

    rss_kb: list[int]
    pss_kb: int
    cpu_s: float


def children(parent: int) -> set[int]:
    """Return the pids whose parent is ``parent``."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        fields = stat_fields(stat)
        # After the command name come the state, then the parent's pid.
        if fields and int(fields[1]) == parent:
            found.add(int(stat.parent.name))
    return found


def stat_fields(path: Path) -> list[str]:
    """Return the fields of /proc/PID/stat after the command name, or []."""
    try:
        return path.read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        # The process ended between listing /proc and reading its file.
        return []


def status_kb(pid: int, key: str, name: str = "status") -> int:
    """Return a ``Key:  N kB`` figure of /proc/PID/<name>, or 0 when gone."""
    try:
        lines = Path(f"/proc/{pid}/{name}").read_text().splitlines()
    except OSError:
        return 0
    for line in lines:
        if line.startswith(f"{key}:"):
            return int(line.split()[1])
    return 0


def cpu_seconds(pid: int, reaped: bool = False) -> float:
    """Return the user and system CPU time a process has used so far.

    With ``reaped``, add the time of its children that have ended and been
    waited for: for Gunicorn's master, the workers it has already replaced.
    """
    fields = stat_fields(Path(f"/proc/{pid}/stat"))
    if not fields:
        return 0.0
    # utime, stime, cutime and cstime: fields 14 to 17 of stat, 12 to 15 here.
    used = fields[11:15] if reaped else fields[11:13]
    return sum(int(ticks) for ticks in used) / CLOCK_TICKS


def usage(master: int, workers: set[int]) -> Usage:
    """Return the workers' resident sizes, and the PSS and CPU time of all."""
    everyone = {master, *workers}
    return Usage(
        rss_kb=[status_kb(pid, "VmRSS") for pid in sorted(workers)],
        pss_kb=sum(status_kb(pid, "Pss", "smaps_rollup") for pid in everyone),
        cpu_s=cpu_seconds(master, reaped=True)
        + sum(cpu_seconds(pid) for pid in workers),
    )


def machine_busy_s() -> float:
    """Return the CPU time every core of the machine has spent busy so far."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, fields[:8])
    return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS


def own_cpu_s() -> float:
    """Return the CPU time of this process and its ended children (wrk)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    ended = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + ended.ru_utime + ended.ru_stime
