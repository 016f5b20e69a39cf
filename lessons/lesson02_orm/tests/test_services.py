"""The services enforce the catalogue's rules with domain errors."""

from __future__ import annotations

import pytest
from django.db import transaction

from lessons.lesson02_orm.errors import (
    AlreadyEnrolled,
    ChapterNotInCourse,
    CourseNotPublished,
    NotEnrolled,
)
from lessons.lesson02_orm.models import ChapterProgress, Enrollment
from lessons.lesson02_orm.services import (
    chapter_complete,
    chapter_complete_for_learner,
    enrollment_create,
)
from lessons.lesson02_orm.signals import course_completed


@pytest.fixture
def completions():
    """Record every course_completed signal sent during the test."""
    sent = []

    def receiver(sender, enrollment, **kwargs):
        sent.append(enrollment.pk)

    course_completed.connect(receiver, dispatch_uid="test-completions")
    yield sent
    course_completed.disconnect(dispatch_uid="test-completions")


def test_enroll_creates_an_enrollment(make_course, learner):
    course = make_course()

    enrollment = enrollment_create(learner=learner, course=course)

    assert enrollment.learner == learner
    assert enrollment.course == course


def test_enroll_twice_raises_already_enrolled_naming_the_course(make_course, learner):
    course = make_course()
    enrollment_create(learner=learner, course=course)

    with pytest.raises(AlreadyEnrolled) as caught:
        enrollment_create(learner=learner, course=course)

    assert caught.value.field == "course"
    assert course.title in caught.value.message
    assert caught.value.as_dict() == {"course": [caught.value.message]}
    assert Enrollment.objects.count() == 1


def test_enroll_twice_leaves_the_outer_transaction_usable(make_course, learner):
    course = make_course()
    enrollment_create(learner=learner, course=course)

    with transaction.atomic():
        with pytest.raises(AlreadyEnrolled):
            enrollment_create(learner=learner, course=course)
        assert Enrollment.objects.count() == 1


def test_enroll_in_a_draft_raises_course_not_published(make_course, learner):
    draft = make_course(published=False)

    with pytest.raises(CourseNotPublished) as caught:
        enrollment_create(learner=learner, course=draft)

    assert caught.value.field == "course"
    assert not Enrollment.objects.exists()


def test_complete_records_progress_once(make_course, learner):
    course = make_course(chapters=3)
    enrollment = enrollment_create(learner=learner, course=course)
    chapter = course.chapters.first()

    first = chapter_complete(enrollment=enrollment, chapter=chapter)
    again = chapter_complete(enrollment=enrollment, chapter=chapter)

    assert first.created and not again.created
    assert again.progress == first.progress
    assert not first.course_completed
    assert ChapterProgress.objects.count() == 1


def test_complete_last_chapter_sends_course_completed_once(
    make_course, learner, completions
):
    course = make_course(chapters=2)
    enrollment = enrollment_create(learner=learner, course=course)
    first, last = course.chapters.all()

    results = [
        chapter_complete(enrollment=enrollment, chapter=chapter)
        for chapter in (first, last, last, first)
    ]

    assert [r.course_completed for r in results] == [False, True, False, False]
    assert completions == [enrollment.pk]


def test_complete_sends_the_signal_inside_the_transaction(
    make_course, learner, django_capture_on_commit_callbacks
):
    course = make_course(chapters=1)
    enrollment = enrollment_create(learner=learner, course=course)
    seen = []

    def receiver(sender, enrollment, **kwargs):
        # A receiver defers outside work until the completion is committed.
        transaction.on_commit(lambda: seen.append(enrollment.pk))

    course_completed.connect(receiver, dispatch_uid="test-on-commit")
    try:
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            chapter_complete(enrollment=enrollment, chapter=course.chapters.get())
    finally:
        course_completed.disconnect(dispatch_uid="test-on-commit")

    assert len(callbacks) == 1
    assert seen == [enrollment.pk]


def test_complete_a_chapter_of_another_course_raises_chapter_not_in_course(
    make_course, learner
):
    mine, other = make_course(), make_course()
    enrollment = enrollment_create(learner=learner, course=mine)

    with pytest.raises(ChapterNotInCourse) as caught:
        chapter_complete(enrollment=enrollment, chapter=other.chapters.first())

    assert caught.value.field == "chapter"
    assert not ChapterProgress.objects.exists()


def test_complete_for_a_learner_not_enrolled_raises_not_enrolled(make_course, learner):
    course = make_course()

    with pytest.raises(NotEnrolled) as caught:
        chapter_complete_for_learner(learner=learner, chapter=course.chapters.first())

    assert caught.value.field == "course"
    assert not ChapterProgress.objects.exists()


def test_complete_for_a_deleted_enrollment_raises_not_enrolled(make_course, learner):
    course = make_course()
    enrollment = enrollment_create(learner=learner, course=course)
    Enrollment.objects.filter(pk=enrollment.pk).delete()

    with pytest.raises(NotEnrolled):
        chapter_complete(enrollment=enrollment, chapter=course.chapters.first())


def test_complete_for_learner_finds_the_enrollment(make_course, learner):
    course = make_course(chapters=1)
    enrollment_create(learner=learner, course=course)

    result = chapter_complete_for_learner(
        learner=learner, chapter=course.chapters.get()
    )

    assert result.created and result.course_completed
