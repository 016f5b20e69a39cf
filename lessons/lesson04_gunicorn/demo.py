"""The narrated demo of lesson 04, run by ``python manage.py lesson run 04``."""

from django.apps import apps
from rich.console import Console


def run(console: Console) -> None:
    """Walk through the lesson step by step."""
    lesson = apps.get_app_config("lesson04_gunicorn")
    console.print(lesson.summary)
