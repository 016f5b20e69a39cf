"""Start and stop Celery workers and Beat as subprocesses of this one.

Each child leads a process group of its own, so that stopping or killing it
reaches the pool processes it forked too.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

CELERY = [sys.executable, "-m", "celery", "-A", "django_docker_project"]


@dataclass
class CeleryProcess:
    """A worker or Beat running as a child process, logging to a file."""

    name: str
    popen: subprocess.Popen
    log_path: Path
    ready_text: str
    log_file: object = field(repr=False, default=None)

    @property
    def pid(self) -> int:
        return self.popen.pid

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_until_ready(self, timeout: float = 60.0) -> CeleryProcess:
        """Wait for the process to say it is ready; fail if it exits first."""
        deadline = time.monotonic() + timeout
        while self.ready_text not in self.log():
            if self.popen.poll() is not None:
                raise RuntimeError(f"{self.name} exited:\n{self.log()[-3000:]}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.name} not ready:\n{self.log()[-3000:]}")
            time.sleep(0.1)
        return self

    def pool_pids(self) -> list[int]:
        """Return the pids of the processes the worker forked for its pool."""
        children = Path(f"/proc/{self.pid}/task/{self.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def kill(self) -> None:
        """SIGKILL the whole process group: no chance to clean up."""
        self._signal_group(signal.SIGKILL)
        self.popen.wait(timeout=10)
        self._close_log()

    def stop(self, timeout: float = 15.0) -> None:
        """Ask for a warm shutdown; kill the group if it does not finish."""
        if self.popen.poll() is None:
            self._signal_group(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.popen.wait(timeout=timeout)
        # Pool processes can outlive a main process that was killed.
        self._signal_group(signal.SIGKILL)
        if self.popen.poll() is None:
            self.popen.wait(timeout=10)
        self._close_log()

    def _signal_group(self, signum: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.pid, signum)

    def _close_log(self) -> None:
        if self.log_file is not None:
            self.log_file.close()
            self.log_file = None


def _spawn(name: str, args: list[str], env: dict, log_dir: Path, ready: str):
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / f"{name}.log"
    log_file = log_path.open("w")
    popen = subprocess.Popen(
        [*CELERY, *args],
        cwd=settings.BASE_DIR,
        env={**os.environ, **env, "PYTHONUNBUFFERED": "1"},
        stdout=log_file,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    return CeleryProcess(name, popen, log_path, ready, log_file)


# region: worker-start
def worker_start(
    *,
    name: str,
    queues: list[str],
    env: dict[str, str],
    log_dir: Path,
    pool: str = "prefork",
    concurrency: int = 1,
) -> CeleryProcess:
    """Start a worker consuming ``queues``; it is named ``name@host``."""
    args = [
        "worker",
        f"--queues={','.join(queues)}",
        f"--hostname={name}@%h",
        f"--pool={pool}",
        f"--concurrency={concurrency}",
        "--loglevel=info",
        # Workers of a test or a demo need not meet each other at start.
        "--without-mingle",
        "--without-gossip",
    ]
    return _spawn(name, args, env, log_dir, ready=" ready.")
    # endregion: worker-start


def beat_start(
    *, env: dict[str, str], log_dir: Path, max_interval: int = 1
) -> CeleryProcess:
    """Start Beat with the database scheduler, waking at least every second."""
    args = [
        "beat",
        "--loglevel=info",
        f"--max-interval={max_interval}",
        f"--pidfile={log_dir / 'beat.pid'}",
        f"--schedule={log_dir / 'beat-schedule'}",
    ]
    return _spawn("beat", args, env, log_dir, ready="beat: Starting...")


def database_url(settings_dict: dict) -> str:
    """Return a DATABASE_URL that opens the database of ``settings_dict``."""
    engine, name = settings_dict["ENGINE"], settings_dict["NAME"]
    if engine.endswith("sqlite3"):
        return f"sqlite:///{name}"
    user = settings_dict.get("USER") or ""
    password = settings_dict.get("PASSWORD") or ""
    credentials = f"{user}:{password}@" if password else f"{user}@" if user else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{credentials}{host}:{port}/{name}"
