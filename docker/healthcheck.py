"""Tell Docker whether the process in this container is healthy.

``python docker/healthcheck.py`` asks Gunicorn for ``/healthz`` (the image's
HEALTHCHECK); ``python docker/healthcheck.py broker`` checks that Celery's
broker answers (Beat's check, since Beat serves nothing to ask). Exit status 0
means healthy, 1 unhealthy, as Docker expects.
"""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request
from pathlib import Path

DEFAULT_PORT = "9998"
TIMEOUT = 5.0


def web_port() -> str:
    """Return the port Gunicorn listens on, read as gunicorn.conf.py reads it."""
    bind = os.environ.get("GUNICORN_BIND", "")
    host, _, port = bind.rpartition(":")
    if host and port.isdigit():
        return port
    return os.environ.get("PORT", DEFAULT_PORT)


def host_header() -> str:
    """Return a Host that ALLOWED_HOSTS accepts, so production answers too."""
    hosts = os.environ.get("ALLOWED_HOSTS", "").split(",")
    for host in (entry.strip() for entry in hosts):
        if host == "*":
            return "localhost"
        if host:
            # ".example.com" allows example.com and every subdomain.
            return host.lstrip(".")
    return "localhost"


def check_web() -> str | None:
    """Return why /healthz did not answer 200, or None when it did."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{web_port()}/healthz",
        headers={"Host": host_header()},
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError as error:
        return f"/healthz unreachable: {error}"
    return None if status == 200 else f"/healthz answered {status}"


def check_broker() -> str | None:
    """Return why Celery's broker refused a connection, or None when it took it."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from django_docker_project.celery import app

    try:
        with app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=1, timeout=TIMEOUT)
    except Exception as error:  # any failure to connect means unhealthy
        return f"broker unreachable: {error}"
    return None


CHECKS = {"web": check_web, "broker": check_broker}


def main(argv: list[str]) -> int:
    name = argv[1] if len(argv) > 1 else "web"
    if name not in CHECKS:
        print(f"unknown check {name!r}; choose one of: {', '.join(CHECKS)}")
        return 1
    problem = CHECKS[name]()
    print(problem or f"{name}: healthy")
    return 1 if problem else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
