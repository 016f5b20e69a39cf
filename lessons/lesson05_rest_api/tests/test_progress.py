"""Progress: completing chapters through the service, with every refusal a 400."""

from __future__ import annotations

import pytest
from django.db.models.signals import post_save

from lessons.lesson02_orm.models import ChapterProgress, Enrollment
from lessons.lesson03_celery.models import Certificate

from .conftest import build_catalogue


def complete(client, course, position: int):
    chapter = course.chapters.get(position=position)
    return client.post("/api/progress/", {"course": course.slug, "chapter": chapter.pk})


def test_completing_a_chapter_records_it(as_learner, enrollment, course) -> None:
    response = complete(as_learner, course, 1)

    assert response.status_code == 201
    body = response.json()
    assert body["created"] is True
    assert body["course_completed"] is False
    assert body["certificate"] == "none"
    assert body["progress"]["course"] == course.slug
    assert ChapterProgress.objects.filter(enrollment=enrollment).count() == 1


def test_completing_a_chapter_again_is_harmless(as_learner, enrollment, course):
    complete(as_learner, course, 1)

    again = complete(as_learner, course, 1)

    assert again.status_code == 200
    assert again.json()["created"] is False
    assert ChapterProgress.objects.count() == 1


def test_the_last_chapter_completes_the_course_and_queues_a_certificate(
    as_learner, enrollment, course, django_capture_on_commit_callbacks
) -> None:
    complete(as_learner, course, 1)
    complete(as_learner, course, 2)

    with django_capture_on_commit_callbacks() as callbacks:
        response = complete(as_learner, course, 3)

    assert response.json()["course_completed"] is True
    assert response.json()["certificate"] == "queued"
    # Lesson 03's receiver deferred the task to the commit; the worker test
    # in test_certificates.py runs it for real.
    assert len(callbacks) == 1


def test_a_chapter_of_another_course_is_a_400_on_chapter(
    as_learner, enrollment, course
) -> None:
    elsewhere = build_catalogue(1)[0].chapters.first()

    response = as_learner.post(
        "/api/progress/", {"course": course.slug, "chapter": elsewhere.pk}
    )

    assert response.status_code == 400
    assert list(response.json()) == ["chapter"]
    assert "is not part of" in response.json()["chapter"][0]
    assert not ChapterProgress.objects.exists()


def test_a_course_one_is_not_enrolled_in_is_a_400_on_course(as_learner, course):
    response = complete(as_learner, course, 1)

    assert response.status_code == 400
    assert response.json() == {"course": [f"You are not enrolled in “{course.title}”."]}


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"chapter": 1}, "course"),
        ({"course": "course-0000"}, "chapter"),
        ({"course": "course-0000", "chapter": 999999}, "chapter"),
        ({"course": "course-0000", "chapter": "one"}, "chapter"),
        ({"course": "nope", "chapter": 1}, "course"),
    ],
)
def test_bad_progress_input_names_the_field(as_learner, enrollment, data, field):
    response = as_learner.post("/api/progress/", data)
    assert response.status_code == 400
    assert field in response.json()


def test_another_learner_s_enrollment_does_not_count(as_other, enrollment, course):
    response = complete(as_other, course, 1)

    assert response.status_code == 400
    assert "course" in response.json()
    assert not ChapterProgress.objects.exists()


def test_anonymous_clients_cannot_record_progress(anon, enrollment, course) -> None:
    assert complete(anon, course, 1).status_code == 401
    assert anon.get("/api/progress/").status_code == 401


def test_a_learner_lists_only_their_own_progress(
    as_learner, as_other, enrollment, course, other_learner
) -> None:
    Enrollment.objects.create(learner=other_learner, course=course)
    complete(as_learner, course, 1)
    complete(as_other, course, 2)

    mine = as_learner.get("/api/progress/").json()["results"]

    assert [p["chapter"] for p in mine] == [course.chapters.get(position=1).pk]


def test_a_failed_completion_leaves_the_database_unchanged(
    as_learner, enrollment, course
) -> None:
    def explode(**kwargs):
        raise RuntimeError("the disk is full")

    post_save.connect(explode, sender=ChapterProgress, dispatch_uid="explode")
    try:
        as_learner.raise_request_exception = False
        response = complete(as_learner, course, 1)
    finally:
        post_save.disconnect(dispatch_uid="explode", sender=ChapterProgress)

    assert response.status_code == 500
    assert not ChapterProgress.objects.exists()
    assert not Certificate.objects.exists()


@pytest.mark.parametrize("size", [2, 25])
def test_the_progress_list_costs_constant_queries(
    as_learner, learner, django_assert_num_queries, size: int
) -> None:
    course = build_catalogue(1, chapters=size)[0]
    enrollment = Enrollment.objects.create(learner=learner, course=course)
    ChapterProgress.objects.bulk_create(
        ChapterProgress(enrollment=enrollment, chapter=chapter)
        for chapter in course.chapters.all()
    )

    with django_assert_num_queries(3):  # token, count, page with courses
        response = as_learner.get("/api/progress/")

    assert len(response.json()["results"]) == min(size, 20)
