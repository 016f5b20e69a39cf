"""Both load generators count answers and failures against a real Gunicorn."""

from __future__ import annotations

from pathlib import Path

import pytest

from django_docker_project.testing import free_port, missing_service
from lessons.lesson04_gunicorn import loadgen
from lessons.lesson04_gunicorn.serving import gunicorn

pytestmark = pytest.mark.slow


@pytest.fixture(params=["python", "wrk"])
def tool(request: pytest.FixtureRequest) -> str:
    """Each load generator; wrk must be installed (`apt-get install wrk`)."""
    if request.param == "wrk" and not loadgen.wrk_path():
        missing_service("wrk is not installed: `apt-get install wrk` adds it")
    return request.param


def test_a_run_counts_answered_requests_without_errors(
    tool: str, log_dir: Path
) -> None:
    with gunicorn("--workers", "1", "--threads", "2", log_dir=log_dir) as server:
        load = loadgen.drive(server.url("io/?ms=5"), 2, 1, tool)

    assert load.requests > 0
    assert load.errors == 0
    assert 0 < load.p50_ms <= load.p99_ms


def test_answers_with_an_error_status_count_as_errors(tool: str, log_dir: Path) -> None:
    with gunicorn("--workers", "1", "--threads", "2", log_dir=log_dir) as server:
        load = loadgen.drive(server.url("io/?ms=oops"), 2, 1, tool)

    assert load.errors > 0


def test_the_python_generator_counts_refused_connections() -> None:
    url = f"http://127.0.0.1:{free_port()}/lessons/04-gunicorn/hello/"

    load = loadgen.run_python(url, connections=1, duration_s=0.2)

    assert load.requests == 0
    assert load.errors > 0


def test_merged_runs_add_up_and_keep_the_worst_p99() -> None:
    runs = [
        loadgen.Load(requests=100, errors=1, duration_s=2, p50_ms=5, p99_ms=9),
        loadgen.Load(requests=60, errors=0, duration_s=2, p50_ms=7, p99_ms=30),
        loadgen.Load(requests=80, errors=0, duration_s=2, p50_ms=6, p99_ms=12),
    ]

    merged = loadgen.merge(runs)

    assert (merged.requests, merged.errors, merged.rps) == (240, 1, 40)
    assert (merged.p50_ms, merged.p99_ms) == (6, 30)
