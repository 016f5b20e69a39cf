"""The API's URLs, mounted at /api/ by the lesson's ``extra_mounts``."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from . import auth, viewsets
from .views import api_not_found

# region: router
router = DefaultRouter()
router.register("courses", viewsets.CourseViewSet, basename="course")
router.register(
    rf"courses/(?P<course_slug>{viewsets.SLUG})/chapters",
    viewsets.ChapterViewSet,
    basename="chapter",
)
router.register("enrollments", viewsets.EnrollmentViewSet, basename="enrollment")
router.register("progress", viewsets.ProgressViewSet, basename="progress")
router.register("certificates", viewsets.CertificateViewSet, basename="certificate")
# endregion: router

app_name = "api"

urlpatterns = [
    path("auth/register/", auth.RegisterView.as_view(), name="register"),
    path("auth/login/", auth.LoginView.as_view(), name="login"),
    path("auth/logout/", auth.LogoutView.as_view(), name="logout"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    *router.urls,
    # An API answers in JSON, even for a URL it does not know ([\s\S], not
    # ".", so that a path with a newline in it is caught too).
    re_path(r"^[\s\S]*\Z", api_not_found),
]
