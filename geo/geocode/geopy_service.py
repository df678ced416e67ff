"""Any geopy geocoder, by its geopy service name, behind :class:`geo.geocode.base.Geocoder`.

``GeopyGeocoder("geonames", options={"username": "me"})`` wraps
``geopy.geocoders.get_geocoder_for_service("geonames")(username="me", ...)``. The classes for
Nominatim, Photon and ArcGIS (:mod:`geo.geocode.nominatim`, :mod:`~geo.geocode.photon`,
:mod:`~geo.geocode.arcgis`) subclass it to read their services' answers more closely.

One :meth:`GeopyGeocoder.geocode` call is one HTTP request. It never sleeps and never retries:
throttling (:class:`geo.geocode.ratelimit.RateLimitedGeocoder`), retries
(:class:`geo.geocode.retry.RetryingGeocoder`) and caching (:class:`geo.geocode.cache.CachedGeocoder`)
wrap it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from geo.errors import GeocoderParseError, InputError
from geo.geocode._geopy import (
    DEFAULT_TIMEOUT_S,
    _parameters,
    adapter_factory,
    default_user_agent,
    jsonable,
    parse_url,
    public_options,
    split_options,
    translate_geopy_error,
)
from geo.geocode.base import Geocoder, Location

_INTERNAL_OPTIONS = ("user_agent", "timeout", "adapter_factory", "ssl_context", "proxies")


class GeopyGeocoder(Geocoder):
    """One geopy geocoder, chosen by service name; one HTTP request per :meth:`geocode`.

    Parameters
    ----------
    service
        geopy's service name (``nominatim``, ``photon``, ``arcgis``, ``geonames``, ``bing``...), as
        in ``geopy.geocoders.SERVICE_TO_GEOCODER``.
    url
        The service's base URL (a self-hosted instance or a mirror, e.g.
        ``http://127.0.0.1:8080/nominatim``), split into geopy's ``scheme`` and ``domain``;
        ``None`` keeps geopy's default host. Only for classes with a ``domain`` option.
    user_agent
        The HTTP User-Agent; ``None`` gives ``conflictmap/<version>``.
    timeout_s
        Seconds to wait for one answer.
    options
        Further keywords, each going to the geopy class's constructor if it takes it (``api_key``,
        ``username``, ``domain``...) or else to its ``geocode`` (``language``, ``country_codes``...).
        They override the ones this class sets. An unknown key raises
        :class:`~geo.errors.InputError` listing the known ones.
    name
        The name recorded as each result's ``source`` (default: ``service``).

    Raises
    ------
    geo.errors.InputError
        For an unknown service, an unknown option, or a URL the class cannot take.
    """

    def __init__(
        self,
        service: str,
        *,
        url: str | None = None,
        user_agent: str | None = None,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        options: Mapping[str, Any] | None = None,
        name: str | None = None,
    ) -> None:
        from geopy import exc as gexc
        from geopy.geocoders import get_geocoder_for_service

        self.service = service
        self.name = name or service
        try:
            cls = get_geocoder_for_service(service)
        except gexc.GeopyError as exc:
            raise translate_geopy_error(exc, service=service) from None
        init_names, init_any = _parameters(cls.__init__)
        base: dict[str, Any] = {
            "timeout": timeout_s,
            "user_agent": user_agent or default_user_agent(),
            "adapter_factory": adapter_factory,
        }
        self.url = url
        if url is not None:
            if "domain" not in init_names and not init_any:
                raise InputError(f"{service} takes no service URL (no domain option)", field="geocoder-url")
            base["scheme"], base["domain"] = parse_url(url)
        init, call = split_options(cls, dict(options or {}), service=service)
        kwargs = {k: v for k, v in {**base, **init}.items() if k in init_names or init_any}
        self.user_agent: str = str(kwargs.get("user_agent") or "")
        self.timeout_s: float = float(kwargs.get("timeout") or timeout_s)
        self._query_options: dict[str, Any] = {**self.default_query_options(), **call}
        self._init_options = {k: v for k, v in init.items() if k not in _INTERNAL_OPTIONS}
        try:
            self._geopy = cls(**kwargs)
        except gexc.GeopyError as exc:
            raise translate_geopy_error(exc, service=service) from None
        except TypeError as exc:
            raise InputError(f"{service}: {exc}", field="geocoder-option") from None
        self._requests = 0

    # -- hooks for the service classes ---------------------------------------------------
    def default_query_options(self) -> dict[str, Any]:
        """Keywords for the geopy class's ``geocode`` on every call (user options override them)."""
        return {}

    def location_id(self, raw: Mapping[str, Any]) -> str | None:
        """The service's own identifier of a result, prefixed with the service name."""
        for key in ("place_id", "id", "geonameId", "osm_id"):
            if raw.get(key) not in (None, ""):
                return f"{self.service}:{raw[key]}"
        return None

    def location_kind(self, raw: Mapping[str, Any]) -> str | None:
        """``settlement``/``district``/``region``/``country``/``feature`` for a result, if known."""
        return None

    def location_country(self, raw: Mapping[str, Any]) -> str | None:
        """ISO 3166-1 alpha-2 code of a result's country, if the service gives it."""
        return None

    def location_name(self, raw: Mapping[str, Any], address: str) -> str:
        """The result's own name (default: the first part of its address)."""
        return address.split(",")[0].strip() or address

    # -- the interface -------------------------------------------------------------------
    def geocode(self, query: str) -> Location | None:
        """One request to the service: its best match for ``query``, or ``None`` if it has none.

        Raises
        ------
        geo.errors.GeocoderError
            A subclass naming the failure (see :func:`geo.geocode._geopy.translate_geopy_error`).
        """
        from geopy import exc as gexc

        self._requests += 1
        try:
            found = self._geopy.geocode(query, exactly_one=True, **self._query_options)
        except gexc.GeopyError as exc:
            raise translate_geopy_error(exc, service=self.name) from None
        except (KeyError, IndexError, TypeError, ValueError) as exc:  # geopy's parsers, on malformed JSON
            raise GeocoderParseError(f"{self.name}: unreadable answer ({type(exc).__name__}: {exc})") from None
        if isinstance(found, list):  # a few geopy classes ignore exactly_one
            found = found[0] if found else None
        if found is None:
            return None
        raw = jsonable(found.raw) if isinstance(found.raw, Mapping) else {"raw": jsonable(found.raw)}
        try:
            lat, lon = float(found.latitude), float(found.longitude)
        except (TypeError, ValueError):
            raise GeocoderParseError(f"{self.name}: the answer for {query!r} has no coordinates") from None
        address = str(found.address or "")
        return Location(
            name=self.location_name(raw, address),
            lat=lat,
            lon=lon,
            source=self.name,
            id=self.location_id(raw),
            kind=self.location_kind(raw),
            country=self.location_country(raw),
            raw=raw,
        )

    def cache_options(self) -> dict[str, Any]:
        """The service URL and the options that change answers (credentials left out)."""
        opts: dict[str, Any] = {}
        if self.url:
            opts["url"] = self.url
        if self._query_options:
            opts["query"] = public_options(self._query_options)
        init = public_options(self._init_options)
        if init:
            opts["service"] = init
        return opts

    def stats(self) -> dict[str, int]:
        """``requests``: HTTP requests made (each retry counts)."""
        return {"requests": self._requests}

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.service!r}, url={self.url!r})"
