"""docker-compose.yml follows the Compose Specification and runs the stack safely."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from stack_files import COMPOSE_FILE, ENV_EXAMPLE, compose, env_example

CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
DJANGO_SERVICES = ["django_web_app", "worker", "beat"]
ONE_SHOT = "migrate"
# The Compose Specification's interpolation: ${NAME}, ${NAME:-default} and
# ${NAME:?error}, with the same forms without the colon.
INTERPOLATION = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-?+][^}]*)?\}")


def services() -> dict[str, dict]:
    return compose()["services"]


def test_compose_file_is_valid_against_the_compose_specification() -> None:
    # check-jsonschema ships the Compose Specification's own schema, vendored
    # with its licence, so the check needs no network.
    completed = subprocess.run(
        [
            str(CHECK_JSONSCHEMA),
            "--builtin-schema",
            "vendor.compose-spec",
            str(COMPOSE_FILE),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_the_stack_has_every_service_the_journal_needs() -> None:
    assert {"django_web_app", "worker", "beat", "redis", "postgres", "flower"} <= set(
        services()
    )


@pytest.mark.parametrize("name", sorted(compose()["services"]))
def test_every_long_running_service_has_a_health_check(name: str) -> None:
    service = services()[name]
    if name == ONE_SHOT:
        assert service["restart"] == "no"
        return
    check = service["healthcheck"]
    assert not check.get("disable")
    assert check["test"][0] in {"CMD", "CMD-SHELL"}
    assert service["restart"] in {"unless-stopped", "always", "on-failure"}


@pytest.mark.parametrize("name", [*DJANGO_SERVICES, "worker_custom_queue"])
def test_django_processes_wait_for_migrations_and_healthy_services(name: str) -> None:
    depends_on = services()[name]["depends_on"]
    assert depends_on[ONE_SHOT] == {"condition": "service_completed_successfully"}
    assert depends_on["postgres"] == {"condition": "service_healthy"}
    assert depends_on["redis"] == {"condition": "service_healthy"}


def test_migrations_run_once_in_their_own_service() -> None:
    migrate = services()[ONE_SHOT]
    assert migrate["command"] == "python manage.py migrate --noinput"
    assert migrate["depends_on"]["postgres"] == {"condition": "service_healthy"}
    for name in DJANGO_SERVICES:
        assert services()[name]["environment"]["MIGRATE_ON_START"] == "false"


def test_beat_cannot_be_scaled_past_one() -> None:
    # Compose refuses `--scale` for a service with a fixed container name.
    beats = [s for s in services().values() if " beat" in str(s.get("command"))]
    assert len(beats) == 1
    assert beats[0]["container_name"]


def test_postgres_keeps_its_data_in_a_named_volume() -> None:
    (mount,) = services()["postgres"]["volumes"]
    volume, _, target = mount.partition(":")
    assert target == "/var/lib/postgresql/data"
    assert volume in compose()["volumes"]


def test_flower_starts_only_with_its_profile_and_only_on_loopback() -> None:
    flower = services()["flower"]
    assert flower["profiles"] == ["monitoring"]
    assert all(port.startswith("127.0.0.1:") for port in flower["ports"])


def test_django_services_read_settings_from_the_env_file() -> None:
    for name in DJANGO_SERVICES:
        assert services()[name]["env_file"] == ".env"
    assert ENV_EXAMPLE.is_file()
    assert ".env" in (ENV_EXAMPLE.parent / ".gitignore").read_text().split()


def test_every_interpolated_variable_is_in_the_committed_example() -> None:
    # "$$" is Compose's escape for a "$" that the container's shell expands.
    text = COMPOSE_FILE.read_text().replace("$$", "")
    names = set(INTERPOLATION.findall(text))
    assert names, "docker-compose.yml interpolates nothing"
    assert names <= set(env_example())


def test_the_committed_example_leaves_the_secret_key_empty() -> None:
    lines = ENV_EXAMPLE.read_text().splitlines()
    assert "SECRET_KEY=" in lines
    assert "SECRET_KEY" not in env_example()
    assert env_example()["DJANGO_ENV"] == "production"
