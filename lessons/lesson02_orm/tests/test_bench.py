"""The benchmark runs in a throwaway database and leaves the user's alone."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest
from django.conf import settings

from django_docker_project.testing import manage as run_manage


@pytest.mark.slow
def test_quick_bench_reports_every_listing_and_leaves_the_database_alone(tmp_path):
    database = tmp_path / "user.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput"], ["load_catalogue"]):
        subprocess.run(
            manage + command, cwd=settings.BASE_DIR, env=env, check=True, timeout=120
        )
    before = database.read_bytes()

    completed = run_manage("lesson", "bench", "02", "--quick", env=env, timeout=120)

    assert completed.returncode == 0, completed.stderr
    for listing in ("naive", "prefetched", "outline", "floor"):
        assert listing in completed.stdout
    assert "401" in completed.stdout  # the naive listing's queries at 200 courses
    assert "nothing written" in completed.stdout
    assert database.read_bytes() == before
    with sqlite3.connect(database) as db:
        [(courses,)] = db.execute("SELECT count(*) FROM lesson02_orm_course")
    assert courses == 7
