"""Gunicorn's worker models, seen from inside a real server.

Each test starts ``python -m gunicorn`` from the repository root on a free
port and reads ``whoami/``: which worker and thread served a request, and
when. The assertions compare pids and intervals, never durations.
"""

from __future__ import annotations

import re
import runpy
import threading
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings

from django_docker_project.testing import wait_for
from lessons.lesson04_gunicorn.recipes import RECIPES
from lessons.lesson04_gunicorn.serving import Server, gunicorn

pytestmark = pytest.mark.slow

SLOW = "whoami/?ms=600"


def two_at_once(server: Server, path: str) -> list[dict]:
    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(server.get_json, [path, path]))


def overlap(first: dict, second: dict) -> bool:
    return max(first["started"], second["started"]) < min(
        first["finished"], second["finished"]
    )


def test_one_sync_worker_serves_two_slow_requests_one_after_the_other(
    log_dir: Path,
) -> None:
    with gunicorn("--workers", "1", "--threads", "1", log_dir=log_dir) as server:
        first, second = two_at_once(server, SLOW)

    assert first["pid"] == second["pid"]
    assert not overlap(first, second)


def test_gthread_with_two_threads_overlaps_two_slow_requests(log_dir: Path) -> None:
    with gunicorn("--workers", "1", "--threads", "2", log_dir=log_dir) as server:
        first, second = two_at_once(server, SLOW)

    assert first["pid"] == second["pid"]
    assert first["thread"] != second["thread"]
    assert overlap(first, second)


def test_a_request_longer_than_the_timeout_gets_its_worker_replaced(
    log_dir: Path,
) -> None:
    flags = ("--workers", "1", "--threads", "1", "--timeout", "2")
    with gunicorn(*flags, log_dir=log_dir) as server:
        before = server.get_json("whoami/")["pid"]
        with pytest.raises((urllib.error.URLError, ConnectionError)):
            server.get_json("whoami/?ms=8000")
        after = server.get_json("whoami/")["pid"]
        log = server.log()

    assert after != before
    assert f"WORKER TIMEOUT (pid:{before})" in log


def test_a_gthread_worker_is_not_killed_by_a_long_request(log_dir: Path) -> None:
    # The main thread keeps beating the heartbeat while a pool thread waits,
    # so the timeout cannot catch a slow request in a threaded worker.
    flags = ("--workers", "1", "--threads", "2", "--timeout", "2")
    with gunicorn(*flags, log_dir=log_dir) as server:
        before = server.get_json("whoami/")["pid"]
        slow = server.get_json("whoami/?ms=5000")
        log = server.log()

    assert slow["pid"] == before
    assert "WORKER TIMEOUT" not in log


@pytest.mark.parametrize("recipe", sorted(RECIPES))
def test_each_recipe_serves_the_project_with_its_workers(
    recipe: str, log_dir: Path
) -> None:
    config = str(RECIPES[recipe].relative_to(settings.BASE_DIR))
    expected = runpy.run_path(config)
    worker_class = "gthread" if expected["threads"] > 1 else "sync"
    with gunicorn(
        "--config", config, log_dir=log_dir, workers=expected["workers"]
    ) as server:
        answer = server.get_json("whoami/")
        workers = server.worker_pids()
        log = server.log()

    assert answer["pid"] in workers
    assert len(workers) == expected["workers"]
    assert f"Using worker: {worker_class}" in log


# region: hup-test
def test_hup_reloads_the_workers_without_failing_a_request(log_dir: Path) -> None:
    served, failures = [], []
    stop = threading.Event()

    def keep_asking(server: Server) -> None:
        while not stop.is_set():
            try:
                served.append(server.get_json("whoami/?ms=20")["pid"])
            except OSError as error:
                failures.append(error)

    with gunicorn("--workers", "2", "--threads", "1", log_dir=log_dir) as server:
        old = server.worker_pids()
        clients = [threading.Thread(target=keep_asking, args=(server,)) for _ in "ab"]
        for client in clients:
            client.start()
        wait_for(lambda: len(served) >= 20)
        server.reload()
        wait_for(lambda: server.worker_pids().isdisjoint(old))
        new = server.worker_pids()
        wait_for(lambda: new & set(served[-10:]))
        stop.set()
        for client in clients:
            client.join()

    assert failures == []
    assert old & set(served)
    assert new & set(served)
    # endregion: hup-test


def test_max_requests_recycles_a_worker(log_dir: Path) -> None:
    flags = ("--workers", "1", "--max-requests", "3", "--max-requests-jitter", "0")
    with gunicorn(*flags, "--threads", "1", log_dir=log_dir) as server:
        pids = [server.get_json("whoami/")["pid"] for _ in range(8)]

    runs = [len(list(group)) for group in runs_of(pids)]
    # The start-up check was the first worker's first request, hence its 2.
    assert runs[0] == 2
    assert set(runs[1:-1]) == {3}
    assert len(set(pids)) == len(runs)


def runs_of(values: list[int]) -> list[list[int]]:
    """Split a list into runs of equal consecutive values."""
    groups: list[list[int]] = []
    for value in values:
        if groups and groups[-1][0] == value:
            groups[-1].append(value)
        else:
            groups.append([value])
    return groups


ACCESS_LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} INFO \[gunicorn\.access\] \d+ "
    r'127\.0\.0\.1 .*"GET /static/journal/journal\.css HTTP/1\.1" 200',
    re.MULTILINE,
)


@pytest.mark.parametrize(
    "flags",
    [("-w", "4"), ("-w", "4", "--threads", "2")],
    ids=["4 workers", "4 workers x 2 threads"],
)
def test_the_documented_commands_serve_the_journal_with_its_styles(
    flags: tuple[str, ...], log_dir: Path
) -> None:
    with gunicorn(*flags, log_dir=log_dir, workers=4) as server:
        base = f"http://127.0.0.1:{server.port}"
        page = fetch(f"{base}/")
        styles = re.findall(r'href="(/static/[^"]+\.css)"', page)
        bodies = [fetch(base + path) for path in styles]
        log = wait_for(lambda: ACCESS_LINE.search(server.log()) and server.log())

    assert "/static/journal/journal.css" in styles
    assert all(body.strip() for body in bodies)
    assert ACCESS_LINE.search(log), log[-2000:]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        assert response.status == 200
        return response.read().decode()
