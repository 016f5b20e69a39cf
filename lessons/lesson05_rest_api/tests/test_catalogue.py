"""The catalogue: public, paginated, filtered, searched, ordered, cheap."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from lessons.lesson02_orm.models import Enrollment

from .conftest import build_catalogue


def titles(response) -> list[str]:
    return [course["title"] for course in response.json()["results"]]


def test_anyone_browses_the_published_catalogue_with_counts(anon, course) -> None:
    build_catalogue(1, published=False)

    response = anon.get("/api/courses/")

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert body["results"] == [
        {
            "slug": course.slug,
            "title": course.title,
            "level": course.level,
            "chapter_count": 3,
            "learner_count": 0,
            "is_enrolled": False,
        }
    ]


def test_staff_also_see_drafts(as_staff, course) -> None:
    draft = build_catalogue(1, published=False)[0]

    assert {c["slug"] for c in as_staff.get("/api/courses/").json()["results"]} == {
        course.slug,
        draft.slug,
    }
    assert as_staff.get(f"/api/courses/{draft.slug}/").status_code == 200


def test_a_draft_is_a_404_for_learners(as_learner, anon, db) -> None:
    draft = build_catalogue(1, published=False)[0]

    assert as_learner.get(f"/api/courses/{draft.slug}/").status_code == 404
    assert anon.get(f"/api/courses/{draft.slug}/chapters/").status_code == 404


def test_the_list_says_which_courses_the_learner_follows(as_learner, enrollment):
    result = as_learner.get("/api/courses/").json()["results"][0]
    assert result["is_enrolled"] is True
    assert result["learner_count"] == 1


def test_pages_hold_twenty_courses_by_default(anon, catalogue) -> None:
    catalogue(45, chapters=1)

    first = anon.get("/api/courses/").json()
    last = anon.get("/api/courses/?page=3").json()

    assert first["count"] == 45
    assert len(first["results"]) == 20
    assert first["next"].endswith("/api/courses/?page=2")
    assert len(last["results"]) == 5
    assert last["next"] is None


def test_page_size_is_capped_at_a_hundred(anon, catalogue) -> None:
    catalogue(120, chapters=0)

    response = anon.get("/api/courses/?page_size=1000")

    assert len(response.json()["results"]) == 100


def test_a_page_past_the_end_is_a_404(anon, course) -> None:
    response = anon.get("/api/courses/?page=9")
    assert response.status_code == 404
    assert "detail" in response.json()


def test_the_list_filters_by_level(anon, catalogue) -> None:
    catalogue(6, chapters=0)

    response = anon.get("/api/courses/?level=advanced")

    assert {c["level"] for c in response.json()["results"]} == {"advanced"}
    assert response.json()["count"] == 2


def test_an_unknown_level_is_a_400_naming_the_choices(anon, course) -> None:
    response = anon.get("/api/courses/?level=expert")
    assert response.status_code == 400
    assert "beginner, intermediate, advanced" in response.json()["level"][0]


def test_the_list_searches_titles(anon, catalogue) -> None:
    catalogue(12, chapters=0)

    response = anon.get("/api/courses/?search=0011")

    assert titles(response) == ["Course 0011"]


def test_a_search_with_a_null_character_is_a_400(anon, course) -> None:
    response = anon.get("/api/courses/", {"search": "a\x00b"})
    assert response.status_code == 400
    assert "search" in response.json()


def test_the_list_orders_by_an_allowed_field(anon, catalogue) -> None:
    small, big = catalogue(1, chapters=1)[0], catalogue(1, chapters=5)[0]

    response = anon.get("/api/courses/?ordering=-chapter_count")

    assert titles(response) == [big.title, small.title]


def test_an_unknown_ordering_is_a_400(anon, course) -> None:
    response = anon.get("/api/courses/?ordering=password")
    assert response.status_code == 400
    assert "-chapter_count" in response.json()["ordering"][0]


def test_a_course_shows_its_chapters_in_order(anon, course) -> None:
    response = anon.get(f"/api/courses/{course.slug}/")

    assert response.status_code == 200
    chapters = response.json()["chapters"]
    assert [c["position"] for c in chapters] == [1, 2, 3]
    assert set(chapters[0]) == {"id", "position", "title"}


def test_a_course_s_chapters_are_listed_and_read_by_position(anon, course) -> None:
    listed = anon.get(f"/api/courses/{course.slug}/chapters/").json()
    chapter = anon.get(f"/api/courses/{course.slug}/chapters/2/").json()

    assert listed["count"] == 3
    assert chapter["position"] == 2
    assert chapter["course"] == course.slug
    assert "body" in chapter


@pytest.mark.parametrize(
    "url",
    [
        "/api/courses/no-such-course/",
        "/api/courses/no-such-course/chapters/",
        "/api/courses/course-0000/chapters/99/",
        "/api/nothing-here/",
        "/api/courses/a%2Fb/",
        "/api/courses/a%0Ab/",
        "/api/enrollments/%C2%84/",
    ],
)
def test_unknown_urls_are_json_404s(anon, course, url: str) -> None:
    response = anon.get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize("url", ["/api/nothing-here/", "/api/enrollments/%C2%84/"])
@pytest.mark.parametrize("method", ["post", "delete"])
def test_an_unknown_url_is_a_404_for_writes_too(db, url: str, method: str) -> None:
    client = APIClient(enforce_csrf_checks=True)
    response = getattr(client, method)(url)
    assert response.status_code == 404  # not a CSRF 403
    assert response["Content-Type"] == "application/json"


def test_the_catalogue_is_read_only(as_staff, course) -> None:
    assert as_staff.post("/api/courses/", {"title": "x"}).status_code == 405
    assert as_staff.delete(f"/api/courses/{course.slug}/").status_code == 405


# region: constant-queries
@pytest.mark.parametrize("size", [3, 30])
def test_the_course_list_costs_the_same_queries_at_any_size(
    as_learner, learner, catalogue, django_assert_num_queries, size: int
) -> None:
    for course in catalogue(size, chapters=4):
        Enrollment.objects.create(learner=learner, course=course)

    # token lookup, count, one page of courses with every count annotated
    with django_assert_num_queries(3):
        response = as_learner.get("/api/courses/")

    assert len(response.json()["results"]) == min(size, 20)


# endregion: constant-queries


@pytest.mark.parametrize("chapters", [2, 40])
def test_a_course_and_its_chapters_cost_constant_queries(
    anon, catalogue, django_assert_num_queries, chapters: int
) -> None:
    course = catalogue(1, chapters=chapters)[0]

    with django_assert_num_queries(2):  # the course, its prefetched chapters
        anon.get(f"/api/courses/{course.slug}/")
    with django_assert_num_queries(3):  # the course, count, a page of chapters
        anon.get(f"/api/courses/{course.slug}/chapters/")
