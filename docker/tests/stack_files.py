"""Read the container and process files with the parsers their tools use."""

from __future__ import annotations

import shlex
from pathlib import Path

import dockerfile
import yaml
from honcho.environ import parse as parse_env_file
from honcho.environ import parse_procfile

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "Dockerfile"
COMPOSE_FILE = ROOT / "docker-compose.yml"
PROCFILE = ROOT / "Procfile"
ENV_EXAMPLE = ROOT / ".env.example"

# The compose services that run the Procfile's processes, by process name.
SERVICE_OF_PROCESS = {"web": "django_web_app", "worker": "worker", "beat": "beat"}


def compose() -> dict:
    """Return docker-compose.yml as Compose reads it, anchors merged."""
    return yaml.safe_load(COMPOSE_FILE.read_text())


def procfile() -> dict[str, str]:
    """Return the Procfile's processes as honcho reads them."""
    return dict(parse_procfile(PROCFILE.read_text()).processes)


def env_example() -> dict[str, str]:
    return parse_env_file(ENV_EXAMPLE.read_text())


def instructions(name: str | None = None) -> list[dockerfile.Command]:
    """Return the Dockerfile's instructions, parsed by BuildKit's own parser."""
    commands = dockerfile.parse_file(str(DOCKERFILE))
    return [command for command in commands if name in (None, command.cmd)]


def image_env() -> dict[str, str]:
    """Return the environment the image's ENV instructions set."""
    env = {}
    for command in instructions("ENV"):
        pairs = command.value
        for key, raw in zip(pairs[::2], pairs[1::2], strict=True):
            # The parser keeps quotes; Docker removes them as a shell would.
            env[key] = " ".join(shlex.split(raw))
    return env


def argv(command: str | list[str]) -> list[str]:
    """Return a command as the list of words a shell would pass to exec."""
    return shlex.split(command) if isinstance(command, str) else list(command)
