"""The project's log line format, shared by Django's settings and Gunicorn.

This module imports nothing, so that ``gunicorn.conf.py`` can read it in the
master process without loading Django or the package's Celery app.
"""

LOG_FORMAT = "%(asctime)s %(levelname)s [%(name)s] %(process)d %(message)s"
