"""The entrypoint and health checks work as the image runs them.

The slow tests run docker/entrypoint.sh here, with the image's own ENV read
from the Dockerfile and its /app/data paths moved to a temporary folder, so the
start-up a container performs is exercised without a Docker engine.
"""

from __future__ import annotations

import http.client
import os
import runpy
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from stack_files import ROOT, argv, image_env, instructions

from django_docker_project.testing import free_port, wait_for

BIN = Path(sys.executable).parent
SCRIPT = ROOT / "docker" / "healthcheck.py"
ENTRYPOINT = ROOT / "docker" / "entrypoint.sh"
PRODUCTION_KEY = "a-test-only-production-key-" + "x" * 40


def clean_env(**overrides: str) -> dict[str, str]:
    """Return this process's environment without project settings, plus overrides."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in image_env()
        and key not in {"REDIS_URL", "CELERY_BROKER_URL", "ALLOWED_HOSTS", "PORT"}
    }
    env["PATH"] = f"{BIN}:{env['PATH']}"
    return {**env, **overrides}


def container_env(tmp_path: Path, **overrides: str) -> dict[str, str]:
    """Return the image's environment with its data folder moved to tmp_path."""
    data = str(tmp_path)
    env = {key: value.replace("/app/data", data) for key, value in image_env().items()}
    return clean_env(**{**env, "PORT": str(free_port()), **overrides})


def run_check(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@contextmanager
def container_process(env: dict[str, str], log: Path) -> Iterator[subprocess.Popen]:
    """Run the entrypoint with the image's CMD, as `docker run` would."""
    (cmd,) = instructions("CMD")
    with log.open("w") as output:
        process = subprocess.Popen(
            [str(ENTRYPOINT), *cmd.value],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield process
    finally:
        # The entrypoint execs Gunicorn, so this is Docker's `docker stop`.
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            raise


def get(port: str, path: str, host: str) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", int(port), timeout=10)
    connection.request("GET", path, headers={"Host": host})
    return connection.getresponse()


def test_an_unknown_check_fails_naming_the_choices() -> None:
    completed = run_check(clean_env(), "disk")
    assert completed.returncode == 1
    assert "choose one of: web, broker" in completed.stdout


@pytest.mark.parametrize(
    ("allowed", "host"),
    [
        ("", "localhost"),
        ("*", "localhost"),
        (".example.com,localhost", "example.com"),
        ("journal.example.com", "journal.example.com"),
    ],
)
def test_web_check_sends_a_host_that_allowed_hosts_accepts(
    monkeypatch: pytest.MonkeyPatch, allowed: str, host: str
) -> None:
    monkeypatch.setenv("ALLOWED_HOSTS", allowed)
    assert runpy.run_path(str(SCRIPT))["host_header"]() == host


def test_web_check_fails_when_nothing_listens() -> None:
    completed = run_check(clean_env(PORT=str(free_port())))
    assert completed.returncode == 1
    assert "/healthz unreachable" in completed.stdout


def test_broker_check_passes_on_the_filesystem_broker(tmp_path: Path) -> None:
    completed = run_check(clean_env(CELERY_DATA_DIR=str(tmp_path)), "broker")
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_broker_check_passes_on_a_real_redis(redis_url: str) -> None:
    completed = run_check(clean_env(REDIS_URL=redis_url), "broker")
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_broker_check_fails_when_redis_is_down() -> None:
    down = f"redis://127.0.0.1:{free_port()}/0"
    completed = run_check(clean_env(REDIS_URL=down), "broker")
    assert completed.returncode == 1
    assert "broker unreachable" in completed.stdout


@pytest.mark.slow
def test_bare_run_migrates_sqlite_and_serves_the_journal(tmp_path: Path) -> None:
    env = container_env(tmp_path)
    log = tmp_path / "container.log"

    with container_process(env, log) as process:
        wait_for(lambda: run_check(env).returncode == 0, timeout=90)
        index = get(env["PORT"], "/", "localhost")
        assert index.status == 200
        assert process.poll() is None

    output = log.read_text()
    assert process.returncode == 0, output[-3000:]
    assert "entrypoint: DJANGO_ENV=development: built-in development" in output
    assert "Applying " in output  # migrate ran before Gunicorn
    assert (tmp_path / "db.sqlite3").is_file()


@pytest.mark.slow
def test_production_redirects_to_https_except_the_health_check(tmp_path: Path) -> None:
    host = "journal.example.com"
    env = container_env(
        tmp_path,
        DJANGO_ENV="production",
        SECRET_KEY=PRODUCTION_KEY,
        ALLOWED_HOSTS=host,
    )
    log = tmp_path / "container.log"

    with container_process(env, log):
        wait_for(lambda: run_check(env).returncode == 0, timeout=90)
        home = get(env["PORT"], "/", host)
        healthz = get(env["PORT"], "/healthz", host)

    assert home.status == 301
    assert home.getheader("Location") == f"https://{host}/"
    assert healthz.status == 200
    assert "entrypoint: DJANGO_ENV=production" in log.read_text()


def test_entrypoint_hands_over_to_the_command_without_migrating(tmp_path) -> None:
    env = container_env(tmp_path, MIGRATE_ON_START="false")
    completed = subprocess.run(
        [str(ENTRYPOINT), *argv("python -c 'print(42)'")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert completed.stdout.splitlines()[-1] == "42"
    assert "applying migrations" not in completed.stdout
    assert not (tmp_path / "db.sqlite3").exists()
