"""The narrated demo of lesson 02, run by ``python manage.py lesson run 02``."""

from django.apps import apps
from rich.console import Console


def run(console: Console) -> None:
    """Walk through the lesson step by step."""
    lesson = apps.get_app_config("lesson02_orm")
    console.print(lesson.summary)
