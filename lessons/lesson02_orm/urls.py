from django.urls import path

from . import views

app_name = "lesson02"

urlpatterns = [
    path("", views.index, name="index"),
    path("courses/", views.course_list, name="course-list"),
    path("courses/<slug:slug>/", views.course_detail, name="course-detail"),
    path("catalogue.json", views.catalogue_json, name="catalogue-json"),
]
