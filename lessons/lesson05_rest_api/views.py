"""The lesson's page, and the JSON 404 of unknown API URLs."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt


def index(request: HttpRequest) -> HttpResponse:
    """Show what the lesson serves, with links to its endpoints."""
    return render(request, "lesson05_rest_api/index.html")


# Exempt, so that an unknown URL is a 404 for every method, not a CSRF 403.
@csrf_exempt
def api_not_found(request: HttpRequest) -> JsonResponse:
    """Answer an unknown /api/ URL the way the API answers a missing object."""
    return JsonResponse({"detail": "No such API endpoint."}, status=404)
