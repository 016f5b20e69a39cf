"""Lesson 03's selectors: who lacks a certificate, who gets the digest."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from lessons.lesson02_orm.models import Course, Enrollment
from lessons.lesson03_celery.models import Certificate
from lessons.lesson03_celery.selectors import (
    digest_recipient_ids,
    enrollments_missing_certificate,
)

from .factories import course_make

pytestmark = pytest.mark.django_db


def test_only_completed_enrollments_without_a_certificate_are_missing(
    django_assert_num_queries,
) -> None:
    course = course_make(chapters=3, progress=(3, 2, 0, 3))
    complete, _, _, certified = Enrollment.objects.filter(course=course).order_by("pk")
    Certificate.objects.create(enrollment=certified)

    with django_assert_num_queries(1):
        missing = enrollments_missing_certificate()

    assert missing == [complete.pk]


def test_an_enrollment_in_a_course_without_chapters_is_not_complete() -> None:
    course = Course.objects.create(title="Empty", slug="empty", published=True)
    learner = get_user_model().objects.create_user("empty-learner")
    Enrollment.objects.create(learner=learner, course=course)

    assert enrollments_missing_certificate() == []


def test_digest_recipients_are_learners_with_an_email_and_unfinished_work(
    django_assert_num_queries,
) -> None:
    course = course_make(chapters=2, progress=(2, 1, 0))
    _, halfway, not_started = Enrollment.objects.filter(course=course).order_by("pk")
    second = course_make(chapters=1, progress=(0,))
    Enrollment.objects.create(learner=halfway.learner, course=second)
    get_user_model().objects.filter(pk=not_started.learner_id).update(email="")

    with django_assert_num_queries(1):
        recipients = digest_recipient_ids()

    learners = second.enrollments.values_list("learner_id", flat=True)
    # Two unfinished courses, one message: each learner appears once.
    assert halfway.learner_id in learners
    expected = sorted(set(learners))
    assert recipients == expected
