"""Load generators: wrk when it is installed, otherwise a Python one.

Both keep ``connections`` requests in flight for ``duration`` seconds (a closed
loop: each connection sends its next request when the last one is answered)
and return a :class:`Load`.
"""

from __future__ import annotations

import http.client
import json
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

WRK_SCRIPT = Path(__file__).with_name("wrk_report.lua")
# A request slower than this is counted as an error by either generator.
REQUEST_TIMEOUT_S = 10


@dataclass(frozen=True)
class Load:
    """What one load run measured."""

    requests: int
    errors: int
    duration_s: float
    p50_ms: float
    p99_ms: float

    @property
    def rps(self) -> float:
        return self.requests / self.duration_s if self.duration_s else 0.0


def merge(loads: list[Load]) -> Load:
    """Return one Load for several runs: the median p50 and the worst p99."""
    p50s = sorted(load.p50_ms for load in loads)
    return Load(
        requests=sum(load.requests for load in loads),
        errors=sum(load.errors for load in loads),
        duration_s=sum(load.duration_s for load in loads),
        p50_ms=p50s[len(p50s) // 2],
        p99_ms=max(load.p99_ms for load in loads),
    )


def wrk_path() -> str | None:
    """Return wrk's path, or None when it is not installed."""
    return shutil.which("wrk")


def run_wrk(url: str, connections: int, duration_s: float) -> Load:
    """Drive ``url`` with wrk and return its figures."""
    command = [
        wrk_path() or "wrk",
        f"--threads={min(2, connections)}",
        f"--connections={connections}",
        f"--duration={max(1, round(duration_s))}s",
        f"--timeout={REQUEST_TIMEOUT_S}s",
        f"--script={WRK_SCRIPT}",
        url,
    ]
    completed = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=duration_s + REQUEST_TIMEOUT_S + 10,
        check=True,
    )
    report = json.loads(completed.stdout.strip().splitlines()[-1])
    errors = sum(
        report[kind] for kind in ("connect", "read", "write", "status", "timeout")
    )
    return Load(
        requests=report["requests"],
        errors=errors,
        duration_s=report["duration_us"] / 1e6,
        p50_ms=report["p50_us"] / 1000,
        p99_ms=report["p99_us"] / 1000,
    )


def run_python(url: str, connections: int, duration_s: float) -> Load:
    """Drive ``url`` from ``connections`` threads, each with a keep-alive client."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + duration_s

    def client() -> None:
        parts = urlsplit(url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        connection = http.client.HTTPConnection(
            parts.hostname, parts.port, timeout=REQUEST_TIMEOUT_S
        )
        while time.monotonic() < deadline:
            started = time.perf_counter()
            ok = send(connection, target)
            elapsed = time.perf_counter() - started
            with lock:
                if ok:
                    latencies.append(elapsed)
                else:
                    errors[0] += 1
        connection.close()

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return summarise(latencies, errors[0], time.monotonic() - started)


def send(connection: http.client.HTTPConnection, target: str) -> bool:
    """Send one GET; return whether it got a 2xx or 3xx answer."""
    try:
        connection.request("GET", target)
        response = connection.getresponse()
        response.read()
    except (OSError, http.client.HTTPException):
        # The next request() opens a fresh connection.
        connection.close()
        return False
    return response.status < 400


def summarise(latencies: list[float], errors: int, duration_s: float) -> Load:
    """Return the Load of a run from its successful requests' latencies."""
    ordered = sorted(latencies)

    def percentile(share: float) -> float:
        if not ordered:
            return 0.0
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000

    return Load(
        requests=len(ordered),
        errors=errors,
        duration_s=duration_s,
        p50_ms=percentile(0.50),
        p99_ms=percentile(0.99),
    )


def drive(url: str, connections: int, duration_s: float, tool: str) -> Load:
    """Run the named load generator: ``wrk`` or ``python``."""
    runner = run_wrk if tool == "wrk" else run_python
    return runner(url, connections, duration_s)
