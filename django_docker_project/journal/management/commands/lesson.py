"""``python manage.py lesson``: list, read, run, test and benchmark lessons."""

from __future__ import annotations

import importlib
import importlib.util
import subprocess
import sys
from argparse import REMAINDER

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.console import Console
from rich.markdown import Markdown
from rich.table import Table

from django_docker_project.journal.notes import (
    note_files,
    plain_markdown,
    sync_note,
)
from django_docker_project.journal.progress import PASSED, read_progress, record_result
from django_docker_project.journal.registry import (
    LessonConfig,
    UnknownLesson,
    all_lessons,
    find_lesson,
)

STATUS_STYLES = {"passed": "green", "failed": "red"}


class Command(BaseCommand):
    help = "List, read, run, test and benchmark the lessons."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        actions.add_parser("list", help="the lessons and their progress")
        for name, text in [
            ("show", "render a lesson's note in the terminal"),
            ("run", "run a lesson's narrated demo"),
        ]:
            action = actions.add_parser(name, help=text)
            action.add_argument("lesson", help="number or slug: 3, 03 or celery")
        test = actions.add_parser("test", help="run a lesson's tests, record progress")
        test.add_argument("lesson", help="number or slug: 3, 03 or celery")
        test.add_argument("pytest_args", nargs=REMAINDER, help="passed to pytest")
        bench = actions.add_parser("bench", help="run a lesson's benchmark")
        bench.add_argument("lesson", help="number or slug: 3, 03 or celery")
        bench.add_argument("--quick", action="store_true", help="a short run")
        actions.add_parser(
            "sync-notes", help="rewrite the code in the notes from the source"
        )

    def handle(self, *args, action: str, **options) -> None:
        self.console = Console(file=self.stdout, highlight=False, soft_wrap=True)
        if action in {"list", "sync-notes"}:
            getattr(self, action.replace("-", "_"))()
            return
        lesson = self.lesson(options["lesson"])
        if action == "bench":
            self.bench(lesson, quick=options["quick"])
        elif action == "test":
            self.test(lesson, options["pytest_args"])
        else:
            getattr(self, action)(lesson)

    def lesson(self, reference: str) -> LessonConfig:
        try:
            return find_lesson(reference)
        except UnknownLesson as error:
            raise CommandError(str(error), returncode=2) from None

    def list(self) -> None:
        progress = read_progress()
        table = Table(title="E-Learniverse lessons", title_justify="left")
        table.add_column("No.", style="bold")
        table.add_column("Lesson")
        table.add_column("Summary", ratio=1)
        table.add_column("Last test run")
        next_lesson = None
        for lesson in all_lessons():
            result = progress.get(lesson.slug)
            status = result["status"] if result else "never run"
            style = STATUS_STYLES.get(status, "dim")
            table.add_row(
                lesson.code,
                f"{lesson.title}\n[dim]{lesson.slug}[/dim]",
                lesson.summary,
                f"[{style}]{status}[/{style}]",
            )
            if next_lesson is None and status != PASSED:
                next_lesson = lesson
        self.console.print(table)
        if next_lesson is None:
            self.console.print("Every lesson passes. Well done.")
        else:
            self.console.print(
                f"Next: lesson {next_lesson.code}, {next_lesson.title}. "
                f"Try [bold]python manage.py lesson run {next_lesson.code}[/bold]"
            )

    def show(self, lesson: LessonConfig) -> None:
        text = plain_markdown(lesson.note_path.read_text())
        self.console.print(Markdown(text, code_theme="friendly"))

    def run(self, lesson: LessonConfig) -> None:
        demo = importlib.import_module(f"{lesson.name}.demo")
        self.console.rule(f"Lesson {lesson.code}: {lesson.title}")
        demo.run(self.console)

    def bench(self, lesson: LessonConfig, quick: bool) -> None:
        try:
            bench = importlib.import_module(f"{lesson.name}.bench")
        except ModuleNotFoundError:
            with_bench = [
                found.code
                for found in all_lessons()
                if importlib.util.find_spec(f"{found.name}.bench")
            ]
            raise CommandError(
                f"Lesson {lesson.code} has no benchmark. "
                f"Lessons with one: {', '.join(with_bench) or 'none'}.",
                returncode=2,
            ) from None
        bench.run(self.console, quick=quick)

    def test(self, lesson: LessonConfig, pytest_args: list[str]) -> None:
        command = [sys.executable, "-m", "pytest", str(lesson.package_path)]
        self.console.print(f"[dim]$ {' '.join(command[2:] + pytest_args)}[/dim]")
        self.stdout.flush()
        completed = subprocess.run(
            [*command, *pytest_args], cwd=settings.BASE_DIR, check=False
        )
        entry = record_result(lesson.slug, passed=completed.returncode == 0)
        style = STATUS_STYLES[entry["status"]]
        self.console.print(
            f"Lesson {lesson.code} [{style}]{entry['status']}[/{style}]; "
            "see [bold]python manage.py lesson list[/bold]"
        )
        if completed.returncode != 0:
            raise CommandError(
                f"Lesson {lesson.code}'s tests failed.", returncode=completed.returncode
            )

    def sync_notes(self) -> None:
        for path in note_files():
            changed = sync_note(path)
            state = "updated" if changed else "up to date"
            self.console.print(f"{path.relative_to(settings.BASE_DIR)}: {state}")
