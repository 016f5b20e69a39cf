"""The same reference through Django REST framework."""

import pytest
from django.test import Client
from django.urls import reverse

from lessons.lesson01_views.flexbox import property_names

LIST = reverse("lesson01:api-property-list")


def detail(name: str) -> str:
    return reverse("lesson01:api-property-detail", args=[name])


def test_the_list_serializes_every_property_with_its_url(client: Client) -> None:
    response = client.get(LIST, headers={"Accept": "application/json"})
    assert response.status_code == 200
    body = response.json()
    assert [prop["name"] for prop in body] == property_names()
    assert body[0]["url"] == "http://testserver" + detail("display")


def test_the_list_filter_is_validated_by_a_serializer(client: Client) -> None:
    response = client.get(LIST, {"applies_to": "item"})
    assert [prop["name"] for prop in response.json()] == property_names("item")
    response = client.get(LIST, {"applies_to": "page"})
    assert response.status_code == 400
    assert response.json() == {
        "applies_to": [
            '"page" is not allowed for applies_to. Allowed values: container, item.'
        ]
    }


def test_one_property(client: Client) -> None:
    response = client.get(detail("align-self"))
    assert response.status_code == 200
    assert response.json()["default"] == "auto"


def test_an_unknown_property_is_a_404_with_a_detail(client: Client) -> None:
    response = client.get(detail("float"))
    assert response.status_code == 404
    assert "Known properties: display" in response.json()["detail"]


@pytest.mark.parametrize(
    ("accept", "query", "content_type"),
    [
        ("application/json", {}, "application/json"),
        ("text/html", {}, "text/html; charset=utf-8"),
        ("text/html,*/*;q=0.8", {"format": "json"}, "application/json"),
    ],
)
def test_content_negotiation_picks_json_or_the_browsable_api(
    client: Client, accept, query, content_type
) -> None:
    response = client.get(detail("gap"), query, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["Content-Type"] == content_type


def test_the_browsable_api_is_a_page_around_the_same_data(client: Client) -> None:
    response = client.get(detail("gap"), headers={"Accept": "text/html"})
    assert b"Django REST framework" in response.content
    assert b"&quot;name&quot;: &quot;gap&quot;" in response.content


def test_a_type_the_api_cannot_render_is_a_406(client: Client) -> None:
    response = client.get(detail("gap"), headers={"Accept": "application/xml"})
    assert response.status_code == 406


def test_format_narrows_the_renderers_but_accept_must_still_match(client) -> None:
    # Unlike the playground, where ?format=json wins outright.
    response = client.get(
        detail("gap"), {"format": "json"}, headers={"Accept": "text/html"}
    )
    assert response.status_code == 406


def test_a_write_is_a_405_and_options_describes_the_view(client: Client) -> None:
    response = client.post(detail("gap"), {})
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, HEAD, OPTIONS"
    options = client.options(detail("gap"))
    assert options.json()["name"] == "Property Detail Api"
