"""Lesson 04's benchmark, run by ``python manage.py lesson bench 04 [--quick]``.

Every Gunicorn set-up under test is started at once on its own free port, then
each workload drives the set-ups one after the other, so that the runs a
ratio compares are close in time on a shared machine. The results go to a
markdown table and a chart.
"""

from __future__ import annotations

import runpy
import tempfile
import time
from collections.abc import Callable
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
# Pause before a round: the CPU work the last round left queued (at most
# 8 connections x 20 ms) ends well within it.
SETTLE_S = 0.5
# The CPUs Gunicorn's own config counts: affinity and cgroup quota.
CORES = project_settings()["cores"]


@dataclass(frozen=True)
class Timing:
    """How long each set-up is driven: ``rounds`` turns of ``seconds`` each."""

    tool: str
    rounds: int
    seconds: float


@dataclass(frozen=True)
class Setup:
    """A Gunicorn configuration under test."""

    name: str
    args: tuple[str, ...]
    workers: int
    threads: int

    @property
    def shape(self) -> str:
        return shape(self.workers, self.threads)


def shape(workers: int, threads: int) -> str:
    """Return "worker class, workers x threads", as Gunicorn would run them."""
    kind = "gthread" if threads > 1 else "sync"
    return f"{kind} {workers}x{threads}"


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
class Sample:
    """One round: the load, and the CPU time of the server and of the others."""

    load: loadgen.Load
    server_cpu_s: float
    others_cpu_s: float
    memory: procstats.Usage


@dataclass(frozen=True)
class Row:
    """One measurement: a workload on a set-up."""

    workload: Workload
    setup: Setup
    load: loadgen.Load
    cores_used: float
    others_cores: float
    rss_mb: float
    pss_mb: float
    limit: float | None

    @property
    def share(self) -> float | None:
        return self.load.rps / self.limit if self.limit else None


# Enough connections to keep every slot of the largest set-up busy: 128 is
# four per slot for 32 slots, so each gthread worker gets its share however
# the kernel spreads the connections; 8 is four per core for CPU work. The
# CPU workload goes first: it is the one that other load on the machine
# disturbs most, and a run is usually started when the machine is quiet.
WORKLOADS = {
    "cpu": Workload("cpu", "cpu/?ms=20", connections=8, kind="cpu", ms=20),
    "io": Workload("io", "io/?ms=50", connections=128, kind="io", ms=50),
    "hello": Workload("hello", "hello/", connections=16),
}


def model_setup(workers: int, threads: int) -> Setup:
    args = ("--workers", str(workers), "--threads", str(threads), *MODEL_FLAGS)
    return Setup(shape(workers, threads), args, workers, threads)


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


def sample(server: Server, workload: Workload, tool: str, seconds: float) -> Sample:
    """Drive one round of a workload; return its load and who used the CPU."""
    # Let the previous round's last requests finish, so that their CPU time
    # is not counted against this one as someone else's.
    time.sleep(SETTLE_S)
    pids = server.process.pid, server.worker_pids()
    before = procstats.usage(*pids), procstats.own_cpu_s(), procstats.machine_busy_s()
    load = loadgen.drive(server.url(workload.path), workload.connections, seconds, tool)
    pids = server.process.pid, server.worker_pids()
    after = procstats.usage(*pids), procstats.own_cpu_s(), procstats.machine_busy_s()
    server_cpu = after[0].cpu_s - before[0].cpu_s
    client_cpu = after[1] - before[1]
    machine_cpu = after[2] - before[2]
    others_cpu = max(0.0, machine_cpu - server_cpu - client_cpu)
    return Sample(load, server_cpu, others_cpu, after[0])


