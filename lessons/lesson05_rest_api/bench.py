"""The benchmark of lesson 05, run by ``python manage.py lesson bench 05``.

The course list as the API serves it (a DRF viewset: authentication,
throttling, filtering, pagination, a ``ModelSerializer``) against the floor:
the same JSON built from ``values()`` into a ``JsonResponse``. Both run in
one process, on one throwaway catalogue of 200 courses of 10 chapters, in
alternation, and must return equal payloads. A full run then sends the
schema-generated tests with many more examples than ``make test`` does.
"""

from __future__ import annotations

import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext, override_settings
from rich.console import Console

from lessons.lesson02_orm.models import Chapter, Course

from .sandbox import throwaway_database
from .serializers import ChapterSummarySerializer, CourseSerializer
from .viewsets import CourseViewSet

RESULTS = Path(__file__).resolve().parent / "results" / "course_list.txt"
COURSES, CHAPTERS, PAGE = 200, 10, 20
FIELDS = ["slug", "title", "level", "chapter_count", "learner_count", "is_enrolled"]
UNTHROTTLED = {"anon": "1000000/minute", "user": "1000000/minute"}


# region: floor
def floor_view(request: HttpRequest) -> JsonResponse:
    """The same first page, with no serializer, no DRF, no pagination class."""
    courses = Course.objects.published().with_stats().with_enrollment_of(None)
    page = list(courses.order_by("title", "pk").values(*FIELDS)[:PAGE])
    count = courses.count()
    following = request.build_absolute_uri("?page=2") if count > PAGE else None
    return JsonResponse(
        {"count": count, "next": following, "previous": None, "results": page}
    )


# endregion: floor


# region: nested
class CourseWithChaptersSerializer(CourseSerializer):
    """The list as it would be with each course's chapters nested in it."""

    chapters = ChapterSummarySerializer(many=True, read_only=True)

    class Meta(CourseSerializer.Meta):
        fields = [*CourseSerializer.Meta.fields, "chapters"]


class NestedNaive(CourseViewSet):
    def get_serializer_class(self):
        return CourseWithChaptersSerializer


class NestedPrefetched(NestedNaive):
    def get_queryset(self):
        return super().get_queryset().with_chapters()


# endregion: nested


def rendered(viewset: type[CourseViewSet]) -> Callable:
    view = viewset.as_view({"get": "list"})

    def call(request: HttpRequest):
        response = view(request)
        response.render()
        return response

    return call


drf_view = rendered(CourseViewSet)


def catalogue_build() -> None:
    courses = Course.objects.bulk_create(
        Course(title=f"Course {n:03d}", slug=f"course-{n:03d}", published=True)
        for n in range(COURSES)
    )
    Chapter.objects.bulk_create(
        Chapter(course=course, position=p, title=f"Chapter {p}")
        for course in courses
        for p in range(1, CHAPTERS + 1)
    )


def time_views(views: dict[str, Callable], rounds: int) -> dict[str, list[float]]:
    """Time each view ``rounds`` times, in alternation; return milliseconds."""
    factory = RequestFactory()
    timings: dict[str, list[float]] = {name: [] for name in views}
    # Collect garbage between calls, never during one: a collection triggered
    # by one view's allocations would otherwise be billed to the next view.
    gc.disable()
    try:
        for _ in range(rounds):
            for name, view in views.items():
                request = factory.get("/api/courses/")
                gc.collect(0)
                started = time.perf_counter()
                view(request)
                timings[name].append((time.perf_counter() - started) * 1000)
    finally:
        gc.enable()
    return timings


def query_count(view: Callable) -> int:
    with CaptureQueriesContext(connection) as queries:
        view(RequestFactory().get("/api/courses/"))
    return len(queries)


def measure(rounds: int) -> dict:
    views = {"DRF viewset": drf_view, "values() + JsonResponse": floor_view}
    payloads = [
        json.loads(view(RequestFactory().get("/api/courses/")).content)
        for view in views.values()
    ]
    if payloads[0] != payloads[1]:
        raise RuntimeError("the API and the floor must answer the same JSON")
    views["nested chapters, N+1"] = rendered(NestedNaive)
    views["nested chapters, prefetched"] = rendered(NestedPrefetched)
    queries = {name: query_count(view) for name, view in views.items()}
    time_views(views, 20)  # warm up: imports, caches, query plans
    timings = time_views(views, rounds)
    return {
        name: {
            "queries": queries[name],
            "median": statistics.median(timings[name]),
            "p90": statistics.quantiles(timings[name], n=10)[-1],
        }
        for name in views
    }


def report(figures: dict, rounds: int, quick: bool) -> str:
    drf, floor = figures["DRF viewset"], figures["values() + JsonResponse"]
    lines = [
        f"Course list, first page of {PAGE} with chapter and learner counts,",
        f"{COURSES} published courses of {CHAPTERS} chapters, {rounds} rounds each.",
        "",
        f"{'view':<30}{'queries':>8}{'median ms':>11}{'p90 ms':>9}",
    ]
    for name, row in figures.items():
        lines.append(
            f"{name:<30}{row['queries']:>8}{row['median']:>11.2f}{row['p90']:>9.2f}"
        )
    lines += [
        "",
        f"DRF / floor (median): {drf['median'] / floor['median']:.2f}x",
        "",
        "command: python manage.py lesson bench 05" + (" --quick" if quick else ""),
        f"machine: {os.cpu_count()} cores (shared container), "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{connection.vendor}",
        f"date:    {datetime.now(UTC):%Y-%m-%d}",
    ]
    return "\n".join(lines) + "\n"


def fuzz(console: Console, examples: int) -> str:
    """Run the schema-generated tests with ``examples`` per operation."""
    console.rule(f"Schemathesis, {examples} examples per operation")
    test = "lessons/lesson05_rest_api/tests/test_schemathesis.py"
    env = {**os.environ, "API_FUZZ_EXAMPLES": str(examples)}
    completed = subprocess.run(
        [sys.executable, "-m", "pytest", test, "-q", "-p", "no:randomly"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    summary = completed.stdout.strip().splitlines()[-1]
    console.print(summary)
    if completed.returncode != 0:
        console.print(completed.stdout[-4000:])
    return f"schemathesis, {examples} examples per operation: {summary}\n"


def run(console: Console, quick: bool = False) -> None:
    """Measure the API's course list against the floor; fuzz the API in full."""
    rounds = 200 if quick else 1000
    unthrottled = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": UNTHROTTLED}
    # DEBUG off, as in production: with it on, Django logs every query.
    with (
        throwaway_database(),
        override_settings(DEBUG=False, REST_FRAMEWORK=unthrottled),
    ):
        catalogue_build()
        text = report(measure(rounds), rounds, quick)
    console.print(text)
    if quick:
        return
    text += "\n" + fuzz(console, examples=500)
    RESULTS.write_text(text)
    console.print(f"Written to {RESULTS.relative_to(settings.BASE_DIR)}")
