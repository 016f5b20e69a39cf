"""Validation of the benchmark endpoints' query strings."""

from typing import Any

from django import forms

# A request may wait up to 10 s (longer than a test's Gunicorn timeout) but
# burn at most 1 s of CPU, so no single URL can pin a core for long.
MAX_WAIT_MS = 10_000
MAX_BURN_MS = 1_000


class DurationForm(forms.Form):
    """``?ms=N``: a bounded whole number of milliseconds, or the view's default."""

    max_ms = MAX_WAIT_MS

    def __init__(self, data: Any, *, default_ms: int) -> None:
        super().__init__(data)
        self.default_ms = default_ms
        self.fields["ms"] = forms.IntegerField(
            min_value=0, max_value=self.max_ms, required=False
        )

    def clean_ms(self) -> int:
        ms = self.cleaned_data["ms"]
        return self.default_ms if ms is None else ms


class WaitForm(DurationForm):
    max_ms = MAX_WAIT_MS


class BurnForm(DurationForm):
    max_ms = MAX_BURN_MS
