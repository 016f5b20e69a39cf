"""Class-based views of lesson 01: the same ideas, written as classes."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView

from .flexbox import (
    CONTAINER,
    ITEM,
    FlexProperty,
    Question,
    get_property_or_404,
    get_question_or_404,
    select_properties,
)
from .forms import PropertyFilterForm, QuizForm
from .negotiation import bad_request


# region: mixin
class FlexboxReferenceMixin:
    """Give the template the reference, split into container and item parts."""

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["container_properties"] = select_properties(CONTAINER)
        context["item_properties"] = select_properties(ITEM)
        return context
        # endregion: mixin


class LessonHomeView(FlexboxReferenceMixin, TemplateView):
    """The lesson's home page: what it serves, with links to every endpoint."""

    template_name = "lesson01_views/index.html"


# region: property-list
class PropertyListView(FlexboxReferenceMixin, ListView):
    """List the properties, all or only ``?applies_to=container`` or ``item``."""

    template_name = "lesson01_views/property_list.html"
    context_object_name = "properties"

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.filter_form = PropertyFilterForm(request.GET)
        if not self.filter_form.is_valid():
            return bad_request(request, self.filter_form, back=request.path)
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> list[FlexProperty]:
        # ListView accepts any list: "queryset" is only a name here.
        applies_to = self.filter_form.cleaned_data["applies_to"] or None
        return select_properties(applies_to)
        # endregion: property-list


# region: property-detail-cbv
class PropertyDetailView(DetailView):
    """Show one property of the reference."""

    template_name = "lesson01_views/property_detail.html"
    context_object_name = "property"

    def get_object(self, queryset: object = None) -> FlexProperty:
        return get_property_or_404(self.kwargs["name"])
        # endregion: property-detail-cbv


# region: quiz
class QuizView(View):
    """Ask one quiz question on GET and check the answer on POST."""

    template_name = "lesson01_views/quiz.html"

    def get(self, request: HttpRequest, number: int) -> HttpResponse:
        question = get_question_or_404(number)
        return self.answer(request, question, QuizForm(question))

    def post(self, request: HttpRequest, number: int) -> HttpResponse:
        question = get_question_or_404(number)
        form = QuizForm(question, request.POST)
        if not form.is_valid():
            return bad_request(request, form, back=request.path)
        verdict = question.is_right(form.cleaned_data["answer"])
        return self.answer(request, question, form, verdict)

    def answer(
        self,
        request: HttpRequest,
        question: Question,
        form: QuizForm,
        verdict: bool | None = None,
    ) -> HttpResponse:
        context = {"question": question, "form": form, "verdict": verdict}
        return render(request, self.template_name, context)
        # endregion: quiz
