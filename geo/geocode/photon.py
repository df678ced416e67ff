"""Photon (komoot's OpenStreetMap search), the public instance or a self-hosted one.

The public instance (photon.komoot.io) asks for fair use and throttles heavy users; this
project keeps it at :data:`PUBLIC_MIN_DELAY_S` between requests, like Nominatim.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from geo.geocode._geopy import DEFAULT_TIMEOUT_S, kind_from_types
from geo.geocode.geopy_service import GeopyGeocoder

#: seconds between requests to the public instance
PUBLIC_MIN_DELAY_S = 1.0

_SETTLEMENT = {"city", "town", "village", "hamlet", "isolated_dwelling", "suburb", "neighbourhood", "locality"}
_DISTRICT = {"county", "district", "municipality"}
_REGION = {"state", "province", "region"}


class PhotonGeocoder(GeopyGeocoder):
    """Photon's ``/api``, one request per :meth:`geocode`, results preferred near a point.

    Parameters
    ----------
    url
        Base URL of a self-hosted Photon; ``None`` is photon.komoot.io.
    user_agent
        The HTTP User-Agent; ``None`` gives ``conflictmap/<version>``.
    timeout_s
        Seconds to wait for one answer.
    location_bias
        ``(lat, lon)`` in WGS84 degrees: results near it rank higher (a preference, not a filter).
    language
        ``en``, ``de``, ``fr`` or ``it`` (Photon's languages); ``None``: names as in OSM.
    options
        Further geopy ``Photon`` constructor or ``geocode`` keywords (``osm_tag``, ``bbox``...).
    name
        The ``source`` recorded on results (default ``photon``).

    Notes
    -----
    Each result's ``id`` is ``osm:<type>:<id>``; ``country`` is Photon's ``countrycode``.
    """

    def __init__(
        self,
        *,
        url: str | None = None,
        user_agent: str | None = None,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        location_bias: tuple[float, float] | None = None,
        language: str | None = None,
        options: Mapping[str, Any] | None = None,
        name: str = "photon",
    ) -> None:
        self.location_bias = (float(location_bias[0]), float(location_bias[1])) if location_bias else None
        self.language = language
        super().__init__("photon", url=url, user_agent=user_agent, timeout_s=timeout_s, options=options, name=name)

    def default_query_options(self) -> dict[str, Any]:
        opts: dict[str, Any] = {}
        if self.location_bias is not None:
            opts["location_bias"] = self.location_bias
        if self.language:
            opts["language"] = self.language
        return opts

    @staticmethod
    def _props(raw: Mapping[str, Any]) -> Mapping[str, Any]:
        props = raw.get("properties")
        return props if isinstance(props, Mapping) else {}

    def location_id(self, raw: Mapping[str, Any]) -> str | None:
        p = self._props(raw)
        osm_type, osm_id = p.get("osm_type"), p.get("osm_id")
        if osm_type and osm_id not in (None, ""):
            kind = {"N": "node", "W": "way", "R": "relation"}.get(str(osm_type).upper(), str(osm_type).lower())
            return f"osm:{kind}:{osm_id}"
        return None

    def location_kind(self, raw: Mapping[str, Any]) -> str | None:
        p = self._props(raw)
        words = (str(p.get("type") or ""), str(p.get("osm_value") or ""))
        kind = kind_from_types(words, settlement=_SETTLEMENT, district=_DISTRICT, region=_REGION)
        return kind or ("feature" if p else None)

    def location_country(self, raw: Mapping[str, Any]) -> str | None:
        code = self._props(raw).get("countrycode")
        return str(code).upper() if code and len(str(code)) == 2 else None

    def location_name(self, raw: Mapping[str, Any], address: str) -> str:
        name = self._props(raw).get("name")
        return str(name) if name else super().location_name(raw, address)
