"""The playground in headless Chromium: the form moves the items on screen."""

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ITEMS = ["#item-1", "#item-2", "#item-3", "#item-4"]


def boxes(page) -> list[dict]:
    return [page.locator(selector).bounding_box() for selector in ITEMS]


def computed(page, selector: str, prop: str) -> str:
    return page.locator(selector).evaluate(
        "(element, prop) => getComputedStyle(element).getPropertyValue(prop)", prop
    )


def test_changing_flex_direction_in_the_form_stacks_the_items(
    live_server, page, artifacts_dir
) -> None:
    page.goto(live_server.url + reverse("lesson01:playground"))
    assert page.input_value("#id_flex-shrink") == "1"
    before = boxes(page)
    assert computed(page, "#flex-container", "flex-direction") == "row"
    assert len({box["y"] for box in before}) == 1
    assert [box["x"] for box in before] == sorted(box["x"] for box in before)

    page.select_option("#id_flex-direction", "column")
    with page.expect_navigation():
        page.get_by_role("button", name="Apply").click()

    assert "flex-direction=column" in page.url
    # The fields left alone were sent with their defaults.
    assert "order=0" in page.url and "flex-shrink=1" in page.url
    assert page.input_value("#id_flex-direction") == "column"
    assert computed(page, "#flex-container", "flex-direction") == "column"
    after = boxes(page)
    assert len({box["x"] for box in after}) == 1
    assert [box["y"] for box in after] == sorted(box["y"] for box in after)
    assert after[1]["y"] > before[1]["y"]
    page.screenshot(
        path=artifacts_dir / "lesson01_playground_column.png", full_page=True
    )


def test_an_item_property_moves_only_the_highlighted_item(live_server, page) -> None:
    page.goto(live_server.url + reverse("lesson01:playground"))
    page.select_option("#id_order", "2")
    page.select_option("#id_flex-grow", "1")
    with page.expect_navigation():
        page.get_by_role("button", name="Apply").click()

    first, *others = boxes(page)
    assert first["x"] > max(box["x"] for box in others)
    assert computed(page, "#item-1", "flex-grow") == "1"
    container = page.locator("#flex-container").bounding_box()
    # Growing, item 1 takes the free space: the row now fills the container.
    assert first["x"] + first["width"] == pytest.approx(
        container["x"] + container["width"] - 2, abs=1
    )


def test_a_value_outside_the_set_never_reaches_the_page(
    live_server, page, artifacts_dir
) -> None:
    url = reverse("lesson01:playground") + "?gap=0px;background:red&display=grid"
    response = page.goto(live_server.url + url)
    assert response.status == 400
    errors = page.locator(".errors li")
    assert errors.count() == 2
    assert (
        "Allowed values: flex, inline-flex."
        in page.locator('[data-field="display"]').inner_text()
    )
    assert page.locator("#flex-container").count() == 0
    page.screenshot(path=artifacts_dir / "lesson01_playground_400.png", full_page=True)
