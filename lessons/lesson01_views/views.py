"""Function-based views of lesson 01: a request comes in, a response goes out."""

from __future__ import annotations

from dataclasses import asdict

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from .flexbox import (
    CONTAINER,
    ITEM,
    PROPERTIES,
    UnknownProperty,
    declarations,
    get_property,
    get_property_or_404,
)
from .forms import PlaygroundForm
from .negotiation import bad_request, wants_json


# region: property-list-json
@require_http_methods(["GET", "HEAD"])
def property_list_json(request: HttpRequest) -> JsonResponse:
    """Return the whole reference as JSON."""
    return JsonResponse({"properties": [asdict(prop) for prop in PROPERTIES]})
    # endregion: property-list-json


# region: property-json
@require_http_methods(["GET", "HEAD"])
def property_json(request: HttpRequest, name: str) -> JsonResponse:
    """Return one property as JSON; an unknown name is a JSON 404."""
    try:
        prop = get_property(name)
    except UnknownProperty as error:
        return JsonResponse({"error": str(error)}, status=404)
    return JsonResponse(asdict(prop))
    # endregion: property-json


# region: cheatsheet
@require_http_methods(["GET", "HEAD"])
def cheatsheet(request: HttpRequest) -> HttpResponse:
    """Return the reference as plain text, one property a line."""
    lines = [
        f"{prop.name}: {' | '.join(prop.values)} (default {prop.default})"
        for prop in PROPERTIES
    ]
    return HttpResponse(
        "\n".join(lines) + "\n", content_type="text/plain; charset=utf-8"
    )
    # endregion: cheatsheet


# region: property-detail-fbv
@require_http_methods(["GET", "HEAD"])
def property_detail(request: HttpRequest, name: str) -> HttpResponse:
    """Show one property of the reference."""
    prop = get_property_or_404(name)
    return render(request, "lesson01_views/property_detail.html", {"property": prop})
    # endregion: property-detail-fbv


# region: moved
def moved_reference(request: HttpRequest, name: str | None = None) -> HttpResponse:
    """Send the reference's old addresses to the new ones, for good."""
    if name is None:
        return redirect("lesson01:property-list", permanent=True)
    return redirect("lesson01:property-detail", name=name, permanent=True)
    # endregion: moved


# region: playground
@require_http_methods(["GET", "HEAD"])
def playground(request: HttpRequest) -> HttpResponse:
    """Render a flex container styled by the query string, once validated."""
    form = PlaygroundForm(request.GET)
    if not form.is_valid():
        return bad_request(request, form, back=reverse("lesson01:playground"))

    values = form.cleaned_data
    styles = {
        "container": declarations(values, CONTAINER),
        "item": declarations(values, ITEM),
    }
    if wants_json(request):
        return JsonResponse(styles)
    # The form on the page starts from the validated values, defaults
    # included, so that submitting it unchanged keeps the layout.
    shown = PlaygroundForm(initial=values)
    context = {
        "styles": styles,
        "container_fields": shown.bound_fields(CONTAINER),
        "item_fields": shown.bound_fields(ITEM),
    }
    return render(request, "lesson01_views/playground.html", context)
    # endregion: playground
