"""Lesson 01's benchmark, run by ``python manage.py lesson bench 01 [--quick]``.

It asks what each layer costs per request: a dict turned into JSON by
``JsonResponse``, the same dict through Django REST framework, a template
rendered by a function and by a class, the playground's form. The requests go
through Django's test client, so the whole stack runs (middleware, URL
resolution, the view) without the network. The endpoints take turns within
each round, so that a ratio compares runs made close together in time.
"""

from __future__ import annotations

import datetime
import os
import platform
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

import django
import rest_framework
from django.conf import settings
from django.test import Client
from django.urls import reverse
from rich.console import Console
from rich.table import Table

RESULTS_FILE = Path(__file__).with_name("results") / "bench.txt"
HOST = "127.0.0.1"


@dataclass(frozen=True)
class Endpoint:
    """A request to time, and what answers it."""

    label: str
    path: str
    accept: str = "application/json"


@dataclass
class Timing:
    """Microseconds per request, one figure for each round."""

    endpoint: Endpoint
    rounds: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.rounds)


def endpoints() -> list[Endpoint]:
    """Return the endpoints, the plain JsonResponse first as the baseline."""
    api = reverse("lesson01:api-property-detail", args=["gap"])
    return [
        Endpoint("FBV, JsonResponse", reverse("lesson01:property-json", args=["gap"])),
        Endpoint("DRF APIView, JSON", api),
        Endpoint("DRF APIView, browsable HTML", api, accept="text/html"),
        Endpoint(
            "FBV, template",
            reverse("lesson01:fbv-detail", args=["gap"]),
            accept="text/html",
        ),
        Endpoint(
            "CBV DetailView, template",
            reverse("lesson01:property-detail", args=["gap"]),
            accept="text/html",
        ),
        Endpoint(
            "FBV, playground form + template",
            reverse("lesson01:playground") + "?flex-direction=column&gap=8px",
            accept="text/html",
        ),
    ]


def run(console: Console, quick: bool = False) -> None:
    """Time every endpoint, print the table and, on a full run, save it."""
    rounds, per_round = (3, 20) if quick else (25, 60)
    timings = measure(endpoints(), rounds, per_round)
    text = report(timings, rounds, per_round, quick)
    console.print(table(timings))
    if quick:
        console.print("[dim]--quick: nothing saved[/]")
        return
    RESULTS_FILE.parent.mkdir(exist_ok=True)
    RESULTS_FILE.write_text(text)
    console.print(f"Saved to {RESULTS_FILE.relative_to(settings.BASE_DIR)}")


def measure(targets: list[Endpoint], rounds: int, per_round: int) -> list[Timing]:
    """Return the timings, the endpoints taking turns within each round."""
    client = Client(HTTP_HOST=HOST)
    timings = [Timing(endpoint) for endpoint in targets]
    for timing in timings:
        check(client, timing.endpoint)

    for _ in range(rounds):
        for timing in timings:
            timing.rounds.append(time_requests(client, timing.endpoint, per_round))
    return timings


def check(client: Client, endpoint: Endpoint) -> None:
    """Fail before timing if an endpoint does not answer 200."""
    response = client.get(endpoint.path, headers={"Accept": endpoint.accept})
    if response.status_code != 200:
        raise RuntimeError(f"{endpoint.path} answered {response.status_code}")


def time_requests(client: Client, endpoint: Endpoint, count: int) -> float:
    """Return the mean microseconds per request over ``count`` requests."""
    headers = {"Accept": endpoint.accept}
    # The project throttles anonymous API clients by address: each request
    # comes from its own, so the API pays for the check but is never refused.
    addresses = [f"10.1.{n // 250}.{n % 250 + 1}" for n in range(count)]
    started = time.perf_counter_ns()
    for address in addresses:
        client.get(endpoint.path, headers=headers, REMOTE_ADDR=address)
    return (time.perf_counter_ns() - started) / count / 1000


def table(timings: list[Timing]) -> Table:
    """Return the results as a rich table."""
    baseline = timings[0].median
    result = Table(title="Lesson 01: time per request through the test client")
    result.add_column("endpoint")
    result.add_column("µs per request", justify="right")
    result.add_column("vs JsonResponse", justify="right")
    for timing in timings:
        result.add_row(
            timing.endpoint.label,
            f"{timing.median:.0f}",
            f"{timing.median / baseline:.1f}x",
        )
    return result


def report(timings: list[Timing], rounds: int, per_round: int, quick: bool) -> str:
    """Return the results as the plain text the note includes."""
    baseline = timings[0].median
    command = "python manage.py lesson bench 01" + (" --quick" if quick else "")
    lines = [
        f"$ DEBUG={str(settings.DEBUG).lower()} {command}",
        f"date: {datetime.date.today().isoformat()}",
        f"machine: {os.cpu_count()} CPUs, shared, {platform.system()} container; "
        f"Python {platform.python_version()}, Django {django.get_version()}, "
        f"DRF {rest_framework.VERSION}",
        f"method: {rounds} rounds of {per_round} requests per endpoint, "
        "endpoints taking turns; median of the round means",
        "",
        f"{'endpoint':<34}{'µs/request':>12}{'vs JsonResponse':>17}",
    ]
    for timing in timings:
        lines.append(
            f"{timing.endpoint.label:<34}{timing.median:>12.0f}"
            f"{timing.median / baseline:>16.1f}x"
        )
    return "\n".join(lines) + "\n"
