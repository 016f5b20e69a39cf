"""``python manage.py lesson bench 02 [--quick]``: the N+1 trap, measured.

Builds a catalogue of 20 and then 200 courses of 10 chapters in a throwaway
database (an in-memory SQLite by default, a ``bench_``-prefixed PostgreSQL
database under a PostgreSQL ``DATABASE_URL``), so the user's data is never
touched. For each size it times the three listings of ``listings`` as JSON
responses, side by side, and counts their queries. A full run writes its
table to ``results/bench-<database>.md``, which the note includes.
"""

from __future__ import annotations

import os
import platform
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import django
from django.contrib.auth import get_user_model
from django.db import connection
from django.http import JsonResponse
from django.test.utils import CaptureQueriesContext, override_settings
from rich.console import Console
from rich.table import Table

from .listings import (
    listing_naive,
    listing_outline,
    listing_prefetched,
    listing_values,
)
from .models import Chapter, Course, Enrollment
from .sandbox import throwaway_database

RESULTS_DIR = Path(__file__).resolve().parent / "results"
SIZES = (20, 200)
CHAPTERS = 10
LEARNERS = 50
LESSONS_LISTING = "outline (the lesson's)"
LISTINGS: dict[str, Callable[[], list[dict]]] = {
    "naive": listing_naive,
    "prefetched": listing_prefetched,
    LESSONS_LISTING: listing_outline,
    "values() floor": listing_values,
}


def build_catalogue(size: int) -> None:
    """Grow the catalogue to ``size`` published courses, each with learners."""
    start = Course.objects.published().count()
    courses = Course.objects.bulk_create(
        Course(title=f"Course {n:04d}", slug=f"course-{n:04d}", published=True)
        for n in range(start, size)
    )
    Chapter.objects.bulk_create(
        Chapter(course=course, position=p, title=f"Chapter {p} of {course.title}")
        for course in courses
        for p in range(1, CHAPTERS + 1)
    )
    User = get_user_model()
    User.objects.bulk_create(
        User(username=f"bench-learner{n}", password="!")
        for n in range(User.objects.count(), LEARNERS)
    )
    learners = list(User.objects.order_by("pk")[:LEARNERS])
    Enrollment.objects.bulk_create(
        Enrollment(learner=learners[(i + k) % LEARNERS], course=course)
        for i, course in enumerate(courses)
        for k in range(i % 4)
    )


def count_queries(listing: Callable[[], list[dict]]) -> int:
    # The log keeps the last 9000 queries only; a full log counts nothing.
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as captured:
        JsonResponse({"courses": listing()})
    return len(captured)


def median_ms(
    repeats: int, listings: dict[str, Callable[[], list[dict]]] = LISTINGS
) -> dict[str, float]:
    """Return each listing's median milliseconds for one JSON response.

    The listings take turns within each round, so that a busy moment on a
    shared machine slows all of them rather than one.
    """
    timings: dict[str, list[float]] = {name: [] for name in listings}
    # With DEBUG on, Django records every query, which would tax the naive
    # listing's 401 queries more than the others' two.
    with override_settings(DEBUG=False):
        for _ in range(repeats):
            time_round(listings, timings)
    return {name: statistics.median(values) for name, values in timings.items()}


def time_round(
    listings: dict[str, Callable[[], list[dict]]], timings: dict[str, list[float]]
) -> None:
    for name, listing in listings.items():
        started = time.perf_counter()
        JsonResponse({"courses": listing()})
        timings[name].append((time.perf_counter() - started) * 1000)


def run_sizes(console: Console, repeats: int) -> list[tuple]:
    rows = []
    for size in SIZES:
        build_catalogue(size)
        payloads = {name: listing() for name, listing in LISTINGS.items()}
        # A fair race: every listing must build exactly the same payload.
        assert len({repr(p) for p in payloads.values()}) == 1, "payloads differ"
        timings = median_ms(repeats)
        floor = timings["values() floor"]
        for name, listing in LISTINGS.items():
            ms = timings[name]
            rows.append((size, name, count_queries(listing), ms, ms / floor))
        console.print(f"  measured {size} courses x {CHAPTERS} chapters")
    return rows


def table(rows: list[tuple]) -> Table:
    out = Table(title="Catalogue listing as JSON, median of the repeats")
    for heading in ("courses", "listing", "queries", "median ms", "x floor"):
        out.add_column(heading, justify="left" if heading == "listing" else "right")
    for size, name, queries, ms, ratio in rows:
        out.add_row(str(size), name, str(queries), f"{ms:.1f}", f"{ratio:.2f}x")
    return out


def markdown(rows: list[tuple], repeats: int) -> str:
    command = "python manage.py lesson bench 02"
    if connection.vendor == "postgresql":
        command = f"DATABASE_URL=postgres://... {command}"
    lines = [
        f"Command: {command}",
        f"Date: {date.today().isoformat()}",
        f"Machine: {os.cpu_count()} CPU cores (a shared container), "
        f"{platform.system()} {platform.machine()}, Python "
        f"{platform.python_version()}, Django {django.get_version()}",
        f"Database: {describe_database()}, a throwaway copy",
        f"Catalogue: {CHAPTERS} chapters per course, {LEARNERS} learners; "
        f"median of {repeats} runs of each listing",
        "",
        "| courses | listing | queries | median ms | x floor |",
        "|--:|:--|--:|--:|--:|",
    ]
    for size, name, queries, ms, ratio in rows:
        lines.append(f"| {size} | {name} | {queries} | {ms:.1f} | {ratio:.2f}x |")
    return "\n".join(lines) + "\n"


def describe_database() -> str:
    if connection.vendor == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version} in memory"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0]} on 127.0.0.1"


def run(console: Console, quick: bool = False) -> None:
    """Time the naive, prefetched and values() listings side by side."""
    repeats = 3 if quick else 25
    console.print(f"Building a throwaway {connection.vendor} database...")
    with throwaway_database():
        rows = run_sizes(console, repeats)
        report = markdown(rows, repeats)
    console.print(table(rows))
    big = {name: ratio for size, name, _, _, ratio in rows if size == SIZES[-1]}
    console.print(
        f"At {SIZES[-1]} courses the lesson's listing takes "
        f"{big[LESSONS_LISTING]:.2f}x the floor's time (target: within 2x), "
        f"the prefetched one {big['prefetched']:.2f}x, the naive one "
        f"{big['naive']:.2f}x."
    )
    if quick:
        console.print("A quick run: nothing written. A full run records its table.")
        return
    RESULTS_DIR.mkdir(exist_ok=True)
    path = RESULTS_DIR / f"bench-{connection.vendor}.md"
    path.write_text(report)
    console.print(f"Wrote {path}")
