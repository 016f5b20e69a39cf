"""Fixtures shared by every lesson's tests: artifacts, services, the browser."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.db import connection

from django_docker_project.testing import (
    CHROMIUM,
    CHROMIUM_ARGS,
    CI,
    REDIS_TEST_URL,
    missing_service,
    reachable,
)

ARTIFACTS = Path(__file__).resolve().parent / "test-artifacts"


def pytest_collection_modifyitems(config: pytest.Config, items: list) -> None:
    """Deselect PostgreSQL-only tests when the suite runs on another database."""
    if connection.vendor == "postgresql":
        return
    kept, dropped = [], []
    for item in items:
        (dropped if item.get_closest_marker("postgres") else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Where tests leave screenshots and other files for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def redis_url() -> str:
    """A reachable Redis; fails under CI when there is none, skips elsewhere."""
    if not reachable(REDIS_TEST_URL):
        missing_service(f"no Redis at {REDIS_TEST_URL}")
    return REDIS_TEST_URL


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright."""
    if not Path(CHROMIUM).exists():
        message = f"no browser at {CHROMIUM}: `apt-get install chromium` adds it"
        if CI:
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread, which
    # makes Django refuse database calls from the test; they are safe here.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


__all__ = ["CI"]
