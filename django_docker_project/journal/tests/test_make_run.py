"""The README's ``make run``: a fresh database, then the site, worker and Beat."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from django_docker_project.testing import free_port, wait_for

pytestmark = pytest.mark.slow


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except OSError:
        return 0, ""


def test_make_run_serves_the_journal_with_a_worker_and_beat(tmp_path: Path) -> None:
    port = free_port()
    env = {
        **os.environ,
        "PORT": str(port),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "CELERY_DATA_DIR": str(tmp_path / "celery"),
        "VENV": str(Path(sys.executable).parent.parent),
    }
    for name in ("REDIS_URL", "CELERY_BROKER_URL", "CELERY_RESULT_BACKEND"):
        env.pop(name, None)
    process = subprocess.Popen(
        ["make", "run", f"PORT={port}", f"VENV={env['VENV']}"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    output: list[str] = []
    reader = threading.Thread(target=lambda: output.extend(process.stdout), daemon=True)
    reader.start()
    base = f"http://127.0.0.1:{port}"

    def healthy() -> bool:
        if process.poll() is not None:
            reader.join(timeout=5)
            pytest.fail("make run exited early:\n" + "".join(output)[-3000:])
        return get(base + "/healthz")[0] == 200

    try:
        wait_for(healthy, timeout=120, interval=0.5)
        status, body = get(base + "/")
        assert status == 200
        assert "The E-Learniverse journal" in body
        wait_for(
            lambda: (
                any("ready." in line for line in output)
                and any("beat: Starting" in line for line in output)
            ),
            timeout=60,
            interval=0.5,
        )
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        reader.join(timeout=5)
    log = "".join(output)
    assert "Applying" in log or "No migrations to apply" in log
    assert (tmp_path / "db.sqlite3").exists()
