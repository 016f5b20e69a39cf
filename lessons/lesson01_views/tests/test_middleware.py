"""The timing middleware: on every response the view produced, where it sits."""

import pytest
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from lessons.lesson01_views.middleware import RequestTimingMiddleware

HEADER = "X-Request-Duration-Ms"


def test_it_is_the_innermost_middleware() -> None:
    path = "lessons.lesson01_views.middleware.RequestTimingMiddleware"
    assert settings.MIDDLEWARE[-1] == path


def test_it_adds_the_duration_to_a_response() -> None:
    def view(request: HttpRequest) -> HttpResponse:
        return HttpResponse("ok")

    response = RequestTimingMiddleware(view)(RequestFactory().get("/"))
    assert float(response[HEADER]) >= 0


@pytest.mark.parametrize(
    ("path", "status"),
    [
        (reverse("lesson01:index"), 200),
        (reverse("lesson01:property-detail", args=["float"]), 404),
        (reverse("lesson01:playground") + "?gap=9px", 400),
        ("/lessons/01-views/reference/", 301),
    ],
)
def test_every_answer_of_a_view_carries_the_header(client: Client, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert float(response.headers[HEADER]) >= 0


def test_a_redirect_made_by_outer_middleware_does_not(client: Client) -> None:
    # CommonMiddleware sits above it and swaps the 404 for a new response.
    response = client.get("/lessons/01-views/properties")
    assert response.status_code == 301
    assert HEADER not in response.headers
