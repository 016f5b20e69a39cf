"""``load_catalogue`` loads the demo catalogue once, and then changes nothing."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from lessons.lesson02_orm.catalogue import COURSES, LEARNERS
from lessons.lesson02_orm.loader import catalogue_load
from lessons.lesson02_orm.models import Chapter, ChapterProgress, Course, Enrollment

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    return {
        model.__name__: sorted(model.objects.values_list("pk", flat=True))
        for model in (Course, Chapter, Enrollment, ChapterProgress, get_user_model())
    }


def test_load_creates_the_whole_catalogue():
    report = catalogue_load()

    assert report.courses == Course.objects.count() == len(COURSES)
    assert Chapter.objects.count() == sum(len(c["chapters"]) for c in COURSES)
    assert report.learners == len(LEARNERS)
    assert Course.objects.published().count() == len(COURSES) - 1


def test_load_twice_changes_nothing():
    catalogue_load()
    before = snapshot()

    report = catalogue_load()

    assert report.total() == 0
    assert snapshot() == before


def test_load_fills_in_only_what_is_missing():
    catalogue_load()
    Chapter.objects.filter(course__slug="flexbox", position=5).delete()

    report = catalogue_load()

    assert (report.chapters, report.total()) == (1, 1)


def test_demo_learners_have_partial_progress_and_no_password():
    catalogue_load()

    ada = get_user_model().objects.get(username="ada")
    percents = dict(
        Enrollment.objects.filter(learner=ada)
        .with_completion()
        .values_list("course__slug", "percent")
    )
    assert percents == {"django-orm": 66, "django-views": 100, "celery": 20}
    assert not ada.has_usable_password()


def test_command_reports_then_says_nothing_changed(capsys):
    call_command("load_catalogue")
    assert "Loaded 7 courses" in capsys.readouterr().out

    call_command("load_catalogue")
    assert "nothing changed" in capsys.readouterr().out
