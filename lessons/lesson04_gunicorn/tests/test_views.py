"""The lesson's page and its endpoints, through Django's test client."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from lessons.lesson04_gunicorn.forms import MAX_BURN_MS, MAX_WAIT_MS


def test_hello_answers_plain_text(client: Client) -> None:
    response = client.get(reverse("lesson04:hello"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")


def test_io_waits_the_milliseconds_asked(client: Client) -> None:
    response = client.get(reverse("lesson04:io"), {"ms": "0"})

    assert response.status_code == 200
    assert response.json() == {"waited_ms": 0}


def test_cpu_burns_twenty_milliseconds_by_default(client: Client) -> None:
    response = client.get(reverse("lesson04:cpu"))

    assert response.json() == {"burned_ms": 20}


def test_whoami_says_which_process_and_thread_answered(client: Client) -> None:
    answer = client.get(reverse("lesson04:whoami")).json()

    assert set(answer) == {"pid", "thread", "started", "finished"}
    assert answer["started"] <= answer["finished"]


@pytest.mark.parametrize(
    ("name", "ms"),
    [
        ("io", "abc"),
        ("io", "-1"),
        ("io", str(MAX_WAIT_MS + 1)),
        ("whoami", "1.5"),
        ("cpu", str(MAX_BURN_MS + 1)),
    ],
)
def test_a_bad_ms_gets_a_400_naming_the_field(
    client: Client, name: str, ms: str
) -> None:
    response = client.get(reverse(f"lesson04:{name}"), {"ms": ms})

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["ms"]


def test_the_endpoints_only_answer_get(client: Client) -> None:
    response = client.post(reverse("lesson04:hello"))

    assert response.status_code == 405


def test_the_lesson_page_links_every_endpoint(client: Client) -> None:
    page = client.get(reverse("lesson04:index")).content.decode()

    for name in ("hello", "io", "cpu", "whoami"):
        assert f'href="{reverse(f"lesson04:{name}")}' in page


def test_the_journal_page_links_the_endpoints(client: Client) -> None:
    page = client.get(reverse("journal:lesson", args=["04-gunicorn"])).content.decode()

    assert 'href="/lessons/04-gunicorn/io/?ms=50"' in page


def test_the_committed_chart_is_served_as_png(client: Client) -> None:
    response = client.get(reverse("lesson04:chart"))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_the_note_shows_the_chart_and_the_measured_table(client: Client) -> None:
    page = client.get(reverse("journal:lesson", args=["04-gunicorn"])).content.decode()

    assert f'src="{reverse("lesson04:chart")}"' in page
    assert "| io/?ms=50" in page
