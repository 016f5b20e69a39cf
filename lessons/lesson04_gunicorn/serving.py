"""Start and watch a real Gunicorn serving the project, as a subprocess."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from django_docker_project.testing import free_port, wait_for

from . import procstats

APP = "django_docker_project.wsgi"
MOUNT = "/lessons/04-gunicorn/"


@dataclass
class Server:
    """A running Gunicorn: its master process, port and log file."""

    process: subprocess.Popen
    port: int
    log_path: Path

    def url(self, path: str = "") -> str:
        """Return the absolute URL of a path under the lesson's mount point."""
        return f"http://127.0.0.1:{self.port}{MOUNT}{path}"

    def get_json(self, path: str, timeout: float = 30) -> dict:
        with urllib.request.urlopen(self.url(path), timeout=timeout) as response:
            return json.load(response)

    def worker_pids(self) -> set[int]:
        """Return the pids of the master's live children: its workers."""
        return procstats.children(self.process.pid)

    def reload(self) -> None:
        """Send HUP: start new workers, then stop the old ones gracefully."""
        self.process.send_signal(signal.SIGHUP)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


def answers(server: Server) -> bool:
    try:
        with urllib.request.urlopen(server.url("hello/"), timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@contextmanager
def gunicorn(
    *args: str, log_dir: Path, workers: int = 1, env: dict[str, str] | None = None
) -> Iterator[Server]:
    """Run ``gunicorn <args> django_docker_project.wsgi`` until the block ends.

    It binds a free port on 127.0.0.1 and runs from the repository root, so
    the project's ``gunicorn.conf.py`` applies under the flags given here.
    """
    port = free_port()
    log_path = log_dir / f"gunicorn-{port}.log"
    command = [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}"]
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [*command, *args, APP],
            cwd=settings.BASE_DIR,
            env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    server = Server(process, port, log_path)
    try:
        wait_for(lambda: process.poll() is not None or answers(server), timeout=60)
        if process.poll() is not None:
            raise RuntimeError(f"Gunicorn exited at start:\n{server.log()[-3000:]}")
        wait_for(lambda: len(server.worker_pids()) >= workers, timeout=60)
        yield server
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    """Stop Gunicorn gracefully (TERM), then for sure (KILL)."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=35)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
