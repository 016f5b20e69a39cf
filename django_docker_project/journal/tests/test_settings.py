"""Settings: development works with no environment, production is strict."""

from __future__ import annotations

import os
import subprocess

from django_docker_project.testing import manage as run_manage

SECRET = "p" * 30 + "-k3y-" + "q" * 30


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    # Only what the command needs: none of the developer's own variables.
    base = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp")}
    return run_manage(*args, env={**base, **env})


def test_development_needs_no_environment() -> None:
    completed = manage("check")
    assert completed.returncode == 0, completed.stderr


def test_production_refuses_to_start_without_a_secret_key() -> None:
    completed = manage("check", DJANGO_ENV="production", ALLOWED_HOSTS="example.com")
    assert completed.returncode != 0
    assert "Production needs SECRET_KEY" in completed.stderr


def test_production_refuses_the_development_key() -> None:
    from django_docker_project.settings import DEV_SECRET_KEY

    completed = manage(
        "check",
        DJANGO_ENV="production",
        SECRET_KEY=DEV_SECRET_KEY,
        ALLOWED_HOSTS="example.com",
    )
    assert completed.returncode != 0
    assert "not the development key" in completed.stderr


def test_production_passes_the_deployment_checks() -> None:
    completed = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_ENV="production",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="example.com",
    )
    assert completed.returncode == 0, completed.stderr
    assert "no issues (0 silenced)" in completed.stdout


def test_an_unknown_environment_name_is_refused() -> None:
    completed = manage("check", DJANGO_ENV="staging")
    assert completed.returncode != 0
    assert "DJANGO_ENV must be" in completed.stderr


def test_database_url_selects_postgresql() -> None:
    completed = manage(
        "shell",
        "-c",
        "from django.db import connection; print(connection.vendor)",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/test",
    )
    assert completed.stdout.strip().splitlines()[-1] == "postgresql"
