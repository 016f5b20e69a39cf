"""The README's ``make run``: a fresh database, then web, worker and Beat.

``make run`` migrates, loads the catalogue and starts the Procfile's three
processes with honcho; Ctrl-C (SIGTERM to the group) must stop every one.
"""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from django_docker_project.testing import (
    free_port,
    group_is_gone,
    stop_process_group,
    wait_for,
)

pytestmark = pytest.mark.slow

VENV = Path(sys.executable).parent.parent
# Variables that would send the processes to another database or broker.
OUTSIDE_SETTINGS = (
    "DJANGO_ENV",
    "DATABASE_URL",
    "REDIS_URL",
    "CELERY_BROKER_URL",
    "CELERY_RESULT_BACKEND",
    "GUNICORN_BIND",
    "PORT",
)


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except OSError:
        return 0, ""


def local_env(tmp_path: Path) -> dict[str, str]:
    """Return the environment with SQLite and the broker's folder in tmp_path."""
    env = {k: v for k, v in os.environ.items() if k not in OUTSIDE_SETTINGS}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    env["CELERY_DATA_DIR"] = str(tmp_path / "celery")
    return env


def test_make_run_serves_the_journal_and_stops_every_process(tmp_path: Path) -> None:
    port = free_port()
    log_path = tmp_path / "make-run.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            ["make", "run", f"PORT={port}", f"VENV={VENV}"],
            cwd=settings.BASE_DIR,
            env=local_env(tmp_path),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"

    def healthy() -> bool:
        if process.poll() is not None:
            pytest.fail("make run exited early:\n" + log_path.read_text()[-3000:])
        return get(base + "/healthz")[0] == 200

    try:
        wait_for(healthy, timeout=120, interval=0.5)
        status, body = get(base + "/")
        assert status == 200
        assert "The E-Learniverse journal" in body
        assert get(base + "/lessons/02-orm/courses/")[0] == 200
        wait_for(lambda: " ready." in log_path.read_text(), timeout=90)
        wait_for(lambda: "beat: Starting..." in log_path.read_text(), timeout=90)
    finally:
        stop_process_group(process, timeout=60)

    output = log_path.read_text()
    assert wait_for(lambda: group_is_gone(process.pid), timeout=30)
    for name in ("web.1", "worker.1", "beat.1"):
        assert f"{name} stopped" in output, output[-3000:]
    assert "Applying" in output
    assert "GET /healthz" in output
