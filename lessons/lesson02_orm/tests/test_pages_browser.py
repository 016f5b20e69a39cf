"""The catalogue in headless Chromium: from the list to a course and back."""

from __future__ import annotations

import pytest
from django.urls import reverse

from lessons.lesson02_orm.loader import catalogue_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reader_opens_a_course_from_the_catalogue(live_server, page, artifacts_dir):
    catalogue_load()
    page.goto(live_server.url + reverse("lesson02:course-list"))

    cards = page.locator(".course-card")
    assert cards.count() == 6  # the draft is not listed
    orm = page.locator('.course-card[data-slug="django-orm"]')
    assert "6 chapters" in orm.inner_text()
    assert "2 learners" in orm.inner_text()
    page.screenshot(path=artifacts_dir / "lesson02_catalogue.png", full_page=True)

    with page.expect_navigation():
        orm.get_by_role("link", name="The Django ORM").click()

    assert page.url.endswith("/lessons/02-orm/courses/django-orm/")
    assert page.locator("h1").inner_text() == "The Django ORM"
    # Markdown bodies are rendered: backticks become <code>.
    assert page.locator("#chapter-3 code").first.inner_text() == "Q(a) | Q(b)"
    rows = page.locator("table.learners tbody tr")
    assert rows.count() == 2
    assert "66%" in rows.first.inner_text()
    page.screenshot(path=artifacts_dir / "lesson02_course.png", full_page=True)


def test_the_json_catalogue_opens_in_the_browser(live_server, page):
    catalogue_load()

    response = page.goto(live_server.url + reverse("lesson02:catalogue-json"))

    assert response.headers["content-type"] == "application/json"
    slugs = [course["slug"] for course in response.json()["courses"]]
    # In title order: "Background work with Celery" first, "The Django ORM" last.
    assert slugs == [
        "celery",
        "css-grid",
        "django-views",
        "flexbox",
        "gunicorn",
        "django-orm",
    ]
