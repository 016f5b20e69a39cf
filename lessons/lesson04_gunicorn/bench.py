"""Lesson 04's benchmark, run by ``python manage.py lesson bench 04 [--quick]``.

Every Gunicorn set-up under test is started at once on its own free port, then
each workload drives the set-ups one after the other, so that the runs a
ratio compares are close in time on a shared machine. The results go to a
markdown table and a chart.
"""

from __future__ import annotations

import runpy
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from . import loadgen, procstats, report
from .recipes import RECIPES, project_settings
from .results import RESULTS_DIR
from .serving import Server, gunicorn

QUICK_DIR = Path(tempfile.gettempdir()) / "e-learniverse-bench04-quick"
# The plain set-ups measure the worker model alone: no recycling mid-run.
MODEL_FLAGS = ("--max-requests", "0")
# Production-like: no debug machinery on the request path.
SERVER_ENV = {"DEBUG": "false"}
# The CPUs Gunicorn's own config counts: affinity and cgroup quota.
CORES = project_settings()["cores"]


@dataclass(frozen=True)
class Setup:
    """A Gunicorn configuration under test."""

    name: str
    args: tuple[str, ...]
    workers: int
    threads: int

    @property
    def shape(self) -> str:
        kind = "gthread" if self.threads > 1 else "sync"
        return f"{kind} {self.workers}x{self.threads}"


# region: limits
@dataclass(frozen=True)
class Workload:
    """An endpoint and how many connections keep it busy."""

    name: str
    path: str
    connections: int
    kind: str = "stack"
    ms: int = 0

    def limit(self, setup: Setup, cores: int) -> float | None:
        """Return the most requests per second this set-up could serve."""
        if self.kind == "io":
            # Each slot (a thread of a worker) completes one wait at a time.
            slots = min(setup.workers * setup.threads, self.connections)
            return slots / (self.ms / 1000)
        if self.kind == "cpu":
            # Threads of one process share one core under the GIL.
            busy_cores = min(cores, setup.workers, self.connections)
            return busy_cores / (self.ms / 1000)
        return None


# endregion: limits


@dataclass(frozen=True)
class Row:
    """One measurement: a workload on a set-up."""

    workload: Workload
    setup: Setup
    load: loadgen.Load
    cores_used: float
    rss_mb: float
    pss_mb: float
    limit: float | None

    @property
    def share(self) -> float | None:
        return self.load.rps / self.limit if self.limit else None


WORKLOADS = {
    "hello": Workload("hello", "hello/", connections=16),
    "io": Workload("io", "io/?ms=50", connections=128, kind="io", ms=50),
    "cpu": Workload("cpu", "cpu/?ms=20", connections=8, kind="cpu", ms=20),
}


def model_setup(workers: int, threads: int) -> Setup:
    kind = "gthread" if threads > 1 else "sync"
    args = ("--workers", str(workers), "--threads", str(threads), *MODEL_FLAGS)
    return Setup(f"{kind} {workers}x{threads}", args, workers, threads)


def recipe_setup(name: str) -> Setup:
    """Return the set-up a recipe file describes, read as Gunicorn would."""
    path = RECIPES[name]
    recipe = runpy.run_path(str(path))
    relative = str(path.relative_to(settings.BASE_DIR))
    return Setup(name, ("--config", relative), recipe["workers"], recipe["threads"])


def plan(cores: int, quick: bool) -> list[tuple[Workload, Setup]]:
    """Return the measurements to make, grouped by workload."""
    one = model_setup(1, 1)
    cpu_recipe, io_recipe = recipe_setup("cpu_bound"), recipe_setup("io_bound")
    if quick:
        return [
            (WORKLOADS["hello"], cpu_recipe),
            (WORKLOADS["io"], io_recipe),
            (WORKLOADS["cpu"], one),
            (WORKLOADS["cpu"], cpu_recipe),
        ]
    setups = [
        one,
        cpu_recipe,
        model_setup(2 * cores + 1, 1),
        model_setup(1, 4),
        model_setup(1, 32),
        io_recipe,
        recipe_setup("mixed"),
        recipe_setup("memory_tight"),
    ]
    return [(workload, setup) for workload in WORKLOADS.values() for setup in setups]


def measure(
    server: Server, setup: Setup, workload: Workload, tool: str, seconds: float
) -> Row:
    """Warm the server up on the workload, then measure it."""
    url = server.url(workload.path)
    loadgen.drive(url, workload.connections, 1, tool)
    before = procstats.usage(server.process.pid, server.worker_pids())
    load = loadgen.drive(url, workload.connections, seconds, tool)
    after = procstats.usage(server.process.pid, server.worker_pids())
    rss = after.rss_kb or [0]
    return Row(
        workload=workload,
        setup=setup,
        load=load,
        cores_used=(after.cpu_s - before.cpu_s) / load.duration_s,
        rss_mb=sum(rss) / len(rss) / 1024,
        pss_mb=after.pss_kb / 1024,
        limit=workload.limit(setup, cores=CORES),
    )


def run(console: Console, quick: bool = False, tool: str | None = None) -> list[Row]:
    """Measure every set-up on every workload; print and save the results."""
    tool = tool or ("wrk" if loadgen.wrk_path() else "python")
    seconds = 2 if quick else 6
    output = QUICK_DIR if quick else RESULTS_DIR
    output.mkdir(parents=True, exist_ok=True)
    measurements = plan(CORES, quick)
    setups = list(dict.fromkeys(setup for _, setup in measurements))
    rows = []
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with ExitStack() as stack, Progress(*columns, console=console) as progress:
        task = progress.add_task("starting", total=len(setups) + len(measurements))
        log_dir = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        servers = {}
        for setup in setups:
            progress.update(task, description=f"starting {setup.name}")
            servers[setup] = stack.enter_context(
                gunicorn(
                    *setup.args,
                    log_dir=log_dir,
                    workers=setup.workers,
                    env=SERVER_ENV,
                )
            )
            progress.advance(task)
        ceiling = loadgen_ceiling(servers, tool) if tool == "python" else None
        for workload, setup in measurements:
            progress.update(task, description=f"{workload.path} on {setup.name}")
            rows.append(measure(servers[setup], setup, workload, tool, seconds))
            progress.advance(task)
    context = report.Context(CORES, tool, seconds, quick, ceiling)
    report.print_table(console, rows, context)
    written = report.write(output, rows, context)
    console.print(f"Results written to {', '.join(str(path) for path in written)}")
    return rows


def loadgen_ceiling(servers: dict[Setup, Server], tool: str) -> float:
    """Return the Python generator's rate on hello/ against the busiest set-up."""
    setup = max(servers, key=lambda setup: setup.workers * setup.threads)
    url = servers[setup].url(WORKLOADS["hello"].path)
    return loadgen.drive(url, WORKLOADS["hello"].connections, 2, tool).rps
