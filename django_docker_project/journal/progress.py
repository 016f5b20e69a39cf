"""Each lesson's last test run, kept in a small JSON file keyed by slug."""

from __future__ import annotations

import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings

PASSED = "passed"
FAILED = "failed"


def progress_path() -> Path:
    return Path(settings.LESSON_PROGRESS_FILE)


def read_progress() -> dict[str, dict]:
    """Return ``{slug: {"status": ..., "at": ...}}``; empty when never run."""
    try:
        data = json.loads(progress_path().read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def record_result(slug: str, passed: bool) -> dict:
    """Record a lesson's test run and return the stored entry."""
    progress = read_progress()
    entry = {
        "status": PASSED if passed else FAILED,
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    progress[slug] = entry

    path = progress_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    # Write to a temporary file first so that a crash never leaves half a file.
    with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False) as handle:
        json.dump(progress, handle, indent=2, sort_keys=True)
    os.replace(handle.name, path)
    return entry
