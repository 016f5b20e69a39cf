"""Throttling: each client's budget, counted in the cache, and the 429 it earns."""

from __future__ import annotations

import pytest

from .conftest import client_for


@pytest.fixture
def tight_rates(settings) -> None:
    rates = {"anon": "3/minute", "user": "5/minute", "credentials": "2/minute"}
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": rates,
    }


# region: throttle-test
def test_an_anonymous_client_gets_429_with_retry_after(anon, course, tight_rates):
    answers = [anon.get("/api/courses/").status_code for _ in range(4)]

    assert answers == [200, 200, 200, 429]
    refused = anon.get("/api/courses/")
    assert 0 < int(refused["Retry-After"]) <= 60
    assert "throttled" in refused.json()["detail"]


# endregion: throttle-test


def test_a_learner_has_a_budget_of_their_own(
    as_learner, as_other, course, tight_rates
) -> None:
    answers = [as_learner.get("/api/courses/").status_code for _ in range(6)]

    assert answers == [200] * 5 + [429]
    assert as_other.get("/api/courses/").status_code == 200


def test_a_forged_forwarded_for_header_buys_no_new_budget(anon, course, tight_rates):
    for n in range(3):
        anon.get("/api/courses/", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")

    assert anon.get("/api/courses/", HTTP_X_FORWARDED_FOR="10.9.9.9").status_code == 429


def test_password_guessing_is_throttled(anon, learner, tight_rates) -> None:
    guess = {"username": "ada", "password": "guess"}
    answers = [anon.post("/api/auth/login/", guess).status_code for _ in range(3)]

    assert answers == [400, 400, 429]
    assert "Retry-After" in anon.post("/api/auth/login/", guess)


def test_the_counters_live_in_the_cache(anon, course, tight_rates) -> None:
    from django.core.cache import cache

    for _ in range(3):
        anon.get("/api/courses/")
    assert anon.get("/api/courses/").status_code == 429

    cache.clear()

    assert anon.get("/api/courses/").status_code == 200


def test_staff_are_throttled_like_anyone(staff, course, tight_rates) -> None:
    client = client_for(staff)
    answers = [client.get("/api/courses/").status_code for _ in range(6)]
    assert answers[-1] == 429
