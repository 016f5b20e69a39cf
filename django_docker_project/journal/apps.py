from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "django_docker_project.journal"
    label = "journal"
    verbose_name = "Journal"
