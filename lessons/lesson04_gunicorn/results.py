"""Where the benchmark's committed results live, and how the page reads them."""

from pathlib import Path

RESULTS_DIR = Path(__file__).with_name("results")
TABLE_PATH = RESULTS_DIR / "bench.md"
CHART_PATH = RESULTS_DIR / "bench.png"


def read_table() -> str:
    """Return the committed markdown table, or an empty string before a run."""
    return TABLE_PATH.read_text() if TABLE_PATH.is_file() else ""
