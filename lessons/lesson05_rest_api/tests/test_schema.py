"""The schema is valid, complete, served; Swagger UI loads with no CDN."""

from __future__ import annotations

import re
from io import StringIO

import pytest
import yaml
from django.core.management import call_command
from django.test import Client

from .conftest import build_catalogue


@pytest.fixture
def schema(client: Client, db) -> dict:
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    return response.json()


# region: spectacular-validate
def test_the_schema_validates_with_no_warning(tmp_path) -> None:
    out = tmp_path / "schema.yaml"
    call_command(
        "spectacular",
        "--validate",
        "--fail-on-warn",
        "--file",
        str(out),
        stdout=StringIO(),
    )
    assert yaml.safe_load(out.read_text())["openapi"].startswith("3.")


# endregion: spectacular-validate


def test_the_schema_holds_only_the_api(schema: dict) -> None:
    assert schema["paths"]
    assert all(path.startswith("/api/") for path in schema["paths"])
    assert "/api/schema/" not in schema["paths"]


def test_every_operation_documents_its_errors(schema: dict) -> None:
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            assert "429" in codes, f"{method} {path}"
            assert operation["responses"]["429"]["headers"]["Retry-After"]
            if method in {"post", "delete"}:
                assert codes & {"400", "204"}, f"{method} {path}"
            if "{" in path:
                assert "404" in codes, f"{method} {path}"
            if not path.startswith("/api/auth/") or path.endswith("logout/"):
                assert "401" in codes, f"{method} {path}"


def test_every_operation_has_a_summary(schema: dict) -> None:
    for operations in schema["paths"].values():
        for operation in operations.values():
            assert operation.get("summary")


def test_the_schema_offers_token_and_session_authentication(schema: dict) -> None:
    assert set(schema["components"]["securitySchemes"]) == {"tokenAuth", "cookieAuth"}


def test_swagger_ui_loads_nothing_from_another_host(client: Client, db) -> None:
    page = client.get("/api/docs/")

    assert page.status_code == 200
    html = page.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets
    assert not [url for url in assets if re.match(r"(https?:)?//", url)]
    for url in assets:
        assert client.get(url).status_code == 200, url


def test_the_lesson_page_links_the_documentation(client: Client, db) -> None:
    html = client.get("/lessons/05-rest-api/").content.decode()
    for target in ("/api/docs/", "/api/schema/", "/api/courses/"):
        assert f'href="{target}"' in html


@pytest.mark.browser
def test_swagger_ui_renders_every_operation_offline(page, live_server, db) -> None:
    build_catalogue(1)
    outside = []

    def only_localhost(route) -> None:
        if route.request.url.startswith(live_server.url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_localhost)
    page.goto(f"{live_server.url}/api/docs/")
    page.wait_for_selector(".opblock-summary-path", timeout=20000)

    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/progress/" in {p.strip() for p in paths}
    assert outside == []
