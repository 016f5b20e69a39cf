"""The four listings build one payload; only the naive one grows in queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lessons.lesson02_orm.listings import (
    listing_naive,
    listing_outline,
    listing_prefetched,
    listing_values,
)
from lessons.lesson02_orm.loader import catalogue_load

CURED = [listing_prefetched, listing_outline, listing_values]


def queries(listing) -> tuple[int, list[dict]]:
    with CaptureQueriesContext(connection) as captured:
        payload = listing()
    return len(captured), payload


@pytest.mark.django_db
def test_every_listing_builds_the_same_payload():
    catalogue_load()

    payloads = [listing() for listing in (listing_naive, *CURED)]

    assert all(payload == payloads[0] for payload in payloads)
    assert [course["slug"] for course in payloads[0]][:2] == ["celery", "css-grid"]


@pytest.mark.parametrize("listing", CURED, ids=lambda f: f.__name__)
@pytest.mark.parametrize("size", [3, 30])
def test_a_cured_listing_takes_two_queries_for_any_size(make_course, listing, size):
    for _ in range(size):
        make_course(chapters=2)

    count, payload = queries(listing)

    assert (count, len(payload)) == (2, size)


@pytest.mark.parametrize("size", [3, 30])
def test_the_naive_listing_takes_two_queries_per_course(make_course, size):
    for _ in range(size):
        make_course(chapters=2)

    count, _ = queries(listing_naive)

    assert count == 1 + 2 * size
