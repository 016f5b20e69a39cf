# Importing the Celery app here makes ``celery -A django_docker_project`` and
# ``@shared_task`` use it.
from .celery import app as celery_app

__all__ = ("celery_app",)
