"""The lesson page: queue a report, poll it, and the errors of bad input."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from django_docker_project.testing import wait_for
from lessons.lesson03_celery.models import CourseReport

from .factories import course_make

CREATE = reverse("lesson03:report-create")
filesystem_only = pytest.mark.parametrize("broker", ["filesystem"], indirect=True)


@pytest.mark.django_db
def test_the_page_lists_courses_and_the_form(client: Client) -> None:
    course = course_make()

    response = client.get(reverse("lesson03:index"))

    assert response.status_code == 200
    assert course.title in response.text
    assert 'name="csrfmiddlewaretoken"' in response.text


@filesystem_only
def test_a_report_request_is_queued_and_answers_where_to_poll(
    client, broker, db
) -> None:
    course = course_make()

    response = client.post(CREATE, {"course": course.pk, "delay_seconds": 0})

    assert response.status_code == 202
    task_id = response.json()["task_id"]
    status = client.get(response.json()["status_url"]).json()
    assert status == {
        "task_id": task_id,
        "state": "PENDING",
        "queue": None,
        "worker": None,
        "error": None,
        "report": None,
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"course": "abc", "delay_seconds": 1}, "course"),
        ({"course": "-3", "delay_seconds": 1}, "course"),
        ({"delay_seconds": 1}, "course"),
        ({"course": "1", "delay_seconds": 99}, "delay_seconds"),
    ],
)
def test_a_bad_report_request_is_400_naming_the_field(client, data, field) -> None:
    response = client.post(CREATE, data)

    assert response.status_code == 400
    assert field in response.json()["errors"]


@pytest.mark.django_db
def test_a_report_on_an_unknown_course_is_404(client: Client) -> None:
    response = client.post(CREATE, {"course": 999999, "delay_seconds": 0})

    assert response.status_code == 404
    assert response.json() == {"errors": {"course": ["No course has id 999999."]}}


@pytest.mark.django_db
def test_a_report_request_without_the_csrf_token_is_refused() -> None:
    response = Client(enforce_csrf_checks=True).post(CREATE, {"course": 1})

    assert response.status_code == 403


def test_polling_a_malformed_task_id_is_400(client: Client) -> None:
    response = client.get(reverse("lesson03:report-status", args=["not-a-task"]))

    assert response.status_code == 400
    assert "task_id" in response.json()["errors"]


@pytest.mark.slow
@pytest.mark.browser
def test_the_page_shows_a_report_going_from_pending_to_success(
    page, live_server, workers, artifacts_dir
) -> None:
    course = course_make(chapters=2, progress=(2, 1))
    worker = workers("custom_queue")

    page.goto(f"{live_server.url}{reverse('lesson03:index')}")
    page.select_option("select[name=course]", str(course.pk))
    page.fill("input[name=delay_seconds]", "1")
    page.click("button[type=submit]")

    page.wait_for_selector("td[data-state=SUCCESS]", timeout=60_000)
    text = page.inner_text("#report-status")
    assert "custom_queue" in text
    assert f"{worker.name}@" in text
    assert "2, 1 finished" in text
    page.screenshot(path=artifacts_dir / "lesson03-report.png", full_page=True)
    wait_for(lambda: CourseReport.objects.filter(course=course).exists())
