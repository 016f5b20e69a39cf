"""The database itself enforces the catalogue's rules."""

from __future__ import annotations

import pytest
from django.db import IntegrityError

from lessons.lesson02_orm.models import Chapter, ChapterProgress, Course, Enrollment

pytestmark = pytest.mark.django_db


def test_a_slug_is_unique():
    Course.objects.create(title="A", slug="flexbox")

    with pytest.raises(IntegrityError):
        Course.objects.create(title="B", slug="flexbox")


def test_a_slug_must_be_lowercase():
    with pytest.raises(IntegrityError):
        Course.objects.create(title="A", slug="Flexbox")


def test_a_level_must_be_one_of_the_choices():
    with pytest.raises(IntegrityError):
        Course.objects.create(title="A", slug="a", level="expert")


def test_a_position_must_be_positive(make_course):
    course = make_course(chapters=0)

    with pytest.raises(IntegrityError):
        Chapter.objects.create(course=course, position=0, title="Zero")


def test_a_position_is_unique_within_a_course(make_course):
    course, other = make_course(chapters=1), make_course(chapters=0)
    Chapter.objects.create(course=other, position=1, title="Fine elsewhere")

    with pytest.raises(IntegrityError):
        Chapter.objects.create(course=course, position=1, title="Twice")


def test_an_enrollment_is_unique_per_learner_and_course(make_course, learner):
    course = make_course()
    Enrollment.objects.create(learner=learner, course=course)

    with pytest.raises(IntegrityError):
        Enrollment.objects.create(learner=learner, course=course)


def test_progress_is_unique_per_enrollment_and_chapter(make_course, learner):
    course = make_course()
    enrollment = Enrollment.objects.create(learner=learner, course=course)
    chapter = course.chapters.first()
    ChapterProgress.objects.create(enrollment=enrollment, chapter=chapter)

    with pytest.raises(IntegrityError):
        ChapterProgress.objects.create(enrollment=enrollment, chapter=chapter)
