"""Errors of lesson 03's services.

A ``PermanentError`` is bad input: retrying cannot help, so tasks let it
fail at once. Anything in ``TRANSIENT_ERRORS`` may pass on its own, and the
tasks retry it with backoff.
"""

from __future__ import annotations

from django.db import InterfaceError, OperationalError


class PermanentError(Exception):
    """Input that no retry can fix."""


class CourseNotFound(PermanentError):
    """No course has the id a report was asked for."""


class EnrollmentNotFound(PermanentError):
    """No enrollment has the id a certificate was asked for."""


class CourseNotCompleted(PermanentError):
    """The learner still has chapters to finish."""


class TransientError(Exception):
    """A failure that may pass if the work is tried again later."""


TRANSIENT_ERRORS = (TransientError, OperationalError, InterfaceError)
