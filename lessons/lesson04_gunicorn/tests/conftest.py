"""Fixtures of lesson 04's tests: a folder for Gunicorn's logs."""

from pathlib import Path

import pytest


@pytest.fixture
def log_dir(tmp_path: Path) -> Path:
    """Where a test's Gunicorn writes its log, shown when the test fails."""
    return tmp_path
