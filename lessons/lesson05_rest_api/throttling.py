"""Throttles of the API: a budget of requests per client, counted in the cache."""

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


# region: throttles
class RatesFromSettingsMixin:
    """Read the rate on each request instead of once at import.

    DRF copies ``DEFAULT_THROTTLE_RATES`` into a class attribute when the
    module is imported, so a rate changed later (by a test's ``settings``
    fixture, say) would be ignored.
    """

    scope: str

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class AnonThrottle(RatesFromSettingsMixin, AnonRateThrottle):
    """Limit anonymous clients, keyed by their address."""


class UserThrottle(RatesFromSettingsMixin, UserRateThrottle):
    """Limit authenticated clients, keyed by their user id."""


class CredentialsThrottle(RatesFromSettingsMixin, AnonRateThrottle):
    """Limit password guesses on the login and registration endpoints."""

    scope = "credentials"


# endregion: throttles
