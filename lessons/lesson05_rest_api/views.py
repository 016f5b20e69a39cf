"""The lesson's page, and the JSON 404 of unknown API URLs."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render


def index(request: HttpRequest) -> HttpResponse:
    """Show what the lesson serves, with links to its endpoints."""
    return render(request, "lesson05_rest_api/index.html")


def api_not_found(request: HttpRequest) -> JsonResponse:
    """Answer an unknown /api/ URL the way the API answers a missing object."""
    return JsonResponse({"detail": "No such API endpoint."}, status=404)
