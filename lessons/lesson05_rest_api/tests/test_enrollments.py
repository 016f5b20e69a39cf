"""Enrollments: a learner's own, created through the service, invisible to others."""

from __future__ import annotations

import pytest

from lessons.lesson02_orm.models import ChapterProgress, Enrollment

from .conftest import build_catalogue


def test_a_learner_enrols_in_a_course(as_learner, learner, course) -> None:
    response = as_learner.post("/api/enrollments/", {"course": course.slug})

    assert response.status_code == 201
    body = response.json()
    assert body["course"] == course.slug
    assert body["course_detail"]["title"] == course.title
    assert (body["completed"], body["total"], body["percent"]) == (0, 3, 0)
    assert Enrollment.objects.get(pk=body["id"]).learner == learner


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({}, "required"),
        ({"course": "no-such-course"}, "does not exist"),
        ({"course": "Not a slug!"}, "course slug"),
        ({"course": 42}, "course slug"),
    ],
)
def test_enrolling_rejects_a_bad_course(as_learner, course, data, reason) -> None:
    response = as_learner.post("/api/enrollments/", data)

    assert response.status_code == 400
    assert reason in response.json()["course"][0]
    assert not Enrollment.objects.exists()


def test_enrolling_twice_is_a_400_on_course(as_learner, enrollment, course) -> None:
    response = as_learner.post("/api/enrollments/", {"course": course.slug})

    assert response.status_code == 400
    assert response.json() == {
        "course": [f"You are already enrolled in “{course.title}”."]
    }
    assert Enrollment.objects.count() == 1


def test_a_draft_cannot_be_enrolled_in(as_learner, db) -> None:
    draft = build_catalogue(1, published=False)[0]
    response = as_learner.post("/api/enrollments/", {"course": draft.slug})
    assert response.status_code == 400
    assert "course" in response.json()


def test_a_learner_lists_only_their_own(as_learner, enrollment, other_learner) -> None:
    Enrollment.objects.create(learner=other_learner, course=build_catalogue(1)[0])

    results = as_learner.get("/api/enrollments/").json()["results"]

    assert [e["id"] for e in results] == [enrollment.pk]


@pytest.mark.parametrize("who", ["as_other", "as_staff"])
def test_nobody_else_reads_or_deletes_an_enrollment(
    request, enrollment, who: str
) -> None:
    client = request.getfixturevalue(who)
    url = f"/api/enrollments/{enrollment.pk}/"

    assert client.get(url).status_code == 404
    assert client.delete(url).status_code == 404
    assert Enrollment.objects.filter(pk=enrollment.pk).exists()


def test_anonymous_clients_see_no_enrollments(anon, enrollment) -> None:
    assert anon.get("/api/enrollments/").status_code == 401
    assert anon.get(f"/api/enrollments/{enrollment.pk}/").status_code == 401
    assert anon.delete(f"/api/enrollments/{enrollment.pk}/").status_code == 401


def test_leaving_a_course_forgets_its_progress(as_learner, enrollment) -> None:
    ChapterProgress.objects.create(
        enrollment=enrollment, chapter=enrollment.course.chapters.first()
    )

    response = as_learner.delete(f"/api/enrollments/{enrollment.pk}/")

    assert response.status_code == 204
    assert not Enrollment.objects.exists()
    assert not ChapterProgress.objects.exists()


def test_an_enrollment_shows_its_completion(as_learner, enrollment) -> None:
    ChapterProgress.objects.create(
        enrollment=enrollment, chapter=enrollment.course.chapters.first()
    )
    body = as_learner.get(f"/api/enrollments/{enrollment.pk}/").json()
    assert (body["completed"], body["total"], body["percent"]) == (1, 3, 33)


@pytest.mark.parametrize("size", [2, 25])
def test_the_enrollment_list_costs_constant_queries(
    as_learner, learner, django_assert_num_queries, size: int
) -> None:
    for course in build_catalogue(size, chapters=3):
        Enrollment.objects.create(learner=learner, course=course)

    with django_assert_num_queries(3):  # token, count, page with courses
        response = as_learner.get("/api/enrollments/")

    assert len(response.json()["results"]) == min(size, 20)
