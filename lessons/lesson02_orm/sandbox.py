"""A throwaway database for the demo and the benchmark.

Both write (they enrol learners, grow the catalogue to hundreds of courses),
so both run against a fresh, migrated database that is dropped afterwards:
an in-memory SQLite by default, ``bench_<name>`` on PostgreSQL. The user's
own database is never opened for writing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection


@contextmanager
def throwaway_database() -> Iterator[None]:
    """Point the default connection at a new, migrated database; drop it after."""
    settings = connection.settings_dict
    old_name = settings["NAME"]
    if connection.vendor != "sqlite":  # SQLite's test database is in memory
        settings["TEST"]["NAME"] = f"bench_{old_name}"
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        yield
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
