"""The URLconf: converters, names, and where the lesson is mounted."""

import pytest
from django.urls import NoReverseMatch, Resolver404, resolve, reverse

from lessons.lesson01_views import class_views, views


def test_the_lesson_is_mounted_under_its_prefix() -> None:
    assert reverse("lesson01:index") == "/lessons/01-views/"
    assert reverse("lesson01:quiz", kwargs={"number": 3}) == "/lessons/01-views/quiz/3/"


def test_resolve_finds_the_view_and_converts_the_arguments() -> None:
    match = resolve("/lessons/01-views/quiz/2/")
    assert match.func.view_class is class_views.QuizView
    assert match.kwargs == {"number": 2}
    match = resolve("/lessons/01-views/properties/gap.json")
    assert match.func is views.property_json
    assert match.view_name == "lesson01:property-json"


def test_a_converter_refuses_what_it_cannot_convert() -> None:
    with pytest.raises(Resolver404):
        resolve("/lessons/01-views/quiz/one/")
    with pytest.raises(NoReverseMatch):
        reverse("lesson01:property-detail", args=["not a slug"])
