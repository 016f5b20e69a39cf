"""The Celery application, configured from Django's settings.

``celery -A django_docker_project worker`` finds it through the project
package, which imports it.
"""

import logging.config
import os
from pathlib import Path

from celery import Celery
from celery.signals import setup_logging

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "django_docker_project.settings")

# region: app
app = Celery("django_docker_project")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# endregion: app


# region: logging
@setup_logging.connect
def use_django_logging(**kwargs) -> None:
    """Configure logging from Django's LOGGING instead of Celery's own."""
    from django.conf import settings

    logging.config.dictConfig(settings.LOGGING)
    # endregion: logging


@app.on_after_configure.connect
def create_data_folders(sender: Celery, **kwargs) -> None:
    """Create the folders of the filesystem transport and the file backend.

    Neither kombu nor Celery creates them, and both fail on a missing one.
    """
    folders = []
    if sender.conf.broker_url.startswith("filesystem://"):
        options = sender.conf.broker_transport_options
        folders += [value for key, value in options.items() if "folder" in key]
    backend = sender.conf.result_backend or ""
    if backend.startswith("file://"):
        folders.append(backend.removeprefix("file://"))
    for folder in folders:
        if isinstance(folder, str):
            Path(folder).mkdir(parents=True, exist_ok=True)
