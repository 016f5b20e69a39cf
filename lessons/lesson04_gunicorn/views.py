"""The lesson's page and the endpoints that the benchmark and tests drive."""

import os
import threading
import time

from django import forms
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    JsonResponse,
)
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import workloads
from .forms import BurnForm, WaitForm
from .results import CHART_PATH, read_table


def index(request: HttpRequest) -> HttpResponse:
    """Show what the lesson serves, with links to its endpoints."""
    return render(request, "lesson04_gunicorn/index.html", {"table": read_table()})


def chart(request: HttpRequest) -> HttpResponse:
    """Return the committed benchmark chart, drawn by ``lesson bench 04``."""
    if not CHART_PATH.is_file():
        raise Http404("No benchmark chart yet: run `python manage.py lesson bench 04`.")
    return FileResponse(CHART_PATH.open("rb"), content_type="image/png")


@require_GET
def hello(request: HttpRequest) -> HttpResponse:
    """Answer as cheaply as Django can: the cost of the stack alone."""
    return HttpResponse("Hello from Gunicorn\n", content_type="text/plain")


@require_GET
def io(request: HttpRequest) -> HttpResponse:
    """Wait ``ms`` milliseconds (default 50), as a call to a slow service would."""
    form = WaitForm(request.GET, default_ms=50)
    if not form.is_valid():
        return invalid(form)
    workloads.wait(form.cleaned_data["ms"])
    return JsonResponse({"waited_ms": form.cleaned_data["ms"]})


@require_GET
def cpu(request: HttpRequest) -> HttpResponse:
    """Burn ``ms`` milliseconds of CPU time (default 20)."""
    form = BurnForm(request.GET, default_ms=20)
    if not form.is_valid():
        return invalid(form)
    workloads.burn(form.cleaned_data["ms"])
    return JsonResponse({"burned_ms": form.cleaned_data["ms"]})


@require_GET
def whoami(request: HttpRequest) -> HttpResponse:
    """Say which worker and thread served the request, and when, after ``ms``."""
    form = WaitForm(request.GET, default_ms=0)
    if not form.is_valid():
        return invalid(form)
    started = time.time()
    workloads.wait(form.cleaned_data["ms"])
    return JsonResponse(
        {
            "pid": os.getpid(),
            "thread": threading.get_native_id(),
            "started": started,
            "finished": time.time(),
        }
    )


def invalid(form: forms.Form) -> JsonResponse:
    """Answer 400 with each invalid field and what is wrong with it."""
    return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
