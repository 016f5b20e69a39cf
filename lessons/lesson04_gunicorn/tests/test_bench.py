"""The quick benchmark runs end to end with the Python load generator."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from lessons.lesson04_gunicorn import bench


@pytest.mark.slow
def test_the_quick_bench_reports_the_python_generators_ceiling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bench, "QUICK_DIR", tmp_path)
    output = io.StringIO()

    rows = bench.run(Console(file=output, width=200), quick=True, tool="python")

    table = (tmp_path / "bench.md").read_text()
    assert len(rows) == len(bench.plan(bench.CORES, quick=True))
    assert all(row.load.requests > 0 for row in rows)
    assert "the Python load generator (its own ceiling:" in table
    assert "CPU: one worker per core" in output.getvalue()
    assert (tmp_path / "bench.png").is_file()
