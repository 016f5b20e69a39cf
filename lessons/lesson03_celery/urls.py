from django.urls import path

from . import views

app_name = "lesson03"

urlpatterns = [
    path("", views.index, name="index"),
    path("reports/", views.report_create, name="report-create"),
    path("reports/<str:task_id>/", views.report_detail, name="report-status"),
]
