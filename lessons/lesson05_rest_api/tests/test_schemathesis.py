"""Tests generated from the schema: no 5xx, and every answer as documented.

Schemathesis reads ``/api/schema/`` from the application itself and sends
each operation requests made up from its parameters and bodies, valid ones
and deliberately broken ones, in-process through the WSGI application.
Every request carries a learner's token, so the writes run too. The
number of examples per operation is bounded here; ``lesson bench 05``
runs the same test with many more (``API_FUZZ_EXAMPLES``).
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from django_docker_project.wsgi import application
from lessons.lesson02_orm.loader import catalogue_load

from .conftest import make_user

EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", "25"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


# Read once, at collection, from the application itself: no server needed.
schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)


@pytest.fixture
def fuzzer(db, settings):
    """A learner among the demo catalogue, with budgets no test will exhaust."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            "anon": "100000/minute",
            "user": "100000/minute",
            "credentials": "100000/minute",
        },
    }
    catalogue_load()  # real slugs and chapter ids for the examples to hit
    # Django's own test client does this: the WSGI handler would otherwise
    # close the connection that holds the test's transaction on PostgreSQL.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield make_user("fuzzer")
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


# region: schemathesis
@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_keeps_its_contract(case, fuzzer) -> None:
    # A fresh token per example, since an example may have logged out.
    token, _ = Token.objects.get_or_create(user=fuzzer)
    case.call_and_validate(
        headers={"Authorization": f"Token {token.key}"}, checks=CHECKS
    )


# endregion: schemathesis
