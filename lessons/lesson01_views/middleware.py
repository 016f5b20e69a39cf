"""Middleware of lesson 01: it times each request."""

import logging
import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

logger = logging.getLogger(__name__)


# region: middleware
class RequestTimingMiddleware:
    """Add ``X-Request-Duration-Ms`` to every response.

    It is the last entry of MIDDLEWARE, the innermost layer, so it measures
    the URL resolution and the view, not the middleware listed above it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        # Runs once, when the server starts, not on every request.
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        elapsed_ms = (time.perf_counter() - started) * 1000
        response["X-Request-Duration-Ms"] = f"{elapsed_ms:.1f}"
        logger.debug("%s %s took %.1f ms", request.method, request.path, elapsed_ms)
        return response
        # endregion: middleware
