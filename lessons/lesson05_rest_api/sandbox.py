"""A throwaway database for the demo and the benchmark.

Both write learners, enrollments and hundreds of courses; none of that may
end up in the reader's own database. Django's test-database machinery
creates a fresh, migrated database beside the configured one and drops it
afterwards, on SQLite (a file in a temporary folder) as on PostgreSQL.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test.utils import override_settings


@contextmanager
def throwaway_database() -> Iterator[str]:
    """Point the default connection at a new database; drop it afterwards."""
    with tempfile.TemporaryDirectory(prefix="lesson05-") as folder:
        test = connection.settings_dict.setdefault("TEST", {})
        saved_test_name = test.get("NAME")
        if connection.vendor == "sqlite":
            test["NAME"] = str(Path(folder) / "sandbox.sqlite3")
        else:
            test["NAME"] = f"{connection.settings_dict['NAME']}_lesson05_sandbox"
        real_name = connection.creation.create_test_db(
            verbosity=0, autoclobber=True, serialize=False, keepdb=False
        )
        try:
            # The test client's requests come from the host "testserver".
            with override_settings(
                ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]
            ):
                yield connection.settings_dict["NAME"]
        finally:
            connection.creation.destroy_test_db(real_name, verbosity=0)
            test["NAME"] = saved_test_name
