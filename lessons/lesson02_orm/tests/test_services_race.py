"""Two connections completing chapters at once record the course once.

SQLite has no row locks (``select_for_update`` is a no-op there), so these
tests run on PostgreSQL only. Each worker thread gets its own database
connection, as two Gunicorn workers would.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection, connections, transaction

from django_docker_project.testing import wait_for
from lessons.lesson02_orm.models import ChapterProgress
from lessons.lesson02_orm.services import (
    ChapterCompletion,
    chapter_complete,
    enrollment_create,
)
from lessons.lesson02_orm.signals import course_completed

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def waiting_on_a_lock() -> int:
    """Return how many other sessions of this database wait for a row lock."""
    with connection.cursor() as cursor:
        # Activity statistics are frozen for the length of a transaction.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0]


def in_thread(work: Callable[[], object], results: dict, key: str) -> threading.Thread:
    def target() -> None:
        try:
            results[key] = work()
        except BaseException as error:  # reported by the test, not lost
            results[key] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=target)
    thread.start()
    return thread


def race(enrollment, first_chapter, second_chapter) -> dict:
    """Complete two chapters at once; the first holds its transaction open.

    The first connection records its chapter and, before committing, waits
    until the second connection is blocked on the enrollment's row lock (or
    finished, which is what would happen without the lock).
    """
    results: dict = {}
    second_done = threading.Event()

    def first() -> ChapterCompletion:
        with transaction.atomic():
            result = chapter_complete(enrollment=enrollment, chapter=first_chapter)
            second = in_thread(second_call, results, "second")
            wait_for(lambda: second_done.is_set() or waiting_on_a_lock(), timeout=10)
        second.join(timeout=10)
        return result

    def second_call() -> ChapterCompletion:
        try:
            return chapter_complete(enrollment=enrollment, chapter=second_chapter)
        finally:
            second_done.set()

    in_thread(first, results, "first").join(timeout=30)
    for value in results.values():
        if isinstance(value, BaseException):
            raise value
    return results


@pytest.fixture
def completions():
    sent = []

    def receiver(sender, enrollment, **kwargs):
        sent.append(enrollment.pk)

    course_completed.connect(receiver, dispatch_uid="test-race")
    yield sent
    course_completed.disconnect(dispatch_uid="test-race")


def test_completing_the_last_chapter_twice_at_once_records_it_once(
    make_course, learner, completions
):
    course = make_course(chapters=2)
    enrollment = enrollment_create(learner=learner, course=course)
    first, last = course.chapters.all()
    chapter_complete(enrollment=enrollment, chapter=first)

    results = race(enrollment, last, last)

    assert results["first"].created and results["first"].course_completed
    assert not results["second"].created
    assert not results["second"].course_completed
    assert ChapterProgress.objects.filter(chapter=last).count() == 1
    assert completions == [enrollment.pk]


def test_completing_the_last_two_chapters_at_once_completes_the_course_once(
    make_course, learner, completions
):
    course = make_course(chapters=2)
    enrollment = enrollment_create(learner=learner, course=course)
    first, last = course.chapters.all()

    results = race(enrollment, first, last)

    assert results["first"].created and results["second"].created
    assert not results["first"].course_completed
    assert results["second"].course_completed
    assert completions == [enrollment.pk]
