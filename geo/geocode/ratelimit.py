"""Throttling: at most one request per ``min_delay_s`` seconds, wrapped around any geocoder.

Built on geopy's :class:`geopy.extra.rate_limiter.RateLimiter` with ``swallow_exceptions=False``
(its default would turn an outage into "not found") and no retries of its own (retries are
:class:`geo.geocode.retry.RetryingGeocoder`'s). One difference: geopy spaces the *starts* of
calls; here the delay runs from the *end* of the previous request, so the service sees its
requests at least ``min_delay_s`` apart even when one answer was slow or a connection was reused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from geo.geocode.base import Geocoder, Location


def _rate_limiter(func: Callable[..., Any], *, min_delay_s: float) -> Callable[..., Any]:
    """geopy's RateLimiter around ``func``, measuring the delay from the end of each call."""
    from geopy.extra.rate_limiter import RateLimiter

    class _AfterEachCall(RateLimiter):
        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            try:
                return super().__call__(*args, **kwargs)
            finally:
                with self._lock:
                    self._last_call = self._clock()

    return _AfterEachCall(
        func,
        min_delay_seconds=min_delay_s,
        max_retries=0,
        error_wait_seconds=max(min_delay_s, 0.0),
        swallow_exceptions=False,
    )


class RateLimitedGeocoder(Geocoder):
    """``inner`` with at least ``min_delay_s`` seconds between the end of one request and the next.

    Parameters
    ----------
    inner
        The geocoder making the requests (usually a service class such as
        :class:`geo.geocode.nominatim.NominatimGeocoder`).
    min_delay_s
        Seconds between requests. One instance limits every request made through it, so build
        one per service for the whole run (Nominatim's public instance: 1.0).
    """

    def __init__(self, inner: Geocoder, *, min_delay_s: float) -> None:
        if min_delay_s < 0:
            raise ValueError("min_delay_s must be >= 0")
        self.inner = inner
        self.name = inner.name
        self.min_delay_s = float(min_delay_s)
        self._limited = _rate_limiter(inner.geocode, min_delay_s=self.min_delay_s)

    def geocode(self, query: str) -> Location | None:
        """``inner.geocode(query)``, after waiting for the request slot (failures raise)."""
        return self._limited(query)

    def cache_options(self) -> dict[str, Any]:
        return self.inner.cache_options()

    def stats(self) -> dict[str, int]:
        return self.inner.stats()

    def __repr__(self) -> str:
        return f"RateLimitedGeocoder({self.inner!r}, min_delay_s={self.min_delay_s:g})"
