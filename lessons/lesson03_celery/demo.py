"""The narrated demo of lesson 03, run by ``python manage.py lesson run 03``.

It starts a worker per queue and a Beat as subprocesses, sends tasks, shows
where each one ran, lets Beat fire a short schedule, and stops every process
it started, whatever happens on the way.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from django.db import connection
from django.utils import timezone
from django_celery_beat.models import IntervalSchedule, PeriodicTask
from rich.console import Console
from rich.table import Table

from lessons.lesson02_orm.loader import catalogue_load
from lessons.lesson02_orm.models import Course

from .brokers import Broker
from .models import TaskRun
from .processes import CeleryProcess, beat_start, database_url, worker_start
from .schedule import DIGEST_NAME, DIGEST_TASK
from .tasks import course_report_build, echo, flaky_step

DEFAULT, CUSTOM = "e_learniverse_default_queue", "custom_queue"
DEMO_SCHEDULE = "Lesson 03 demo: digest every 2 seconds"


def run(console: Console) -> None:
    """Walk through the lesson step by step."""
    broker = Broker.configured()
    console.print(f"Broker: [bold]{broker.kind}[/bold]; results: {broker.kind} too.")
    course = _a_course(console)
    log_dir = Path(tempfile.mkdtemp(prefix="lesson03-demo-"))
    env = {"DATABASE_URL": database_url(connection.settings_dict)}
    started: list[CeleryProcess] = []
    try:
        _workers_step(console, env, log_dir, started)
        _tasks_step(console, course)
        _beat_step(console, env, log_dir, started)
    finally:
        for process in started:
            process.stop()
        console.print(f"Stopped the {len(started)} processes the demo started.")
        console.print(f"[dim]Their logs: {log_dir}[/dim]")


def _a_course(console: Console) -> Course:
    course = Course.objects.order_by("pk").first()
    if course is None:
        console.print("No course yet: loading lesson 02's catalogue.")
        catalogue_load()
        course = Course.objects.order_by("pk").first()
    return course


def _workers_step(console: Console, env: dict, log_dir: Path, started: list) -> None:
    console.rule("1. A worker per queue")
    # The pid in the names tells this demo's workers from any other's.
    for role, queue in (("default", DEFAULT), ("custom", CUSTOM)):
        name = f"lesson03-{role}-{os.getpid()}"
        started.append(
            worker_start(name=name, queues=[queue], env=env, log_dir=log_dir)
        )
    for process in started:
        process.wait_until_ready()
        console.print(f"{process.name} (pid {process.pid}) is ready")


def _tasks_step(console: Console, course: Course) -> None:
    console.rule("2. Tasks and where they ran")
    sent = [
        ("echo(42)", echo.delay(42)),
        (f"report({course.pk})", course_report_build.delay(course.pk, 1)),
        ("flaky_step(2)", flaky_step.delay(2)),
        ("report(999999)", course_report_build.delay(999999)),
    ]
    table = Table("task", "state", "queue", "worker", "result")
    for label, result in sent:
        result.get(timeout=60, propagate=False)
        table.add_row(label, result.state, result.queue, result.worker, _shown(result))
    console.print(table)
    console.print(
        "The report ran on custom_queue, the rest on the default queue; "
        "flaky_step succeeded on its third attempt; the unknown course failed "
        "at once, without retries."
    )


def _shown(result) -> str:
    outcome = result.result
    if result.failed():
        return f"{type(outcome).__name__}: {outcome}"
    if isinstance(outcome, dict):
        return f"report {outcome['report_id']}"
    return str(outcome)


def _beat_step(console: Console, env: dict, log_dir: Path, started: list) -> None:
    console.rule("3. Beat and the database scheduler")
    weekly = PeriodicTask.objects.filter(name=DIGEST_NAME).first()
    if weekly is not None:
        console.print(f"In the schedule: {weekly.name}, crontab {weekly.crontab}")
    every, _ = IntervalSchedule.objects.get_or_create(
        every=2, period=IntervalSchedule.SECONDS
    )
    PeriodicTask.objects.update_or_create(
        name=DEMO_SCHEDULE, defaults={"task": DIGEST_TASK, "interval": every}
    )
    since = timezone.now()
    beat = beat_start(env=env, log_dir=log_dir)
    started.append(beat)
    try:
        beat.wait_until_ready()
        console.print(f"Beat (pid {beat.pid}) fires a demo entry every 2 seconds.")
        run = _first_digest_since(since, timeout=30)
        if run is None:
            console.print("[red]No digest ran within 30 seconds; see beat.log.[/red]")
        else:
            console.print(f"Beat sent the digest; {run.worker} ran it.")
    finally:
        beat.stop()
        PeriodicTask.objects.filter(name=DEMO_SCHEDULE).delete()


def _first_digest_since(since, timeout: float) -> TaskRun | None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        run = TaskRun.objects.filter(name=DIGEST_TASK, started_at__gte=since).first()
        if run is not None:
            return run
        time.sleep(0.5)
    return None
