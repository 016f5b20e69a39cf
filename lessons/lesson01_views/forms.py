"""Forms of lesson 01: every value a request brings in is checked by one."""

from __future__ import annotations

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from .flexbox import CONTAINER, ITEM, PROPERTIES, FlexProperty, Question

FORMATS = ("html", "json")


# region: property-field
def property_field(prop: FlexProperty) -> forms.ChoiceField:
    """Return a choice field that accepts exactly the property's values."""
    # The message is %-formatted with the value, so a literal % (as in 25%)
    # must be doubled.
    allowed = ", ".join(prop.values).replace("%", "%%")
    return forms.ChoiceField(
        choices=[(value, value) for value in prop.values],
        required=False,
        initial=prop.default,
        label=prop.name,
        help_text=prop.summary,
        error_messages={
            "invalid_choice": (
                f'"%(value)s" is not allowed for {prop.name}. '
                f"Allowed values: {allowed}."
            )
        },
    )
    # endregion: property-field


def format_field() -> forms.ChoiceField:
    """Return the field that lets a client ask for JSON in the query string."""
    return forms.ChoiceField(
        choices=[(name, name) for name in FORMATS],
        required=False,
        error_messages={
            "invalid_choice": (
                f'"%(value)s" is not allowed for format. '
                f"Allowed values: {', '.join(FORMATS)}."
            )
        },
    )


# region: playground-form
class PlaygroundForm(forms.Form):
    """The playground's query string: one field per Flexbox property."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for prop in PROPERTIES:
            self.fields[prop.name] = property_field(prop)
        self.fields["format"] = format_field()

    def clean(self) -> dict:
        cleaned = super().clean()
        unknown = sorted(set(self.data) - set(self.fields))
        if unknown:
            raise ValidationError(
                "Unknown parameter %(unknown)s. Known parameters: %(known)s.",
                code="unknown_parameter",
                params={"unknown": ", ".join(unknown), "known": ", ".join(self.fields)},
            )
        for prop in PROPERTIES:
            if not cleaned.get(prop.name):
                cleaned[prop.name] = prop.default
        return cleaned
        # endregion: playground-form

    def bound_fields(self, applies_to: str) -> list[forms.BoundField]:
        """Return the bound fields of the container's or the item's properties."""
        return [self[prop.name] for prop in PROPERTIES if prop.applies_to == applies_to]


class PropertyFilterForm(forms.Form):
    """The reference list's optional filter, ``?applies_to=container``."""

    applies_to = forms.ChoiceField(
        choices=[(CONTAINER, CONTAINER), (ITEM, ITEM)],
        required=False,
        error_messages={
            "invalid_choice": (
                f'"%(value)s" is not allowed for applies_to. '
                f"Allowed values: {CONTAINER}, {ITEM}."
            )
        },
    )


class QuizForm(forms.Form):
    """One answer to one quiz question, picked among the property's values."""

    answer = forms.ChoiceField(widget=forms.RadioSelect)

    def __init__(self, question: Question, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        values = question.flex_property.values
        field = self.fields["answer"]
        field.choices = [(value, value) for value in values]
        field.error_messages["invalid_choice"] = (
            f'"%(value)s" is not allowed for answer. Allowed values: '
            f"{', '.join(values).replace('%', '%%')}."
        )


def allowed_values(form: forms.Form, name: str) -> list[str]:
    """Return the values a choice field of ``form`` accepts, or its names."""
    if name == NON_FIELD_ERRORS:
        return list(form.fields)
    return [str(value) for value, _label in form.fields[name].choices]
