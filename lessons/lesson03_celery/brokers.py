"""Point Celery, and the workers this lesson starts, at a chosen broker.

The demo, the benchmark and the tests run workers on more than one broker in
one process. Settings are read once, so a worker subprocess gets its broker
through the environment (``CELERY_BROKER_URL`` and friends, read by
settings), and this process's Celery app is reconfigured in place.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from celery import Celery
from django.conf import settings
from kombu import pools

CELERY_ENV_FIRST = (
    "CELERY_BROKER_URL",
    "CELERY_BROKER_READ_URL",
    "CELERY_BROKER_WRITE_URL",
    "CELERY_RESULT_BACKEND",
)


@dataclass(frozen=True)
class Broker:
    """A broker and its result backend, described for a process and a child."""

    kind: str
    url: str
    result_backend: str
    data_dir: Path | None = None
    visibility_timeout: int | None = None
    key_prefix: str = ""

    @classmethod
    def redis(
        cls, url: str, visibility_timeout: int | None = None, key_prefix: str = ""
    ) -> Broker:
        return cls(
            "redis",
            url,
            url,
            visibility_timeout=visibility_timeout,
            key_prefix=key_prefix,
        )

    @classmethod
    def filesystem(cls, data_dir: Path) -> Broker:
        return cls(
            "filesystem",
            "filesystem://localhost/",
            f"file://{data_dir / 'results'}",
            data_dir,
        )

    @classmethod
    def configured(cls) -> Broker:
        """Return the broker the settings chose."""
        url = settings.CELERY_BROKER_URL
        kind = "filesystem" if url.startswith("filesystem://") else url.split(":")[0]
        return cls(kind, url, settings.CELERY_RESULT_BACKEND, settings.CELERY_DATA_DIR)

    def transport_options(self) -> dict:
        """Return the options settings would compute from ``env()``."""
        if self.kind == "filesystem":
            queue = str(self.data_dir / "queue")
            return {
                "data_folder_in": queue,
                "data_folder_out": queue,
                "processed_folder": str(self.data_dir / "processed"),
                "control_folder": str(self.data_dir / "control"),
                "store_processed": False,
                "polling_interval": 0.2,
            }
        options = dict(settings.CELERY_BROKER_TRANSPORT_OPTIONS)
        if self.key_prefix:
            options["global_keyprefix"] = self.key_prefix
        if self.visibility_timeout is not None:
            options.update(
                visibility_timeout=self.visibility_timeout, unacked_restore_interval=1
            )
        return options

    def env(self) -> dict[str, str]:
        """Return the environment that gives a child process this broker."""
        env = {
            "CELERY_BROKER_URL": self.url,
            "CELERY_RESULT_BACKEND": self.result_backend,
        }
        if self.data_dir is not None:
            env["CELERY_DATA_DIR"] = str(self.data_dir)
        if self.key_prefix:
            env["CELERY_BROKER_KEY_PREFIX"] = self.key_prefix
        if self.visibility_timeout is not None:
            env["CELERY_VISIBILITY_TIMEOUT"] = str(self.visibility_timeout)
            env["CELERY_RESTORE_INTERVAL"] = "1"
        return env

    def create_folders(self) -> None:
        if self.kind != "filesystem":
            return
        for key, value in self.transport_options().items():
            if "folder" in key:
                Path(value).mkdir(parents=True, exist_ok=True)
        (self.data_dir / "results").mkdir(parents=True, exist_ok=True)


@contextmanager
def broker_used(app: Celery, broker: Broker) -> Iterator[Broker]:
    """Send and read results through ``broker`` inside the block."""
    keys = ("broker_url", "result_backend", "broker_transport_options")
    before = {key: app.conf[key] for key in keys}
    # Celery reads these two variables before its own settings, so a value
    # left in the environment (docker-compose sets one) would win.
    saved_env = {name: os.environ.pop(name, None) for name in CELERY_ENV_FIRST}
    broker.create_folders()
    _reconfigure(
        app,
        broker_url=broker.url,
        result_backend=broker.result_backend,
        broker_transport_options=broker.transport_options(),
    )
    try:
        yield broker
    finally:
        os.environ.update({k: v for k, v in saved_env.items() if v is not None})
        _reconfigure(app, **before)


def _reconfigure(app: Celery, **conf) -> None:
    app.conf.update(**conf)
    # The app keeps its connection pools and its result backend once made;
    # dropping them makes the next use build new ones from the new settings.
    pools.reset()
    app._after_fork()
    app._backend_cache = None
    app._local = threading.local()


def queue_length(app: Celery, queue: str) -> int:
    """Return how many messages wait in ``queue``, not counting reserved ones."""
    with app.connection_for_read() as conn:
        declared = conn.default_channel.queue_declare(
            queue=queue, durable=True, auto_delete=False
        )
        return declared.message_count
