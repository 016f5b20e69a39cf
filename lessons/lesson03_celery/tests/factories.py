"""Test data for lesson 03: courses with learners part way through."""

from __future__ import annotations

import uuid

from django.contrib.auth import get_user_model

from lessons.lesson02_orm.models import Chapter, ChapterProgress, Course, Enrollment


def course_make(*, chapters: int = 2, progress: tuple[int, ...] = ()) -> Course:
    """Create a published course and one learner per entry of ``progress``."""
    slug = f"course-{uuid.uuid4().hex[:8]}"
    course = Course.objects.create(title=slug.title(), slug=slug, published=True)
    made = [
        Chapter.objects.create(course=course, position=n, title=f"Chapter {n}")
        for n in range(1, chapters + 1)
    ]
    for index, done in enumerate(progress):
        learner = get_user_model().objects.create_user(
            f"{slug}-learner{index}", email=f"{slug}-{index}@example.test"
        )
        enrollment = Enrollment.objects.create(learner=learner, course=course)
        for chapter in made[:done]:
            ChapterProgress.objects.create(enrollment=enrollment, chapter=chapter)
    return course
