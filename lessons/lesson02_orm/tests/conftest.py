"""Factories for the catalogue's tests: plain ORM calls, no fixtures files."""

from __future__ import annotations

import itertools

import pytest
from django.contrib.auth import get_user_model

from lessons.lesson02_orm.models import Chapter, Course
from lessons.lesson02_orm.signals import course_completed

_numbers = itertools.count(1)


@pytest.fixture
def make_course(db):
    """Return a function that creates a course with ``chapters`` chapters."""

    def make(chapters: int = 3, published: bool = True, slug: str = "") -> Course:
        number = next(_numbers)
        course = Course.objects.create(
            title=f"Course {number}",
            slug=slug or f"course-{number}",
            published=published,
        )
        Chapter.objects.bulk_create(
            Chapter(course=course, position=p, title=f"Chapter {p}")
            for p in range(1, chapters + 1)
        )
        return course

    return make


@pytest.fixture
def make_learner(db):
    """Return a function that creates a learner with an unusable password."""

    def make(username: str = "") -> object:
        name = username or f"learner{next(_numbers)}"
        return get_user_model().objects.create_user(username=name, password=None)

    return make


@pytest.fixture
def learner(make_learner):
    return make_learner("ada")


@pytest.fixture(autouse=True)
def only_this_lessons_receivers():
    """Detach receivers of ``course_completed`` that later lessons connect.

    Lesson 03 issues a certificate when a course is completed; these tests
    check what this lesson sends, and must not start another lesson's work.
    """
    saved = course_completed.receivers
    course_completed.receivers = []
    course_completed.sender_receivers_cache.clear()
    yield
    course_completed.receivers = saved
    course_completed.sender_receivers_cache.clear()
