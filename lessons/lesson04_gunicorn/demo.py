"""The narrated demo of lesson 04, run by ``python manage.py lesson run 04``.

It starts two real Gunicorns, one sync worker and one gthread worker with two
threads, sends each two slow requests at once, and shows who served them.
"""

import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from rich.console import Console
from rich.table import Table

from .serving import Server, gunicorn

SLOW = "whoami/?ms=500"
# Named "worker class, workers x threads per worker".
SETUPS = {
    "sync 1x1": ("--workers", "1", "--threads", "1"),
    "gthread 1x2": ("--workers", "1", "--threads", "2"),
}


def two_slow_requests(server: Server) -> list[dict]:
    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(server.get_json, [SLOW, SLOW]))


def run(console: Console) -> None:
    """Show one sync worker queueing two requests and two threads overlapping."""
    console.print(
        "Two requests that each wait 500 ms are sent at the same moment to two "
        "Gunicorns: one sync worker, and one gthread worker with two threads. "
        "[bold]whoami/[/bold] says which process and thread served each, and when."
    )
    table = Table("set-up", "request", "pid", "thread", "started", "finished")
    with tempfile.TemporaryDirectory() as log_dir:
        for name, flags in SETUPS.items():
            console.print(f"Starting gunicorn {' '.join(flags)} ...")
            with gunicorn(*flags, log_dir=Path(log_dir)) as server:
                answers = sorted(two_slow_requests(server), key=lambda a: a["started"])
            origin = answers[0]["started"]
            for number, answer in enumerate(answers, start=1):
                table.add_row(
                    name,
                    str(number),
                    str(answer["pid"]),
                    str(answer["thread"]),
                    f"+{(answer['started'] - origin) * 1000:.0f} ms",
                    f"+{(answer['finished'] - origin) * 1000:.0f} ms",
                )
    console.print(table)
    console.print(
        "The sync worker starts the second request only when the first is done; "
        "the gthread worker runs both at once on two threads of one process. "
        "Next: [bold]python manage.py lesson bench 04 --quick[/bold]."
    )
