"""``lesson run 02`` tells the whole story in a throwaway database."""

from __future__ import annotations

import os

import pytest

from django_docker_project.testing import manage


@pytest.mark.slow
def test_lesson_run_02_shows_the_trap_and_its_cure(tmp_path):
    # A database that was never migrated: the demo must not need it.
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}"}

    completed = manage("lesson", "run", "02", env=env, timeout=120)

    out = completed.stdout
    assert completed.returncode == 0, completed.stderr
    assert "building the queryset: 0 queries" in out
    assert "401" in out  # the naive listing's queries for 200 courses
    assert "AlreadyEnrolled on field 'course'" in out
    assert "ChapterNotInCourse on field 'chapter'" in out
    assert "course_completed=True" in out
    assert "Rolled back" in out
    assert not (tmp_path / "empty.sqlite3").exists() or (
        (tmp_path / "empty.sqlite3").stat().st_size == 0
    )
