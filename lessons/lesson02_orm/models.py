"""E-Learniverse's catalogue: courses, their chapters, and learners' progress.

The rules a row must obey live in the database as constraints, so they hold
for every writer (the admin, a shell, a migration, a second server), not only
for code that remembers to call ``full_clean()``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from .querysets import CourseQuerySet, EnrollmentQuerySet


class Level(models.TextChoices):
    BEGINNER = "beginner", "Beginner"
    INTERMEDIATE = "intermediate", "Intermediate"
    ADVANCED = "advanced", "Advanced"


# region: course
class Course(models.Model):
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    level = models.CharField(max_length=12, choices=Level, default=Level.BEGINNER)
    published = models.BooleanField(default=False)
    created = models.DateTimeField(default=timezone.now)

    objects = CourseQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        indexes = [
            # The catalogue's query: published courses, in title order.
            models.Index(fields=["published", "title"], name="course_published_title"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(level__in=Level.values), name="course_level_valid"
            ),
            # URLs are compared case-sensitively by PostgreSQL and not by
            # SQLite's LIKE: one spelling of a slug keeps both in agreement.
            models.CheckConstraint(
                condition=Q(slug=Lower("slug")), name="course_slug_lowercase"
            ),
        ]

    # endregion: course

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("lesson02:course-detail", kwargs={"slug": self.slug})


# region: chapter
class Chapter(models.Model):
    # The unique (course, position) index starts with course_id and serves
    # every lookup by course, so a second index on the key would be waste.
    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="chapters", db_index=False
    )
    position = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True, help_text="Markdown.")

    class Meta:
        # course_id, not course: "course" would sort by Course.Meta.ordering,
        # joining the course table into every query for chapters.
        ordering = ["course_id", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "position"], name="chapter_position_unique"
            ),
            models.CheckConstraint(
                condition=Q(position__gte=1), name="chapter_position_positive"
            ),
        ]

    # endregion: chapter

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"


# region: enrollment
class Enrollment(models.Model):
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="enrollments",
        db_index=False,  # the unique (learner, course) index starts with it
    )
    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="enrollments"
    )
    enrolled_at = models.DateTimeField(default=timezone.now)

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        ordering = ["-enrolled_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "course"], name="enrollment_learner_course_unique"
            ),
        ]

    # endregion: enrollment

    def __str__(self) -> str:
        return f"{self.learner} in {self.course}"


# region: progress
class ChapterProgress(models.Model):
    # The database cannot refuse a chapter of another course than the
    # enrollment's: that needs a foreign key over (course, chapter), which
    # Django 5.2 cannot declare. services.chapter_complete checks it instead.
    enrollment = models.ForeignKey(
        Enrollment,
        on_delete=models.CASCADE,
        related_name="progress",
        db_index=False,  # the unique (enrollment, chapter) index starts with it
    )
    chapter = models.ForeignKey(
        Chapter, on_delete=models.CASCADE, related_name="progress"
    )
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "chapter progress"
        ordering = ["completed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "chapter"],
                name="progress_enrollment_chapter_unique",
            ),
        ]

    # endregion: progress

    def __str__(self) -> str:
        return f"{self.enrollment}: {self.chapter}"
