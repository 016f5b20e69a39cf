"""The admin's list pages do not fall into N+1 either."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lessons.lesson02_orm.services import chapter_complete, enrollment_create

MODELS = ["course", "chapter", "enrollment", "chapterprogress"]


@pytest.fixture
def catalogue_of(make_course, make_learner):
    def build(n: int) -> None:
        for _ in range(n):
            course = make_course(chapters=2)
            enrollment = enrollment_create(learner=make_learner(), course=course)
            chapter_complete(enrollment=enrollment, chapter=course.chapters.first())

    return build


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("model", MODELS)
def test_changelist_query_count_does_not_grow_with_rows(
    admin_client, catalogue_of, model
):
    url = reverse(f"admin:lesson02_orm_{model}_changelist")
    catalogue_of(3)
    small = queries_for(admin_client, url)

    catalogue_of(27)
    large = queries_for(admin_client, url)

    # The chapter list's filter lists every course in one query, whatever
    # their number; no count may grow with the rows shown.
    assert large == small


def test_course_changelist_shows_the_counts(admin_client, catalogue_of):
    catalogue_of(1)

    response = admin_client.get(reverse("admin:lesson02_orm_course_changelist"))

    row = response.context["cl"].result_list[0]
    assert (row.chapter_count, row.learner_count) == (2, 1)


def test_enrollment_changelist_shows_completion(admin_client, catalogue_of):
    catalogue_of(1)

    response = admin_client.get(reverse("admin:lesson02_orm_enrollment_changelist"))

    assert "50%" in response.content.decode()


def test_course_change_page_opens_with_its_chapters(admin_client, make_course):
    course = make_course(chapters=3)

    response = admin_client.get(
        reverse("admin:lesson02_orm_course_change", args=[course.pk])
    )

    assert response.status_code == 200
    assert "Chapter 3" in response.content.decode()
