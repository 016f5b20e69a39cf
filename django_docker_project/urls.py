"""The project's URLs: the journal at /, the admin, and every lesson.

Each registered lesson is mounted at /lessons/NN-slug/ from its own URLconf,
so adding a lesson needs no edit here.
"""

from django.contrib import admin
from django.urls import include, path

from django_docker_project.journal import views as journal_views
from django_docker_project.journal.registry import all_lessons


def lesson_patterns() -> list:
    patterns = []
    for lesson in all_lessons():
        patterns.append(
            path(
                f"lessons/{lesson.url_prefix}/",
                include((f"{lesson.name}.urls", lesson.namespace)),
            )
        )
        for prefix, urlconf in lesson.extra_mounts:
            patterns.append(path(prefix, include(urlconf)))
    return patterns


urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", journal_views.healthz, name="healthz"),
    path("", include("django_docker_project.journal.urls")),
    *lesson_patterns(),
]
