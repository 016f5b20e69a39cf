"""The lesson's demo runs end to end against real Gunicorns."""

import io

import pytest
from rich.console import Console

from lessons.lesson04_gunicorn import demo


@pytest.mark.slow
def test_the_demo_shows_both_worker_models() -> None:
    output = io.StringIO()

    demo.run(Console(file=output, width=120))

    text = output.getvalue()
    assert "sync 1x1" in text
    assert "gthread 1x2" in text
