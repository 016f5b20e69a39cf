"""Put the weekly digest on Beat's schedule, where the admin can edit it."""

from django.db import migrations

from lessons.lesson03_celery.schedule import DIGEST_NAME, digest_schedule_install


def install(apps, schema_editor):
    digest_schedule_install(
        apps.get_model("django_celery_beat", "PeriodicTask"),
        apps.get_model("django_celery_beat", "CrontabSchedule"),
    )


def uninstall(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(
        name=DIGEST_NAME
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("lesson03_celery", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
