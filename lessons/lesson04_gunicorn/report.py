"""The benchmark's results: a terminal table, a markdown file and a chart."""

from __future__ import annotations

import platform
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import gunicorn
from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from .bench import Row, Timing

IO_TARGET_SHARE = 0.90
CPU_TARGET_RATIO = 1.7
HEADERS = (
    "workload",
    "set-up",
    "shape",
    "req/s",
    "p50 ms",
    "p99 ms",
    "errors",
    "CPU used",
    "others' CPU",
    "RSS/worker MB",
    "PSS total MB",
    "limit req/s",
    "of limit",
)


@dataclass(frozen=True)
class Context:
    """How the figures were produced, printed above them."""

    cores: int
    timing: Timing
    quick: bool
    ceiling: float | None = None

    def describe(self) -> str:
        when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        command = "python manage.py lesson bench 04"
        command += " --quick" if self.quick else ""
        load = tool_version(self.timing.tool)
        if self.ceiling is not None:
            load += f" (its own ceiling: {self.ceiling:.0f} req/s on hello/)"
        return (
            f"Measured by `{command}` on {when}: {self.cores} cores "
            f"({platform.system()} {platform.machine()}, a shared container), "
            f"Python {platform.python_version()}, Gunicorn {gunicorn.__version__}, "
            f"load from {load}; per row, {self.timing.rounds} round(s) of "
            f"{self.timing.seconds:g} s taking turns with the other set-ups, "
            "after 1 s of warm-up."
        )


def tool_version(tool: str) -> str:
    if tool != "wrk":
        return "the Python load generator"
    completed = subprocess.run(["wrk", "--version"], capture_output=True, text=True)
    first = (completed.stdout or completed.stderr).split()
    return f"wrk {first[1]}" if len(first) > 1 else "wrk"


def cells(row: Row) -> tuple[str, ...]:
    """Return a row's figures as the table's text cells."""
    load = row.load
    return (
        row.workload.path,
        row.setup.name,
        row.setup.shape,
        f"{load.rps:.0f}",
        f"{load.p50_ms:.1f}",
        f"{load.p99_ms:.1f}",
        str(load.errors),
        f"{row.cores_used:.2f}",
        f"{row.others_cores:.2f}",
        f"{row.rss_mb:.0f}",
        f"{row.pss_mb:.0f}",
        "-" if row.limit is None else f"{row.limit:.0f}",
        "-" if row.share is None else f"{row.share:.0%}",
    )


def targets(rows: list[Row]) -> list[str]:
    """Return a line per target the rows can judge: the figure and the verdict."""
    found = {(row.workload.kind, row.setup.name): row for row in rows}
    lines = []
    io_recipe = found.get(("io", "io_bound"))
    if io_recipe and io_recipe.share is not None:
        verdict = "met" if io_recipe.share >= IO_TARGET_SHARE else "NOT met"
        lines.append(
            f"I/O: the io_bound recipe reached {io_recipe.share:.1%} of its "
            f"limit (target {IO_TARGET_SHARE:.0%}): {verdict}."
        )
    one, per_core = found.get(("cpu", "sync 1x1")), found.get(("cpu", "cpu_bound"))
    if one and per_core and one.load.rps:
        ratio = per_core.load.rps / one.load.rps
        verdict = "met" if ratio >= CPU_TARGET_RATIO else "NOT met"
        others = (one.others_cores + per_core.others_cores) / 2
        lines.append(
            f"CPU: one worker per core (cpu_bound) served {ratio:.2f}x one "
            f"worker (target {CPU_TARGET_RATIO}x): {verdict}; other processes "
            f"used {others:.2f} cores meanwhile."
        )
    return lines


def print_table(console: Console, rows: list[Row], context: Context) -> None:
    table = Table(title="Lesson 04: Gunicorn set-ups under load", title_justify="left")
    for index, header in enumerate(HEADERS):
        table.add_column(header, justify="right" if index >= 3 else "left")
    for row in rows:
        table.add_row(*cells(row))
    # Wider than most terminals: a wrapped table is harder to read than a
    # long line, and logs keep every column.
    wide = Console(file=console.file, width=max(console.width, 170), highlight=False)
    wide.print(table)
    console.print(context.describe())
    for line in targets(rows):
        console.print(line)


def markdown(rows: list[Row], context: Context) -> str:
    """Return the results as a markdown table, columns padded to line up."""
    body = [HEADERS, *(cells(row) for row in rows)]
    widths = [max(len(line[i]) for line in body) for i in range(len(HEADERS))]

    def line(values: tuple[str, ...]) -> str:
        pairs = zip(values, widths, strict=True)
        padded = (value.ljust(width) for value, width in pairs)
        return "| " + " | ".join(padded) + " |"

    rule = "|" + "|".join("-" * (width + 2) for width in widths) + "|"
    table = [line(HEADERS), rule, *(line(values) for values in body[1:])]
    verdicts = [f"- {text}" for text in targets(rows)]
    return "\n".join([context.describe(), "", *table, "", *verdicts]) + "\n"


def write(output: Path, rows: list[Row], context: Context) -> list[Path]:
    """Write bench.md and bench.png to ``output``; return their paths."""
    table_path, chart_path = output / "bench.md", output / "bench.png"
    table_path.write_text(markdown(rows, context))
    draw_chart(rows, chart_path)
    return [table_path, chart_path]


def label(row: Row) -> str:
    """Return a set-up's name, with its shape when the name does not say it."""
    setup = row.setup
    return setup.name if setup.name == setup.shape else f"{setup.name}\n{setup.shape}"


def draw_chart(rows: list[Row], path: Path) -> None:
    """Draw requests per second per set-up, one panel per workload."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    workloads = list(dict.fromkeys(row.workload.path for row in rows))
    figure, axes = pyplot.subplots(
        1, len(workloads), figsize=(5 * len(workloads), 5.5), squeeze=False
    )
    for axis, workload in zip(axes[0], workloads, strict=True):
        chosen = [row for row in rows if row.workload.path == workload]
        names = [label(row) for row in chosen]
        axis.barh(names, [row.load.rps for row in chosen], color="#4c72b0")
        limits = [(label(row), row.limit) for row in chosen if row.limit]
        if limits:
            axis.scatter(
                [limit for _, limit in limits],
                [name for name, _ in limits],
                marker="|",
                s=300,
                color="#c44e52",
                label="theoretical limit",
            )
            axis.legend(loc="lower right", fontsize="small")
        axis.invert_yaxis()
        axis.set_title(workload)
        axis.set_xlabel("requests per second")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    pyplot.close(figure)
