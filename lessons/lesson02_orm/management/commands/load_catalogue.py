"""``python manage.py load_catalogue``: the demo courses, chapters and learners."""

from django.core.management.base import BaseCommand

from lessons.lesson02_orm.loader import catalogue_load


class Command(BaseCommand):
    help = "Load the demo catalogue and learners; running it again changes nothing."

    def handle(self, *args, **options) -> None:
        report = catalogue_load()
        if report.total() == 0:
            self.stdout.write("The catalogue is already loaded; nothing changed.")
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {report.courses} courses, {report.chapters} chapters, "
                f"{report.learners} learners, {report.enrollments} enrollments "
                f"and {report.progress} completed chapters."
            )
        )
