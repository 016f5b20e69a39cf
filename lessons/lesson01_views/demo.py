"""The narrated demo of lesson 01, run by ``python manage.py lesson run 01``.

Every request goes through Django's test client: the whole stack runs
(middleware, URL resolution, the view, the template), only the network is
left out. Nothing here touches the database, which lesson 01 does not have.
"""

from __future__ import annotations

import contextlib
import html
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.http import HttpResponse
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from rich.console import Console
from rich.panel import Panel
from rich.table import Table

HOST = "127.0.0.1"
QUIET_LOGGERS = ("django.request", "django.security.csrf")
SHOWN_HEADERS = ("Content-Type", "Location", "Allow", "X-Request-Duration-Ms")
EXCERPT_LINES = 10
# Tags that start a new line when a page is shown as text.
BLOCK_TAG = r"</?(?:h\d|p|tr|li|dt|dd|div|pre|table|ul|ol)\b[^>]*>"


@dataclass(frozen=True)
class Step:
    """One request of the walkthrough and why it is worth making."""

    title: str
    why: str
    path: str
    method: str = "GET"
    headers: dict[str, str] = field(default_factory=dict)
    data: dict[str, str] = field(default_factory=dict)


def steps() -> list[Step]:
    """Return the walkthrough, with every address built by ``reverse()``."""
    playground = reverse("lesson01:playground")
    return [
        Step(
            "A class-based ListView renders a template",
            "The query string narrows the list; a Form validated it first.",
            reverse("lesson01:property-list") + "?applies_to=container",
        ),
        Step(
            "A function returns JsonResponse",
            "No template: a dict becomes the body, the header says JSON.",
            reverse("lesson01:property-json", kwargs={"name": "gap"}),
        ),
        Step(
            "An unknown property is a 404",
            "The <slug:name> converter matched; the view found no such property.",
            reverse("lesson01:property-detail", kwargs={"name": "float"}),
        ),
        Step(
            "The wrong method is a 405 that names the right ones",
            "@require_http_methods answers before the view's body runs.",
            reverse("lesson01:property-list-json"),
            method="POST",
        ),
        Step(
            "An address that moved redirects",
            "301 says 'for good': browsers and search engines remember it.",
            reverse("lesson01:old-detail", kwargs={"name": "order"}),
        ),
        Step(
            "The playground with valid values",
            "Each value was checked against the reference before reaching CSS.",
            playground + "?flex-direction=column&justify-content=center",
        ),
        Step(
            "The playground rejects a value, as JSON for an API client",
            "The Accept header asks for JSON; the 400 names field and values.",
            playground + "?flex-direction=diagonal",
            headers={"Accept": "application/json"},
        ),
        Step(
            "Django REST framework serves the same data",
            "An APIView with a Serializer; DRF picks JSON from the Accept header.",
            reverse("lesson01:api-property-detail", kwargs={"name": "flex-wrap"}),
            headers={"Accept": "application/json"},
        ),
        Step(
            "A missing trailing slash",
            "No pattern matches, so CommonMiddleware swaps the 404 for a redirect "
            "(APPEND_SLASH); the new response skipped the timing middleware.",
            reverse("lesson01:property-list").rstrip("/"),
        ),
    ]


def run(console: Console) -> None:
    """Walk through the request cycle, one request at a time."""
    console.print(
        "Each step sends a request through the whole Django stack with the test "
        "client and shows what happened on the way back.\n"
    )
    show_middleware(console)
    client = Client(HTTP_HOST=HOST)
    with quiet_request_log():
        for number, step in enumerate(steps(), start=1):
            response = send(client, step)
            show_step(console, number, step, response)
        show_csrf(console)


def send(client: Client, step: Step) -> HttpResponse:
    """Make the step's request and return the response."""
    method = getattr(client, step.method.lower())
    return method(step.path, data=step.data, headers=step.headers)