def summarise(setup: Setup, workload: Workload, rounds: list[Sample]) -> Row:
    """Return the row of a set-up's rounds on a workload."""
    load = loadgen.merge([sample.load for sample in rounds])
    # A worker recycled just before a reading is still small: keep the largest.
    rss_kb = max(sum(s.memory.rss_kb) / len(s.memory.rss_kb or [0]) for s in rounds)
    return Row(
        workload=workload,
        setup=setup,
        load=load,
        cores_used=sum(sample.server_cpu_s for sample in rounds) / load.duration_s,
        others_cores=sum(sample.others_cpu_s for sample in rounds) / load.duration_s,
        rss_mb=rss_kb / 1024,
        pss_mb=max(sample.memory.pss_kb for sample in rounds) / 1024,
        limit=workload.limit(setup, cores=CORES),
    )


# region: rounds
def measure(
    workload: Workload, servers: dict[Setup, Server], timing: Timing, step: Callable
) -> list[Row]:
    """Measure a workload on each set-up, in rounds that take turns.

    Taking turns spreads a burst of someone else's load on a shared machine
    over every set-up, rather than onto whichever ran at that moment.
    """
    for server in servers.values():
        loadgen.drive(server.url(workload.path), workload.connections, 1, timing.tool)
    rounds: dict[Setup, list[Sample]] = {setup: [] for setup in servers}
    for number in range(timing.rounds):
        # Each round starts one set-up later, so that load which grows or fades
        # during a round favours no set-up for its place in the order, and no
        # set-up runs twice in a row with the last round's queue still full.
        items = list(servers.items())
        order = items[number % len(items) :] + items[: number % len(items)]
        for setup, server in order:
            step(f"{workload.path} on {setup.name}")
            rounds[setup].append(sample(server, workload, timing.tool, timing.seconds))
    return [summarise(setup, workload, rounds[setup]) for setup in servers]
    # endregion: rounds


def start_servers(
    stack: ExitStack, setups: list[Setup], log_dir: Path, step: Callable
) -> dict[Setup, Server]:
    """Start a Gunicorn per set-up, each stopped when the stack closes."""
    servers = {}
    for setup in setups:
        step(f"starting {setup.name}")
        servers[setup] = stack.enter_context(
            gunicorn(
                *setup.args, log_dir=log_dir, workers=setup.workers, env=SERVER_ENV
            )
        )
    return servers


def run(console: Console, quick: bool = False, tool: str | None = None) -> list[Row]:
    """Measure every set-up on every workload; print and save the results."""
    tool = tool or ("wrk" if loadgen.wrk_path() else "python")
    timing = (
        Timing(tool, rounds=1, seconds=2)
        if quick
        else Timing(tool, rounds=4, seconds=3)
    )
    measurements = plan(CORES, quick)
    setups = list(dict.fromkeys(setup for _, setup in measurements))
    steps = len(setups) + len(measurements) * timing.rounds
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    rows = []
    with ExitStack() as stack, Progress(*columns, console=console) as progress:
        task = progress.add_task("starting", total=steps)

        def step(description: str) -> None:
            progress.update(task, description=description, advance=1)

        log_dir = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        servers = start_servers(stack, setups, log_dir, step)
        ceiling = loadgen_ceiling(servers, tool) if tool == "python" else None
        for workload in dict.fromkeys(workload for workload, _ in measurements):
            chosen = {s: servers[s] for w, s in measurements if w == workload}
            rows.extend(measure(workload, chosen, timing, step))
    save(console, rows, report.Context(CORES, timing, quick, ceiling), quick)
    return rows


def save(console: Console, rows: list[Row], context: report.Context, quick: bool):
    """Print the results and write them: quick runs to a temporary folder."""
    output = QUICK_DIR if quick else RESULTS_DIR
    output.mkdir(parents=True, exist_ok=True)
    report.print_table(console, rows, context)
    written = report.write(output, rows, context)
    console.print(f"Results written to {', '.join(str(path) for path in written)}")


def loadgen_ceiling(servers: dict[Setup, Server], tool: str) -> float:
    """Return the Python generator's rate on hello/ against the busiest set-up."""
    setup = max(servers, key=lambda setup: setup.workers * setup.threads)
    url = servers[setup].url(WORKLOADS["hello"].path)
    return loadgen.drive(url, WORKLOADS["hello"].connections, 2, tool).rps
