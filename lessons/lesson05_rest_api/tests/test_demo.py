"""The demo and the benchmark run end to end and leave the reader's data alone."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connection

from django_docker_project.testing import manage as run_manage


def manage(*args: str, database: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if connection.vendor == "sqlite":
        # The "reader's database": it must not even be created.
        env["DATABASE_URL"] = f"sqlite:///{database}"
    return run_manage(*args, env=env)


def test_the_demo_walks_a_learner_through_the_api(tmp_path: Path) -> None:
    database = tmp_path / "reader.sqlite3"

    completed = manage("lesson", "run", "05", database=database)

    assert completed.returncode == 0, completed.stderr[-3000:]
    out = completed.stdout
    for expected in [
        "POST /api/auth/register/",
        "← 201 Created",
        "You are already enrolled in",
        '"course_completed": true',
        '"certificate": "queued"',
        "succeeded",  # the worker ran the certificate task
        '"code": "',
        "← 404 Not Found",
        "You are not enrolled in",
        "← 401 Unauthorized",
    ]:
        assert expected in out, expected
    assert not database.exists()


def test_the_quick_benchmark_compares_the_api_with_the_floor(tmp_path: Path) -> None:
    results = Path(settings.BASE_DIR) / "lessons/lesson05_rest_api/results"
    before = sorted(results.glob("*"))

    completed = manage("lesson", "bench", "05", "--quick", database=tmp_path / "r.db")

    assert completed.returncode == 0, completed.stderr[-3000:]
    lines = completed.stdout.splitlines()
    assert any(line.startswith("DRF viewset ") and " 2 " in line for line in lines)
    assert any(line.startswith("values() + JsonResponse") for line in lines)
    assert any(line.startswith("nested chapters, N+1") for line in lines)
    assert "DRF / floor (median):" in completed.stdout
    assert sorted(results.glob("*")) == before  # a quick run writes no results
