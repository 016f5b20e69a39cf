import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_throttle_counts() -> None:
    """Start each test with no request counted against the API's throttle."""
    cache.clear()
