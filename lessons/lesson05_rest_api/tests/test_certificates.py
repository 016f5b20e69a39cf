"""Certificates: the whole flow through the API, with a real Celery worker.

The worker runs in a thread of the test process (``start_worker``), on the
filesystem transport in a temporary folder and, where Redis answers, on
Redis too. The test commits for real: the certificate task is enqueued on
commit, and the worker reads what the request wrote.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from celery.contrib.testing.worker import start_worker

from django_docker_project.celery import app as celery_app
from django_docker_project.testing import wait_for
from lessons.lesson02_orm.models import Enrollment
from lessons.lesson03_celery.brokers import Broker, broker_used
from lessons.lesson03_celery.models import Certificate, TaskRun

from .conftest import build_catalogue, client_for, make_user

REDIS_DB = 13  # this lesson's own Redis database, flushed around each test


@pytest.fixture(params=["filesystem", "redis"])
def broker(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Broker]:
    if request.param == "redis":
        url = request.getfixturevalue("redis_url").rsplit("/", 1)[0] + f"/{REDIS_DB}"
        redis.Redis.from_url(url).flushdb()
        chosen = Broker.redis(url)
    else:
        chosen = Broker.filesystem(tmp_path / "celery")
    with broker_used(celery_app, chosen):
        yield chosen
    if request.param == "redis":
        redis.Redis.from_url(url).flushdb()


# region: worker-fixture
@pytest.fixture
def worker(transactional_db, broker: Broker):
    """A real Celery worker in a thread, consuming the default queue."""
    assert not celery_app.conf.task_always_eager
    with start_worker(celery_app, pool="solo", perform_ping_check=False) as running:
        yield running


# endregion: worker-fixture


def test_the_last_chapter_earns_a_certificate_from_the_worker(worker) -> None:
    learner, other = make_user("ada"), make_user("grace")
    course = build_catalogue(1, chapters=2)[0]
    client = client_for(learner)
    assert client.post("/api/enrollments/", {"course": course.slug}).status_code == 201

    answers = [
        client.post("/api/progress/", {"course": course.slug, "chapter": c.pk}).json()
        for c in course.chapters.order_by("position")
    ]

    assert [a["course_completed"] for a in answers] == [False, True]
    assert answers[-1]["certificate"] == "queued"
    certificate = wait_for(lambda: Certificate.objects.first(), timeout=60)
    assert certificate.enrollment == Enrollment.objects.get(learner=learner)
    assert TaskRun.objects.filter(name__endswith="certificate_issue").count() == 1

    mine = client.get("/api/certificates/").json()["results"]
    assert [c["code"] for c in mine] == [certificate.code]
    assert mine[0]["course"]["slug"] == course.slug
    assert client.get(f"/api/certificates/{certificate.code}/").status_code == 200

    stranger = client_for(other)
    assert stranger.get("/api/certificates/").json()["results"] == []
    assert stranger.get(f"/api/certificates/{certificate.code}/").status_code == 404


@pytest.fixture
def certificate(enrollment) -> Certificate:
    return Certificate.objects.create(enrollment=enrollment)


def test_anonymous_clients_see_no_certificates(anon, certificate) -> None:
    assert anon.get("/api/certificates/").status_code == 401
    assert anon.get(f"/api/certificates/{certificate.code}/").status_code == 401


@pytest.mark.parametrize("who", ["as_other", "as_staff"])
def test_nobody_else_sees_a_certificate(request, certificate, who: str) -> None:
    client = request.getfixturevalue(who)
    assert client.get("/api/certificates/").json()["count"] == 0
    assert client.get(f"/api/certificates/{certificate.code}/").status_code == 404


def test_certificates_are_read_only(as_learner, certificate) -> None:
    url = f"/api/certificates/{certificate.code}/"
    assert as_learner.delete(url).status_code == 405
    assert as_learner.post("/api/certificates/", {}).status_code == 405


@pytest.mark.parametrize("size", [2, 25])
def test_the_certificate_list_costs_constant_queries(
    as_learner, learner, django_assert_num_queries, size: int
) -> None:
    for course in build_catalogue(size, chapters=1):
        enrollment = Enrollment.objects.create(learner=learner, course=course)
        Certificate.objects.create(enrollment=enrollment)

    with django_assert_num_queries(3):  # token, count, page with courses
        response = as_learner.get("/api/certificates/")

    assert len(response.json()["results"]) == min(size, 20)
