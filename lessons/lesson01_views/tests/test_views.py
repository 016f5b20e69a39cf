"""The function-based views: status codes, headers, bodies and every 400."""

import pytest
from django.test import Client
from django.urls import reverse

from lessons.lesson01_views.flexbox import PROPERTIES

PLAYGROUND = reverse("lesson01:playground")


def test_the_reference_as_json_lists_every_property(client: Client) -> None:
    response = client.get(reverse("lesson01:property-list-json"))
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json"
    names = [prop["name"] for prop in response.json()["properties"]]
    assert names == [prop.name for prop in PROPERTIES]


def test_one_property_as_json(client: Client) -> None:
    response = client.get(reverse("lesson01:property-json", args=["gap"]))
    assert response.status_code == 200
    assert response.json()["values"] == ["0px", "4px", "8px", "16px", "32px"]


def test_an_unknown_property_as_json_is_a_json_404(client: Client) -> None:
    response = client.get(reverse("lesson01:property-json", args=["float"]))
    assert response.status_code == 404
    assert response.headers["Content-Type"] == "application/json"
    assert "Known properties: display" in response.json()["error"]


@pytest.mark.parametrize(
    "name", ["property-list-json", "cheatsheet", "playground"], ids=str
)
def test_a_post_to_a_read_only_view_is_a_405_with_allow(client: Client, name) -> None:
    response = client.post(reverse(f"lesson01:{name}"))
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, HEAD"


def test_the_cheatsheet_is_plain_text(client: Client) -> None:
    response = client.get(reverse("lesson01:cheatsheet"))
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[1] == (
        "flex-direction: row | row-reverse | column | column-reverse (default row)"
    )
    assert len(lines) == len(PROPERTIES)


def test_the_old_reference_addresses_redirect_for_good(client: Client) -> None:
    response = client.get("/lessons/01-views/reference/")
    assert response.status_code == 301
    assert response.headers["Location"] == "/lessons/01-views/properties/"
    response = client.get("/lessons/01-views/reference/order/", follow=True)
    assert response.redirect_chain == [("/lessons/01-views/properties/order/", 301)]
    assert response.status_code == 200


def test_the_fbv_detail_is_a_404_for_an_unknown_property(client: Client) -> None:
    response = client.get(reverse("lesson01:fbv-detail", args=["float"]))
    assert response.status_code == 404


def test_the_playground_renders_defaults_without_parameters(client: Client) -> None:
    response = client.get(PLAYGROUND)
    assert response.status_code == 200
    assert response.context["styles"]["container"].startswith(
        "display: flex; flex-direction: row;"
    )
    assert b'id="flex-container"' in response.content


def test_the_playground_puts_validated_values_into_the_style(client: Client) -> None:
    query = {"flex-direction": "column", "gap": "16px", "flex-grow": "2"}
    response = client.get(PLAYGROUND, query)
    container = response.context["styles"]["container"]
    assert "flex-direction: column" in container and "gap: 16px" in container
    assert "flex-grow: 2" in response.context["styles"]["item"]
    html = response.content.decode()
    assert '<option value="column" selected>column</option>' in html
    # A field not in the query shows its default, not the first choice.
    assert '<option value="1" selected>1</option>' in html


def test_head_answers_the_headers_of_get_without_a_body(client: Client) -> None:
    response = client.head(PLAYGROUND, {"gap": "8px"})
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert response.content == b""


def test_the_playground_answers_json_when_asked(client: Client) -> None:
    response = client.get(PLAYGROUND, {"flex-wrap": "wrap", "format": "json"})
    assert response.status_code == 200
    assert "flex-wrap: wrap" in response.json()["container"]


@pytest.mark.parametrize("prop", PROPERTIES, ids=lambda prop: prop.name)
def test_a_bad_value_is_a_json_400_naming_field_and_values(client, prop) -> None:
    response = client.get(
        PLAYGROUND, {prop.name: "inherit"}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 400
    error = response.json()["errors"][prop.name]
    assert error["allowed"] == list(prop.values)
    assert f'"inherit" is not allowed for {prop.name}' in error["messages"][0]


@pytest.mark.parametrize("prop", PROPERTIES, ids=lambda prop: prop.name)
def test_a_bad_value_is_an_html_400_for_a_browser(client, prop) -> None:
    response = client.get(
        PLAYGROUND, {prop.name: "inherit"}, headers={"Accept": "text/html,*/*"}
    )
    assert response.status_code == 400
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    html = response.content.decode()
    assert f'data-field="{prop.name}"' in html
    assert ", ".join(prop.values) in html


def test_markup_in_a_rejected_value_is_escaped(client: Client) -> None:
    attack = '"><script>alert(1)</script>'
    response = client.get(PLAYGROUND, {"justify-content": attack})
    assert response.status_code == 400
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_an_unknown_parameter_is_a_400_listing_the_known_ones(client) -> None:
    response = client.get(PLAYGROUND, {"colour": "red", "format": "json"})
    assert response.status_code == 400
    error = response.json()["errors"]["__all__"]
    assert "Unknown parameter colour" in error["messages"][0]
    assert "flex-direction" in error["allowed"]


def test_a_bad_format_is_a_400_in_html(client: Client) -> None:
    response = client.get(PLAYGROUND, {"format": "xml"})
    assert response.status_code == 400
    assert b'data-field="format"' in response.content


@pytest.mark.parametrize(
    ("query", "accept", "expected"),
    [
        ({}, "application/json", "application/json"),
        ({}, "text/html,application/xhtml+xml,*/*;q=0.8", "text/html; charset=utf-8"),
        ({}, "*/*", "text/html; charset=utf-8"),
        ({"format": "html"}, "application/json", "text/html; charset=utf-8"),
        ({"format": "json"}, "text/html", "application/json"),
    ],
)
def test_the_format_follows_the_query_then_the_accept_header(
    client: Client, query, accept, expected
) -> None:
    response = client.get(PLAYGROUND, query, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["Content-Type"] == expected
