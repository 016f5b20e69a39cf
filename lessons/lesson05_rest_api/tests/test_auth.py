"""Accounts: register, log in, log out; tokens and sessions; 401 versus 403."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from lessons.lesson05_rest_api.services import UsernameTaken, learner_register

from .conftest import make_user

GOOD = {"username": "linus", "email": "linus@example.test", "password": "kernel-42x!"}


def test_registering_returns_a_token_that_works(anon, db) -> None:
    response = anon.post("/api/auth/register/", GOOD)

    assert response.status_code == 201
    token = response.json()["token"]
    assert response.json()["username"] == "linus"
    anon.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert anon.get("/api/enrollments/").status_code == 200


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"username": ""}, "username"),
        ({"username": "no spaces allowed"}, "username"),
        ({"email": "not-an-email"}, "email"),
        ({"password": "123"}, "password"),
        ({"password": "qwertyuiop"}, "password"),
        ({"password": None}, "password"),
    ],
)
def test_registration_rejects_bad_input_naming_the_field(
    anon, db, change: dict, field: str
) -> None:
    data = {
        key: value for key, value in {**GOOD, **change}.items() if value is not None
    }

    response = anon.post("/api/auth/register/", data)

    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert not get_user_model().objects.exists()


def test_a_taken_username_is_a_400(anon, learner) -> None:
    response = anon.post("/api/auth/register/", {**GOOD, "username": "ada"})
    assert response.status_code == 400
    assert "username" in response.json()


def test_logging_in_returns_the_learner_s_token(anon, learner) -> None:
    response = anon.post(
        "/api/auth/login/", {"username": "ada", "password": "a-long-passphrase"}
    )
    again = anon.post(
        "/api/auth/login/", {"username": "ada", "password": "a-long-passphrase"}
    )

    assert response.status_code == 200
    assert response.json()["token"] == Token.objects.get(user=learner).key
    assert again.json()["token"] == response.json()["token"]


@pytest.mark.parametrize(
    "credentials",
    [
        {"username": "ada", "password": "wrong"},
        {"username": "nobody", "password": "a-long-passphrase"},
    ],
)
def test_bad_credentials_get_one_message_for_both_cases(
    anon, learner, credentials: dict
) -> None:
    response = anon.post("/api/auth/login/", credentials)
    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": ["Unable to log in with this username and password."]
    }


def test_login_names_missing_fields(anon, db) -> None:
    response = anon.post("/api/auth/login/", {})
    assert response.status_code == 400
    assert set(response.json()) == {"username", "password"}


def test_logging_out_revokes_the_token(as_learner, learner) -> None:
    assert as_learner.post("/api/auth/logout/").status_code == 204
    assert not Token.objects.filter(user=learner).exists()
    assert as_learner.get("/api/enrollments/").status_code == 401


def test_logging_out_needs_credentials(anon, db) -> None:
    assert anon.post("/api/auth/logout/").status_code == 401


def test_an_anonymous_write_is_a_401_with_a_token_challenge(anon, course) -> None:
    response = anon.post("/api/enrollments/", {"course": course.slug})
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_a_forged_token_is_a_401_even_on_public_pages(db) -> None:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token 0123456789abcdef")
    assert client.get("/api/courses/").status_code == 401


def test_a_session_works_and_its_writes_need_the_csrf_token(course) -> None:
    make_user("sam")
    client = APIClient(enforce_csrf_checks=True)
    client.login(username="sam", password="a-long-passphrase")

    assert client.get("/api/enrollments/").status_code == 200
    refused = client.post("/api/enrollments/", {"course": course.slug})
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]


def test_a_registration_race_is_a_domain_error_not_an_integrity_error(learner):
    # Two sign-ups with one name both pass the serializer's uniqueness check;
    # the second insert then hits the unique index, which the service reports.
    with pytest.raises(UsernameTaken) as raised:
        learner_register(username="ada", email="", password="a-long-passphrase")
    assert raised.value.as_dict() == {
        "username": ["A learner with that username already exists."]
    }
    assert get_user_model().objects.count() == 1
