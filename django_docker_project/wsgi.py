"""WSGI entry point, served by Gunicorn: ``django_docker_project.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "django_docker_project.settings")

application = get_wsgi_application()
