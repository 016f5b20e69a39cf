"""The lesson's registration: its links on the journal page all answer."""

from django.apps import apps
from django.test import Client


def test_every_link_of_the_journal_page_answers_200(client: Client) -> None:
    lesson = apps.get_app_config("lesson01_views")
    links = lesson.resolved_links()
    assert len(links) == 6
    for label, href in links:
        response = client.get(href, headers={"Accept": "text/html"})
        assert response.status_code == 200, label
