"""The admin for the catalogue, with every list page in a constant query count."""

from django.contrib import admin

from .models import Chapter, ChapterProgress, Course, Enrollment


class ChapterInline(admin.TabularInline):
    model = Chapter
    fields = ("position", "title")
    extra = 0
    ordering = ("position",)


# region: admin
@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ("title", "slug", "level", "published", "chapters", "learners")
    list_filter = ("published", "level")
    search_fields = ("title", "slug")
    prepopulated_fields = {"slug": ("title",)}
    inlines = (ChapterInline,)

    def get_queryset(self, request):
        # The counts come from the list's own query, not one query per row.
        return super().get_queryset(request).with_stats()

    @admin.display(ordering="chapter_count")
    def chapters(self, course: Course) -> int:
        return course.chapter_count

    @admin.display(ordering="learner_count")
    def learners(self, course: Course) -> int:
        return course.learner_count


@admin.register(Chapter)
class ChapterAdmin(admin.ModelAdmin):
    list_display = ("title", "course", "position")
    list_select_related = ("course",)
    list_filter = ("course",)
    search_fields = ("title", "course__title")
    autocomplete_fields = ("course",)


@admin.register(Enrollment)
class EnrollmentAdmin(admin.ModelAdmin):
    list_display = ("learner", "course", "enrolled_at", "completion")
    list_select_related = ("learner", "course")
    list_filter = ("course",)
    search_fields = ("learner__username", "course__title")
    autocomplete_fields = ("learner", "course")

    def get_queryset(self, request):
        return super().get_queryset(request).with_completion()

    @admin.display(ordering="percent", description="completion")
    def completion(self, enrollment: Enrollment) -> str:
        return f"{enrollment.percent}%"


@admin.register(ChapterProgress)
class ChapterProgressAdmin(admin.ModelAdmin):
    list_display = ("learner", "course", "chapter", "completed_at")
    list_select_related = ("enrollment__learner", "enrollment__course", "chapter")
    search_fields = ("enrollment__learner__username", "chapter__title")
    raw_id_fields = ("enrollment", "chapter")

    @admin.display(ordering="enrollment__learner__username")
    def learner(self, progress: ChapterProgress) -> str:
        return progress.enrollment.learner.get_username()

    @admin.display(ordering="enrollment__course__title")
    def course(self, progress: ChapterProgress) -> str:
        return progress.enrollment.course.title


# endregion: admin
