"""Nominatim (OpenStreetMap), the public instance or a self-hosted one.

The public instance's usage policy (https://operations.osmfoundation.org/policies/nominatim/):
at most one request a second for the whole application, a User-Agent that identifies the
application, results cached, no bulk geocoding. This class refuses to talk to the public
instance without a real User-Agent; the one-request-a-second limit is
:data:`PUBLIC_MIN_DELAY_S`, applied by :class:`geo.geocode.ratelimit.RateLimitedGeocoder`
(see :func:`geo.geocode.options.online_geocoder_from_args`), and caching is
:class:`geo.geocode.cache.CachedGeocoder`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from geo.errors import InputError
from geo.geocode._geopy import DEFAULT_TIMEOUT_S, kind_from_types, parse_url
from geo.geocode.geopy_service import GeopyGeocoder

PUBLIC_DOMAIN = "nominatim.openstreetmap.org"
#: the public instance's published limit: one request a second, for the whole run
PUBLIC_MIN_DELAY_S = 1.0

_SETTLEMENT = {
    "city",
    "town",
    "village",
    "hamlet",
    "isolated_dwelling",
    "suburb",
    "neighbourhood",
    "quarter",
    "city_district",
    "borough",
    "farm",
    "allotments",
}
_DISTRICT = {"county", "district", "municipality", "state_district"}
_REGION = {"state", "province", "region"}
# User-Agents that name no application (geopy's default and documentation samples, bare libraries)
_GENERIC_PREFIXES = ("geopy/", "python-requests", "python-urllib", "mozilla/", "curl/", "wget/")
_SAMPLE_AGENTS = {"my-application", "my_app/1", "my_user_agent/1.0", "specify_your_app_name_here", "conflictmap"}


def is_public(url: str | None) -> bool:
    """Whether ``url`` (None: geopy's default) is the public nominatim.openstreetmap.org."""
    if url is None:
        return True
    return parse_url(url)[1].split("/")[0].split(":")[0].lower() == PUBLIC_DOMAIN


def check_user_agent(user_agent: str | None) -> str:
    """The User-Agent if it names an application, else :class:`~geo.errors.InputError`.

    The public Nominatim instance blocks generic User-Agents (a library's default, a browser's,
    a documentation sample). ``conflictmap`` alone is refused too: everyone running the tool
    would share it, so it identifies no one.
    """
    ua = (user_agent or "").strip()
    low = ua.lower()
    generic = (
        not ua
        or low in _SAMPLE_AGENTS
        or low.startswith(_GENERIC_PREFIXES)
        or re.fullmatch(r"conflictmap(/[\w.+-]+)?", low) is not None
    )
    if generic:
        shown = f" ({ua!r})" if ua else ""
        raise InputError(
            f"the public Nominatim needs a User-Agent naming your application and a contact{shown}, "
            "e.g. --user-agent 'conflictmap-newsdesk/1.0 (you@example.org)' or CONFLICTMAP_USER_AGENT; "
            "see https://operations.osmfoundation.org/policies/nominatim/",
            field="user-agent",
        )
    return ua


class NominatimGeocoder(GeopyGeocoder):
    """Nominatim's ``/search``, one request per :meth:`geocode`, biased to a theatre.

    Parameters
    ----------
    url
        Base URL of a self-hosted Nominatim or a mirror (``http://127.0.0.1:8080`` or
        ``https://example.org/nominatim``); ``None`` is the public instance.
    user_agent
        Required for the public instance (see :func:`check_user_agent`); for others ``None``
        gives ``conflictmap/<version>``.
    timeout_s
        Seconds to wait for one answer.
    country_codes
        ISO 3166-1 alpha-2 codes Nominatim restricts results to (its ``countrycodes``: a filter,
        not a preference). Empty: anywhere.
    viewbox
        ``(lon_min, lat_min, lon_max, lat_max)`` in WGS84 degrees (EPSG:4326): results inside are
        preferred (``bounded=0``) unless ``bounded`` is true.
    bounded
        Restrict results to ``viewbox``.
    language
        Accept-Language for the names Nominatim returns (e.g. ``en``); ``None``: the server's default.
    options
        Further geopy ``Nominatim`` constructor or ``geocode`` keywords (``featuretype``, ...).
    name
        The ``source`` recorded on results (default ``nominatim``).

    Notes
    -----
    Each result's ``id`` is ``osm:<type>:<id>`` (``osm:node:123``), else
    ``nominatim:place_id:<n>``; ``country`` comes from the answer's address details.
    """

    def __init__(
        self,
        *,
        url: str | None = None,
        user_agent: str | None = None,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        country_codes: Sequence[str] = (),
        viewbox: tuple[float, float, float, float] | None = None,
        bounded: bool = False,
        language: str | None = None,
        options: Mapping[str, Any] | None = None,
        name: str = "nominatim",
    ) -> None:
        if is_public(url):
            user_agent = check_user_agent(user_agent)
        self.country_codes = tuple(sorted({c.strip().lower() for c in country_codes if c.strip()}))
        self.viewbox = tuple(float(v) for v in viewbox) if viewbox is not None else None
        if self.viewbox is not None and len(self.viewbox) != 4:
            raise InputError("viewbox must be (lon_min, lat_min, lon_max, lat_max)", field="viewbox")
        self.bounded = bool(bounded)
        self.language = language
        super().__init__("nominatim", url=url, user_agent=user_agent, timeout_s=timeout_s, options=options, name=name)

    def default_query_options(self) -> dict[str, Any]:
        opts: dict[str, Any] = {"addressdetails": True}
        if self.country_codes:
            opts["country_codes"] = list(self.country_codes)
        if self.viewbox is not None:
            x0, y0, x1, y1 = self.viewbox
            opts["viewbox"] = [(y0, x0), (y1, x1)]  # geopy takes (lat, lon) corners
            opts["bounded"] = self.bounded
        if self.language:
            opts["language"] = self.language
        return opts

    def location_id(self, raw: Mapping[str, Any]) -> str | None:
        osm_type, osm_id = raw.get("osm_type"), raw.get("osm_id")
        if osm_type and osm_id not in (None, ""):
            kind = {"N": "node", "W": "way", "R": "relation"}.get(str(osm_type).upper(), str(osm_type).lower())
            return f"osm:{kind}:{osm_id}"
        if raw.get("place_id") not in (None, ""):
            return f"nominatim:place_id:{raw['place_id']}"
        return None

    def location_kind(self, raw: Mapping[str, Any]) -> str | None:
        return nominatim_kind(raw)

    def location_country(self, raw: Mapping[str, Any]) -> str | None:
        address = raw.get("address")
        code = address.get("country_code") if isinstance(address, Mapping) else None
        return str(code).upper() if code and len(str(code)) == 2 else None

    def location_name(self, raw: Mapping[str, Any], address: str) -> str:
        name = raw.get("name")
        return str(name) if name else super().location_name(raw, address)


def nominatim_kind(raw: Mapping[str, Any]) -> str | None:
    """``settlement``/``district``/``region``/``country``/``feature`` from a Nominatim result.

    Reads ``addresstype`` (Nominatim 4.x), then ``type`` and ``category``/``class``.
    """
    addresstype = str(raw.get("addresstype") or "")
    typ = str(raw.get("type") or "")
    category = str(raw.get("category") or raw.get("class") or "")
    kind = kind_from_types((addresstype, typ), settlement=_SETTLEMENT, district=_DISTRICT, region=_REGION)
    if kind:
        return kind
    if not (addresstype or typ or category):
        return None
    return "feature"
