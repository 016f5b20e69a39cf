"""The API's viewsets: thin classes that pick a queryset, validate, call, answer."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from lessons.lesson02_orm.errors import NotEnrolled
from lessons.lesson02_orm.models import Chapter, ChapterProgress, Course, Enrollment
from lessons.lesson02_orm.services import chapter_complete, enrollment_create
from lessons.lesson03_celery.models import Certificate

from . import selectors, serializers, services
from .exceptions import domain_errors_as_400
from .filters import LevelFilter, StrictOrderingFilter, TitleSearchFilter
from .permissions import IsOwnLearnerRecord

SLUG = r"[-a-zA-Z0-9_]+"
COURSE_SLUG = OpenApiParameter(
    "course_slug", OpenApiTypes.STR, OpenApiParameter.PATH, description="A course."
)


# region: course-viewset
@extend_schema_view(
    list=extend_schema(summary="Browse the catalogue"),
    retrieve=extend_schema(summary="A course with its chapters"),
)
class CourseViewSet(viewsets.ReadOnlyModelViewSet):
    """The published courses; staff see drafts too."""

    lookup_field = "slug"
    lookup_value_regex = SLUG
    filter_backends = [LevelFilter, TitleSearchFilter, StrictOrderingFilter]
    search_fields = ["title"]
    ordering_fields = ["title", "level", "chapter_count", "learner_count"]
    ordering = ["title", "pk"]

    def get_queryset(self):
        courses = selectors.course_list(user=self.request.user)
        if self.action == "retrieve":
            return courses.with_chapters()
        return courses

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.CourseDetailSerializer
        return serializers.CourseSerializer


# endregion: course-viewset


@extend_schema_view(
    list=extend_schema(summary="A course's chapters", parameters=[COURSE_SLUG]),
    retrieve=extend_schema(summary="One chapter to read", parameters=[COURSE_SLUG]),
)
class ChapterViewSet(viewsets.ReadOnlyModelViewSet):
    """The chapters of one course, in reading order, looked up by position."""

    serializer_class = serializers.ChapterSerializer
    lookup_field = "position"
    lookup_value_regex = r"[0-9]{1,5}"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Chapter.objects.none()
        return selectors.chapter_list(course=self.course())

    def course(self) -> Course:
        courses = selectors.course_visible(user=self.request.user)
        return get_object_or_404(courses, slug=self.kwargs["course_slug"])


# region: enrollment-viewset
@extend_schema_view(
    list=extend_schema(summary="My enrollments, with my completion"),
    create=extend_schema(summary="Enrol in a course"),
    retrieve=extend_schema(summary="One of my enrollments"),
    destroy=extend_schema(summary="Leave a course, forgetting its progress"),
)
class EnrollmentViewSet(
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """The requesting learner's enrollments; nobody else's exist here."""

    serializer_class = serializers.EnrollmentSerializer
    permission_classes = [IsAuthenticated, IsOwnLearnerRecord]
    owner_id_attribute = "learner_id"
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Enrollment.objects.none()  # the schema generator has no user
        return selectors.enrollment_list(learner=self.request.user)

    def perform_create(self, serializer) -> None:
        with domain_errors_as_400():
            enrollment = enrollment_create(
                learner=self.request.user, course=serializer.validated_data["course"]
            )
        # Read it back through the selector for its completion figures.
        serializer.instance = self.get_queryset().get(pk=enrollment.pk)

    def perform_destroy(self, instance) -> None:
        services.enrollment_withdraw(enrollment=instance)


# endregion: enrollment-viewset


# region: progress-viewset
@extend_schema_view(list=extend_schema(summary="The chapters I completed"))
class ProgressViewSet(
    mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    """Chapters the requesting learner completed; POST records one more."""

    serializer_class = serializers.ProgressSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ChapterProgress.objects.none()
        return selectors.progress_list(learner=self.request.user)

    @extend_schema(
        summary="Mark a chapter complete",
        request=serializers.ChapterCompleteSerializer,
        responses={
            201: serializers.ChapterCompletionSerializer,
            200: serializers.ChapterCompletionSerializer,
        },
        description=(
            "201 when the chapter is newly complete, 200 when it already was. "
            "Completing a course's last chapter queues its certificate."
        ),
    )
    def create(self, request: Request) -> Response:
        incoming = serializers.ChapterCompleteSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        course = incoming.validated_data["course"]
        chapter = incoming.validated_data["chapter"]
        with domain_errors_as_400():
            enrollment = selectors.enrollment_of(learner=request.user, course=course)
            if enrollment is None:
                raise NotEnrolled(f"You are not enrolled in “{course.title}”.")
            done = chapter_complete(enrollment=enrollment, chapter=chapter)
        answer = serializers.ChapterCompletionSerializer(
            {
                "progress": done.progress,
                "created": done.created,
                "course_completed": done.course_completed,
                "certificate": "queued" if done.course_completed else "none",
            }
        )
        code = status.HTTP_201_CREATED if done.created else status.HTTP_200_OK
        return Response(answer.data, status=code)


# endregion: progress-viewset


@extend_schema_view(
    list=extend_schema(summary="My certificates"),
    retrieve=extend_schema(summary="One of my certificates, by its code"),
)
class CertificateViewSet(viewsets.ReadOnlyModelViewSet):
    """The requesting learner's certificates, issued when a course is complete."""

    serializer_class = serializers.CertificateSerializer
    permission_classes = [IsAuthenticated, IsOwnLearnerRecord]
    owner_id_attribute = "enrollment.learner_id"
    lookup_field = "code"
    lookup_value_regex = r"[0-9a-f]{32}"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Certificate.objects.none()
        return selectors.certificate_list(learner=self.request.user)
