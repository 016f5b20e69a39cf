"""Middleware of lesson 01: it times each request."""

import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class RequestTimingMiddleware:
    """Add ``X-Request-Duration-Ms`` to every response."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        elapsed_ms = (time.perf_counter() - started) * 1000
        response["X-Request-Duration-Ms"] = f"{elapsed_ms:.1f}"
        return response
