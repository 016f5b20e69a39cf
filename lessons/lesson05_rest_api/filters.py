"""Filters of the course list: by level, by words of the title, in an order."""

from __future__ import annotations

from django.db.models import QuerySet
from rest_framework.exceptions import ValidationError
from rest_framework.filters import BaseFilterBackend, OrderingFilter, SearchFilter
from rest_framework.request import Request

from lessons.lesson02_orm.models import Level


# region: level-filter
class LevelFilter(BaseFilterBackend):
    """Keep the courses of ``?level=``; an unknown level is a 400, not a no-op."""

    param = "level"

    def filter_queryset(self, request: Request, queryset: QuerySet, view) -> QuerySet:
        level = request.query_params.get(self.param)
        if level is None:
            return queryset
        if level not in Level.values:
            choices = ", ".join(Level.values)
            raise ValidationError({self.param: [f"Choose one of: {choices}."]})
        return queryset.filter(level=level)

    # endregion: level-filter

    def get_schema_operation_parameters(self, view) -> list[dict]:
        return [
            {
                "name": self.param,
                "required": False,
                "in": "query",
                "description": "Only the courses of this level.",
                "schema": {"type": "string", "enum": list(Level.values)},
            }
        ]


class TitleSearchFilter(SearchFilter):
    """``?search=`` words of the title; refuse NUL, which PostgreSQL cannot store."""

    def get_search_terms(self, request: Request) -> list[str]:
        if "\x00" in request.query_params.get(self.search_param, ""):
            raise ValidationError(
                {self.search_param: ["Null characters are not allowed."]}
            )
        return super().get_search_terms(request)


class StrictOrderingFilter(OrderingFilter):
    """``?ordering=title`` or ``-chapter_count``; an unknown field is a 400."""

    def get_ordering(self, request: Request, queryset: QuerySet, view) -> list[str]:
        params = request.query_params.get(self.ordering_param)
        if params:
            allowed = self.choices(view)
            wrong = [term.strip() for term in params.split(",")]
            wrong = [term for term in wrong if term not in allowed]
            if wrong:
                raise ValidationError(
                    {self.ordering_param: [f"Choose from: {', '.join(allowed)}."]}
                )
        return super().get_ordering(request, queryset, view)

    def choices(self, view) -> list[str]:
        return [prefix + name for name in view.ordering_fields for prefix in ("", "-")]

    def get_schema_operation_parameters(self, view) -> list[dict]:
        return [
            {
                "name": self.ordering_param,
                "required": False,
                "in": "query",
                "description": "Sort order; a '-' before the field reverses it.",
                "schema": {"type": "string", "enum": self.choices(view)},
            }
        ]
