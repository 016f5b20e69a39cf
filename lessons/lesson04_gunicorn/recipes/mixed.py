"""Recipe for a mixed site: some pages wait on the database, some compute.

The project's own default: a worker per core for the CPU part, and four
threads each so that waiting requests do not block the others.
"""

from lessons.lesson04_gunicorn.recipes import project_settings

# Start from the project's settings; change only what this workload needs.
project = project_settings()
globals().update(project)

workers = project["cores"]
threads = 4
