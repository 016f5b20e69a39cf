"""Short queryset examples that the demo runs and the note walks through.

Each function answers one question about the catalogue in one query; the
demo prints the SQL and the answer of each.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet

from .models import Course, Enrollment


# region: filters
def courses_mentioning(word: str) -> QuerySet[Course]:
    """Return published courses whose title or any chapter title holds ``word``."""
    matches = Q(title__icontains=word) | Q(chapters__title__icontains=word)
    # The join to chapters repeats a course once per matching chapter.
    return Course.objects.published().filter(matches).distinct()


def courses_nobody_follows() -> QuerySet[Course]:
    """Return the published courses without a single enrollment."""
    enrolled = Enrollment.objects.filter(course=OuterRef("pk"))
    return Course.objects.published().exclude(Exists(enrolled))


def popular_courses() -> QuerySet[Course]:
    """Return courses with more learners than chapters, most followed first."""
    return (
        Course.objects.published()
        .with_stats()
        .filter(learner_count__gt=F("chapter_count"))
        .order_by("-learner_count", "title")
    )


# endregion: filters


# region: learner-stats
def learner_stats() -> QuerySet:
    """Return each learner's number of courses and of completed chapters."""
    return (
        get_user_model()
        .objects.annotate(
            # Two joins fan out (enrollments x progress): without distinct,
            # each course would be counted once per completed chapter.
            courses=Count("enrollments", distinct=True),
            chapters_done=Count("enrollments__progress", distinct=True),
        )
        .filter(courses__gt=0)
        .order_by("username")
        .values("username", "courses", "chapters_done")
    )


# endregion: learner-stats
