"""The benchmark runs end to end; its figures are read, never asserted."""

from io import StringIO

from rich.console import Console

from lessons.lesson01_views import bench


def test_a_quick_run_times_every_endpoint_and_saves_nothing(monkeypatch, tmp_path):
    monkeypatch.setattr(bench, "RESULTS_FILE", tmp_path / "bench.txt")
    out = StringIO()
    bench.run(Console(file=out, width=120), quick=True)
    text = out.getvalue()
    for endpoint in bench.endpoints():
        assert endpoint.label in text
    assert "1.0x" in text
    assert not (tmp_path / "bench.txt").exists()


def test_the_report_states_command_date_and_machine() -> None:
    timings = [bench.Timing(endpoint, [100.0]) for endpoint in bench.endpoints()]
    text = bench.report(timings, rounds=1, per_round=1, quick=False)
    assert "python manage.py lesson bench 01" in text
    assert "date: " in text and "CPUs" in text
    assert "DRF APIView, JSON" in text
