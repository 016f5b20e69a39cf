"""What the benchmark's endpoints do: wait like I/O, or burn CPU time."""

import time

# Iterations between two looks at the clock: about 0.05 ms of work, so the
# clock's own cost stays small and a request overshoots by no more than that.
SPIN_CHUNK = 500


def wait(ms: int) -> None:
    """Wait ``ms`` milliseconds without using the CPU, as a slow service would."""
    time.sleep(ms / 1000)


# region: burn
def burn(ms: int) -> None:
    """Keep this thread busy on the CPU for ``ms`` milliseconds of its own time.

    The loop is calibrated against the thread's CPU clock rather than a count
    of iterations, so a request costs the same CPU time on a fast or a slow
    machine, and time spent waiting for the GIL or a core is not counted.
    """
    deadline = time.thread_time() + ms / 1000
    while time.thread_time() < deadline:
        total = 0
        for number in range(SPIN_CHUNK):
            total += number * number
    # endregion: burn
