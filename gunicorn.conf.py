"""Gunicorn's settings, read from the working directory at start-up."""

import os

# Honcho and most platforms pass the port in PORT; the container uses 9998.
bind = os.environ.get("GUNICORN_BIND") or f"0.0.0.0:{os.environ.get('PORT', '9998')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
accesslog = "-"
errorlog = "-"
