from django.urls import path

from . import views

app_name = "journal"

urlpatterns = [
    path("", views.index, name="index"),
    path("notes/<slug:prefix>/", views.lesson_note, name="lesson"),
]
