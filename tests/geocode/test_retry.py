"""Retries, backoff, Retry-After, the circuit breaker and the rate limiter, against the local server."""

from __future__ import annotations

import random
import time

import pytest

from geo.errors import GeocoderRateLimited, GeocoderRefused, GeocoderUnavailable
from geo.geocode.nominatim import NominatimGeocoder
from geo.geocode.ratelimit import RateLimitedGeocoder
from geo.geocode.retry import RetryingGeocoder, ServiceSkipped, backoff_delay_s


def test_backoff_schedule_is_exponential_with_jitter(server):
    server.default = 503
    slept: list[float] = []
    g = RetryingGeocoder(
        NominatimGeocoder(url=server.url),
        max_retries=5,
        backoff_base_s=0.5,
        backoff_max_s=3.0,
        sleep=slept.append,
        rng=random.Random(7),
    )
    with pytest.raises(GeocoderUnavailable, match="HTTP 503"):
        g.geocode("Hadrut")
    assert len(server.searches) == 6  # the first attempt and five retries
    ceilings = [0.5, 1.0, 2.0, 3.0, 3.0]
    assert len(slept) == 5
    for s, c in zip(slept, ceilings):
        assert c / 2 <= s <= c
    rng = random.Random(7)
    assert slept == [backoff_delay_s(i, backoff_base_s=0.5, backoff_max_s=3.0, rng=rng) for i in range(5)]
    assert g.stats()["retries"] == 5 and g.stats()["failures"] == 1


def test_retry_after_is_a_floor_on_the_wait(server):
    server.script = [(429, 7), "ok"]
    slept: list[float] = []
    g = RetryingGeocoder(NominatimGeocoder(url=server.url), backoff_base_s=0.1, sleep=slept.append)
    assert g.geocode("Hadrut") is not None
    assert slept == [7.0]


def test_a_retry_after_beyond_the_limit_fails_at_once(server):
    server.default = (429, 3600)
    slept: list[float] = []
    g = RetryingGeocoder(NominatimGeocoder(url=server.url), retry_after_max_s=600, sleep=slept.append)
    with pytest.raises(GeocoderRateLimited) as info:
        g.geocode("Hadrut")
    assert info.value.retry_after_s == 3600
    assert "Retry-After 3600 s" in str(info.value)
    assert slept == [] and len(server.searches) == 1


def test_refusals_are_not_retried_but_count_towards_the_breaker(server):
    server.default = 403
    g = RetryingGeocoder(NominatimGeocoder(url=server.url), max_consecutive_failures=2, sleep=lambda s: None)
    for _ in range(2):
        with pytest.raises(GeocoderRefused, match="HTTP 403 Forbidden"):
            g.geocode("Hadrut")
    with pytest.raises(ServiceSkipped, match="nominatim skipped after 2 consecutive failures: HTTP 403 Forbidden"):
        g.geocode("Sotk")
    assert len(server.searches) == 2
    assert g.stats()["skipped"] == 1


def test_a_success_resets_the_breaker(server):
    server.script = [503, "ok", 503, "ok", 503]
    g = RetryingGeocoder(
        NominatimGeocoder(url=server.url), max_retries=0, max_consecutive_failures=2, sleep=lambda s: None
    )
    outcomes = []
    for name in ("Hadrut", "Sotk", "Talish", "Kapan", "Yeraskh"):
        try:
            outcomes.append(g.geocode(name) is not None)
        except GeocoderUnavailable:
            outcomes.append("failed")
    assert outcomes == ["failed", True, "failed", True, "failed"]
    assert g.skipped_reason is None


def test_the_rate_limit_counts_from_the_end_of_a_slow_answer(server):
    server.script = [("sleep", 0.4), "ok"]
    g = RateLimitedGeocoder(NominatimGeocoder(url=server.url), min_delay_s=0.3)
    t0 = time.monotonic()
    g.geocode("Hadrut")
    g.geocode("Sotk")
    (gap,) = server.gaps_s()
    assert gap >= 0.4 + 0.3  # geopy's own RateLimiter would allow 0.3 from start to start
    assert time.monotonic() - t0 < 3
