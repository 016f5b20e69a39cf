"""The catalogue pages answer in a constant number of queries."""

from __future__ import annotations

import pytest
from django.urls import reverse

from lessons.lesson02_orm.services import chapter_complete, enrollment_create


@pytest.fixture
def catalogue_of(make_course, make_learner):
    """Return a function that builds ``n`` courses, each with a learner."""

    def build(n: int) -> list:
        courses = [make_course(chapters=4) for _ in range(n)]
        for course in courses:
            enrollment = enrollment_create(learner=make_learner(), course=course)
            chapter_complete(enrollment=enrollment, chapter=course.chapters.first())
        return courses

    return build


@pytest.mark.parametrize("size", [3, 30])
def test_course_list_takes_two_queries_for_any_size(
    client, catalogue_of, django_assert_num_queries, size
):
    catalogue_of(size)

    with django_assert_num_queries(2):
        response = client.get(reverse("lesson02:course-list"))

    assert response.status_code == 200
    assert len(response.context["courses"]) == size


def test_course_list_shows_stats_and_chapters(client, catalogue_of):
    [course] = catalogue_of(1)

    response = client.get(reverse("lesson02:course-list"))

    html = response.content.decode()
    assert course.title in html
    assert "4 chapters" in html
    assert "1 learner<" in html
    assert "Chapter 3" in html


def test_course_list_hides_drafts(client, make_course):
    draft = make_course(published=False)

    response = client.get(reverse("lesson02:course-list"))

    assert draft.title not in response.content.decode()


def test_course_list_marks_the_signed_in_learners_courses(client, make_course, learner):
    mine, other = make_course(), make_course()
    enrollment_create(learner=learner, course=mine)
    client.force_login(learner)

    response = client.get(reverse("lesson02:course-list"))

    enrolled = {c.slug: c.is_enrolled for c in response.context["courses"]}
    assert enrolled == {mine.slug: True, other.slug: False}


@pytest.mark.parametrize("learners", [1, 25])
def test_course_detail_takes_four_queries_for_any_size(
    client, make_course, make_learner, django_assert_num_queries, learners
):
    course = make_course(chapters=3 * learners)
    for _ in range(learners):
        enrollment = enrollment_create(learner=make_learner(), course=course)
        chapter_complete(enrollment=enrollment, chapter=course.chapters.first())

    with django_assert_num_queries(4):
        response = client.get(course.get_absolute_url())

    assert response.status_code == 200
    assert len(response.context["learners"]) == min(learners, 20)


def test_course_detail_shows_chapters_and_progress(client, make_course, learner):
    course = make_course(chapters=4)
    enrollment = enrollment_create(learner=learner, course=course)
    for chapter in course.chapters.all()[:2]:
        chapter_complete(enrollment=enrollment, chapter=chapter)
    course.chapters.filter(position=1).update(body="Use **bold** words.")

    response = client.get(course.get_absolute_url())

    html = response.content.decode()
    assert "<strong>bold</strong>" in html
    assert "2 / 4" in html
    assert "50%" in html
    assert response.context["summary"] == {"average_percent": 50, "finished": 0}


def test_course_detail_of_an_unknown_slug_is_404(client, db):
    response = client.get(reverse("lesson02:course-detail", args=["no-such-course"]))

    assert response.status_code == 404


def test_course_detail_of_a_draft_is_404(client, make_course):
    draft = make_course(published=False)

    assert client.get(draft.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("size", [3, 30])
def test_catalogue_json_takes_two_queries_for_any_size(
    client, catalogue_of, django_assert_num_queries, size
):
    catalogue_of(size)

    with django_assert_num_queries(2):
        response = client.get(reverse("lesson02:catalogue-json"))

    assert response.status_code == 200
    assert len(response.json()["courses"]) == size


def test_catalogue_json_lists_each_course_with_its_chapters(client, catalogue_of):
    [course] = catalogue_of(1)

    response = client.get(reverse("lesson02:catalogue-json"))

    assert response.json() == {
        "courses": [
            {
                "slug": course.slug,
                "title": course.title,
                "level": "beginner",
                "chapter_count": 4,
                "learner_count": 1,
                "chapters": [
                    {"position": p, "title": f"Chapter {p}"} for p in range(1, 5)
                ],
            }
        ]
    }


def test_index_links_to_the_catalogue(client, db):
    response = client.get(reverse("lesson02:index"))

    assert reverse("lesson02:course-list") in response.content.decode()
