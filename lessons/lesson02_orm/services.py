"""The catalogue's writes: enrolling and recording progress.

Every service takes keyword arguments only, checks the rules that need
reading first, writes inside ``transaction.atomic`` and raises a domain error
from ``errors`` for bad input, never an ``IntegrityError``.

``chapter_complete`` returns a ``ChapterCompletion``: ``progress`` (the
``ChapterProgress`` row, new or existing), ``created`` (False when the chapter
was already complete, which is not an error, so that a retried request is
harmless) and ``course_completed`` (True only for the call that recorded the
learner's last missing chapter; that same call sends the ``course_completed``
signal, inside the transaction, exactly once per enrollment and chapter set).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from .errors import AlreadyEnrolled, ChapterNotInCourse, CourseNotPublished, NotEnrolled
from .models import Chapter, ChapterProgress, Course, Enrollment
from .signals import course_completed

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ChapterCompletion:
    """What ``chapter_complete`` did."""

    progress: ChapterProgress
    created: bool
    course_completed: bool


# region: enrollment-create
def enrollment_create(*, learner, course: Course) -> Enrollment:
    """Enrol ``learner`` in a published ``course``."""
    if not course.published:
        raise CourseNotPublished(f"“{course.title}” is not open for enrollment yet.")
    try:
        # The savepoint keeps an outer transaction usable after the error.
        with transaction.atomic():
            enrollment = Enrollment.objects.create(learner=learner, course=course)
    except IntegrityError:
        # The unique constraint, not an earlier exists() check, is what
        # decides: two requests can both pass a check before either inserts.
        if not Enrollment.objects.filter(learner=learner, course=course).exists():
            raise
        raise AlreadyEnrolled(
            f"You are already enrolled in “{course.title}”."
        ) from None
    logger.info("learner %s enrolled in %s", learner.pk, course.slug)
    return enrollment


# endregion: enrollment-create


# region: chapter-complete
def chapter_complete(*, enrollment: Enrollment, chapter: Chapter) -> ChapterCompletion:
    """Record that the enrollment's learner finished ``chapter``."""
    if chapter.course_id != enrollment.course_id:
        raise ChapterNotInCourse(
            f"Chapter {chapter.position} is not part of “{enrollment.course}”."
        )
    with transaction.atomic():
        # The row lock serialises completions of one enrollment: without it
        # two requests finishing the last two chapters would each count one
        # missing chapter, and neither would complete the course.
        locked = Enrollment.objects.select_for_update().filter(pk=enrollment.pk).first()
        if locked is None:
            raise NotEnrolled(f"You are not enrolled in “{enrollment.course}”.")
        progress, created = ChapterProgress.objects.get_or_create(
            enrollment=locked, chapter=chapter
        )
        completed = created and _all_chapters_done(locked)
        if completed:
            course_completed.send(sender=Enrollment, enrollment=locked)
    if created:
        logger.info("enrollment %s completed chapter %s", locked.pk, chapter.pk)
    return ChapterCompletion(progress, created, completed)


def _all_chapters_done(enrollment: Enrollment) -> bool:
    missing = Chapter.objects.filter(course_id=enrollment.course_id).exclude(
        progress__enrollment=enrollment
    )
    return not missing.exists()


# endregion: chapter-complete


def chapter_complete_for_learner(*, learner, chapter: Chapter) -> ChapterCompletion:
    """Record ``chapter`` as finished by ``learner``, who must be enrolled."""
    enrollment = Enrollment.objects.filter(
        learner=learner, course_id=chapter.course_id
    ).first()
    if enrollment is None:
        raise NotEnrolled(f"You are not enrolled in “{chapter.course}”.")
    return chapter_complete(enrollment=enrollment, chapter=chapter)
