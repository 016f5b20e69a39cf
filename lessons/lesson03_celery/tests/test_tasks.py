"""Lesson 03's tasks on real workers: routing, failures, retries, time limits."""

from __future__ import annotations

import math

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.contrib.auth import get_user_model

from django_docker_project.celery import app as celery_app
from lessons.lesson03_celery.brokers import queue_length
from lessons.lesson03_celery.models import CourseReport, TaskRun
from lessons.lesson03_celery.selectors import runs_of
from lessons.lesson03_celery.tasks import (
    course_report_build,
    echo,
    flaky_step,
    weekly_digest_batch_send,
    weekly_digest_send,
)

from .factories import course_make

pytestmark = pytest.mark.slow
DEFAULT, CUSTOM = "e_learniverse_default_queue", "custom_queue"


def test_a_report_waits_for_a_worker_on_custom_queue_and_runs_there(workers):
    course = course_make(chapters=2, progress=(2, 1))
    default_worker = workers(DEFAULT)

    report = course_report_build.delay(course.pk, delay_seconds=0)
    # Sent after the report, answered first: the default worker is consuming,
    # and still the report is not its to run.
    assert echo.delay(7).get(timeout=30) == 7
    assert report.state == "PENDING"
    assert queue_length(celery_app, CUSTOM) == 1

    custom_worker = workers(CUSTOM)
    outcome = report.get(timeout=60)
    stored = CourseReport.objects.get(task_id=report.id)
    assert outcome["queue"] == stored.queue == CUSTOM
    assert stored.worker.startswith(f"{custom_worker.name}@")
    assert not stored.worker.startswith(f"{default_worker.name}@")
    assert (stored.learners, stored.completed, stored.chapters) == (2, 1, 2)
    assert stored.average_progress == pytest.approx(0.75)


def test_a_report_on_an_unknown_course_fails_once_with_its_reason(workers):
    workers(CUSTOM)

    result = course_report_build.delay(987654)
    result.get(timeout=60, propagate=False)

    assert result.state == "FAILURE"
    assert "No course has id 987654" in str(result.result)
    assert runs_of(result.id).count() == 1, "a permanent error is not retried"


def test_a_task_that_fails_twice_succeeds_after_two_retries(workers):
    workers(DEFAULT)

    result = flaky_step.delay(2)

    assert result.get(timeout=60) == 2
    runs = list(runs_of(result.id).values_list("attempt", flat=True))
    assert runs == [0, 1, 2]


def test_the_soft_time_limit_stops_a_task_that_runs_too_long(workers):
    course = course_make()
    workers(CUSTOM)

    result = course_report_build.apply_async(
        (course.pk,), {"delay_seconds": 60}, soft_time_limit=1, time_limit=5
    )
    result.get(timeout=60, propagate=False)

    assert result.state == "FAILURE"
    assert isinstance(result.result, SoftTimeLimitExceeded)
    assert not CourseReport.objects.filter(task_id=result.id).exists()


# region: digest-test
def test_the_digest_fans_out_in_batches_and_mails_each_learner_once(
    worker_env, workers
):
    learners, size = 7, 3
    # Seven learners part way through; the eighth finished and gets nothing.
    course_make(chapters=2, progress=(0, 1) * 3 + (1, 2))
    worker_env["DIGEST_BATCH_SIZE"] = str(size)
    worker = workers(DEFAULT)

    batches = weekly_digest_send.delay().get(timeout=60)

    assert len(batches) == math.ceil(learners / size) == 3
    sent = [weekly_digest_batch_send.AsyncResult(i).get(timeout=60) for i in batches]
    assert sent == [3, 3, 1]
    assert TaskRun.objects.filter(name=weekly_digest_batch_send.name).count() == 3
    # The console backend writes each message to the worker's output.
    log = worker.log()
    for learner in get_user_model().objects.exclude(email=""):
        finished = learner.username.endswith(f"learner{learners}")
        expected = 0 if finished else 1
        assert log.count(f"To: {learner.email}") == expected, learner.email
    # endregion: digest-test
