"""Load the demo catalogue idempotently: a second run changes nothing."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from .catalogue import COURSES, LEARNERS
from .models import Chapter, ChapterProgress, Course, Enrollment

logger = logging.getLogger(__name__)


@dataclass
class LoadReport:
    """How many rows a load created; all zero when nothing was missing."""

    courses: int = 0
    chapters: int = 0
    learners: int = 0
    enrollments: int = 0
    progress: int = 0

    def total(self) -> int:
        return (
            self.courses
            + self.chapters
            + self.learners
            + self.enrollments
            + self.progress
        )


# region: loader
@transaction.atomic
def catalogue_load() -> LoadReport:
    """Create whatever part of the demo catalogue is missing; touch nothing else."""
    report = LoadReport()
    for spec in COURSES:
        course, created = Course.objects.get_or_create(
            slug=spec["slug"],
            defaults={key: spec[key] for key in ("title", "level", "published")},
        )
        report.courses += created
        have = set(course.chapters.values_list("position", flat=True))
        missing = [
            Chapter(course=course, position=position, title=title, body=body)
            for position, (title, body) in enumerate(spec["chapters"], start=1)
            if position not in have
        ]
        report.chapters += len(Chapter.objects.bulk_create(missing))
    for username, done in LEARNERS:
        _load_learner(username, done, report)
    logger.info("catalogue loaded: %s", report)
    return report


# endregion: loader


def _load_learner(username: str, done: dict[str, int], report: LoadReport) -> None:
    learner, created = get_user_model().objects.get_or_create(username=username)
    if created:
        learner.set_unusable_password()
        learner.save(update_fields=["password"])
    report.learners += created
    for slug, count in done.items():
        enrollment, created = Enrollment.objects.get_or_create(
            learner=learner, course=Course.objects.get(slug=slug)
        )
        report.enrollments += created
        first = Chapter.objects.filter(course_id=enrollment.course_id)[:count]
        have = set(enrollment.progress.values_list("chapter_id", flat=True))
        missing = [
            ChapterProgress(enrollment=enrollment, chapter=chapter)
            for chapter in first
            if chapter.pk not in have
        ]
        # bulk_create sends no signals: loading never completes a course.
        report.progress += len(ChapterProgress.objects.bulk_create(missing))
