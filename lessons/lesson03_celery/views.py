"""The lesson page: ask for a course report and watch a worker build it."""

from __future__ import annotations

import uuid

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from lessons.lesson02_orm.models import Course

from .forms import ReportRequestForm
from .selectors import course_choices, recent_reports, report_status
from .tasks import course_report_build


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """Show the report form, the queues and the reports built so far."""
    context = {
        "courses": course_choices(),
        "reports": recent_reports(),
        "form": ReportRequestForm(),
    }
    return render(request, "lesson03_celery/index.html", context)


# region: report-create
@require_POST
def report_create(request: HttpRequest) -> JsonResponse:
    """Queue a report for a course; answer 202 with where to poll."""
    form = ReportRequestForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=400)
    course_id = form.cleaned_data["course"]
    if not Course.objects.filter(pk=course_id).exists():
        errors = {"course": [f"No course has id {course_id}."]}
        return JsonResponse({"errors": errors}, status=404)

    result = course_report_build.delay(
        course_id, delay_seconds=form.cleaned_data["delay_seconds"]
    )
    status_url = reverse("lesson03:report-status", args=[result.id])
    return JsonResponse({"task_id": result.id, "status_url": status_url}, status=202)
    # endregion: report-create


@require_GET
def report_detail(request: HttpRequest, task_id: str) -> JsonResponse:
    """Answer the report task's state, queue, worker and outcome as JSON."""
    try:
        uuid.UUID(task_id)
    except ValueError:
        errors = {"task_id": [f"{task_id!r} is not a task id (a UUID)."]}
        return JsonResponse({"errors": errors}, status=400)
    return JsonResponse(report_status(task_id))
