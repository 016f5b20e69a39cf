"""Writes of lesson 03: certificates, course reports, the digest, task runs.

The tasks in ``tasks.py`` only load arguments and call these functions, so
everything here also runs, and is tested, without a worker.
"""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction

from lessons.lesson02_orm.models import Course, Enrollment

from .errors import CourseNotCompleted, CourseNotFound, EnrollmentNotFound
from .models import Certificate, CourseReport, TaskRun
from .selectors import (
    course_stats,
    digest_recipient_ids,
    enrollment_is_complete,
    unfinished_enrollments_by_learner,
)

logger = logging.getLogger(__name__)


# region: certificate-issue
def certificate_issue(*, enrollment_id: int) -> tuple[Certificate, bool]:
    """Issue the enrollment's certificate; return it and whether it is new."""
    enrollment = Enrollment.objects.filter(pk=enrollment_id).first()
    if enrollment is None:
        raise EnrollmentNotFound(f"No enrollment has id {enrollment_id}.")
    if not enrollment_is_complete(enrollment):
        raise CourseNotCompleted(f"Enrollment {enrollment_id} has chapters left.")
    try:
        with transaction.atomic():
            certificate = Certificate.objects.create(enrollment=enrollment)
    except IntegrityError:
        # A second delivery of the task, or two running at once: the unique
        # enrollment column makes the later insert fail, and the first wins.
        return Certificate.objects.get(enrollment=enrollment), False
    logger.info(
        "certificate %s issued for enrollment %s", certificate.code, enrollment_id
    )
    return certificate, True
    # endregion: certificate-issue


# region: course-report-build
def course_report_build(
    *, course_id: int, task_id: str, worker: str, queue: str, delay_seconds: float = 0
) -> CourseReport:
    """Compute the course's statistics and store them under ``task_id``."""
    course = Course.objects.filter(pk=course_id).first()
    if course is None:
        raise CourseNotFound(f"No course has id {course_id}.")
    # Stands in for a heavy computation, so that the queues can be watched.
    time.sleep(delay_seconds)
    stats = course_stats(course)
    report, _ = CourseReport.objects.update_or_create(
        task_id=task_id,
        defaults={
            "course": course,
            "chapters": stats.chapters,
            "learners": stats.learners,
            "completed": stats.completed,
            "average_progress": stats.average_progress,
            "worker": worker,
            "queue": queue,
        },
    )
    logger.info("report %s on course %s built by %s", report.pk, course_id, worker)
    return report
    # endregion: course-report-build


# region: weekly-digest
def digest_batches() -> list[list[int]]:
    """Split the digest's recipients into batches of ``DIGEST_BATCH_SIZE``."""
    learner_ids = digest_recipient_ids()
    size = settings.DIGEST_BATCH_SIZE
    return [learner_ids[i : i + size] for i in range(0, len(learner_ids), size)]


def digest_batch_send(*, learner_ids: list[int]) -> int:
    """Mail these learners the courses they have not finished; return the count."""
    # Read again at send time: a learner who finished a course since the
    # batches were cut is not reminded of it.
    messages = [
        _digest_message(learner, titles)
        for learner, titles in unfinished_enrollments_by_learner(learner_ids).items()
        if learner.email
    ]
    # One connection for the whole batch instead of one per message.
    with get_connection() as connection:
        sent = connection.send_messages(messages) or 0
    logger.info("weekly digest batch sent to %s of %s learners", sent, len(learner_ids))
    return sent


def _digest_message(learner, titles: list[str]) -> EmailMessage:
    lines = "\n".join(f"- {title}" for title in titles)
    body = (
        f"Hello {learner.get_username()},\n\n"
        f"you are part way through:\n{lines}\n\nSee you in class.\n"
    )
    return EmailMessage(
        subject="Your week on E-Learniverse",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[learner.email],
    )
    # endregion: weekly-digest


def task_run_record(
    *, task_id: str, name: str, attempt: int, worker: str, queue: str
) -> TaskRun:
    """Record that a worker started a task."""
    return TaskRun.objects.create(
        task_id=task_id, name=name, attempt=attempt, worker=worker, queue=queue
    )
