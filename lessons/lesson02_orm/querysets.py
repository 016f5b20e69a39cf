"""The catalogue's selectors, written as chainable QuerySet methods.

``Course.objects.published().with_stats()`` reads like the sentence it
answers, and each method adds to the same single SQL query: nothing here
runs a query until the queryset is evaluated.

``models`` builds its managers from these classes, so the methods import the
models they need when they run rather than when this module loads.
"""

from __future__ import annotations

from django.db import models
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce


def count_per(model: type[models.Model], link: str, outer: str = "pk") -> Coalesce:
    """Return ``COUNT(*)`` of ``model`` rows whose ``link`` is the outer row's.

    A correlated subquery counts without joining the counted table into the
    outer query, so two counts on one row never multiply each other's rows.
    """
    counted = (
        model.objects.filter(**{link: OuterRef(outer)})
        .order_by()
        .values(link)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


class CourseQuerySet(models.QuerySet):
    # region: course-queryset
    def published(self) -> CourseQuerySet:
        """Return the courses learners can see and enrol in."""
        return self.filter(published=True)

    def with_stats(self) -> CourseQuerySet:
        """Annotate ``chapter_count`` and ``learner_count``, in the same query."""
        from .models import Chapter, Enrollment

        return self.annotate(
            chapter_count=count_per(Chapter, "course"),
            learner_count=count_per(Enrollment, "course"),
        )

    def with_chapters(self) -> CourseQuerySet:
        """Prefetch each course's chapters, in order, in one extra query."""
        from .models import Chapter

        chapters = Chapter.objects.only("id", "course_id", "position", "title")
        return self.prefetch_related(
            Prefetch("chapters", queryset=chapters.order_by("position"))
        )

    def with_enrollment_of(self, learner) -> CourseQuerySet:
        """Annotate ``is_enrolled``: whether ``learner`` follows each course."""
        from .models import Enrollment

        if learner is None or not learner.is_authenticated:
            return self.annotate(is_enrolled=Value(False))
        mine = Enrollment.objects.filter(course=OuterRef("pk"), learner=learner)
        return self.annotate(is_enrolled=Exists(mine))

    # endregion: course-queryset


class EnrollmentQuerySet(models.QuerySet):
    # region: enrollment-queryset
    def with_completion(self) -> EnrollmentQuerySet:
        """Annotate ``completed``, ``total`` and ``percent`` (0 to 100)."""
        from .models import Chapter

        return self.annotate(
            completed=Count("progress", distinct=True),
            total=count_per(Chapter, "course", outer="course"),
        ).annotate(
            percent=Case(
                When(total=0, then=Value(0)),
                default=F("completed") * 100 / F("total"),
                output_field=IntegerField(),
            )
        )

    # endregion: enrollment-queryset
