"""The domain errors of the catalogue's services.

Each error names the input that was wrong (``field``) and says why in a
sentence a user can read (``message``); ``code`` is a stable machine name.
A view or an API maps them to a response without parsing any text, and no
``IntegrityError`` reaches a user.
"""

from __future__ import annotations


class CatalogueError(Exception):
    """Base class: a write the catalogue's rules forbid."""

    code = "invalid"
    field = "non_field_errors"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if field is not None:
            self.field = field

    def as_dict(self) -> dict[str, list[str]]:
        """Return the error the way Django forms and DRF report field errors."""
        return {self.field: [self.message]}


class AlreadyEnrolled(CatalogueError):
    """The learner is already enrolled in the course."""

    code = "already_enrolled"
    field = "course"


class CourseNotPublished(CatalogueError):
    """The course is a draft: nobody can enrol in it yet."""

    code = "course_not_published"
    field = "course"


class NotEnrolled(CatalogueError):
    """The learner is not enrolled in the course the chapter belongs to."""

    code = "not_enrolled"
    field = "course"


class ChapterNotInCourse(CatalogueError):
    """The chapter belongs to another course than the enrollment's."""

    code = "chapter_not_in_course"
    field = "chapter"
