"""The journal in a real headless Chromium."""

import pytest

from django_docker_project.journal.registry import all_lessons

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_index_shows_the_lessons_styled(page, live_server, artifacts_dir) -> None:
    page.goto(live_server.url + "/")
    cards = page.locator(".lesson-card")
    assert cards.count() == len(all_lessons())
    # The stylesheet loaded: cards are laid out with flexbox.
    assert cards.first.evaluate("el => getComputedStyle(el).display") == "flex"
    page.screenshot(path=artifacts_dir / "journal-index.png", full_page=True)


def test_a_lesson_page_has_its_note_and_contents(
    page, live_server, artifacts_dir
) -> None:
    page.goto(live_server.url + "/")
    page.get_by_role("link", name=all_lessons()[0].title).click()
    page.wait_for_url("**/notes/01-views/")
    assert page.locator("article.note h1").count() == 1
    toc_links = page.locator(".toc a")
    assert toc_links.count() >= 1
    toc_links.first.click()
    page.screenshot(path=artifacts_dir / "journal-lesson-01.png", full_page=True)


def test_an_unknown_page_links_back_to_the_index(page, live_server) -> None:
    response = page.goto(live_server.url + "/notes/42-nothing/")
    assert response.status == 404
    page.get_by_role("link", name="Back to the list of lessons").click()
    page.wait_for_url(live_server.url + "/")
