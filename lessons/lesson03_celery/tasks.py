"""Lesson 03's Celery tasks: each loads its arguments and calls a service."""

from __future__ import annotations

import logging

from celery import Task, shared_task

from . import selectors, services
from .errors import TRANSIENT_ERRORS, PermanentError, TransientError

logger = logging.getLogger(__name__)


class RecordedTask(Task):
    """A task that records every start, so that a redelivery leaves a trace."""

    def before_start(self, task_id: str, args: tuple, kwargs: dict) -> None:
        services.task_run_record(
            task_id=task_id,
            name=self.name,
            attempt=self.request.retries,
            worker=self.request.hostname or "",
            queue=_queue_of(self.request),
        )


def _queue_of(request) -> str:
    return (request.delivery_info or {}).get("routing_key") or ""


# region: policies
# Acknowledge after the task, not before, and give the message back when the
# process running it dies: the broker redelivers it instead of dropping it.
MUST_NOT_BE_LOST = {"acks_late": True, "reject_on_worker_lost": True}

# Bad input fails the task at once, logged without a traceback: it is an
# expected outcome, not a bug in the worker.
FAIL_ON_BAD_INPUT = {"throws": (PermanentError,)}

# Transient failures are retried 1 s, 2 s, 4 s... later (at most 60 s), each
# delay drawn at random below that bound so that a crowd of failed tasks does
# not come back at the same instant. Bad input is not retried.
RETRY_TRANSIENT = {
    "autoretry_for": TRANSIENT_ERRORS,
    "retry_backoff": 1,
    "retry_backoff_max": 60,
    "retry_jitter": True,
    "max_retries": 5,
}
# endregion: policies


# region: tasks
@shared_task(
    base=RecordedTask,
    bind=True,
    soft_time_limit=30,
    time_limit=60,
    **MUST_NOT_BE_LOST,
    **RETRY_TRANSIENT,
    **FAIL_ON_BAD_INPUT,
)
def certificate_issue(self: Task, enrollment_id: int) -> str:
    """Issue the certificate of a completed enrollment; return its code."""
    certificate, _ = services.certificate_issue(enrollment_id=enrollment_id)
    return certificate.code


@shared_task(
    base=RecordedTask,
    bind=True,
    soft_time_limit=300,
    time_limit=330,
    **MUST_NOT_BE_LOST,
    **RETRY_TRANSIENT,
    **FAIL_ON_BAD_INPUT,
)
def course_report_build(self: Task, course_id: int, delay_seconds: float = 0) -> dict:
    """Build a course's statistics report, slowly on request."""
    report = services.course_report_build(
        course_id=course_id,
        task_id=self.request.id,
        worker=self.request.hostname or "",
        queue=_queue_of(self.request),
        delay_seconds=delay_seconds,
    )
    return {"report_id": report.pk, "worker": report.worker, "queue": report.queue}
    # endregion: tasks


# region: reconcile
# The safety net under the on-commit send: Beat runs this every few minutes,
# and it queues the certificate of every completed enrollment that has none,
# whether its send was lost to a broker outage or is still on its way.
# certificate_issue is idempotent, so a certificate queued twice is issued once.
# Acknowledged on receipt: a sweep lost with its worker is redone by the next.
@shared_task(base=RecordedTask, bind=True, soft_time_limit=120, time_limit=150)
def certificates_reconcile(self: Task) -> list[str]:
    """Queue the missing certificates; return the ids of the tasks sent."""
    enrollment_ids = selectors.enrollments_missing_certificate()
    if enrollment_ids:
        logger.warning(
            "%s completed enrollments lack a certificate", len(enrollment_ids)
        )
    return [certificate_issue.delay(pk).id for pk in enrollment_ids]
    # endregion: reconcile


# region: digest
# Beat sends this one task; it only cuts the recipients into batches and
# queues one task per batch, so a batch that fails holds back no other.
# Acknowledged on receipt, like the batches: a digest lost with a dying
# worker is better than a digest mailed twice, and mail cannot be taken back.
@shared_task(base=RecordedTask, bind=True, soft_time_limit=120, time_limit=150)
def weekly_digest_send(self: Task) -> list[str]:
    """Queue the weekly digest in batches; return the ids of the batch tasks."""
    return [weekly_digest_batch_send.delay(ids).id for ids in services.digest_batches()]


@shared_task(base=RecordedTask, bind=True, soft_time_limit=300, time_limit=330)
def weekly_digest_batch_send(self: Task, learner_ids: list[int]) -> int:
    """Mail the weekly digest to one batch of learners; return how many got it."""
    return services.digest_batch_send(learner_ids=learner_ids)
    # endregion: digest


# region: drills
@shared_task(base=RecordedTask, bind=True, **RETRY_TRANSIENT)
def flaky_step(self: Task, failures: int) -> int:
    """Fail the first ``failures`` runs with a transient error, then succeed."""
    if self.request.retries < failures:
        logger.warning("flaky_step %s fails on purpose", self.request.id)
        raise TransientError(f"failure {self.request.retries + 1} of {failures}")
    return self.request.retries


@shared_task
def echo(value: int) -> int:
    """Return ``value``: the cheapest round trip, for the benchmark."""
    return value
    # endregion: drills
