"""Lesson 03's answer to lesson 02's ``course_completed`` signal."""

from __future__ import annotations

import logging

from django.db import transaction
from django.dispatch import receiver

from lessons.lesson02_orm.signals import course_completed

from .tasks import certificate_issue

logger = logging.getLogger(__name__)


# region: on-commit
@receiver(course_completed, dispatch_uid="lesson03-certificate-on-commit")
def certificate_issue_on_commit(sender, enrollment, **kwargs) -> None:
    """Enqueue the certificate once the completion is committed, never before."""
    enrollment_id = enrollment.pk
    # Sent before the commit, the task could run before its enrollment's
    # last chapter is visible, or for a completion that is rolled back.
    # robust: a broker that is down must not fail a request whose data is
    # already committed. The send is then only logged, and the periodic
    # certificates_reconcile task queues the certificate a few minutes later.
    transaction.on_commit(lambda: certificate_issue.delay(enrollment_id), robust=True)
    logger.info("certificate for enrollment %s queued on commit", enrollment_id)
    # endregion: on-commit
