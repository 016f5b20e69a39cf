"""The narrated demo of lesson 01, run by ``python manage.py lesson run 01``."""

from django.apps import apps
from rich.console import Console


def run(console: Console) -> None:
    """Walk through the lesson step by step."""
    lesson = apps.get_app_config("lesson01_views")
    console.print(lesson.summary)
