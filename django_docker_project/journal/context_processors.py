from django.http import HttpRequest

from .registry import all_lessons


def lessons(request: HttpRequest) -> dict:
    """Give every template the lessons, for the navigation."""
    return {"all_lessons": all_lessons()}
