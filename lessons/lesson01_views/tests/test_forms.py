"""The forms accept exactly the reference's values and name what they accept."""

import pytest
from django.http import QueryDict

from lessons.lesson01_views.flexbox import PROPERTIES, get_question_or_404
from lessons.lesson01_views.forms import PlaygroundForm, QuizForm


def form_for(query: str) -> PlaygroundForm:
    return PlaygroundForm(QueryDict(query))


def test_an_empty_query_is_valid_and_gives_every_default() -> None:
    form = form_for("")
    assert form.is_valid()
    for prop in PROPERTIES:
        assert form.cleaned_data[prop.name] == prop.default


@pytest.mark.parametrize("prop", PROPERTIES, ids=lambda prop: prop.name)
def test_every_allowed_value_is_accepted(prop) -> None:
    for value in prop.values:
        form = PlaygroundForm({prop.name: value})
        assert form.is_valid(), form.errors
        assert form.cleaned_data[prop.name] == value


@pytest.mark.parametrize("prop", PROPERTIES, ids=lambda prop: prop.name)
def test_a_value_outside_the_set_names_the_field_and_the_allowed_values(prop) -> None:
    form = PlaygroundForm({prop.name: "1000px; background: red"})
    assert not form.is_valid()
    [message] = form.errors[prop.name]
    assert f"not allowed for {prop.name}" in message
    assert f"Allowed values: {', '.join(prop.values)}." in message


def test_a_value_is_matched_exactly_not_by_case_or_padding() -> None:
    for value in ("Column", " column", "column "):
        assert not PlaygroundForm({"flex-direction": value}).is_valid()


def test_an_unknown_parameter_is_refused_with_the_known_ones() -> None:
    form = form_for("flex-directon=column")
    assert not form.is_valid()
    [message] = form.non_field_errors()
    assert "Unknown parameter flex-directon" in message
    assert "flex-direction" in message


def test_format_accepts_html_and_json_only() -> None:
    assert form_for("format=json").is_valid()
    form = form_for("format=xml")
    assert not form.is_valid()
    assert "Allowed values: html, json." in form.errors["format"][0]


def test_the_quiz_offers_the_values_of_the_question_s_property() -> None:
    question = get_question_or_404(2)
    form = QuizForm(question, {"answer": "diagonal"})
    assert not form.is_valid()
    assert "row, row-reverse, column, column-reverse" in form.errors["answer"][0]
    assert QuizForm(question, {"answer": "column-reverse"}).is_valid()
