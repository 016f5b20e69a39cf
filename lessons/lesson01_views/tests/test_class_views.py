"""The class-based views, and the detail page written both ways."""

import pytest
from django.test import Client
from django.urls import reverse

from lessons.lesson01_views.flexbox import CONTAINER, ITEM, property_names

LIST = reverse("lesson01:property-list")


def test_the_home_page_links_every_endpoint(client: Client) -> None:
    response = client.get(reverse("lesson01:index"))
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("playground", "property-list", "property-list-json", "cheatsheet"):
        assert f'href="{reverse(f"lesson01:{name}")}' in html
    assert response.context["item_properties"][0].name == "order"


def test_the_list_shows_every_property(client: Client) -> None:
    response = client.get(LIST)
    assert response.status_code == 200
    assert [prop.name for prop in response.context["properties"]] == property_names()
    assert b"12 properties." in response.content


@pytest.mark.parametrize("applies_to", [CONTAINER, ITEM])
def test_the_list_filters_by_what_a_property_styles(client, applies_to) -> None:
    response = client.get(LIST, {"applies_to": applies_to})
    shown = [prop.name for prop in response.context["properties"]]
    assert shown == property_names(applies_to)


def test_a_bad_filter_is_a_400_naming_the_choices(client: Client) -> None:
    response = client.get(LIST, {"applies_to": "page"})
    assert response.status_code == 400
    assert b"Allowed values: container, item." in response.content
    response = client.get(LIST, {"applies_to": "page", "format": "json"})
    assert response.json()["errors"]["applies_to"]["allowed"] == [CONTAINER, ITEM]


def test_the_detail_views_written_both_ways_give_the_same_page(client) -> None:
    as_class = client.get(reverse("lesson01:property-detail", args=["flex-wrap"]))
    as_function = client.get(reverse("lesson01:fbv-detail", args=["flex-wrap"]))
    assert as_class.status_code == as_function.status_code == 200
    assert as_class.content == as_function.content
    assert b"wrap-reverse" in as_class.content


def test_the_detail_view_is_a_404_for_an_unknown_property(client) -> None:
    response = client.get(reverse("lesson01:property-detail", args=["float"]))
    assert response.status_code == 404


def test_a_class_based_view_also_allows_options(client: Client) -> None:
    response = client.post(reverse("lesson01:property-detail", args=["gap"]))
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, HEAD, OPTIONS"


def quiz(number: int) -> str:
    return reverse("lesson01:quiz", args=[number])


def test_the_quiz_asks_with_the_property_s_values(client: Client) -> None:
    response = client.get(quiz(1))
    assert response.status_code == 200
    assert b'value="space-evenly"' in response.content
    assert b"csrfmiddlewaretoken" in response.content


def test_a_right_and_a_wrong_answer(client: Client) -> None:
    right = client.post(quiz(1), {"answer": "space-evenly"})
    assert right.context["verdict"] is True
    wrong = client.post(quiz(1), {"answer": "center"})
    assert wrong.status_code == 200
    assert wrong.context["verdict"] is False
    assert b"the answer is <code>space-evenly</code>" in wrong.content


@pytest.mark.parametrize("data", [{}, {"answer": "diagonal"}], ids=["none", "bad"])
def test_a_missing_or_bad_answer_is_a_400(client: Client, data) -> None:
    response = client.post(quiz(2), data, headers={"Accept": "application/json"})
    assert response.status_code == 400
    assert "column-reverse" in response.json()["errors"]["answer"]["allowed"]


def test_a_question_that_does_not_exist_is_a_404(client: Client) -> None:
    assert client.get(quiz(99)).status_code == 404
    assert client.post(quiz(99), {"answer": "row"}).status_code == 404


def test_the_answer_travels_in_the_body_not_the_query_string(client) -> None:
    response = client.post(f"{quiz(1)}?answer=space-evenly")
    assert response.status_code == 400


def test_a_post_without_the_csrf_token_is_forbidden() -> None:
    client = Client(enforce_csrf_checks=True)
    assert client.post(quiz(1), {"answer": "space-evenly"}).status_code == 403
    client.get(quiz(1))
    token = client.cookies["csrftoken"].value
    response = client.post(
        quiz(1), {"answer": "space-evenly", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 200
