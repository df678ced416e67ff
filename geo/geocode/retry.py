"""Retries with exponential backoff and jitter, and a circuit breaker, around any geocoder.

:class:`RetryingGeocoder` retries what may pass (timeouts, HTTP 5xx and unreachable services,
HTTP 429 honouring Retry-After) and gives up on the rest at once (refusals, unreadable
answers). After ``max_consecutive_failures`` queries in a row have failed it stops calling the
service for the rest of the run: every further query raises :class:`ServiceSkipped` with the
reason, so a night's batch does not spend hours on a service that is down.

It sleeps through an injected ``sleep`` callable and draws jitter from an injected RNG, so the
schedule can be checked without waiting.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any

from geo.errors import GeocoderError, GeocoderRateLimited, GeocoderTimedOut, GeocoderUnavailable
from geo.geocode.base import Geocoder, Location


class ServiceSkipped(GeocoderUnavailable):
    """The service failed too many times in a row and is skipped for the rest of the run."""


#: failures worth another try
RETRYABLE = (GeocoderTimedOut, GeocoderUnavailable, GeocoderRateLimited)


def backoff_delay_s(
    attempt: int, *, backoff_base_s: float, backoff_max_s: float, rng: random.Random | None = None
) -> float:
    """Seconds to wait after failed attempt ``attempt`` (0 for the first): "equal jitter" backoff.

    The ceiling is ``min(backoff_max_s, backoff_base_s * 2**attempt)``; the delay is drawn
    uniformly from [ceiling / 2, ceiling], so clients that failed together do not retry together.
    """
    ceiling = min(backoff_max_s, backoff_base_s * (2.0**attempt))
    u = (rng or random).random()
    return ceiling / 2 + u * ceiling / 2


class RetryingGeocoder(Geocoder):
    """``inner`` with retries on transient failures and a circuit breaker.

    Parameters
    ----------
    inner
        The geocoder to call, usually a :class:`geo.geocode.ratelimit.RateLimitedGeocoder`, so that
        every retry also keeps the service's request rate.
    max_retries
        Retries of one query after its first attempt (so at most ``max_retries + 1`` requests).
    backoff_base_s, backoff_max_s
        Backoff after failed attempt *n* (from 0): uniform in [c / 2, c] seconds with
        ``c = min(backoff_max_s, backoff_base_s * 2**n)`` (see :func:`backoff_delay_s`).
    retry_after_max_s
        The longest HTTP 429 Retry-After honoured, in seconds; the wait is then
        ``max(Retry-After, backoff)``. A longer Retry-After fails the query at once.
    max_consecutive_failures
        After this many failed queries in a row, the service is skipped for the rest of the run
        (:class:`ServiceSkipped`); a success or a "not found" resets the count. ``0`` disables it.
    sleep
        Called with seconds to wait (default :func:`time.sleep`).
    rng
        Source of jitter (default: a new :class:`random.Random`).
    """

    def __init__(
        self,
        inner: Geocoder,
        *,
        max_retries: int = 3,
        backoff_base_s: float = 1.0,
        backoff_max_s: float = 60.0,
        retry_after_max_s: float = 600.0,
        max_consecutive_failures: int = 3,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        if max_retries < 0 or max_consecutive_failures < 0:
            raise ValueError("max_retries and max_consecutive_failures must be >= 0")
        self.inner = inner
        self.name = inner.name
        self.max_retries = int(max_retries)
        self.backoff_base_s = float(backoff_base_s)
        self.backoff_max_s = float(backoff_max_s)
        self.retry_after_max_s = float(retry_after_max_s)
        self.max_consecutive_failures = int(max_consecutive_failures)
        self._sleep = sleep
        self._rng = rng or random.Random()
        self.consecutive_failures = 0
        #: why the service is skipped, once the circuit breaker has opened
        self.skipped_reason: str | None = None
        self._retries = self._failures = self._skipped = 0

    def _detail(self, exc: BaseException) -> str:
        text = str(exc)
        prefix = f"{self.name}: "
        return text[len(prefix) :] if text.startswith(prefix) else text

    def _wait_s(self, exc: GeocoderError, attempt: int) -> float | None:
        """Seconds to wait before retrying after ``exc``, or None to give up now."""
        if not isinstance(exc, RETRYABLE) or isinstance(exc, ServiceSkipped) or attempt >= self.max_retries:
            return None
        wait = backoff_delay_s(
            attempt, backoff_base_s=self.backoff_base_s, backoff_max_s=self.backoff_max_s, rng=self._rng
        )
        if isinstance(exc, GeocoderRateLimited) and exc.retry_after_s is not None:
            if exc.retry_after_s > self.retry_after_max_s:
                return None
            wait = max(wait, exc.retry_after_s)
        return wait

    def geocode(self, query: str) -> Location | None:
        """``inner.geocode(query)``, retried on transient failures.

        Raises
        ------
        ServiceSkipped
            Once the circuit breaker is open, without calling the service.
        geo.errors.GeocoderError
            The last failure, when retries are exhausted or the failure is not transient.
        """
        if self.skipped_reason is not None:
            self._skipped += 1
            raise ServiceSkipped(self.skipped_reason)
        attempt = 0
        while True:
            try:
                location = self.inner.geocode(query)
            except GeocoderError as exc:
                wait = self._wait_s(exc, attempt)
                if wait is None:
                    self._fail(exc)
                    raise
                self._retries += 1
                attempt += 1
                self._sleep(wait)
                continue
            self.consecutive_failures = 0
            return location

    def _fail(self, exc: GeocoderError) -> None:
        self._failures += 1
        self.consecutive_failures += 1
        if self.max_consecutive_failures and self.consecutive_failures >= self.max_consecutive_failures:
            self.skipped_reason = (
                f"{self.name} skipped after {self.consecutive_failures} consecutive failures: {self._detail(exc)}"
            )

    def cache_options(self) -> dict[str, Any]:
        return self.inner.cache_options()

    def stats(self) -> dict[str, int]:
        """The inner counters plus ``retries``, ``failures`` (failed queries) and ``skipped``."""
        return {**self.inner.stats(), "retries": self._retries, "failures": self._failures, "skipped": self._skipped}

    def __repr__(self) -> str:
        return f"RetryingGeocoder({self.inner!r}, max_retries={self.max_retries})"
