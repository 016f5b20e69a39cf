"""Put the certificate sweep on Beat's schedule, every few minutes."""

from django.db import migrations

from lessons.lesson03_celery.schedule import RECONCILE_NAME, reconcile_schedule_install


def install(apps, schema_editor):
    reconcile_schedule_install(
        apps.get_model("django_celery_beat", "PeriodicTask"),
        apps.get_model("django_celery_beat", "IntervalSchedule"),
    )


def uninstall(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(
        name=RECONCILE_NAME
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("lesson03_celery", "0002_weekly_digest_schedule"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
