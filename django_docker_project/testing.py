"""Helpers for tests that talk to real services and real subprocesses."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from urllib.parse import urlparse

import pytest

CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")
POSTGRES_TEST_URL = os.environ.get(
    "POSTGRES_TEST_URL", "postgres://postgres@127.0.0.1:5432/test"
)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def missing_service(message: str) -> None:
    """Fail under CI, where every service must be there; skip elsewhere."""
    if CI:
        pytest.fail(f"{message} (CI=true: a missing service is a failure)")
    pytest.skip(message)


def reachable(url: str, timeout: float = 1.0) -> bool:
    """Return whether a TCP connection to the URL's host and port succeeds."""
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port), timeout):
            return True
    except OSError:
        return False


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(
    condition: Callable[[], object], timeout: float = 30.0, interval: float = 0.1
) -> object:
    """Poll ``condition`` until it returns something truthy, or fail."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(interval)
    raise TimeoutError(f"condition not met within {timeout}s")


def wait_for_port(port: int, host: str = "127.0.0.1", timeout: float = 30.0) -> None:
    wait_for(lambda: reachable(f"tcp://{host}:{port}", timeout=0.2), timeout)


def group_is_gone(pgid: int) -> bool:
    """Return whether no process of the group is left."""
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return True
    return False


def stop_process_group(process: subprocess.Popen, timeout: float = 30.0) -> None:
    """Stop a process started with ``start_new_session=True`` and its children.

    SIGTERM first, so that servers and workers shut down warmly, then wait
    for the whole group, not only its leader; SIGKILL for whatever is still
    there after ``timeout``.
    """
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        process.poll()
        if group_is_gone(process.pid):
            break
        time.sleep(0.1)
    else:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)


def manage(
    *args: str, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess:
    """Run ``python manage.py ARGS`` from the project's root, as a learner would.

    ``env`` replaces the whole environment when given; output is captured as
    text and a non-zero exit is left for the test to judge.
    """
    from django.conf import settings

    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
