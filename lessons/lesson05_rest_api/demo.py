"""The narrated demo of lesson 05, run by ``python manage.py lesson run 05``."""

from django.apps import apps
from rich.console import Console


def run(console: Console) -> None:
    """Walk through the lesson step by step."""
    lesson = apps.get_app_config("lesson05_rest_api")
    console.print(lesson.summary)
