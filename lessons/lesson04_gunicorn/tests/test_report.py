"""The benchmark's markdown table, targets and chart, from known figures."""

from __future__ import annotations

from pathlib import Path

from lessons.lesson04_gunicorn.bench import WORKLOADS, Row, Setup, Timing
from lessons.lesson04_gunicorn.loadgen import Load
from lessons.lesson04_gunicorn.report import Context, markdown, targets, write

ONE = Setup("sync 1x1", (), 1, 1)
PER_CORE = Setup("cpu_bound", (), 2, 1)
IO_RECIPE = Setup("io_bound", (), 2, 16)
CONTEXT = Context(2, Timing("python", rounds=1, seconds=1), quick=True, ceiling=900)


def row(workload: str, setup: Setup, rps: float) -> Row:
    load = Load(requests=int(rps * 10), errors=0, duration_s=10, p50_ms=1, p99_ms=2)
    limit = WORKLOADS[workload].limit(setup, cores=2)
    return Row(WORKLOADS[workload], setup, load, 1.0, 0.1, 60.0, 130.0, limit)


def test_limits_follow_slots_for_io_and_cores_for_cpu() -> None:
    assert WORKLOADS["io"].limit(IO_RECIPE, cores=2) == 32 / 0.05
    assert WORKLOADS["cpu"].limit(ONE, cores=2) == 1 / 0.02
    assert WORKLOADS["cpu"].limit(Setup("gthread 1x8", (), 1, 8), cores=2) == 50
    assert WORKLOADS["cpu"].limit(Setup("sync 5x1", (), 5, 1), cores=2) == 100
    assert WORKLOADS["hello"].limit(ONE, cores=2) is None


def test_targets_say_met_or_not_with_the_figure() -> None:
    rows = [row("io", IO_RECIPE, 600), row("cpu", ONE, 45), row("cpu", PER_CORE, 70)]

    assert targets(rows) == [
        "I/O: the io_bound recipe reached 93.8% of its limit (target 90%): met.",
        "CPU: one worker per core (cpu_bound) served 1.56x one worker "
        "(target 1.7x): NOT met; other processes used 0.10 cores meanwhile.",
    ]


def test_the_markdown_table_has_a_line_per_row_and_says_how_it_was_made() -> None:
    rows = [row("hello", ONE, 1000), row("cpu", ONE, 45)]

    text = markdown(rows, CONTEXT)

    table = [line for line in text.splitlines() if line.startswith("|")]
    assert len(table) == 2 + len(rows)
    assert len({len(line) for line in table}) == 1
    assert "ceiling: 900 req/s" in text


def test_write_saves_the_table_and_a_png_chart(tmp_path: Path) -> None:
    rows = [row("io", IO_RECIPE, 600), row("cpu", ONE, 45)]

    table, chart = write(tmp_path, rows, CONTEXT)

    assert table.read_text().startswith("Measured by")
    assert chart.read_bytes().startswith(b"\x89PNG")
