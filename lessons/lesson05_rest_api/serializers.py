"""Serializers of the API: the shape of each resource, and the input it accepts.

Every count shown here is an annotation computed by the selector's query;
no serializer method runs a query per row.
"""

from __future__ import annotations

from django.core.validators import slug_re
from rest_framework import serializers

from lessons.lesson02_orm.models import Chapter, ChapterProgress, Course, Enrollment
from lessons.lesson03_celery.models import Certificate


# region: course-serializers
class CourseSerializer(serializers.ModelSerializer):
    chapter_count = serializers.IntegerField(read_only=True)
    learner_count = serializers.IntegerField(read_only=True)
    is_enrolled = serializers.BooleanField(
        read_only=True, help_text="Whether the requesting learner follows it."
    )

    class Meta:
        model = Course
        fields = ["slug", "title", "level", "chapter_count", "learner_count"]
        fields += ["is_enrolled"]


class ChapterSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Chapter
        fields = ["id", "position", "title"]


class CourseDetailSerializer(CourseSerializer):
    chapters = ChapterSummarySerializer(many=True, read_only=True)

    class Meta(CourseSerializer.Meta):
        fields = [*CourseSerializer.Meta.fields, "created", "chapters"]


# endregion: course-serializers


class ChapterSerializer(serializers.ModelSerializer):
    course = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Chapter
        fields = ["id", "course", "position", "title", "body"]


class CourseSlugField(serializers.SlugRelatedField):
    """A published course named by its slug; only a well-formed slug is looked up."""

    default_error_messages = {
        **serializers.SlugRelatedField.default_error_messages,
        "invalid": "Enter a course slug: lowercase letters, digits and hyphens.",
    }

    def __init__(self, **kwargs) -> None:
        queryset = Course.objects.published()
        super().__init__(slug_field="slug", queryset=queryset, **kwargs)

    def to_internal_value(self, data) -> Course:
        if not isinstance(data, str) or not slug_re.match(data):
            self.fail("invalid")
        return super().to_internal_value(data)


class CourseSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Course
        fields = ["slug", "title", "level"]


# region: enrollment-serializer
class EnrollmentSerializer(serializers.ModelSerializer):
    course = CourseSlugField(help_text="The slug of a published course.")
    course_detail = CourseSummarySerializer(source="course", read_only=True)
    completed = serializers.IntegerField(read_only=True, help_text="Chapters done.")
    total = serializers.IntegerField(read_only=True, help_text="Chapters in all.")
    percent = serializers.IntegerField(read_only=True, help_text="0 to 100.")

    class Meta:
        model = Enrollment
        fields = ["id", "course", "course_detail", "enrolled_at"]
        fields += ["completed", "total", "percent"]
        read_only_fields = ["enrolled_at"]


# endregion: enrollment-serializer


# region: progress-serializers
class ChapterCompleteSerializer(serializers.Serializer):
    """The input of ``POST /api/progress/``."""

    course = CourseSlugField(help_text="The course the chapter belongs to.")
    chapter = serializers.PrimaryKeyRelatedField(
        queryset=Chapter.objects.all(), help_text="The chapter's id."
    )


class ProgressSerializer(serializers.ModelSerializer):
    course = serializers.SlugRelatedField(
        source="enrollment.course", slug_field="slug", read_only=True
    )

    class Meta:
        model = ChapterProgress
        fields = ["id", "course", "chapter", "completed_at"]
        read_only_fields = fields


class ChapterCompletionSerializer(serializers.Serializer):
    """What ``POST /api/progress/`` did."""

    progress = ProgressSerializer(read_only=True)
    created = serializers.BooleanField(
        read_only=True, help_text="False when the chapter was already complete."
    )
    course_completed = serializers.BooleanField(
        read_only=True, help_text="True when this was the course's last chapter."
    )
    certificate = serializers.ChoiceField(
        choices=["none", "queued"],
        read_only=True,
        help_text="'queued' when a certificate is on its way: poll /api/certificates/.",
    )


# endregion: progress-serializers


class CertificateSerializer(serializers.ModelSerializer):
    enrollment = serializers.PrimaryKeyRelatedField(read_only=True)
    course = CourseSummarySerializer(source="enrollment.course", read_only=True)

    class Meta:
        model = Certificate
        fields = ["code", "enrollment", "course", "issued_at"]
