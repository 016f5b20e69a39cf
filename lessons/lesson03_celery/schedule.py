"""The lesson's Beat schedule, kept in django-celery-beat's tables."""

from __future__ import annotations

DIGEST_TASK = "lessons.lesson03_celery.tasks.weekly_digest_send"
DIGEST_NAME = "Weekly digest of unfinished courses"
RECONCILE_TASK = "lessons.lesson03_celery.tasks.certificates_reconcile"
RECONCILE_NAME = "Certificates of completed courses, every 5 minutes"
RECONCILE_EVERY_MINUTES = 5


# region: schedule
def digest_schedule_install(periodic_task_model, crontab_model) -> None:
    """Create the weekly digest's entry unless it exists; an edit survives."""
    crontab, _ = crontab_model.objects.get_or_create(
        minute="0",
        hour="7",
        day_of_week="1",
        day_of_month="*",
        month_of_year="*",
        timezone="UTC",
    )
    periodic_task_model.objects.get_or_create(
        name=DIGEST_NAME,
        defaults={"task": DIGEST_TASK, "crontab": crontab},
    )
    # endregion: schedule


# region: reconcile-schedule
def reconcile_schedule_install(periodic_task_model, interval_model) -> None:
    """Create the certificate sweep's entry unless it exists; an edit survives."""
    every, _ = interval_model.objects.get_or_create(
        every=RECONCILE_EVERY_MINUTES, period="minutes"
    )
    periodic_task_model.objects.get_or_create(
        name=RECONCILE_NAME,
        defaults={"task": RECONCILE_TASK, "interval": every},
    )
    # endregion: reconcile-schedule
