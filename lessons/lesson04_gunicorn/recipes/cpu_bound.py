"""Recipe for CPU-bound work: rendering, serialising, computing in Python.

One single-threaded worker per core: each process keeps a core busy, and
extra threads would only queue for the GIL.
"""

from lessons.lesson04_gunicorn.recipes import project_settings

# Start from the project's settings; change only what this workload needs.
project = project_settings()
globals().update(project)

workers = project["cores"]
threads = 1
