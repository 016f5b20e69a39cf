"""What lesson 03's background work leaves behind.

A certificate per completed enrollment, a statistics report per build of a
course report, and a row for every time a worker started one of the lesson's
tasks, so that a redelivery is visible after the fact.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils import timezone

from lessons.lesson02_orm.models import Course, Enrollment


def new_certificate_code() -> str:
    return uuid.uuid4().hex


# region: certificate
class Certificate(models.Model):
    # One-to-one: the database, not the task, guarantees that a task
    # delivered twice still issues a single certificate.
    enrollment = models.OneToOneField(
        Enrollment, on_delete=models.CASCADE, related_name="certificate"
    )
    code = models.CharField(max_length=32, unique=True, default=new_certificate_code)
    issued_at = models.DateTimeField(default=timezone.now)

    # endregion: certificate

    class Meta:
        ordering = ["-issued_at"]

    def __str__(self) -> str:
        return f"Certificate {self.code} for {self.enrollment}"


class CourseReport(models.Model):
    """A course's statistics, as one run of ``course_report_build`` found them."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="reports")
    # The id of the task that built the report: a redelivered task updates
    # its report instead of adding a second one.
    task_id = models.CharField(max_length=64, unique=True)
    chapters = models.PositiveIntegerField()
    learners = models.PositiveIntegerField()
    completed = models.PositiveIntegerField()
    average_progress = models.FloatField(help_text="Share of chapters done, 0 to 1.")
    worker = models.CharField(max_length=200)
    queue = models.CharField(max_length=100)
    built_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-built_at"]

    def __str__(self) -> str:
        return f"Report on {self.course} ({self.built_at:%Y-%m-%d %H:%M})"


class TaskRun(models.Model):
    """One start of a lesson task by a worker: two rows for one id mean two runs."""

    task_id = models.CharField(max_length=64)
    name = models.CharField(max_length=200)
    attempt = models.PositiveSmallIntegerField(help_text="0 for the first run.")
    worker = models.CharField(max_length=200)
    queue = models.CharField(max_length=100, blank=True)
    started_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["started_at", "pk"]
        indexes = [models.Index(fields=["task_id"], name="taskrun_task_id")]

    def __str__(self) -> str:
        return f"{self.name} {self.task_id} on {self.worker}"
