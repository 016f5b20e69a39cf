"""The narrated demo of lesson 02, run by ``python manage.py lesson run 02``.

It loads the demo catalogue into a throwaway database (see ``sandbox``), so
it runs before any ``migrate`` and leaves the user's data alone. Every step
prints what it ran and how many queries that took, counted by Django itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import contextmanager

import sqlparse
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from rich.console import Console
from rich.table import Table

from . import bench
from .errors import CatalogueError
from .loader import catalogue_load
from .models import Course, Enrollment
from .queries import courses_mentioning, courses_nobody_follows, learner_stats
from .sandbox import throwaway_database
from .services import chapter_complete, enrollment_create


class RolledBack(Exception):
    """Raised to undo the demo's writes at the end of a step."""


@contextmanager
def counted(console: Console, label: str):
    """Print how many queries the block ran."""
    with CaptureQueriesContext(connection) as captured:
        yield captured
    plural = "query" if len(captured) == 1 else "queries"
    console.print(f"  [dim]{label}: {len(captured)} {plural}[/dim]")


def step(console: Console, title: str) -> None:
    console.print()
    console.rule(f"[bold]{title}", align="left")


@contextmanager
def quiet(name: str):
    """Silence a logger's INFO lines, which would interleave with the story."""
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def run(console: Console) -> None:
    """Walk through the lesson step by step."""
    with quiet("lessons.lesson02_orm"):
        walk_through(console)


def walk_through(console: Console) -> None:
    console.print(
        f"Loading the demo catalogue into a throwaway {connection.vendor} database."
    )
    with throwaway_database():
        report = catalogue_load()
        console.print(
            f"{report.courses} courses, {report.chapters} chapters, "
            f"{report.learners} learners with partial progress."
        )
        show_laziness(console)
        show_filters(console)
        show_aggregation(console)
        show_n_plus_one(console)
        show_transactions(console)


def show_laziness(console: Console) -> None:
    step(console, "1. A queryset is lazy")
    with counted(console, "building the queryset"):
        courses = Course.objects.published().with_stats().filter(level="beginner")
    with counted(console, "iterating it") as captured:
        titles = [course.title for course in courses]
    console.print(sqlparse.format(captured[0]["sql"], reindent=True), markup=False)
    with counted(console, "iterating it again: the rows are cached"):
        titles = [course.title for course in courses]
    console.print(f"  {titles}")
    slugs = Course.objects.values_list("slug", flat=True)
    with counted(console, "exists(), count() and a slice each ask the database"):
        console.print(
            f"  exists: {courses.exists()}, count: {Course.objects.count()}, "
            f"first two slugs: {list(slugs[:2])}"
        )


def show_filters(console: Console) -> None:
    step(console, "2. filter, exclude, Q and F")
    with counted(console, "Q(title) | Q(chapters__title), distinct()"):
        console.print(
            f"  mentioning 'flexbox': {[c.slug for c in courses_mentioning('flexbox')]}"
        )
    Enrollment.objects.filter(course__slug="gunicorn").delete()
    with counted(console, "exclude(Exists(...)) after removing gunicorn's learners"):
        console.print(f"  nobody follows: {[c.slug for c in courses_nobody_follows()]}")


def show_aggregation(console: Console) -> None:
    step(console, "3. Aggregation in one query")
    with counted(console, "Count(..., distinct=True) over two joins"):
        rows = list(learner_stats())
    table = Table("learner", "courses", "chapters done")
    for row in rows:
        table.add_row(row["username"], str(row["courses"]), str(row["chapters_done"]))
    console.print(table)
    with counted(console, "each learner's completion per course"):
        enrollments = list(
            Enrollment.objects.with_completion()
            .select_related("learner", "course")
            .order_by("learner__username", "course__title")
        )
    table = Table("learner", "course", "done", "percent")
    for e in enrollments:
        table.add_row(
            e.learner.username,
            e.course.title,
            f"{e.completed}/{e.total}",
            f"{e.percent}%",
        )
    console.print(table)


def show_n_plus_one(console: Console) -> None:
    step(console, "4. The N+1 trap and its cure")
    table = Table("courses", "listing", "queries", "ms (median of 5)")
    for size in (6, 200):
        if size > Course.objects.published().count():
            bench.build_catalogue(size)
        timings = bench.median_ms(5)
        for name, listing in bench.LISTINGS.items():
            table.add_row(
                str(Course.objects.published().count()),
                name,
                str(bench.count_queries(listing)),
                f"{timings[name]:.1f}",
            )
    console.print(table)
    console.print(
        "The naive listing asks twice per course; the others ask twice in all. "
        "`python manage.py lesson bench 02` measures them properly."
    )


def show_transactions(console: Console) -> None:
    step(console, "5. Services, transactions and domain errors")
    ada = get_user_model().objects.get(username="ada")
    course = Course.objects.get(slug="flexbox")
    try:
        with transaction.atomic():
            enrollment = enrollment_create(learner=ada, course=course)
            console.print(f"  enrolled ada in {course.title}")
            try_to(console, lambda: enrollment_create(learner=ada, course=course))
            other = Course.objects.get(slug="celery").chapters.first()
            try_to(
                console, lambda: chapter_complete(enrollment=enrollment, chapter=other)
            )
            for chapter in [*course.chapters.all(), course.chapters.last()]:
                result = chapter_complete(enrollment=enrollment, chapter=chapter)
                console.print(
                    f"  chapter {chapter.position}: created={result.created}, "
                    f"course_completed={result.course_completed}"
                )
            raise RolledBack
    except RolledBack:
        console.print(
            "  Rolled back: the course_completed signal was sent inside the "
            "transaction, so receivers that wait for on_commit started nothing."
        )


def try_to(console: Console, action: Callable[[], object]) -> None:
    try:
        action()
    except CatalogueError as error:
        console.print(
            f"  {type(error).__name__} on field {error.field!r}: {error.message}"
        )
