"""Delivery guarantees with real workers: on commit only, at least once, once.

The drill kills a worker while it runs a long report. The message must come
back and be run to the end by a worker, the report must be stored once, and
no other task of the batch may go missing.
"""

from __future__ import annotations

import logging
import os
import signal
import time

import pytest
from django.db import transaction

from django_docker_project.celery import app as celery_app
from django_docker_project.testing import free_port, wait_for
from lessons.lesson02_orm.models import ChapterProgress, Enrollment
from lessons.lesson02_orm.services import chapter_complete
from lessons.lesson03_celery.brokers import Broker, broker_used, queue_length
from lessons.lesson03_celery.models import Certificate, CourseReport
from lessons.lesson03_celery.selectors import runs_of
from lessons.lesson03_celery.tasks import (
    certificate_issue,
    certificates_reconcile,
    course_report_build,
)

from .factories import course_make

pytestmark = pytest.mark.slow
DEFAULT, CUSTOM = "e_learniverse_default_queue", "custom_queue"
LONG_TASK_SECONDS = 4


def enrollment_one_chapter_short() -> tuple[Enrollment, object]:
    course = course_make(chapters=2, progress=(1,))
    return Enrollment.objects.get(course=course), course.chapters.get(position=2)


def test_the_certificate_is_queued_when_the_completion_commits(broker, workers):
    enrollment, last_chapter = enrollment_one_chapter_short()

    with transaction.atomic():
        completion = chapter_complete(enrollment=enrollment, chapter=last_chapter)
        assert completion.course_completed
        assert queue_length(celery_app, DEFAULT) == 0, "queued before the commit"
    assert queue_length(celery_app, DEFAULT) == 1

    workers(DEFAULT)
    certificate = wait_for(
        lambda: Certificate.objects.filter(enrollment=enrollment).first(), timeout=60
    )
    assert len(certificate.code) == 32


def test_a_rolled_back_completion_queues_no_certificate(broker, transactional_db):
    enrollment, last_chapter = enrollment_one_chapter_short()

    with pytest.raises(RuntimeError), transaction.atomic():
        chapter_complete(enrollment=enrollment, chapter=last_chapter)
        raise RuntimeError("the request failed after the last chapter")

    assert queue_length(celery_app, DEFAULT) == 0
    assert not ChapterProgress.objects.filter(chapter=last_chapter).exists()


def test_a_certificate_task_delivered_twice_issues_one_certificate(workers):
    enrollment, last_chapter = enrollment_one_chapter_short()
    ChapterProgress.objects.create(enrollment=enrollment, chapter=last_chapter)
    workers(DEFAULT)

    first = certificate_issue.delay(enrollment.pk)
    second = certificate_issue.delay(enrollment.pk)

    assert first.get(timeout=60) == second.get(timeout=60)
    assert Certificate.objects.filter(enrollment=enrollment).count() == 1


def completion_with_broker_down(broker: Broker, caplog) -> Enrollment:
    """Complete a course through lesson 02 while nothing listens on the broker."""
    enrollment, last_chapter = enrollment_one_chapter_short()
    # The same kind of broker, on a port where nothing listens.
    url = f"redis://127.0.0.1:{free_port()}/0"
    down = Broker("redis", url, broker.result_backend, broker.data_dir)
    # Django logs a failed robust on-commit callback under django.db.backends,
    # which the project's LOGGING keeps from reaching the root logger.
    django_db_logger = logging.getLogger("django.db.backends")
    django_db_logger.addHandler(caplog.handler)
    try:
        with broker_used(celery_app, down):
            completion = chapter_complete(enrollment=enrollment, chapter=last_chapter)
    finally:
        django_db_logger.removeHandler(caplog.handler)
    assert completion.course_completed, "the request itself succeeded"
    assert ChapterProgress.objects.filter(chapter=last_chapter).exists()
    assert "Error calling" in caplog.text and "on_commit" in caplog.text
    return enrollment


