"""Fixtures of lesson 03: brokers, real workers and Beat, shared test data.

Workers are separate processes, so they must open the very database the test
writes to: on PostgreSQL that is the test database by name; on SQLite the
test database is made a file (``pytest_configure`` below) instead of the
usual in-memory one, which no other process can see. Tests that use workers
commit for real (``transactional_db``), since a worker cannot see a
transaction the test has not committed.
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import redis
from django.db import connection

from django_docker_project.celery import app as celery_app
from lessons.lesson03_celery.brokers import Broker, broker_used
from lessons.lesson03_celery.processes import (
    CeleryProcess,
    beat_start,
    database_url,
    worker_start,
)

# A Redis database of this lesson's own; each test's keys carry a prefix of
# their own too, so that test runs at the same time cannot take each
# other's messages.
REDIS_DB = 14
# Short enough for a test to wait for, long enough for a short task to finish.
VISIBILITY_TIMEOUT = 4


def pytest_configure(config: pytest.Config) -> None:
    """Make SQLite's test database a file that worker subprocesses can open."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        test = database.setdefault("TEST", {})
        if not test.get("NAME"):
            folder = Path(tempfile.mkdtemp(prefix="e-learniverse-test-"))
            test["NAME"] = str(folder / "test.sqlite3")
            config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


def redis_lesson_url(redis_url: str) -> str:
    return f"{redis_url.rsplit('/', 1)[0]}/{REDIS_DB}"


@pytest.fixture(params=["redis", "filesystem"])
def broker(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Broker]:
    """Each broker in turn, used by this process and by the workers started."""
    if request.param == "redis":
        url = redis_lesson_url(request.getfixturevalue("redis_url"))
        prefix = f"lesson03-test-{uuid.uuid4().hex[:12]}:"
        chosen = Broker.redis(
            url, visibility_timeout=VISIBILITY_TIMEOUT, key_prefix=prefix
        )
    else:
        chosen = Broker.filesystem(tmp_path / "celery")
    with broker_used(celery_app, chosen):
        yield chosen
    if chosen.key_prefix:
        keys_delete(chosen.url, f"{chosen.key_prefix}*")


def keys_delete(url: str, pattern: str) -> None:
    client = redis.Redis.from_url(url)
    try:
        for key in client.scan_iter(match=pattern, count=500):
            client.delete(key)
    finally:
        client.close()


@pytest.fixture
def worker_env(transactional_db, broker: Broker) -> dict[str, str]:
    """The environment of a child that shares this test's broker and database."""
    return {
        **broker.env(),
        "DATABASE_URL": database_url(connection.settings_dict),
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
    }


@pytest.fixture
def workers(worker_env: dict, tmp_path: Path) -> Iterator[Callable[..., CeleryProcess]]:
    """Start real workers on demand; every one is stopped after the test."""
    started: list[CeleryProcess] = []

    def start(*queues: str, name: str = "", pool: str = "prefork") -> CeleryProcess:
        name = name or f"worker{len(started) + 1}-{uuid.uuid4().hex[:6]}"
        process = worker_start(
            name=name,
            queues=list(queues),
            env=worker_env,
            log_dir=tmp_path / "logs",
            pool=pool,
        )
        started.append(process)
        return process.wait_until_ready()

    yield start
    for process in started:
        process.stop(timeout=5)


@pytest.fixture
def beat(worker_env: dict, tmp_path: Path) -> Iterator[Callable[[], CeleryProcess]]:
    """Start a real Beat on demand; it is stopped after the test."""
    started: list[CeleryProcess] = []

    def start() -> CeleryProcess:
        process = beat_start(env=worker_env, log_dir=tmp_path / "logs")
        started.append(process)
        return process.wait_until_ready()

    yield start
    for process in started:
        process.stop(timeout=5)
