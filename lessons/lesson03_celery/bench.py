"""``python manage.py lesson bench 03``: Celery round trips, broker by broker.

For each broker, one worker (prefork, two processes) runs ``echo``. The
benchmark measures sequential round trips (send, run, store the result, read
it back) for latency, then a burst of tasks sent at once for throughput. The
configured broker and the filesystem transport run in the same invocation,
so their figures come from the same machine under the same load.
"""

from __future__ import annotations

import platform
import statistics
import tempfile
import time
import uuid
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection
from rich.console import Console
from rich.table import Table

from django_docker_project.celery import app as celery_app
from django_docker_project.testing import REDIS_TEST_URL, reachable

from .brokers import Broker, broker_used
from .processes import database_url, worker_start
from .tasks import echo

RESULTS = Path(__file__).resolve().parent / "results" / "bench.txt"
BENCH_REDIS_DB = 13
# Results are polled this often by backends that cannot push them (files).
POLL = 0.005


def run(console: Console, quick: bool = False) -> None:
    """Measure every broker and write the results file."""
    rounds, burst = (30, 100) if quick else (300, 1000)
    folder = Path(tempfile.mkdtemp(prefix="lesson03-bench-"))
    rows = []
    for broker in _brokers(folder, console):
        console.print(f"Measuring {broker.kind}: {rounds} round trips, {burst} burst")
        rows.append(_measure(broker, folder, rounds, burst, console))
    text = _report(rows, rounds, burst, quick)
    path = folder / "bench.txt" if quick else RESULTS
    path.write_text(text)
    console.print(_table(rows))
    console.print(f"Written to {path}")


def _brokers(folder: Path, console: Console) -> list[Broker]:
    configured = Broker.configured()
    filesystem = Broker.filesystem(folder / "filesystem")
    # Queues of the benchmark's own, which no other worker consumes.
    prefix = f"lesson03-bench-{uuid.uuid4().hex[:12]}:"
    if configured.kind != "filesystem":
        return [replace(configured, key_prefix=prefix), filesystem]
    local_redis = f"{REDIS_TEST_URL.rsplit('/', 1)[0]}/{BENCH_REDIS_DB}"
    if reachable(local_redis):
        return [Broker.redis(local_redis, key_prefix=prefix), filesystem]
    console.print("[yellow]No Redis configured or reachable: filesystem only.[/]")
    return [filesystem]


def _measure(
    broker: Broker, folder: Path, rounds: int, burst: int, console: Console
) -> dict:
    env = {**broker.env(), "DATABASE_URL": database_url(connection.settings_dict)}
    with broker_used(celery_app, broker):
        worker = worker_start(
            name=f"bench-{broker.kind}",
            queues=[settings.CELERY_TASK_DEFAULT_QUEUE],
            env=env,
            log_dir=folder / "logs",
            concurrency=2,
        )
        try:
            worker.wait_until_ready()
            console.print(f"[dim]worker {worker.name} (pid {worker.pid})[/dim]")
            for value in range(10):  # warm-up: connections, imports, pools
                echo.delay(value).get(timeout=30, interval=POLL)
            latencies = _round_trips(rounds)
            throughput = _burst(burst)
        finally:
            worker.stop()
    return {
        "broker": broker.kind,
        "p50": _percentile(latencies, 50),
        "p99": _percentile(latencies, 99),
        "throughput": throughput,
    }


# region: measure
def _round_trips(rounds: int) -> list[float]:
    latencies = []
    for value in range(rounds):
        started = time.perf_counter()
        echo.delay(value).get(timeout=30, interval=POLL)
        latencies.append(time.perf_counter() - started)
    return latencies


def _burst(count: int) -> float:
    started = time.perf_counter()
    results = [echo.delay(value) for value in range(count)]
    for result in results:
        result.get(timeout=120, interval=POLL)
    return count / (time.perf_counter() - started)
    # endregion: measure


def _percentile(values: list[float], percent: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[percent - 1]


def _report(rows: list[dict], rounds: int, burst: int, quick: bool) -> str:
    base = rows[-1]
    lines = [
        f"{'broker':<12}{'p50 ms':>9}{'p99 ms':>9}{'tasks/s':>10}{'vs fs':>8}",
    ]
    for row in rows:
        ratio = row["throughput"] / base["throughput"]
        lines.append(
            f"{row['broker']:<12}{row['p50'] * 1000:>9.1f}{row['p99'] * 1000:>9.1f}"
            f"{row['throughput']:>10.0f}{ratio:>7.1f}x"
        )
    lines += [
        "",
        f"{rounds} sequential round trips and a burst of {burst} echo tasks with "
        "results; one worker, prefork, 2 processes" + (" (--quick)" if quick else ""),
        f"python manage.py lesson bench 03{' --quick' if quick else ''}; "
        f"{datetime.now(UTC):%Y-%m-%d}; {platform.python_implementation()} "
        f"{platform.python_version()}; 2 shared cores",
    ]
    return "\n".join(lines) + "\n"


def _table(rows: list[dict]) -> Table:
    table = Table("broker", "p50 ms", "p99 ms", "tasks/s")
    for row in rows:
        table.add_row(
            row["broker"],
            f"{row['p50'] * 1000:.1f}",
            f"{row['p99'] * 1000:.1f}",
            f"{row['throughput']:.0f}",
        )
    return table
