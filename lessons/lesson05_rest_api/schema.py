"""The OpenAPI schema: only the API's paths, and every error each one can send.

drf-spectacular documents the success response of each operation by itself.
``ApiAutoSchema`` adds the errors the framework sends on its own (401 for a
bad token, 404 for an unknown object or page, 429 when throttled...), so
that a client generated from the schema knows every answer it may get.
"""

from __future__ import annotations

from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers
from rest_framework.authentication import SessionAuthentication

UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def only_api_endpoints(endpoints: list[tuple], **kwargs) -> list[tuple]:
    """Keep the endpoints under /api/; other lessons' views are not the API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/")]


class ErrorDetailSerializer(serializers.Serializer):
    """The body of every error that is not about the request's fields."""

    detail = serializers.CharField(help_text="What went wrong, in a sentence.")


# A 400 maps each wrong field (or ``non_field_errors``) to its messages; a
# body that is not even parseable gets a ``detail`` sentence instead.
VALIDATION_ERROR = {
    "type": "object",
    "description": "Each invalid field with the reasons it was rejected.",
    "additionalProperties": {
        "anyOf": [{"type": "array", "items": {"type": "string"}}, {"type": "string"}]
    },
    "example": {"course": ["You are already enrolled in “Flexbox”."]},
}
RETRY_AFTER = {
    "Retry-After": {
        "schema": {"type": "integer"},
        "description": "Seconds to wait before the next request.",
    }
}
DESCRIPTIONS = {
    "400": "Invalid input: the body names each wrong field and why.",
    "401": "Missing or invalid credentials (send `Authorization: Token <key>`).",
    "403": "Forbidden: a session request without its CSRF token.",
    "404": "No such object, or it belongs to someone else; or no such page.",
    "415": "The body's Content-Type is not JSON, a form or multipart data.",
    "429": "Too many requests: wait `Retry-After` seconds.",
}


class ApiAutoSchema(AutoSchema):
    """Document the error responses each operation can produce."""

    def _get_response_bodies(self, direction: str = "response") -> dict:
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        for code in self.error_codes():
            responses.setdefault(code, self.error_response(code, direction))
        return responses

    # region: error-codes
    def error_codes(self) -> list[str]:
        """Return the error status codes this operation can answer with."""
        view, method = self.view, self.method
        writes = method in UNSAFE_METHODS
        is_list = self._is_list_view()
        codes = []
        if writes or (is_list and getattr(view, "filter_backends", None)):
            codes.append("400")
        authenticators = view.get_authenticators()
        if authenticators:
            codes.append("401")
        if writes and any(isinstance(a, SessionAuthentication) for a in authenticators):
            codes.append("403")
        if "{" in self.path or (is_list and getattr(view, "pagination_class", None)):
            codes.append("404")
        if writes and self.method != "DELETE":
            codes.append("415")
        if view.get_throttles():
            codes.append("429")
        return codes

    # endregion: error-codes

    def error_response(self, code: str, direction: str) -> dict:
        """Return the OpenAPI response object of one error status code."""
        body = VALIDATION_ERROR if code == "400" else ErrorDetailSerializer
        response = self._get_response_for_code(body, code, direction=direction)
        response["description"] = DESCRIPTIONS[code]
        if code == "429":
            response["headers"] = {**response.get("headers", {}), **RETRY_AFTER}
        return response
