"""Fixtures of lesson 05: learners with tokens, API clients, catalogues."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from lessons.lesson02_orm.models import Chapter, Course, Enrollment


@pytest.fixture(autouse=True)
def fresh_throttle_counters():
    """Start every test with empty throttle counters; they live in the cache."""
    cache.clear()
    yield
    cache.clear()


def make_user(username: str, *, staff: bool = False):
    return get_user_model().objects.create_user(
        username, f"{username}@example.test", "a-long-passphrase", is_staff=staff
    )


def client_for(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def anon() -> APIClient:
    return APIClient()


@pytest.fixture
def learner(db):
    return make_user("ada")


@pytest.fixture
def other_learner(db):
    return make_user("grace")


@pytest.fixture
def staff(db):
    return make_user("root", staff=True)


@pytest.fixture
def as_learner(learner) -> APIClient:
    return client_for(learner)


@pytest.fixture
def as_other(other_learner) -> APIClient:
    return client_for(other_learner)


@pytest.fixture
def as_staff(staff) -> APIClient:
    return client_for(staff)


def build_catalogue(courses: int, chapters: int = 3, *, published: bool = True):
    """Create ``courses`` courses of ``chapters`` chapters each; return them."""
    start = Course.objects.count()
    created = Course.objects.bulk_create(
        Course(
            title=f"Course {start + n:04d}",
            slug=f"course-{start + n:04d}",
            level=("beginner", "intermediate", "advanced")[n % 3],
            published=published,
        )
        for n in range(courses)
    )
    Chapter.objects.bulk_create(
        Chapter(course=course, position=p, title=f"Chapter {p}")
        for course in created
        for p in range(1, chapters + 1)
    )
    return created


@pytest.fixture
def catalogue(db) -> Callable:
    return build_catalogue


@pytest.fixture
def course(db) -> Course:
    return build_catalogue(1, chapters=3)[0]


@pytest.fixture
def enrollment(learner, course) -> Enrollment:
    return Enrollment.objects.create(learner=learner, course=course)
