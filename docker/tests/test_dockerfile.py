"""The Dockerfile passes hadolint and builds the image the guide describes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from stack_files import DOCKERFILE, ROOT, argv, image_env, instructions, procfile

HADOLINT = Path(sys.executable).parent / "hadolint"


def test_hadolint_finds_nothing_at_all() -> None:
    completed = subprocess.run(
        [str(HADOLINT), "--format", "json", "--no-fail", str(DOCKERFILE)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(completed.stdout) == []


def test_base_image_is_the_official_slim_python() -> None:
    (base,) = instructions("FROM")
    image, _, tag = base.value[0].partition(":")
    assert image == "python"
    assert tag.endswith("-slim")


def test_dependencies_install_in_their_own_layer_before_the_code() -> None:
    steps = [(c.cmd, c.value) for c in instructions() if c.cmd in {"COPY", "RUN"}]
    requirements = steps.index(("COPY", ("requirements.txt", ".")))
    install = next(
        i for i, (cmd, value) in enumerate(steps) if "-r requirements.txt" in value[0]
    )
    code = steps.index(("COPY", (".", ".")))
    assert requirements < install < code


def test_collectstatic_runs_at_build_in_production_mode() -> None:
    (step,) = [c for c in instructions("RUN") if "collectstatic" in c.value[0]]
    words = argv(step.value[0])
    assert "DJANGO_ENV=production" in words
    assert any(w.startswith("SECRET_KEY=") and len(w) >= 61 for w in words)


def test_no_secret_is_baked_into_the_image_environment() -> None:
    assert "SECRET_KEY" not in image_env()
    assert not instructions("ARG")


def test_the_process_runs_as_a_numeric_non_root_user() -> None:
    (user,) = instructions("USER")
    uid, _, gid = user.value[0].partition(":")
    assert uid.isdigit() and int(uid) != 0
    assert gid.isdigit() and int(gid) != 0


def test_healthcheck_runs_the_committed_script_on_healthz() -> None:
    (check,) = instructions("HEALTHCHECK")
    assert check.value == ("CMD", "python", "/app/docker/healthcheck.py")
    assert (ROOT / "docker" / "healthcheck.py").is_file()


def test_default_command_is_the_procfile_web_process() -> None:
    (cmd,) = instructions("CMD")
    assert cmd.json, "exec form, so that Gunicorn is PID 1 and gets SIGTERM"
    assert list(cmd.value) == argv(procfile()["web"])


def test_entrypoint_is_an_executable_committed_script() -> None:
    (entrypoint,) = instructions("ENTRYPOINT")
    assert entrypoint.json
    script = ROOT / entrypoint.value[0].removeprefix("/app/")
    assert script.is_file()
    assert script.stat().st_mode & 0o111


def test_bare_run_defaults_to_sqlite_and_the_filesystem_broker() -> None:
    env = image_env()
    assert env["DJANGO_ENV"] == "development"
    assert env["DEBUG"] == "false"
    assert env["DATABASE_URL"].startswith("sqlite:////app/data/")
    assert env["CELERY_DATA_DIR"].startswith("/app/data/")
    assert "REDIS_URL" not in env and "CELERY_BROKER_URL" not in env
    assert env["MIGRATE_ON_START"] == "true"
