"""The project's gunicorn.conf.py and the recipes, loaded as Gunicorn loads them."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest
from django.conf import settings

from lessons.lesson04_gunicorn.recipes import RECIPES, project_settings

CONFIG = Path(settings.BASE_DIR) / "gunicorn.conf.py"
ENVIRONMENT = ("WEB_CONCURRENCY", "GUNICORN_THREADS", "GUNICORN_BIND", "PORT")


@pytest.fixture
def environ(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """The environment with none of the variables the config reads."""
    for name in ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def load() -> dict:
    return runpy.run_path(str(CONFIG))


def test_workers_and_threads_follow_the_environment(
    environ: pytest.MonkeyPatch,
) -> None:
    environ.setenv("WEB_CONCURRENCY", "3")
    environ.setenv("GUNICORN_THREADS", "6")

    config = load()

    assert (config["workers"], config["threads"]) == (3, 6)


def test_without_the_environment_there_is_a_worker_per_core_and_four_threads(
    environ: pytest.MonkeyPatch,
) -> None:
    config = load()

    assert config["workers"] == max(2, config["CORES"])
    assert config["threads"] == 4


def test_the_cores_counted_respect_the_cpu_affinity(
    environ: pytest.MonkeyPatch,
) -> None:
    environ.setattr("os.sched_getaffinity", lambda pid: {0})

    assert load()["CORES"] == 1


def test_one_thread_gives_plain_sync_workers(environ: pytest.MonkeyPatch) -> None:
    environ.setenv("GUNICORN_THREADS", "1")

    config = load()

    assert (config["worker_class"], config["threads"]) == ("sync", 1)


@pytest.mark.parametrize(
    ("variables", "bind"),
    [
        ({}, "0.0.0.0:9998"),
        ({"PORT": "8000"}, "0.0.0.0:8000"),
        ({"PORT": "8000", "GUNICORN_BIND": "unix:/run/web.sock"}, "unix:/run/web.sock"),
    ],
    ids=["container default", "honcho's PORT", "explicit bind"],
)
def test_bind_follows_port_and_gunicorn_bind(
    variables: dict[str, str], bind: str, environ: pytest.MonkeyPatch
) -> None:
    for name, value in variables.items():
        environ.setenv(name, value)

    assert load()["bind"] == bind


def test_logs_use_the_projects_format_on_stdout(environ: pytest.MonkeyPatch) -> None:
    config = load()

    logging = config["logconfig_dict"]
    assert logging["formatters"]["project"]["format"] == settings.LOG_FORMAT
    assert logging["handlers"]["stdout"]["stream"] == "ext://sys.stdout"
    assert (config["accesslog"], config["errorlog"]) == ("-", "-")


def test_recipes_build_on_the_project_config(environ: pytest.MonkeyPatch) -> None:
    base = project_settings()
    recipes = {name: runpy.run_path(str(path)) for name, path in RECIPES.items()}

    assert recipes["cpu_bound"]["threads"] == 1
    assert recipes["cpu_bound"]["workers"] == base["cores"]
    assert recipes["io_bound"]["threads"] > recipes["mixed"]["threads"] > 1
    assert recipes["memory_tight"]["workers"] == 1
    for recipe in recipes.values():
        assert recipe["logconfig_dict"] == base["logconfig_dict"]
        assert recipe["timeout"] == base["timeout"]
