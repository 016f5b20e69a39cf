from django.db import DatabaseError, connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from .notes import render_note
from .progress import read_progress
from .registry import UnknownLesson, all_lessons, find_lesson


def index(request: HttpRequest) -> HttpResponse:
    """List the lessons with their summaries and progress."""
    progress = read_progress()
    rows = [(lesson, progress.get(lesson.slug)) for lesson in all_lessons()]
    return render(request, "journal/index.html", {"rows": rows})


def lesson_note(request: HttpRequest, prefix: str) -> HttpResponse:
    """Render a lesson's note, found only through the registry."""
    try:
        lesson = find_lesson(prefix)
    except UnknownLesson:
        raise Http404(f"No lesson {prefix!r}.") from None
    note = render_note(lesson.note_path)
    context = {
        "lesson": lesson,
        "note": note,
        "result": read_progress().get(lesson.slug),
    }
    return render(request, "journal/lesson.html", context)


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Answer 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
