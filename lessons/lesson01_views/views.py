from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def index(request: HttpRequest) -> HttpResponse:
    """Show what the lesson serves, with links to its endpoints."""
    return render(request, "lesson01_views/index.html")
