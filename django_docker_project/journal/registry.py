"""The lesson registry: every installed app whose config is a LessonConfig.

A lesson declares its number, slug, title and summary on its AppConfig and
owns a URLconf; the project mounts it at ``/lessons/NN-slug/`` and the journal
renders its note. Nothing else needs to be told that a lesson exists.
"""

from __future__ import annotations

from pathlib import Path

from django.apps import AppConfig, apps
from django.conf import settings


class LessonConfig(AppConfig):
    """Base AppConfig of a lesson app."""

    # Keeps Django from picking this imported base class as the app's config;
    # each lesson's subclass sets ``default = True``.
    default = False

    number: int = 0
    slug: str = ""
    title: str = ""
    summary: str = ""
    # The note's file name in notes/, for example "01_views.md".
    note: str = ""
    # Links shown on the lesson's journal page: (label, path). A path that does
    # not start with "/" is relative to the lesson's mount point.
    links: tuple[tuple[str, str], ...] = ()
    # URLconfs the lesson mounts outside its own prefix: (prefix, module).
    extra_mounts: tuple[tuple[str, str], ...] = ()

    @property
    def code(self) -> str:
        return f"{self.number:02d}"

    @property
    def url_prefix(self) -> str:
        return f"{self.code}-{self.slug}"

    @property
    def namespace(self) -> str:
        return f"lesson{self.code}"

    @property
    def mount_path(self) -> str:
        return f"/lessons/{self.url_prefix}/"

    def resolved_links(self) -> list[tuple[str, str]]:
        """Return the lesson's links with paths made absolute."""
        links = [("Lesson home", self.mount_path)]
        for label, target in self.links:
            href = target if target.startswith("/") else self.mount_path + target
            links.append((label, href))
        return links

    @property
    def note_path(self) -> Path:
        return Path(settings.NOTES_DIR) / self.note

    @property
    def package_path(self) -> Path:
        return Path(self.path)


class UnknownLesson(LookupError):
    """Raised for a lesson reference that matches no registered lesson."""

    def __init__(self, reference: str, choices: list[LessonConfig]) -> None:
        self.reference = reference
        self.choices = choices
        valid = ", ".join(f"{lesson.code} ({lesson.slug})" for lesson in choices)
        super().__init__(f"Unknown lesson {reference!r}. Valid lessons: {valid}.")


def all_lessons() -> list[LessonConfig]:
    """Return the registered lessons in order of their number."""
    lessons = [
        config for config in apps.get_app_configs() if isinstance(config, LessonConfig)
    ]
    return sorted(lessons, key=lambda lesson: lesson.number)


def find_lesson(reference: str) -> LessonConfig:
    """Return the lesson named by ``3``, ``03``, ``celery`` or ``03-celery``."""
    wanted = reference.strip().lower()
    lessons = all_lessons()
    for lesson in lessons:
        names = {lesson.code, lesson.slug, lesson.url_prefix, lesson.label}
        if wanted in names or (wanted.isdigit() and int(wanted) == lesson.number):
            return lesson
    raise UnknownLesson(reference, lessons)
