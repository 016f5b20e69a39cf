"""The worker and Beat commands of the note and the Procfile, exactly as written."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from django_docker_project.testing import stop_process_group, wait_for

pytestmark = pytest.mark.slow
WORKER = "celery -A django_docker_project worker --loglevel=info"
BOTH_QUEUES = (
    "celery -A django_docker_project worker "
    "-Q e_learniverse_default_queue,custom_queue --loglevel=info"
)
BEAT = "celery -A django_docker_project beat --loglevel=info"


def started(command: str, env: dict, folder: Path) -> subprocess.Popen:
    log = (folder / f"{command.split()[3]}.log").open("w")
    return subprocess.Popen(
        shlex.split(command),
        cwd=folder,
        env={
            **os.environ,
            **env,
            "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
            "PYTHONPATH": str(settings.BASE_DIR),
        },
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


@pytest.mark.parametrize("broker", ["filesystem"], indirect=True)
@pytest.mark.parametrize("command", [WORKER, BOTH_QUEUES, BEAT])
def test_the_documented_command_starts(command, worker_env, tmp_path) -> None:
    process = started(command, worker_env, tmp_path)
    log = tmp_path / f"{command.split()[3]}.log"
    ready = "beat: Starting..." if " beat " in command else " ready."
    try:
        wait_for(lambda: ready in log.read_text() or process.poll(), timeout=60)
        assert process.poll() is None, log.read_text()[-3000:]
        if "-Q" in command:
            assert "custom_queue" in log.read_text()
    finally:
        stop_process_group(process, timeout=15)


def dead_pid() -> int:
    """Return the pid of a process that has exited."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.mark.parametrize("broker", ["filesystem"], indirect=True)
def test_beat_replaces_a_stale_pid_file_and_refuses_a_live_one(
    worker_env, tmp_path
) -> None:
    pidfile = tmp_path / "beat.pid"
    command = f"{BEAT} --pidfile={pidfile}"

    pidfile.write_text(f"{os.getpid()}\n")
    refused = started(command, worker_env, tmp_path)
    assert refused.wait(timeout=60) != 0
    assert "already exists" in (tmp_path / "beat.log").read_text()

    pidfile.write_text(f"{dead_pid()}\n")
    process = started(command, worker_env, tmp_path)
    log = tmp_path / "beat.log"
    try:
        wait_for(lambda: "beat: Starting..." in log.read_text(), timeout=60)
        assert "Stale pidfile exists - Removing it" in log.read_text()
        assert pidfile.read_text().strip() == str(process.pid)
    finally:
        stop_process_group(process, timeout=15)
