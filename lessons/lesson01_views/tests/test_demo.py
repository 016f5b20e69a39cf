"""``lesson run 01`` walks the request cycle, with no database at all."""

from io import StringIO

from rich.console import Console

from lessons.lesson01_views import demo


def test_the_demo_walks_every_step_without_a_database() -> None:
    # No django_db mark: any query would fail this test.
    out = StringIO()
    demo.run(Console(file=out, width=120, highlight=False, soft_wrap=True))
    text = out.getvalue()
    for step in demo.steps():
        assert step.title in text
    for expected in (
        "lessons.lesson01_views.class_views.PropertyListView (class)",
        "lessons.lesson01_views.views.property_json (function)",
        "404 Not Found",
        "405 Method Not Allowed",
        "Allow                  GET, HEAD",
        "Location               /lessons/01-views/properties/order/",
        "is not allowed for flex-direction",
        "no URL pattern matches",
        "without a token -> 403",
        "with the token from the page -> 200 (Right)",
    ):
        assert expected in text
