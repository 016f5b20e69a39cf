"""One catalogue payload, built four ways, from naive to the floor.

The functions return the same list of dictionaries, so the demo and the
benchmark can compare their query counts and their timings fairly:

- ``listing_naive`` walks the relations of each course: 1 + 2N queries.
- ``listing_prefetched`` cures the N+1 with ``prefetch_related``: 2 queries
  for any N, but a model instance for every course and every chapter.
- ``listing_outline`` is the lesson's JSON listing: annotated course
  instances, and the chapters as ``values()`` rows; 2 queries.
- ``listing_values`` skips model instances altogether: the floor the ORM
  cannot beat, also 2 queries.
"""

from __future__ import annotations

from collections import defaultdict

from .models import Chapter, Course
from .selectors import catalogue


def course_entry(course: Course, chapters: list, learner_count: int) -> dict:
    """Return one course of the payload; ``chapters`` are instances or dicts."""
    return {
        "slug": course.slug,
        "title": course.title,
        "level": course.level,
        "chapter_count": len(chapters),
        "learner_count": learner_count,
        "chapters": [
            chapter
            if isinstance(chapter, dict)
            else {"position": chapter.position, "title": chapter.title}
            for chapter in chapters
        ],
    }


# region: naive
def listing_naive() -> list[dict]:
    """Return the catalogue the way it is first written: one query per relation."""
    entries = []
    for course in Course.objects.filter(published=True).order_by("title"):
        chapters = list(course.chapters.order_by("position"))  # a query per course
        learners = course.enrollments.count()  # and another one
        entries.append(course_entry(course, chapters, learners))
    return entries


# endregion: naive


# region: prefetched
def listing_prefetched() -> list[dict]:
    """Return the catalogue from annotated, prefetched courses: two queries."""
    return [
        course_entry(course, course.chapters.all(), course.learner_count)
        for course in catalogue()
    ]


# endregion: prefetched


# region: outline
def listing_outline() -> list[dict]:
    """Return the catalogue from annotated courses and ``values()`` chapters."""
    courses = Course.objects.published().with_stats().only("slug", "title", "level")
    outlines = chapter_outlines()
    return [
        course_entry(course, outlines[course.pk], course.learner_count)
        for course in courses
    ]


def chapter_outlines() -> dict[int, list[dict]]:
    """Return the published chapters' positions and titles, by course id."""
    outlines = defaultdict(list)
    rows = Chapter.objects.filter(course__published=True).order_by(
        "course_id", "position"
    )
    for row in rows.values("course_id", "position", "title"):
        outlines[row.pop("course_id")].append(row)
    return outlines


# endregion: outline


# region: values
def listing_values() -> list[dict]:
    """Return the catalogue from ``values()`` rows, with no model instances."""
    courses = list(
        Course.objects.published()
        .with_stats()
        .order_by("title")
        .values("id", "slug", "title", "level", "chapter_count", "learner_count")
    )
    outlines = chapter_outlines()
    for course in courses:
        course["chapters"] = outlines[course.pop("id")]
    return courses


# endregion: values
