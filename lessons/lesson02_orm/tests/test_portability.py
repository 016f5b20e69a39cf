"""Where SQLite and PostgreSQL answer the same query differently."""

from __future__ import annotations

import pytest
from django.db import NotSupportedError, connection

from lessons.lesson02_orm.models import Chapter, Course

pytestmark = pytest.mark.django_db


def test_contains_ignores_ascii_case_on_sqlite_only(make_course):
    make_course(slug="flexbox")
    Course.objects.filter(slug="flexbox").update(title="Flexbox basics")

    found = Course.objects.filter(title__contains="flexbox").exists()

    # SQLite's LIKE folds ASCII case; PostgreSQL's LIKE does not.
    assert found is (connection.vendor == "sqlite")
    assert Course.objects.filter(title__icontains="FLEXBOX").exists()


def test_icontains_folds_non_ascii_case_on_postgresql_only(make_course):
    make_course(slug="etude")
    Course.objects.filter(slug="etude").update(title="Étude de cas")

    found = Course.objects.filter(title__icontains="étude").exists()

    # SQLite's built-in UPPER() knows ASCII letters only.
    assert found is (connection.vendor == "postgresql")


def test_distinct_on_fields_is_postgresql_only(make_course):
    make_course(chapters=3)
    make_course(chapters=2)
    # order_by("course") would sort by the course's Meta.ordering (its title),
    # which PostgreSQL refuses to pair with DISTINCT ON (course_id).
    firsts = Chapter.objects.order_by("course_id", "position").distinct("course_id")

    if connection.vendor == "postgresql":
        assert [chapter.position for chapter in firsts] == [1, 1]
    else:
        with pytest.raises(NotSupportedError):
            list(firsts)
