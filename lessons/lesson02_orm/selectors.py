"""The catalogue's reads, as the pages, the JSON list and later lessons use them.

Each selector returns a queryset or plain data with a fixed number of
queries, whatever the size of the catalogue; the tests assert the counts.
"""

from __future__ import annotations

from django.db.models import Avg, Count, Prefetch, Q

from .models import Chapter, Course, Enrollment
from .querysets import CourseQuerySet, EnrollmentQuerySet


# region: catalogue
def catalogue(*, learner=None) -> CourseQuerySet:
    """Return the published courses with their stats and chapters: 2 queries."""
    return (
        Course.objects.published()
        .with_stats()
        .with_chapters()
        .with_enrollment_of(learner)
    )


# endregion: catalogue


def course_pages(*, learner=None) -> CourseQuerySet:
    """Return the courses a course page picks from, chapters in full: 2 queries."""
    chapters = Chapter.objects.order_by("position")
    return (
        Course.objects.published()
        .with_stats()
        .with_enrollment_of(learner)
        .prefetch_related(Prefetch("chapters", queryset=chapters))
    )


# region: course-learners
def course_learners(course: Course, *, limit: int = 20) -> EnrollmentQuerySet:
    """Return the course's enrollments, most advanced first, with completion."""
    return (
        Enrollment.objects.filter(course=course)
        .select_related("learner")
        .with_completion()
        .order_by("-percent", "enrolled_at")[:limit]
    )


def course_progress_summary(course: Course) -> dict[str, float | int | None]:
    """Return ``average_percent`` and ``finished`` over all of the course's learners."""
    return (
        Enrollment.objects.filter(course=course)
        .with_completion()
        .aggregate(
            average_percent=Avg("percent"),
            finished=Count("pk", filter=Q(percent=100)),
        )
    )


# endregion: course-learners
