"""Gunicorn's settings, read from the working directory at start-up.

Every value can be overridden on the command line (``-w 4 --threads 2``),
which Gunicorn applies after this file. Lesson 04 measures the choices below;
its recipes in ``lessons/lesson04_gunicorn/recipes/`` build on this file.
"""

import math
import os
import runpy
from pathlib import Path

HERE = Path(__file__).resolve().parent


# region: cores
def available_cores() -> int:
    """Return the CPUs this process may use: affinity, then the cgroup quota."""
    cores = len(os.sched_getaffinity(0))
    try:
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text().split()
    except (OSError, ValueError):
        return cores
    if quota == "max":
        return cores
    # A container limited to 1.5 CPUs gets 2 workers, not one per host core.
    return max(1, min(cores, math.ceil(int(quota) / int(period))))
    # endregion: cores


# region: concurrency
CORES = available_cores()

# Honcho and most platforms pass the port in PORT; the container uses 9998.
bind = os.environ.get("GUNICORN_BIND") or f"0.0.0.0:{os.environ.get('PORT', '9998')}"

# One process per core runs Python on every core; the GIL keeps a process's
# threads on one. At least two, so a recycled or killed worker never leaves
# the site with no one to answer.
workers = int(os.environ.get("WEB_CONCURRENCY") or max(2, CORES))

# A few threads per worker let requests that wait (database, HTTP calls)
# overlap; more than a handful only add GIL contention for CPU work.
threads = int(os.environ.get("GUNICORN_THREADS") or 4)

# Gunicorn runs "sync" as gthread whenever threads > 1: a thread pool per
# worker, with idle keep-alive connections parked outside the threads. So
# ``--threads 1`` on the command line gives plain one-at-a-time sync workers.
worker_class = "sync"
# endregion: concurrency

# region: lifecycle
# A worker silent for this long is killed and replaced: longer than the
# slowest legitimate request, shorter than the proxy's own timeout.
timeout = 30

# On a reload or stop, in-flight requests get this long to finish.
graceful_timeout = 30

# Seconds an idle keep-alive connection stays open. Behind a proxy or load
# balancer, set it above the proxy's idle timeout, or the two race to close.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE") or 5)

# Recycle a worker after about this many requests, so a slow leak is capped;
# the jitter keeps all the workers from restarting at the same moment. Sized
# for modest traffic: at hundreds of requests a second, raise it.
max_requests = 1000
max_requests_jitter = 100

# The heartbeat file is touched on every request loop; on a disk-backed /tmp
# that can stall a worker, so use the memory filesystem where there is one.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# The default control socket path is shared by every Gunicorn of the user, so
# two servers on one machine would take it from each other.
control_socket_disable = True
# endregion: lifecycle

# region: logging
# The project's format, read from its file so the master process does not
# import the package (and its Celery app) just to log.
LOG_FORMAT = runpy.run_path(str(HERE / "django_docker_project" / "logformat.py"))[
    "LOG_FORMAT"
]
accesslog = "-"
errorlog = "-"
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"project": {"format": LOG_FORMAT}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "project",
        }
    },
    "root": {"handlers": ["stdout"], "level": "INFO"},
    "loggers": {
        "gunicorn.error": {"handlers": ["stdout"], "propagate": False},
        "gunicorn.access": {"handlers": ["stdout"], "propagate": False},
    },
}
# endregion: logging
