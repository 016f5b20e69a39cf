"""The narrated demo of lesson 05, run by ``python manage.py lesson run 05``.

A learner's whole session against the API, through Django's full request
handling (middleware, authentication, throttling, serializers), on a
throwaway database; a real Celery worker, in a thread, issues the
certificate. Nothing is left in the reader's database.
"""

from __future__ import annotations

import json
import logging
import tempfile
from pathlib import Path

from celery.contrib.testing.worker import start_worker
from rest_framework.test import APIClient
from rich.console import Console

from django_docker_project.celery import app as celery_app
from django_docker_project.testing import wait_for
from lessons.lesson02_orm.loader import catalogue_load
from lessons.lesson03_celery.brokers import Broker, broker_used

from .sandbox import throwaway_database

COURSE = "flexbox"


class NarratedClient:
    """An API client that prints every request and the response it got."""

    def __init__(self, console: Console, who: str) -> None:
        self.console, self.who, self.client = console, who, APIClient()

    def authenticate(self, token: str) -> None:
        self.client.credentials(HTTP_AUTHORIZATION=f"Token {token}")

    def call(self, method: str, url: str, data: dict | None = None, quiet=False):
        response = getattr(self.client, method)(url, data)
        sent = f" {json.dumps(data)}" if data else ""
        self.console.print(f"[bold]{self.who} → {method.upper()} {url}[/bold]{sent}")
        style = "green" if response.status_code < 400 else "yellow"
        self.console.print(
            f"  [{style}]← {response.status_code} {response.reason_phrase}[/{style}]"
        )
        if response.content and not quiet:
            self.console.print_json(data=shorten(response.json()))
        return response


def shorten(body):
    """Keep the first two items of a page of results, so the output stays short."""
    if isinstance(body, dict) and len(body.get("results", [])) > 2:
        hidden = len(body["results"]) - 2
        return {**body, "results": [*body["results"][:2], f"... {hidden} more"]}
    return body


def run(console: Console) -> None:
    """Walk through a learner's session with the API."""
    with tempfile.TemporaryDirectory(prefix="lesson05-broker-") as folder:
        broker = Broker.filesystem(Path(folder))
        with throwaway_database(), broker_used(celery_app, broker):
            catalogue_load()
            with start_worker(celery_app, pool="solo", perform_ping_check=False):
                session(console)
    console.print("\nThe throwaway database and broker folder are gone.")


def certificate_count(learner: NarratedClient) -> int:
    return learner.client.get("/api/certificates/").json()["count"]


def session(console: Console) -> None:
    # Each 4xx is printed below; Django's own warning about it would repeat it
    # (set here, after the worker has configured logging).
    logging.getLogger("django.request").setLevel(logging.ERROR)
    console.rule("1. Register, and get a token")
    learner = NarratedClient(console, "margaret")
    answer = learner.call(
        "post",
        "/api/auth/register/",
        {
            "username": "margaret",
            "email": "mh@example.test",
            "password": "apollo-guidance-11",
        },
    )
    learner.authenticate(answer.json()["token"])

    console.rule("2. Browse the catalogue: beginner courses, then one course")
    learner.call("get", "/api/courses/?level=beginner&ordering=-chapter_count")
    chapters = learner.call("get", f"/api/courses/{COURSE}/").json()["chapters"]

    console.rule("3. Enrol, then enrol again: the second is a 400 naming the field")
    enrollment = learner.call("post", "/api/enrollments/", {"course": COURSE}).json()
    learner.call("post", "/api/enrollments/", {"course": COURSE})

    console.rule("4. Complete every chapter; the last one completes the course")
    for chapter in chapters:
        learner.call(
            "post", "/api/progress/", {"course": COURSE, "chapter": chapter["id"]}
        )

    console.rule("5. The worker issues the certificate")
    wait_for(
        lambda: learner.client.get("/api/certificates/").json()["count"], timeout=30
    )
    learner.call("get", "/api/certificates/")
    learner.call("get", f"/api/enrollments/{enrollment['id']}/")

    console.rule("6. Boundaries: another learner, and nobody at all")
    stranger = NarratedClient(console, "alan")
    token = stranger.call(
        "post",
        "/api/auth/register/",
        {"username": "alan", "email": "", "password": "enigma-machine-39"},
        quiet=True,
    ).json()["token"]
    stranger.authenticate(token)
    stranger.call("get", f"/api/enrollments/{enrollment['id']}/")
    stranger.call(
        "post", "/api/progress/", {"course": COURSE, "chapter": chapters[0]["id"]}
    )
    NarratedClient(console, "anonymous").call(
        "post", "/api/enrollments/", {"course": COURSE}
    )
