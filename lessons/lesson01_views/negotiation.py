"""How lesson 01 decides between an HTML and a JSON answer."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from .forms import FORMATS, allowed_values


# region: wants-json
def wants_json(request: HttpRequest) -> bool:
    """Return whether the client asked for JSON rather than HTML.

    ``?format=json`` or ``?format=html`` wins, as in Django REST framework;
    otherwise the Accept header decides, and HTML is the default.
    """
    requested = request.GET.get("format")
    if requested in FORMATS:
        return requested == "json"
    preferred = request.get_preferred_type(["text/html", "application/json"])
    return preferred == "application/json"
    # endregion: wants-json


# region: bad-request
def error_payload(form: forms.Form) -> dict[str, dict[str, list[str]]]:
    """Return the form's errors with, for each field, what it would accept."""
    return {
        name: {"messages": list(messages), "allowed": allowed_values(form, name)}
        for name, messages in form.errors.items()
    }


def bad_request(request: HttpRequest, form: forms.Form, back: str) -> HttpResponse:
    """Answer 400 with the form's errors, as JSON or as an HTML page."""
    if wants_json(request):
        return JsonResponse({"errors": error_payload(form)}, status=400)
    context = {"errors": error_payload(form), "back": back}
    return render(request, "lesson01_views/bad_request.html", context, status=400)
    # endregion: bad-request
