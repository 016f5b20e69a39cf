# syntax=docker/dockerfile:1
# E-Learniverse: one image for the web server, the Celery worker and Beat.
# docker-compose.yml picks the process with `command:`; the default is
# Gunicorn on port 9998, configured by gunicorn.conf.py.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# region: layers
# Dependencies get their own layer, rebuilt only when requirements.txt changes,
# so an edit to the code rebuilds in seconds.
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

# The code stays owned by root: the process can read it but not change it.
COPY . .

# Production serves hashed files from a manifest that collectstatic writes.
# The key below exists for this one command and is not in the image's ENV.
RUN DJANGO_ENV=production \
    SECRET_KEY=build-time-only-key-for-collectstatic-never-used-to-sign-anything \
    python manage.py collectstatic --noinput
# endregion: layers

# region: runtime
# Only /app/data is writable: SQLite, the filesystem broker, lesson progress.
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /app/data \
        --no-create-home --shell /bin/bash app \
    && mkdir -p /app/data/celery \
    && chown -R app:app /app/data

# Defaults for a bare `docker run`: development mode (the built-in key, SQLite,
# the filesystem broker) with DEBUG off. docker-compose.yml and any real
# deployment set DJANGO_ENV=production with their own SECRET_KEY.
ENV DJANGO_ENV=development \
    DEBUG=false \
    DATABASE_URL=sqlite:////app/data/db.sqlite3 \
    CELERY_DATA_DIR=/app/data/celery \
    LESSON_PROGRESS_FILE=/app/data/lesson-progress.json \
    MIGRATE_ON_START=true

# By number, so a runtime can verify that the process is not root.
USER 10001:10001
EXPOSE 9998

HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["python", "/app/docker/healthcheck.py"]

ENTRYPOINT ["/app/docker/entrypoint.sh"]
CMD ["gunicorn", "django_docker_project.wsgi"]
# endregion: runtime
