"""Gunicorn recipes: config files tuned for one kind of workload each.

Run one with ``gunicorn -c lessons/lesson04_gunicorn/recipes/<name>.py
django_docker_project.wsgi``. Each starts from the project's
``gunicorn.conf.py`` (bind, timeouts, logging) and changes only the knobs its
workload cares about; ``python manage.py lesson bench 04`` measures them.
"""

import runpy
from pathlib import Path
from typing import Any

PROJECT_CONFIG = Path(__file__).resolve().parents[3] / "gunicorn.conf.py"
RECIPES = {
    path.stem: path
    for path in sorted(Path(__file__).parent.glob("*.py"))
    if not path.name.startswith("_")
}


def project_settings() -> dict[str, Any]:
    """Return the project's gunicorn.conf.py settings, plus ``cores`` it counted."""
    namespace = runpy.run_path(str(PROJECT_CONFIG))
    settings = {
        name: value
        for name, value in namespace.items()
        if name.islower() and not name.startswith("_") and not callable(value)
    }
    settings["cores"] = namespace["CORES"]
    return settings
