"""Reads of lesson 03: course statistics, digest recipients, reports."""

from __future__ import annotations

from dataclasses import dataclass

from celery.result import AsyncResult
from django.db.models import Count, F, Q, QuerySet

from lessons.lesson02_orm.models import Chapter, Course, Enrollment

from .models import CourseReport, TaskRun


@dataclass(frozen=True)
class CourseStats:
    chapters: int
    learners: int
    completed: int
    average_progress: float


def _enrollments_with_progress(**filters) -> QuerySet[Enrollment]:
    return Enrollment.objects.filter(**filters).annotate(
        done=Count("progress", distinct=True)
    )


# region: course-stats
def course_stats(course: Course) -> CourseStats:
    """Return how many learners follow ``course`` and how far they got."""
    chapters = Chapter.objects.filter(course=course).count()
    done_counts = list(
        _enrollments_with_progress(course=course).values_list("done", flat=True)
    )
    learners = len(done_counts)
    completed = sum(1 for done in done_counts if chapters and done >= chapters)
    share = sum(done / chapters for done in done_counts) if chapters else 0.0
    return CourseStats(
        chapters=chapters,
        learners=learners,
        completed=completed,
        average_progress=share / learners if learners else 0.0,
    )
    # endregion: course-stats


def enrollment_is_complete(enrollment: Enrollment) -> bool:
    """Return whether the learner finished every chapter of the course."""
    missing = Chapter.objects.filter(course_id=enrollment.course_id).exclude(
        progress__enrollment=enrollment
    )
    return not missing.exists()


# region: certificates-missing
def enrollments_missing_certificate() -> list[int]:
    """Return the ids of completed enrollments that have no certificate yet."""
    # One query: progress and chapters counted per enrollment in SQL, and
    # only rows with no Certificate joined (a LEFT JOIN ... IS NULL).
    completed = (
        _enrollments_with_progress(certificate__isnull=True)
        .annotate(total=Count("course__chapters", distinct=True))
        .filter(total__gt=0, done__gte=F("total"))
        .order_by("pk")
    )
    return list(completed.values_list("pk", flat=True))
    # endregion: certificates-missing


def _unfinished_enrollments() -> QuerySet[Enrollment]:
    return (
        _enrollments_with_progress()
        .annotate(total=Count("course__chapters", distinct=True))
        .filter(Q(done__lt=F("total")))
    )


# region: digest-recipients
def digest_recipient_ids() -> list[int]:
    """Return the ids of learners with an email and an unfinished course."""
    learners = (
        _unfinished_enrollments()
        .exclude(learner__email="")
        .values_list("learner_id", flat=True)
        .order_by("learner_id")
        .distinct()
    )
    return list(learners)
    # endregion: digest-recipients


def unfinished_enrollments_by_learner(learner_ids: list[int]) -> dict:
    """Return ``{learner: [course titles]}`` of these learners' unfinished courses."""
    unfinished = (
        _unfinished_enrollments()
        .filter(learner_id__in=learner_ids)
        .select_related("learner", "course")
        .order_by("learner_id", "course__title")
    )
    by_learner: dict = {}
    for enrollment in unfinished:
        by_learner.setdefault(enrollment.learner, []).append(enrollment.course.title)
    return by_learner


def course_choices() -> QuerySet[Course]:
    """Return the courses a report can be asked for, in title order."""
    return Course.objects.order_by("title").only("id", "title")


def report_for_task(task_id: str) -> CourseReport | None:
    return CourseReport.objects.filter(task_id=task_id).select_related("course").first()


def recent_reports(limit: int = 10) -> QuerySet[CourseReport]:
    return CourseReport.objects.select_related("course")[:limit]


def runs_of(task_id: str) -> QuerySet[TaskRun]:
    """Return every start of the task with this id, oldest first."""
    return TaskRun.objects.filter(task_id=task_id)


# region: report-status
def report_status(task_id: str) -> dict:
    """Return what is known of a report task: state, queue, worker, outcome."""
    result = AsyncResult(task_id)
    state = result.state
    report = report_for_task(task_id)
    info = result.info if isinstance(result.info, dict) else {}
    status = {
        "task_id": task_id,
        "state": state,
        # Set by the backend once a worker has reported (result_extended).
        "queue": getattr(result, "queue", None) or (report and report.queue),
        "worker": (
            getattr(result, "worker", None)
            or info.get("hostname")
            or (report and report.worker)
        ),
        "error": str(result.result) if state == "FAILURE" else None,
        "report": None,
    }
    if report is not None:
        status["report"] = {
            "course": report.course.title,
            "chapters": report.chapters,
            "learners": report.learners,
            "completed": report.completed,
            "average_progress": round(report.average_progress, 3),
        }
    return status
    # endregion: report-status
