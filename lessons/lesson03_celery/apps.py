from django_docker_project.journal.registry import LessonConfig


class Lesson03CeleryConfig(LessonConfig):
    default = True
    name = "lessons.lesson03_celery"
    label = "lesson03_celery"
    verbose_name = "Lesson 03: Celery: queues, Beat and delivery"
    number = 3
    slug = "celery"
    title = "Celery: queues, Beat and delivery"
    summary = (
        "Background work on two queues, a periodic digest from Beat, and a "
        "worker that can die without losing a task."
    )
    note = "03_celery.md"
    links = (
        ("Beat's schedule in the admin", "/admin/django_celery_beat/periodictask/"),
        ("Certificates in the admin", "/admin/lesson03_celery/certificate/"),
    )

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (connects the signal receiver)
