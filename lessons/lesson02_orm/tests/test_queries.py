"""The selectors and the queryset examples answer their questions in one query."""

from __future__ import annotations

import pytest

from lessons.lesson02_orm.loader import catalogue_load
from lessons.lesson02_orm.models import Course, Enrollment
from lessons.lesson02_orm.queries import (
    courses_mentioning,
    courses_nobody_follows,
    learner_stats,
    popular_courses,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    catalogue_load()


def slugs(queryset) -> list[str]:
    return [course.slug for course in queryset]


def test_a_queryset_runs_no_query_until_it_is_evaluated(
    demo, django_assert_num_queries
):
    with django_assert_num_queries(0):
        courses = Course.objects.published().with_stats().filter(level="beginner")
        courses = courses.exclude(slug="flexbox")[:5]

    with django_assert_num_queries(1):
        assert slugs(courses) == ["django-views"]
    with django_assert_num_queries(0):
        assert len(courses) == 1  # the result is cached on the queryset


def test_with_stats_counts_chapters_and_learners(demo, django_assert_num_queries):
    with django_assert_num_queries(1):
        stats = {
            c.slug: (c.chapter_count, c.learner_count)
            for c in Course.objects.with_stats()
        }

    assert stats["django-orm"] == (6, 2)
    assert stats["docker-for-django"] == (2, 0)


def test_with_completion_is_zero_for_a_course_without_chapters(make_course, learner):
    course = make_course(chapters=0)
    Enrollment.objects.create(learner=learner, course=course)

    [row] = Enrollment.objects.with_completion()

    assert (row.completed, row.total, row.percent) == (0, 0, 0)


def test_courses_mentioning_matches_titles_and_chapters_once(demo):
    assert slugs(courses_mentioning("grid")) == ["css-grid"]
    assert slugs(courses_mentioning("FLEXBOX")) == ["css-grid", "flexbox"]
    assert slugs(courses_mentioning("Transactions")) == ["django-orm"]


def test_courses_nobody_follows_are_the_published_ones_without_learners(demo):
    assert courses_nobody_follows().count() == 0

    Enrollment.objects.filter(course__slug="gunicorn").delete()

    assert slugs(courses_nobody_follows()) == ["gunicorn"]


def test_popular_courses_compares_two_annotations(demo, make_learner):
    course = Course.objects.get(slug="gunicorn")
    for _ in range(5):
        Enrollment.objects.create(learner=make_learner(), course=course)

    assert slugs(popular_courses()) == ["gunicorn"]


def test_learner_stats_counts_each_course_once(demo, django_assert_num_queries):
    with django_assert_num_queries(1):
        rows = list(learner_stats())

    assert rows == [
        {"username": "ada", "courses": 3, "chapters_done": 10},
        {"username": "grace", "courses": 2, "chapters_done": 5},
        {"username": "linus", "courses": 2, "chapters_done": 1},
    ]
