"""Beat's schedule: installed from code, fired by a real Beat, run by a worker."""

from __future__ import annotations

import pytest
from django_celery_beat.models import CrontabSchedule, IntervalSchedule, PeriodicTask

from django_docker_project.testing import wait_for
from lessons.lesson03_celery.models import TaskRun
from lessons.lesson03_celery.schedule import (
    DIGEST_NAME,
    DIGEST_TASK,
    RECONCILE_NAME,
    RECONCILE_TASK,
    digest_schedule_install,
    reconcile_schedule_install,
)

from .factories import course_make


@pytest.mark.django_db
def test_installing_the_schedule_twice_keeps_one_weekly_entry() -> None:
    PeriodicTask.objects.filter(name=DIGEST_NAME).delete()

    digest_schedule_install(PeriodicTask, CrontabSchedule)
    digest_schedule_install(PeriodicTask, CrontabSchedule)

    entry = PeriodicTask.objects.get(name=DIGEST_NAME)
    assert entry.task == DIGEST_TASK
    assert (entry.crontab.day_of_week, entry.crontab.hour) == ("1", "7")


@pytest.mark.django_db
def test_an_edited_schedule_survives_a_second_install() -> None:
    digest_schedule_install(PeriodicTask, CrontabSchedule)
    PeriodicTask.objects.filter(name=DIGEST_NAME).update(enabled=False)

    digest_schedule_install(PeriodicTask, CrontabSchedule)

    assert PeriodicTask.objects.get(name=DIGEST_NAME).enabled is False


@pytest.mark.django_db
def test_installing_the_sweep_twice_keeps_one_entry_every_five_minutes() -> None:
    PeriodicTask.objects.filter(name=RECONCILE_NAME).delete()

    reconcile_schedule_install(PeriodicTask, IntervalSchedule)
    reconcile_schedule_install(PeriodicTask, IntervalSchedule)

    entry = PeriodicTask.objects.get(name=RECONCILE_NAME)
    assert entry.task == RECONCILE_TASK
    assert (entry.interval.every, entry.interval.period) == (5, "minutes")


@pytest.mark.slow
def test_beat_fires_the_digest_and_a_worker_mails_it(workers, beat) -> None:
    course_make(chapters=2, progress=(1,))
    every_second = IntervalSchedule.objects.create(
        every=1, period=IntervalSchedule.SECONDS
    )
    PeriodicTask.objects.create(
        name="digest drill", task=DIGEST_TASK, interval=every_second
    )
    worker = workers("e_learniverse_default_queue")

    beat()

    wait_for(lambda: TaskRun.objects.filter(name=DIGEST_TASK).exists(), timeout=60)
    wait_for(lambda: "Subject: Your week on E-Learniverse" in worker.log(), timeout=30)
