"""The Celery application, configured from Django's settings.

``celery -A django_docker_project worker`` finds it through the project
package, which imports it.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "django_docker_project.settings")

app = Celery("django_docker_project")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
