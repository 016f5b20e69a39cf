"""The narrated demo of lesson 03, run by ``python manage.py lesson run 03``."""

from django.apps import apps
from rich.console import Console


def run(console: Console) -> None:
    """Walk through the lesson step by step."""
    lesson = apps.get_app_config("lesson03_celery")
    console.print(lesson.summary)
