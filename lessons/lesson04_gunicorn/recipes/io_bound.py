"""Recipe for I/O-bound work: requests that mostly wait on a database or API.

Threads are cheap slots to wait in: a worker per core, each with enough
threads that the waits overlap. The requests cost little CPU, so the limit is
the number of slots divided by the wait, not the cores.
"""

from lessons.lesson04_gunicorn.recipes import project_settings

# Start from the project's settings; change only what this workload needs.
project = project_settings()
globals().update(project)

workers = project["cores"]
threads = 16
# Cheap requests arrive fast: recycle after more of them, so a restart (a
# second of Django start-up) stays rare at hundreds of requests a second.
max_requests = 20_000
max_requests_jitter = 2_000
