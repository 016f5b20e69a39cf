"""The CPU workload burns what it is asked for, on the thread's own clock."""

import time

from lessons.lesson04_gunicorn.workloads import burn


def test_burn_uses_at_least_the_cpu_time_asked() -> None:
    started = time.thread_time()

    burn(15)

    assert time.thread_time() - started >= 0.015
