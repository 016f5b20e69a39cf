"""Lesson 03's services, called directly: no broker, no worker."""

from __future__ import annotations

import pytest
from django.core import mail

from lessons.lesson02_orm.models import ChapterProgress, Enrollment
from lessons.lesson03_celery import services
from lessons.lesson03_celery.errors import (
    CourseNotCompleted,
    CourseNotFound,
    EnrollmentNotFound,
)
from lessons.lesson03_celery.models import Certificate, CourseReport

from .factories import course_make

pytestmark = pytest.mark.django_db


def completed_enrollment() -> Enrollment:
    course = course_make(chapters=2, progress=(2,))
    return Enrollment.objects.get(course=course)


def test_issuing_a_certificate_twice_keeps_the_first() -> None:
    enrollment = completed_enrollment()

    first, created_first = services.certificate_issue(enrollment_id=enrollment.pk)
    second, created_second = services.certificate_issue(enrollment_id=enrollment.pk)

    assert (created_first, created_second) == (True, False)
    assert first.code == second.code
    assert Certificate.objects.count() == 1


def test_no_certificate_while_chapters_are_left() -> None:
    course = course_make(chapters=2, progress=(1,))
    enrollment = Enrollment.objects.get(course=course)

    with pytest.raises(CourseNotCompleted):
        services.certificate_issue(enrollment_id=enrollment.pk)
    assert not Certificate.objects.exists()


def test_a_certificate_for_an_unknown_enrollment_is_refused() -> None:
    with pytest.raises(EnrollmentNotFound, match="No enrollment has id 424242"):
        services.certificate_issue(enrollment_id=424242)


def test_a_report_counts_learners_and_their_progress() -> None:
    course = course_make(chapters=4, progress=(4, 2, 0))

    report = services.course_report_build(
        course_id=course.pk, task_id="t-1", worker="w@host", queue="custom_queue"
    )

    assert (report.chapters, report.learners, report.completed) == (4, 3, 1)
    assert report.average_progress == pytest.approx(0.5)


def test_building_a_report_again_for_the_same_task_updates_it() -> None:
    course = course_make(chapters=1, progress=(0,))
    build = {"course_id": course.pk, "task_id": "t-2", "worker": "w", "queue": "q"}

    services.course_report_build(**build)
    ChapterProgress.objects.create(
        enrollment=Enrollment.objects.get(course=course), chapter=course.chapters.get()
    )
    report = services.course_report_build(**build)

    assert CourseReport.objects.filter(task_id="t-2").count() == 1
    assert report.completed == 1


def test_a_report_on_an_unknown_course_is_refused() -> None:
    with pytest.raises(CourseNotFound, match="No course has id 31337"):
        services.course_report_build(course_id=31337, task_id="t", worker="", queue="")


def test_a_digest_batch_mails_only_its_learners_with_unfinished_courses(
    settings,
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    course = course_make(chapters=2, progress=(2, 1, 0))
    finished, halfway, _outside_the_batch = (
        e.learner_id for e in Enrollment.objects.filter(course=course).order_by("pk")
    )

    sent = services.digest_batch_send(learner_ids=[finished, halfway])

    assert sent == 1
    (message,) = mail.outbox
    assert message.to[0].endswith("-1@example.test")
    assert "Course-" in message.body


def test_the_digest_is_cut_into_batches_of_the_configured_size(settings) -> None:
    settings.DIGEST_BATCH_SIZE = 2
    course_make(chapters=2, progress=(0, 1, 2, 1, 0, 1))

    batches = services.digest_batches()

    assert [len(batch) for batch in batches] == [2, 2, 1]
    learners = [learner for batch in batches for learner in batch]
    assert len(set(learners)) == 5