@contextlib.contextmanager
def quiet_request_log() -> Iterator[None]:
    """Silence the warnings logged for 4xx answers: the demo reports them."""
    loggers = [logging.getLogger(name) for name in QUIET_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def show_middleware(console: Console) -> None:
    """Print the middleware chain, outermost first, marking the lesson's own."""
    table = Table(title="settings.MIDDLEWARE: a request goes down, a response up")
    table.add_column("#", justify="right")
    table.add_column("middleware")
    for position, path in enumerate(settings.MIDDLEWARE, start=1):
        mark = "  [bold green]<- lesson 01[/]" if "lesson01" in path else ""
        table.add_row(str(position), path + mark)
    console.print(table)


def show_step(
    console: Console, number: int, step: Step, response: HttpResponse
) -> None:
    """Print one request: how it resolved, what came back."""
    console.rule(f"[bold]{number}. {step.title}")
    console.print(f"[dim]{step.why}[/]")
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold cyan")
    grid.add_column()
    accept = step.headers.get("Accept")
    grid.add_row("request", f"{step.method} {step.path}")
    if accept:
        grid.add_row("Accept", accept)
    for label, value in describe_route(step.path):
        grid.add_row(label, value)
    grid.add_row("status", f"{response.status_code} {response.reason_phrase}")
    for header in SHOWN_HEADERS:
        if header in response.headers:
            grid.add_row(header, response.headers[header])
    console.print(grid)
    console.print(Panel(excerpt(response), title="body", title_align="left"))


def describe_route(path: str) -> list[tuple[str, str]]:
    """Return what ``resolve()`` makes of a path: route, name, view, kwargs."""
    try:
        match = resolve(path.split("?")[0])
    except Resolver404:
        return [("resolved", "no URL pattern matches")]
    view = getattr(match.func, "view_class", match.func)
    kind = "class" if hasattr(match.func, "view_class") else "function"
    rows = [
        ("route", match.route),
        ("url name", match.view_name),
        ("view", f"{view.__module__}.{view.__qualname__} ({kind})"),
    ]
    if match.kwargs:
        rows.append(("kwargs", repr(match.kwargs)))
    return rows


def excerpt(response: HttpResponse) -> str:
    """Return the first lines of a body: JSON pretty-printed, HTML as text."""
    content_type = response.headers.get("Content-Type", "")
    body = response.content.decode(response.charset or "utf-8", "replace")
    if "json" in content_type:
        text = json.dumps(json.loads(body), indent=2)
    elif "html" in content_type:
        text = html_text(body)
    else:
        text = body
    lines = text.strip().splitlines() or ["(empty body)"]
    if len(lines) > EXCERPT_LINES:
        lines = [*lines[:EXCERPT_LINES], f"... {len(lines) - EXCERPT_LINES} more"]
    return "\n".join(lines)


def html_text(body: str) -> str:
    """Return the readable part of a page: its <h1> onwards, as lines of text."""
    start = body.find("<h1")
    main = " ".join(body[start if start >= 0 else 0 :].split())
    main = re.sub(r"<(script|style|nav|form)\b.*?</\1>", "", main)
    main = re.sub(BLOCK_TAG, "\n", main)
    text = html.unescape(re.sub(r"<[^>]+>", " ", main))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def show_csrf(console: Console) -> None:
    """Show CSRF protection: a POST without the token fails, with it succeeds."""
    console.rule("[bold]10. CSRF: a POST must prove it came from the site's form")
    client = Client(HTTP_HOST=HOST, enforce_csrf_checks=True)
    path = reverse("lesson01:quiz", kwargs={"number": 1})
    blocked = client.post(path, {"answer": "space-evenly"})
    console.print(f"POST {path} without a token -> {blocked.status_code}")

    client.get(path)  # The form page sets the csrftoken cookie.
    token = client.cookies["csrftoken"].value
    answered = client.post(
        path, {"answer": "space-evenly", "csrfmiddlewaretoken": token}
    )
    verdict = "Right" if b"Right:" in answered.content else "Wrong"
    console.print(
        f"POST {path} with the token from the page -> "
        f"{answered.status_code} ({verdict})"
    )
