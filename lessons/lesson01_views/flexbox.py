"""The Flexbox reference: every property the course teaches, as plain data.

Lesson 01 comes before any model, so the reference lives in a tuple. The
numeric properties (gap, order, flex-grow, flex-shrink, flex-basis) accept
infinitely many values in CSS; the course keeps a short list of each, so that
the playground can accept a value only when it is on a list.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404

CONTAINER = "container"
ITEM = "item"


# region: flex-property
@dataclass(frozen=True)
class FlexProperty:
    """One CSS property: where it applies, what it accepts, what it does."""

    name: str
    applies_to: str
    values: tuple[str, ...]
    default: str
    summary: str

    def __post_init__(self) -> None:
        if self.default not in self.values:
            raise ValueError(f"{self.name}: default {self.default!r} not allowed")
            # endregion: flex-property


# region: properties
PROPERTIES: tuple[FlexProperty, ...] = (
    FlexProperty(
        "display",
        CONTAINER,
        ("flex", "inline-flex"),
        "flex",
        "Turns the element into a flex container and its children into items.",
    ),
    FlexProperty(
        "flex-direction",
        CONTAINER,
        ("row", "row-reverse", "column", "column-reverse"),
        "row",
        "Sets the main axis, the line along which the items are placed.",
    ),
    # endregion: properties
    FlexProperty(
        "flex-wrap",
        CONTAINER,
        ("nowrap", "wrap", "wrap-reverse"),
        "nowrap",
        "Lets items break onto new lines when they no longer fit on one.",
    ),
    FlexProperty(
        "justify-content",
        CONTAINER,
        (
            "flex-start",
            "flex-end",
            "center",
            "space-between",
            "space-around",
            "space-evenly",
        ),
        "flex-start",
        "Shares the free space along the main axis.",
    ),
    FlexProperty(
        "align-items",
        CONTAINER,
        ("stretch", "flex-start", "flex-end", "center", "baseline"),
        "stretch",
        "Places every item on the cross axis, within its line.",
    ),
    FlexProperty(
        "align-content",
        CONTAINER,
        (
            "normal",
            "flex-start",
            "flex-end",
            "center",
            "space-between",
            "space-around",
            "stretch",
        ),
        "normal",
        "Shares the free cross-axis space between lines; needs wrapping.",
    ),
    FlexProperty(
        "gap",
        CONTAINER,
        ("0px", "4px", "8px", "16px", "32px"),
        "0px",
        "Puts a fixed gutter between neighbouring items and lines.",
    ),
    FlexProperty(
        "order",
        ITEM,
        ("-1", "0", "1", "2"),
        "0",
        "Moves an item before or after its siblings without touching the HTML.",
    ),
    FlexProperty(
        "flex-grow",
        ITEM,
        ("0", "1", "2", "3"),
        "0",
        "How large a share of the free space the item takes when there is some.",
    ),
    FlexProperty(
        "flex-shrink",
        ITEM,
        ("0", "1", "2"),
        "1",
        "How much the item gives up when the items overflow; 0 never shrinks.",
    ),
    FlexProperty(
        "flex-basis",
        ITEM,
        ("auto", "0px", "50px", "120px", "25%"),
        "auto",
        "The item's starting size on the main axis, before growing or shrinking.",
    ),
    FlexProperty(
        "align-self",
        ITEM,
        ("auto", "stretch", "flex-start", "flex-end", "center", "baseline"),
        "auto",
        "Overrides the container's align-items for this one item.",
    ),
)

BY_NAME = {prop.name: prop for prop in PROPERTIES}


class UnknownProperty(LookupError):
    """Raised for a property name the reference does not hold."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(
            f"No Flexbox property {name!r}. Known properties: "
            f"{', '.join(property_names())}."
        )


def property_names(applies_to: str | None = None) -> list[str]:
    """Return the property names in reference order, optionally of one kind."""
    return [prop.name for prop in select_properties(applies_to)]


def select_properties(applies_to: str | None = None) -> list[FlexProperty]:
    """Return the properties, all of them or those of the container or item."""
    return [prop for prop in PROPERTIES if applies_to in (None, prop.applies_to)]


def get_property(name: str) -> FlexProperty:
    """Return the property called ``name`` or raise ``UnknownProperty``."""
    try:
        return BY_NAME[name]
    except KeyError:
        raise UnknownProperty(name) from None


# region: get-property-or-404
def get_property_or_404(name: str) -> FlexProperty:
    """Return the property called ``name``; an unknown name is a 404."""
    try:
        return get_property(name)
    except UnknownProperty as error:
        raise Http404(str(error)) from None
    # endregion: get-property-or-404


# region: declarations
def declarations(values: dict[str, str], applies_to: str) -> str:
    """Return a CSS declaration list, such as ``gap: 8px``, for one element.

    Only call it with validated values: it writes them into CSS as they are.
    """
    return "; ".join(
        f"{prop.name}: {values.get(prop.name) or prop.default}"
        for prop in select_properties(applies_to)
    )
    # endregion: declarations


@dataclass(frozen=True)
class Question:
    """A quiz question whose answer is one value of one property."""

    number: int
    prompt: str
    property_name: str
    answer: str

    @property
    def flex_property(self) -> FlexProperty:
        return get_property(self.property_name)

    @property
    def next_number(self) -> int | None:
        return self.number + 1 if self.number < len(QUESTIONS) else None

    def is_right(self, answer: str) -> bool:
        return answer == self.answer


QUESTIONS: tuple[Question, ...] = (
    Question(
        1,
        "Which justify-content value leaves equal space before, between and "
        "after the items?",
        "justify-content",
        "space-evenly",
    ),
    Question(
        2,
        "Which flex-direction stacks the items from the bottom up?",
        "flex-direction",
        "column-reverse",
    ),
    Question(
        3,
        "Which flex-shrink value keeps an item from ever getting narrower than "
        "its basis?",
        "flex-shrink",
        "0",
    ),
)


def get_question_or_404(number: int) -> Question:
    """Return quiz question ``number`` (counted from 1); a missing one is a 404."""
    if 1 <= number <= len(QUESTIONS):
        return QUESTIONS[number - 1]
    raise Http404(f"No question {number}; the quiz has {len(QUESTIONS)}.")
