"""The URLs of lesson 01, mounted by the project at /lessons/01-views/."""

from django.urls import path

from . import api, class_views, views

app_name = "lesson01"

# region: urlpatterns
urlpatterns = [
    path("", class_views.LessonHomeView.as_view(), name="index"),
    path("properties/", class_views.PropertyListView.as_view(), name="property-list"),
    path(
        "properties/<slug:name>/",
        class_views.PropertyDetailView.as_view(),
        name="property-detail",
    ),
    path("fbv/properties/<slug:name>/", views.property_detail, name="fbv-detail"),
    path("properties.json", views.property_list_json, name="property-list-json"),
    path("properties/<slug:name>.json", views.property_json, name="property-json"),
    path("cheatsheet.txt", views.cheatsheet, name="cheatsheet"),
    path("reference/", views.moved_reference, name="old-reference"),
    path("reference/<slug:name>/", views.moved_reference, name="old-detail"),
    path("playground/", views.playground, name="playground"),
    path("quiz/<int:number>/", class_views.QuizView.as_view(), name="quiz"),
    path(
        "api/properties/", api.PropertyListAPIView.as_view(), name="api-property-list"
    ),
    path(
        "api/properties/<slug:name>/",
        api.PropertyDetailAPIView.as_view(),
        name="api-property-detail",
    ),
]
# endregion: urlpatterns
