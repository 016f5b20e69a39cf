"""``manage.py lesson``: list, show, run, test and the errors a learner meets."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from django_docker_project.journal.progress import read_progress, record_result
from django_docker_project.journal.registry import all_lessons
from django_docker_project.testing import manage


@pytest.fixture(autouse=True)
def progress_file(tmp_path: Path, settings) -> Path:
    settings.LESSON_PROGRESS_FILE = tmp_path / "progress.json"
    return settings.LESSON_PROGRESS_FILE


def lesson(*args: str) -> str:
    out = StringIO()
    call_command("lesson", *args, stdout=out)
    return out.getvalue()


def test_list_shows_every_lesson_and_the_next_one() -> None:
    output = lesson("list")
    for registered in all_lessons():
        assert registered.code in output
        assert registered.title[:15] in output
    assert "never run" in output
    assert "Next: lesson 01" in output


def test_list_shows_recorded_results_and_moves_next_on() -> None:
    record_result("views", passed=True)
    record_result("orm", passed=False)
    output = lesson("list")
    assert "passed" in output
    assert "failed" in output
    assert "Next: lesson 02" in output


@pytest.mark.parametrize("reference", ["3", "03", "celery", "03-celery"])
def test_a_lesson_is_found_by_number_or_slug(reference: str) -> None:
    assert "Lesson 03" in lesson("show", reference)


def test_run_prints_the_demo() -> None:
    output = lesson("run", "01")
    assert "Lesson 01" in output


def test_show_renders_the_note() -> None:
    output = lesson("show", "views")
    assert "Lesson 01" in output
    assert "include=" not in output


def test_an_unknown_lesson_exits_2_and_lists_the_valid_ones() -> None:
    with pytest.raises(CommandError) as raised:
        lesson("run", "42")
    assert raised.value.returncode == 2
    for registered in all_lessons():
        assert f"{registered.code} ({registered.slug})" in str(raised.value)


def test_an_unknown_lesson_from_the_command_line_exits_2() -> None:
    completed = manage("lesson", "show", "nope")
    assert completed.returncode == 2
    assert "Valid lessons: 01 (views)" in completed.stderr


def test_an_unknown_action_exits_with_the_choices() -> None:
    completed = manage("lesson", "explode")
    assert completed.returncode == 2
    assert "list" in completed.stderr and "bench" in completed.stderr


def test_test_runs_pytest_and_records_progress_by_slug(progress_file: Path) -> None:
    with pytest.raises(CommandError):
        # An expression that selects nothing makes pytest exit non-zero.
        lesson("test", "01", "-k", "no_test_has_this_name", "-q")
    assert read_progress()["views"]["status"] == "failed"
    stored = json.loads(progress_file.read_text())
    assert set(stored) == {"views"}
