"""What each client may read: every queryset of the API starts here.

Scoping the queryset to the requesting learner is what keeps one learner
out of another's data: an object outside it is a 404 before any permission
is consulted, and a list simply does not contain it.
"""

from __future__ import annotations

from django.db.models import QuerySet

from lessons.lesson02_orm.models import Chapter, ChapterProgress, Course, Enrollment
from lessons.lesson03_celery.models import Certificate


def course_visible(*, user) -> QuerySet[Course]:
    """Return the courses ``user`` may see: staff also see drafts."""
    return Course.objects.all() if user.is_staff else Course.objects.published()


# region: course-selector
def course_list(*, user) -> QuerySet[Course]:
    """Return the catalogue ``user`` may browse, with its counts annotated."""
    return course_visible(user=user).with_stats().with_enrollment_of(user)


# endregion: course-selector


def chapter_list(*, course: Course) -> QuerySet[Chapter]:
    """Return the chapters of ``course`` in reading order."""
    return course.chapters.select_related("course").order_by("position")


# region: enrollment-selector
def enrollment_list(*, learner) -> QuerySet[Enrollment]:
    """Return ``learner``'s own enrollments, newest first, with their completion."""
    return (
        Enrollment.objects.filter(learner=learner)
        .select_related("course")
        .with_completion()
        .order_by("-enrolled_at", "-pk")
    )


# endregion: enrollment-selector


def enrollment_of(*, learner, course: Course) -> Enrollment | None:
    """Return ``learner``'s enrollment in ``course``, or None."""
    return Enrollment.objects.filter(learner=learner, course=course).first()


def progress_list(*, learner) -> QuerySet[ChapterProgress]:
    """Return the chapters ``learner`` completed, most recent first."""
    return (
        ChapterProgress.objects.filter(enrollment__learner=learner)
        .select_related("enrollment__course")
        .order_by("-completed_at", "-pk")
    )


def certificate_list(*, learner) -> QuerySet[Certificate]:
    """Return ``learner``'s certificates, newest first."""
    return (
        Certificate.objects.filter(enrollment__learner=learner)
        .select_related("enrollment__course")
        .order_by("-issued_at", "-pk")
    )