# region: reconcile-test
def test_a_certificate_lost_with_the_broker_is_issued_by_the_sweep(
    broker, workers, caplog
):
    enrollment = completion_with_broker_down(broker, caplog)
    assert queue_length(celery_app, DEFAULT) == 0, "the send was lost"
    assert not Certificate.objects.filter(enrollment=enrollment).exists()
    workers(DEFAULT)

    sent = certificates_reconcile.delay().get(timeout=60)

    assert len(sent) == 1
    code = certificate_issue.AsyncResult(sent[0]).get(timeout=60)
    assert Certificate.objects.get(enrollment=enrollment).code == code
    # endregion: reconcile-test


def test_two_sweeps_before_any_certificate_issue_one_certificate(broker, workers):
    course = course_make(chapters=2, progress=(2,))
    enrollment = Enrollment.objects.get(course=course)
    # Both sweeps are queued before the worker starts, so the second runs
    # before the certificate the first one queued: both find it missing.
    sweeps = [certificates_reconcile.delay(), certificates_reconcile.delay()]
    workers(DEFAULT)

    sent = [task_id for sweep in sweeps for task_id in sweep.get(timeout=60)]

    assert len(sent) == 2
    codes = {certificate_issue.AsyncResult(i).get(timeout=60) for i in sent}
    assert len(codes) == 1
    assert Certificate.objects.filter(enrollment=enrollment).count() == 1
    assert certificates_reconcile.delay().get(timeout=60) == [], "nothing left"


def kill_while_running(broker, workers) -> tuple:
    """Start two workers, run a long report and kill the worker running it."""
    courses = [course_make(progress=(1,)) for _ in range(4)]
    pair = [workers(CUSTOM), workers(CUSTOM)]
    long = course_report_build.delay(courses[0].pk, delay_seconds=LONG_TASK_SECONDS)
    started = wait_for(lambda: runs_of(long.id).first(), timeout=30)
    victim = next(w for w in pair if started.worker.startswith(f"{w.name}@"))
    batch = [
        course_report_build.delay(course.pk, delay_seconds=0.2)
        for course in courses[1:]
    ]
    return long, batch, victim


# region: drill
def test_drill_a_killed_worker_loses_no_task(broker, workers):
    long, batch, victim = kill_while_running(broker, workers)

    if broker.kind == "redis":
        # The whole worker dies; Redis still holds the message as unacked and
        # gives it to the other worker once the visibility timeout passes.
        victim.kill()
    else:
        # The filesystem transport keeps unacked messages only in the
        # worker's memory, so only the pool process dies here; its parent
        # rejects the message (reject_on_worker_lost) and it is queued again.
        os.kill(victim.pool_pids()[0], signal.SIGKILL)

    assert long.get(timeout=120)["report_id"]
    for result in batch:
        assert result.get(timeout=60)["report_id"]
    ids = [long.id, *(result.id for result in batch)]
    assert CourseReport.objects.filter(task_id__in=ids).count() == len(ids)
    runs = list(runs_of(long.id))
    assert len(runs) == 2, "started once by the victim, once more after it died"
    if broker.kind == "redis":
        assert not runs[1].worker.startswith(f"{victim.name}@")
    # endregion: drill


@pytest.mark.parametrize("broker", ["filesystem"], indirect=True)
def test_the_filesystem_transport_loses_the_task_of_a_killed_worker(broker, workers):
    long, batch, victim = kill_while_running(broker, workers)

    victim.kill()

    for result in batch:
        assert result.get(timeout=60)["report_id"]
    # The survivor has emptied the queue; give a lost message every chance.
    time.sleep(3)
    assert queue_length(celery_app, CUSTOM) == 0
    assert long.state == "STARTED"
    assert not CourseReport.objects.filter(task_id=long.id).exists()
    assert runs_of(long.id).count() == 1
