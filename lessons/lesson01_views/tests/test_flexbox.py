"""The reference data: consistent, and the selectors around it."""

import pytest
from django.http import Http404

from lessons.lesson01_views.flexbox import (
    CONTAINER,
    ITEM,
    PROPERTIES,
    QUESTIONS,
    FlexProperty,
    UnknownProperty,
    declarations,
    get_property,
    get_property_or_404,
    get_question_or_404,
    property_names,
)

COURSE = [
    "display",
    "flex-direction",
    "flex-wrap",
    "justify-content",
    "align-items",
    "align-content",
    "gap",
    "order",
    "flex-grow",
    "flex-shrink",
    "flex-basis",
    "align-self",
]


def test_the_reference_holds_every_property_of_the_course_once() -> None:
    assert property_names() == COURSE


def test_every_property_has_values_a_default_and_a_summary() -> None:
    for prop in PROPERTIES:
        assert prop.applies_to in {CONTAINER, ITEM}
        assert len(set(prop.values)) == len(prop.values) >= 2
        assert prop.default in prop.values
        assert prop.summary.endswith(".")


def test_a_default_outside_the_values_is_refused() -> None:
    with pytest.raises(ValueError, match="default"):
        FlexProperty("gap", CONTAINER, ("1px",), "2px", "Gutter.")


def test_names_can_be_listed_by_what_they_style() -> None:
    assert property_names(ITEM) == COURSE[7:]
    assert property_names(CONTAINER) == COURSE[:7]


def test_an_unknown_name_raises_with_the_known_ones() -> None:
    with pytest.raises(UnknownProperty, match="Known properties: display"):
        get_property("float")


def test_an_unknown_name_is_a_404_for_views() -> None:
    assert get_property_or_404("gap").name == "gap"
    with pytest.raises(Http404):
        get_property_or_404("float")


def test_declarations_fill_in_defaults_for_missing_values() -> None:
    css = declarations({"flex-direction": "column"}, CONTAINER)
    assert css.startswith("display: flex; flex-direction: column; flex-wrap: nowrap")
    assert "order" not in css


def test_every_quiz_answer_is_an_allowed_value() -> None:
    for question in QUESTIONS:
        assert question.answer in question.flex_property.values
    assert get_question_or_404(1).next_number == 2
    assert get_question_or_404(len(QUESTIONS)).next_number is None
    with pytest.raises(Http404):
        get_question_or_404(0)
