"""Recipe for a small container, where memory runs out before CPU does.

One process holds Django once; its threads serve the concurrency that extra
workers would, at the price of running Python on one core only.
"""

from lessons.lesson04_gunicorn.recipes import project_settings

# Start from the project's settings; change only what this workload needs.
project = project_settings()
globals().update(project)

workers = 1
threads = 8
