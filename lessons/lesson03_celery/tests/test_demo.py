"""``lesson run 03`` and ``lesson bench 03`` as a reader runs them."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from django_docker_project.testing import manage as run_manage

pytestmark = pytest.mark.slow


def manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    return run_manage(*args, env={**os.environ, **env, "COLUMNS": "160"}, timeout=240)


def still_running(output: str) -> list[int]:
    """Return processes left in the groups of the pids ``output`` names."""
    groups = {int(pid) for pid in re.findall(r"\(pid (\d+)\)", output)}
    assert groups, "the output names no process"
    left = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # After the command name: state, parent pid, process group.
        if int(fields[2]) in groups:
            left.append(int(stat.parent.name))
    return left


def test_lesson_run_03_shows_queues_workers_and_beat_then_stops_all(worker_env):
    completed = manage("lesson", "run", "03", env=worker_env)

    assert completed.returncode == 0, completed.stderr[-3000:]
    output = completed.stdout
    assert "lesson03-custom-" in output and "custom_queue" in output
    assert "CourseNotFound" in output
    assert "Beat sent the digest" in output
    assert "Stopped the 3 processes the demo started." in output
    assert still_running(output) == []


@pytest.mark.parametrize("broker", ["filesystem"], indirect=True)
def test_lesson_bench_03_quick_compares_brokers_in_one_run(worker_env):
    completed = manage("lesson", "bench", "03", "--quick", env=worker_env)

    assert completed.returncode == 0, completed.stderr[-3000:]
    assert "filesystem" in completed.stdout
    assert "p50 ms" in completed.stdout
    written = Path(completed.stdout.split("Written to ")[-1].split()[0])
    assert "python manage.py lesson bench 03 --quick" in written.read_text()
    assert still_running(completed.stdout) == []
