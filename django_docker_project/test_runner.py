"""``python manage.py test`` hands over to pytest, so both run one suite."""

from __future__ import annotations

import sys
from pathlib import Path

from django.conf import settings


class PytestTestRunner:
    """A Django test runner that runs pytest on the labels it is given."""

    def __init__(self, verbosity: int = 1, failfast: bool = False, **kwargs) -> None:
        self.verbosity = verbosity
        self.failfast = failfast
        self.keepdb = kwargs.get("keepdb", False)

    @classmethod
    def add_arguments(cls, parser) -> None:
        parser.add_argument("--keepdb", action="store_true", help="reuse the test DB")

    def run_tests(self, test_labels: list[str], **kwargs) -> int:
        import pytest

        args = [to_pytest_path(label) for label in test_labels]
        if self.verbosity == 0:
            args.append("--quiet")
        elif self.verbosity > 1:
            args.append("--verbose")
        if self.failfast:
            args.append("--exitfirst")
        if self.keepdb:
            args.append("--reuse-db")
        return int(pytest.main(args))


def to_pytest_path(label: str) -> str:
    """Turn ``lessons.lesson01_views.tests.test_x.TestY.test_z`` into a node id."""
    if "/" in label or label.endswith(".py") or "::" in label:
        return label
    base = Path(settings.BASE_DIR)
    parts = label.split(".")
    for end in range(len(parts), 0, -1):
        path = base.joinpath(*parts[:end])
        rest = parts[end:]
        if path.is_dir() and not rest:
            return str(path.relative_to(base))
        module = path.with_suffix(".py")
        if module.is_file():
            return "::".join([str(module.relative_to(base)), *rest])
    print(f"Unknown test label {label!r}; passing it to pytest as is.", file=sys.stderr)
    return label
