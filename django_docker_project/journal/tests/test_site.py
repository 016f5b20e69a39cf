"""The journal site: the index, a page per note, 404s and the health check."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from django.conf import settings
from django.test import Client
from django.utils.html import escape

from django_docker_project.journal.progress import record_result
from django_docker_project.journal.registry import all_lessons


@pytest.fixture(autouse=True)
def progress_file(tmp_path, settings):
    settings.LESSON_PROGRESS_FILE = tmp_path / "progress.json"


def test_index_lists_every_lesson_with_its_summary(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    for lesson in all_lessons():
        assert escape(lesson.title) in response.text
        assert escape(lesson.summary) in response.text
        assert f'href="/notes/{lesson.url_prefix}/"' in response.text


def test_index_shows_progress(client: Client) -> None:
    record_result("orm", passed=True)
    response = client.get("/")
    assert "tests passed" in response.text
    assert "tests never run" in response.text


@pytest.mark.parametrize("lesson", all_lessons(), ids=lambda lesson: lesson.slug)
def test_every_note_renders(client: Client, lesson) -> None:
    response = client.get(f"/notes/{lesson.url_prefix}/")
    assert response.status_code == 200
    assert "<h1" in response.text
    assert 'class="toc"' in response.text
    assert f'href="{lesson.mount_path}"' in response.text
    assert "include=" not in response.text


def test_a_note_page_highlights_code(client: Client) -> None:
    response = client.get("/notes/01-views/")
    assert 'class="highlight"' in response.text


@pytest.mark.parametrize("path", ["/notes/99-nothing/", "/lessons/99-x/", "/nowhere"])
def test_unknown_pages_are_404_with_a_link_back(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert 'href="/"' in response.text


@pytest.mark.django_db
def test_every_lesson_is_mounted_under_its_prefix(client: Client) -> None:
    for lesson in all_lessons():
        assert client.get(lesson.mount_path).status_code == 200


@pytest.mark.django_db
def test_healthz_answers_when_the_database_does(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_is_503_when_the_database_is_down() -> None:
    script = textwrap.dedent(
        """
        import django
        django.setup()
        from django.test import Client
        response = Client().get("/healthz")
        print(response.status_code, response.json()["database"])
        """
    )
    completed = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "django_docker_project.settings",
            # Nothing listens on port 9: the database is down.
            "DATABASE_URL": "postgres://nobody@127.0.0.1:9/none",
            "ALLOWED_HOSTS": "testserver",
        },
        capture_output=True,
        text=True,
        check=False,
    )
    last_line = (completed.stdout.strip().splitlines() or [""])[-1]
    assert last_line.split() == ["503", "unreachable"], completed.stderr


def test_static_files_are_served_by_whitenoise(client: Client) -> None:
    response = client.get("/static/journal/journal.css")
    assert response.status_code == 200
    assert b"--accent" in b"".join(response.streaming_content)
