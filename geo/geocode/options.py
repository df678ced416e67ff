"""Command-line options and environment variables for the online geocoding step.

::

    parser = argparse.ArgumentParser()
    add_geocoder_arguments(parser)
    args = parser.parse_args()
    online = online_geocoder_from_args(args, theatre=theatre)    # None: offline only (the default)

======================== ============================ =============================================
option                   environment variable         meaning
======================== ============================ =============================================
``--geocoder NAME``      ``CONFLICTMAP_GEOCODER``     ``offline`` (default), ``nominatim``,
                                                      ``photon``, ``arcgis`` or any geopy service
``--geocoder-url URL``   ``CONFLICTMAP_GEOCODER_URL`` self-hosted Nominatim or a mirror (implies
                                                      ``nominatim`` when no geocoder is named)
``--geocoder-option K=V`` (repeatable)                keyword for the geopy class or its geocode()
``--user-agent UA``      ``CONFLICTMAP_USER_AGENT``   required by the public Nominatim
``--cache PATH``         ``CONFLICTMAP_GEOCODE_CACHE`` SQLite cache (``none``: no cache); default
                                                      ``$XDG_CACHE_HOME/conflictmap/geocode.sqlite``
``--min-delay-s S``                                   seconds between requests (default: the
                                                      service's published limit, 1 s)
``--geocoder-timeout-s S``                            seconds to wait for one answer (10)
``--geocoder-retries N``                              retries of a failed request (3)
======================== ============================ =============================================

The online geocoder is built in layers, each wrapping the one below::

    CachedGeocoder(RetryingGeocoder(RateLimitedGeocoder(<service class>)))

so cache hits never wait or count against the service, and every retry keeps the rate limit.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.errors import InputError
from geo.geocode._geopy import DEFAULT_TIMEOUT_S, SECRET_OPTION_WORDS
from geo.geocode.base import Geocoder

if TYPE_CHECKING:
    from geo.theatre import Theatre

ENV_GEOCODER = "CONFLICTMAP_GEOCODER"
ENV_GEOCODER_URL = "CONFLICTMAP_GEOCODER_URL"
ENV_USER_AGENT = "CONFLICTMAP_USER_AGENT"
ENV_CACHE = "CONFLICTMAP_GEOCODE_CACHE"
OFFLINE = "offline"
#: seconds between requests when nothing else is said (Nominatim's published limit)
DEFAULT_MIN_DELAY_S = 1.0
_NO_CACHE = ("", "none", "off", "no")


@dataclass(frozen=True)
class GeocoderSettings:
    """Everything that configures the online step; built from the command line or by hand.

    Attributes
    ----------
    service : ``offline``, ``nominatim``, ``photon``, ``arcgis`` or another geopy service name
    url : the service's base URL, or None for its public host
    options : keywords for the geopy class's constructor or its ``geocode`` (see
        :class:`geo.geocode.geopy_service.GeopyGeocoder`)
    user_agent : HTTP User-Agent (required for the public Nominatim)
    cache_path : the SQLite cache, or None for no persistent cache
    min_delay_s : seconds between requests; None: the service's default (1 s)
    timeout_s : seconds to wait for one answer
    max_retries, backoff_base_s, backoff_max_s, max_consecutive_failures : see
        :class:`geo.geocode.retry.RetryingGeocoder`
    positive_ttl_s, negative_ttl_s : cache lifetimes, see :class:`geo.geocode.cache.GeocodeCache`
    """

    service: str = OFFLINE
    url: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    user_agent: str | None = None
    cache_path: Path | None = None
    min_delay_s: float | None = None
    timeout_s: float = DEFAULT_TIMEOUT_S
    max_retries: int = 3
    backoff_base_s: float = 1.0
    backoff_max_s: float = 60.0
    max_consecutive_failures: int = 3
    positive_ttl_s: float | None = None
    negative_ttl_s: float | None = None


def parse_option(text: str) -> tuple[str, Any]:
    """``KEY=VALUE`` into ``(key, value)``; the value is read as JSON if it can be (numbers,
    ``true``, ``[..]``), except for credentials (keys naming a key, token, password...), which
    stay strings."""
    key, sep, value = text.partition("=")
    key = key.strip().replace("-", "_")
    if not sep or not key.isidentifier():
        raise argparse.ArgumentTypeError(f"{text!r} is not KEY=VALUE")
    if any(w in key.lower() for w in SECRET_OPTION_WORDS):
        return key, value
    try:
        return key, json.loads(value)
    except ValueError:
        return key, value


def add_geocoder_arguments(
    parser: argparse.ArgumentParser, *, environ: Mapping[str, str] | None = None
) -> argparse._ArgumentGroup:
    """Add the online-geocoding options (see the module table) to ``parser``, in their own group.

    Defaults come from ``environ`` (default ``os.environ``) when this is called.
    """
    env = os.environ if environ is None else environ
    g = parser.add_argument_group("online geocoding", "for names the offline gazetteer cannot resolve (default: none)")
    g.add_argument(
        "--geocoder",
        default=env.get(ENV_GEOCODER) or None,
        metavar="NAME",
        help=f"offline (default), nominatim, photon, arcgis, or any geopy service name (${ENV_GEOCODER})",
    )
    g.add_argument(
        "--geocoder-option",
        action="append",
        default=[],
        type=parse_option,
        metavar="KEY=VALUE",
        help="a keyword for the geopy geocoder class or its geocode(), e.g. api_key=..., language=en (repeatable)",
    )
    g.add_argument(
        "--geocoder-url",
        default=env.get(ENV_GEOCODER_URL) or None,
        metavar="URL",
        help=f"base URL of a self-hosted Nominatim or a mirror (${ENV_GEOCODER_URL}); implies nominatim",
    )
    g.add_argument(
        "--user-agent",
        default=env.get(ENV_USER_AGENT) or None,
        metavar="UA",
        help=f"User-Agent naming your application and a contact; the public Nominatim needs one (${ENV_USER_AGENT})",
    )
    g.add_argument(
        "--cache",
        default=env.get(ENV_CACHE) or None,
        metavar="PATH",
        help=f"SQLite geocoding cache, or 'none' (${ENV_CACHE}; default $XDG_CACHE_HOME/conflictmap/geocode.sqlite)",
    )
    g.add_argument(
        "--min-delay-s",
        type=float,
        default=None,
        metavar="S",
        help="seconds between requests (default: the service's limit, 1; the public Nominatim allows no less)",
    )
    g.add_argument(
        "--geocoder-timeout-s", type=float, default=DEFAULT_TIMEOUT_S, metavar="S", help="seconds to wait per answer"
    )
    g.add_argument("--geocoder-retries", type=int, default=3, metavar="N", help="retries of a failed request")
    return g


def geocoder_settings_from_args(
    args: argparse.Namespace, *, environ: Mapping[str, str] | None = None
) -> GeocoderSettings:
    """The :class:`GeocoderSettings` for arguments added by :func:`add_geocoder_arguments`."""
    from geo.geocode.cache import default_cache_path

    url = getattr(args, "geocoder_url", None) or None
    service = (getattr(args, "geocoder", None) or ("nominatim" if url else OFFLINE)).strip().lower()
    cache_arg = getattr(args, "cache", None)
    if cache_arg is None:
        cache_path: Path | None = default_cache_path(environ)
    elif str(cache_arg).strip().lower() in _NO_CACHE:
        cache_path = None
    else:
        cache_path = Path(cache_arg).expanduser()
    options = dict(getattr(args, "geocoder_option", None) or [])
    return GeocoderSettings(
        service=service,
        url=url,
        options=options,
        user_agent=getattr(args, "user_agent", None) or None,
        cache_path=cache_path,
        min_delay_s=getattr(args, "min_delay_s", None),
        timeout_s=float(getattr(args, "geocoder_timeout_s", None) or DEFAULT_TIMEOUT_S),
        max_retries=int(getattr(args, "geocoder_retries", 3)),
    )


def _service_geocoder(settings: GeocoderSettings, *, theatre: Theatre | None) -> tuple[Geocoder, float]:
    """The service class for ``settings`` and its minimum delay between requests (seconds)."""
    from geo.geocode.theatre_check import theatre_bias

    bias = theatre_bias(theatre) if theatre is not None else None
    common: dict[str, Any] = {
        "url": settings.url,
        "user_agent": settings.user_agent,
        "timeout_s": settings.timeout_s,
        "options": settings.options,
    }
    delay = settings.min_delay_s
    if settings.service == "nominatim":
        from geo.geocode.nominatim import PUBLIC_MIN_DELAY_S, NominatimGeocoder, is_public

        if delay is not None and delay < PUBLIC_MIN_DELAY_S and is_public(settings.url):
            raise InputError(
                f"the public Nominatim allows one request a second: --min-delay-s {delay:g} is below "
                f"{PUBLIC_MIN_DELAY_S:g} (use --geocoder-url for your own instance)",
                field="min-delay-s",
            )
        geocoder: Geocoder = NominatimGeocoder(
            **common,
            country_codes=bias.countries if bias else (),
            viewbox=bias.window if bias else None,
            bounded=False,
        )
        return geocoder, PUBLIC_MIN_DELAY_S if delay is None else delay
    if settings.service == "photon":
        from geo.geocode.photon import PUBLIC_MIN_DELAY_S as PHOTON_DELAY_S
        from geo.geocode.photon import PhotonGeocoder

        geocoder = PhotonGeocoder(**common, location_bias=bias.centre if bias else None)
        return geocoder, PHOTON_DELAY_S if delay is None else delay
    if settings.service == "arcgis":
        from geo.geocode.arcgis import DEFAULT_MIN_DELAY_S as ARCGIS_DELAY_S
        from geo.geocode.arcgis import ArcGISGeocoder

        geocoder = ArcGISGeocoder(**common)
        return geocoder, ARCGIS_DELAY_S if delay is None else delay
    from geo.geocode.geopy_service import GeopyGeocoder

    geocoder = GeopyGeocoder(settings.service, **common)
    return geocoder, DEFAULT_MIN_DELAY_S if delay is None else delay


def build_online_geocoder(
    settings: GeocoderSettings,
    *,
    theatre: Theatre | None,
    sleep: Callable[[float], None] = time.sleep,
) -> Geocoder | None:
    """The online step for ``settings`` (cached, retrying, rate-limited), or None for ``offline``.

    Parameters
    ----------
    settings
        What to build.
    theatre
        Results are biased to it (Nominatim: ``countrycodes`` of its core and neighbouring
        countries and its window as ``viewbox`` with ``bounded=0``; Photon: the window's centre).
    sleep
        Used by the retries' backoff (default :func:`time.sleep`).

    Raises
    ------
    geo.errors.InputError
        For an unknown service or option, a bad URL, the public Nominatim without a real
        User-Agent or below one request a second, or an unusable cache file.
    """
    from geo.geocode.cache import NEGATIVE_TTL_S, POSITIVE_TTL_S, CachedGeocoder, GeocodeCache
    from geo.geocode.ratelimit import RateLimitedGeocoder
    from geo.geocode.retry import RetryingGeocoder

    if settings.service == OFFLINE:
        return None
    service, delay = _service_geocoder(settings, theatre=theatre)
    online: Geocoder = RetryingGeocoder(
        RateLimitedGeocoder(service, min_delay_s=delay),
        max_retries=settings.max_retries,
        backoff_base_s=settings.backoff_base_s,
        backoff_max_s=settings.backoff_max_s,
        max_consecutive_failures=settings.max_consecutive_failures,
        sleep=sleep,
    )
    if settings.cache_path is not None:
        cache = GeocodeCache(
            settings.cache_path,
            positive_ttl_s=POSITIVE_TTL_S if settings.positive_ttl_s is None else settings.positive_ttl_s,
            negative_ttl_s=NEGATIVE_TTL_S if settings.negative_ttl_s is None else settings.negative_ttl_s,
        )
        online = CachedGeocoder(online, cache)
    return online


def online_geocoder_from_args(
    args: argparse.Namespace, *, theatre: Theatre | None, environ: Mapping[str, str] | None = None
) -> Geocoder | None:
    """The online step the command line asks for, or None for ``--geocoder offline`` (the default).

    See :func:`add_geocoder_arguments` and :func:`build_online_geocoder`.
    """
    return build_online_geocoder(geocoder_settings_from_args(args, environ=environ), theatre=theatre)
