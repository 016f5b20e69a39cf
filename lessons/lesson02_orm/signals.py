"""Signals the catalogue sends, for later lessons to react to.

``course_completed`` is sent by ``services.chapter_complete`` inside its
transaction, once, when a learner's last missing chapter of a course is
recorded; its only argument is ``enrollment``. A receiver that starts work
outside the database (a Celery task, an email) should defer it with
``transaction.on_commit`` so that a rolled-back completion starts nothing.
"""

from django.dispatch import Signal

# region: signal
course_completed = Signal()  # kwargs: enrollment
# endregion: signal
