"""``manage.py test`` runs the pytest suite, with labels or paths."""

import pytest

from django_docker_project.test_runner import to_pytest_path
from django_docker_project.testing import manage


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("lessons.lesson01_views", "lessons/lesson01_views"),
        (
            "django_docker_project.journal.tests.test_test_runner",
            "django_docker_project/journal/tests/test_test_runner.py",
        ),
        (
            "django_docker_project.journal.tests.test_settings."
            "test_development_needs_no_environment",
            "django_docker_project/journal/tests/test_settings.py"
            "::test_development_needs_no_environment",
        ),
        ("notes/tests/test_notes.py", "notes/tests/test_notes.py"),
    ],
)
def test_labels_become_pytest_paths(label: str, expected: str) -> None:
    assert to_pytest_path(label) == expected


def test_manage_py_test_runs_pytest() -> None:
    completed = manage("test", "django_docker_project.journal.tests.test_notes_sync")
    assert completed.returncode == 0, completed.stdout[-2000:]
    assert " passed" in completed.stdout
