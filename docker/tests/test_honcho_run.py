"""`make run` starts web, worker and Beat from the Procfile, and stops them all."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from stack_files import PROCFILE, ROOT

from django_docker_project.testing import free_port, wait_for

BIN = Path(sys.executable).parent
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


def local_env(tmp_path: Path) -> dict[str, str]:
    """Return `make run`'s environment with SQLite and the broker in tmp_path."""
    env = {k: v for k, v in os.environ.items() if k not in OUTSIDE_SETTINGS}
    env["PATH"] = f"{BIN}:{env['PATH']}"
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    env["CELERY_DATA_DIR"] = str(tmp_path / "celery")
    return env


def healthz_answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(
            f"http://127.0.0.1:{port}/healthz", timeout=2
        ) as response:
            return response.status == 200
    except OSError:
        return False


def group_is_gone(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.mark.slow
def test_honcho_starts_the_procfile_and_stops_every_process(tmp_path: Path) -> None:
    env = local_env(tmp_path)
    subprocess.run(
        [str(BIN / "python"), "manage.py", "migrate", "--noinput"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    port = free_port()
    # `make run`'s command, on a free port.
    command = ["honcho", "start", "--procfile", PROCFILE.name, "--port", str(port)]
    log_path = tmp_path / "honcho.log"

    with log_path.open("w") as log:
        honcho = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_for(lambda: healthz_answers(port), timeout=90)
        wait_for(lambda: " ready." in log_path.read_text(), timeout=90)
        wait_for(lambda: "beat: Starting..." in log_path.read_text(), timeout=90)
    finally:
        os.killpg(honcho.pid, signal.SIGTERM)
        try:
            honcho.wait(timeout=60)
        finally:
            if not group_is_gone(honcho.pid):
                os.killpg(honcho.pid, signal.SIGKILL)

    log = log_path.read_text()
    assert wait_for(lambda: group_is_gone(honcho.pid), timeout=30)
    for process in ("web.1", "worker.1", "beat.1"):
        assert f"{process} stopped" in log, log[-3000:]
    assert "GET /healthz" in log
