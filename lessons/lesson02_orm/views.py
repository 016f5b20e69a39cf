"""The lesson's pages: the catalogue, a course, and the catalogue as JSON."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render

from . import selectors
from .listings import listing_outline


def index(request: HttpRequest) -> HttpResponse:
    """Show what the lesson serves, with links to its endpoints."""
    return render(request, "lesson02_orm/index.html")


# region: views
def course_list(request: HttpRequest) -> HttpResponse:
    """Show the published catalogue with its stats, in a constant 2 queries."""
    courses = selectors.catalogue(learner=request.user)
    return render(request, "lesson02_orm/course_list.html", {"courses": courses})


def course_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Show a course, its chapters and its learners' progress: 4 queries."""
    course = get_object_or_404(selectors.course_pages(learner=request.user), slug=slug)
    context = {
        "course": course,
        "learners": selectors.course_learners(course),
        "summary": selectors.course_progress_summary(course),
    }
    return render(request, "lesson02_orm/course_detail.html", context)


def catalogue_json(request: HttpRequest) -> JsonResponse:
    """Return the published catalogue as JSON: ``{"courses": [...]}``."""
    return JsonResponse({"courses": listing_outline()})


# endregion: views
