"""`make run`, the image and the compose stack start the same processes."""

from __future__ import annotations

import runpy

import pytest
from django.conf import settings
from stack_files import (
    ROOT,
    SERVICE_OF_PROCESS,
    argv,
    compose,
    image_env,
    instructions,
    procfile,
)

from django_docker_project.celery import app as celery_app

HEALTHCHECK = runpy.run_path(str(ROOT / "docker" / "healthcheck.py"))


def gunicorn_bind(monkeypatch: pytest.MonkeyPatch) -> str:
    """Return the address gunicorn.conf.py binds when nothing overrides it."""
    monkeypatch.delenv("GUNICORN_BIND", raising=False)
    monkeypatch.delenv("PORT", raising=False)
    return runpy.run_path(str(ROOT / "gunicorn.conf.py"))["bind"]


def option(words: list[str], name: str) -> str:
    return words[words.index(name) + 1]


def test_procfile_has_web_worker_and_beat() -> None:
    assert list(procfile()) == ["web", "worker", "beat"]


@pytest.mark.parametrize(("process", "service"), SERVICE_OF_PROCESS.items())
def test_compose_service_runs_the_procfile_command(process: str, service: str) -> None:
    command = compose()["services"][service]["command"]
    assert argv(command) == argv(procfile()[process])


def test_image_default_command_is_the_procfile_web_command() -> None:
    (cmd,) = instructions("CMD")
    assert list(cmd.value) == argv(procfile()["web"])


def test_web_command_leaves_binding_to_gunicorn_conf() -> None:
    # Gunicorn reads ./gunicorn.conf.py by default; a -c or --bind here would
    # make the container and `make run` listen differently.
    words = argv(procfile()["web"])
    assert words[0] == "gunicorn"
    assert not {"-c", "--config", "-b", "--bind"} & set(words)
    assert "GUNICORN_BIND" not in image_env()


def test_container_port_is_the_one_gunicorn_conf_binds(monkeypatch) -> None:
    port = gunicorn_bind(monkeypatch).rpartition(":")[2]
    (expose,) = instructions("EXPOSE")
    web = compose()["services"]["django_web_app"]
    assert expose.value == (port,)
    assert [mapping.rpartition(":")[2] for mapping in web["ports"]] == [port]
    assert port == HEALTHCHECK["DEFAULT_PORT"]


def test_worker_consumes_every_queue_the_settings_route_to() -> None:
    queues = option(argv(procfile()["worker"]), "-Q").split(",")
    routed = {route["queue"] for route in settings.CELERY_TASK_ROUTES.values()}
    assert queues[0] == settings.CELERY_TASK_DEFAULT_QUEUE
    assert set(queues) == {settings.CELERY_TASK_DEFAULT_QUEUE, *routed}


def test_queue_workers_split_the_main_worker_queues() -> None:
    services = compose()["services"]
    main = set(option(argv(services["worker"]["command"]), "-Q").split(","))
    split = [
        option(argv(service["command"]), "-Q")
        for service in services.values()
        if service.get("profiles") == ["queues"]
    ]
    assert sorted(split) == sorted(main)


def test_celery_commands_name_the_project_app() -> None:
    for process in ("worker", "beat"):
        words = argv(procfile()[process])
        assert words[:3] == ["celery", "-A", celery_app.main]
        assert words[3] == process
