from django.contrib import admin

from .models import Certificate, CourseReport, TaskRun


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = ["code", "enrollment", "issued_at"]
    list_select_related = ["enrollment__learner", "enrollment__course"]
    search_fields = ["code", "enrollment__learner__username"]


@admin.register(CourseReport)
class CourseReportAdmin(admin.ModelAdmin):
    list_display = ["course", "learners", "completed", "worker", "queue", "built_at"]
    list_select_related = ["course"]


@admin.register(TaskRun)
class TaskRunAdmin(admin.ModelAdmin):
    list_display = ["name", "task_id", "attempt", "worker", "queue", "started_at"]
    list_filter = ["name", "queue"]
    search_fields = ["task_id"]
