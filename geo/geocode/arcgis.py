"""ArcGIS World Geocoding Service (``findAddressCandidates``), anonymous or with an account.

Anonymous use is for lookups that are not stored; to keep (cache) results, Esri's terms ask
for an account: pass ``username``/``password`` (or ``referer``) through ``options``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from geo.geocode._geopy import DEFAULT_TIMEOUT_S
from geo.geocode.geopy_service import GeopyGeocoder

#: seconds between requests (Esri publishes no per-second limit for this service; stay polite)
DEFAULT_MIN_DELAY_S = 0.5

_SETTLEMENT = {"city", "town", "village", "hamlet", "neighborhood", "populated place", "locality"}
_DISTRICT = {"subregion", "county", "district"}
_REGION = {"region", "state or province"}


class ArcGISGeocoder(GeopyGeocoder):
    """ArcGIS ``findAddressCandidates``, one request per :meth:`geocode`.

    Parameters
    ----------
    url
        Base URL of another ArcGIS geocoding server; ``None`` is geocode.arcgis.com.
    user_agent
        The HTTP User-Agent; ``None`` gives ``conflictmap/<version>``.
    timeout_s
        Seconds to wait for one answer.
    options
        Further geopy ``ArcGIS`` constructor or ``geocode`` keywords (``username``, ``password``,
        ``referer``, ``out_fields``...).
    name
        The ``source`` recorded on results (default ``arcgis``).

    Notes
    -----
    ArcGIS gives no stable identifier, so ``id`` is ``None``; its country codes are ISO alpha-3,
    so ``country`` is left ``None`` (the theatre check takes the country from the coordinates).
    """

    def __init__(
        self,
        *,
        url: str | None = None,
        user_agent: str | None = None,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        options: Mapping[str, Any] | None = None,
        name: str = "arcgis",
    ) -> None:
        super().__init__("arcgis", url=url, user_agent=user_agent, timeout_s=timeout_s, options=options, name=name)

    def default_query_options(self) -> dict[str, Any]:
        return {"out_fields": ["Addr_type", "Type", "PlaceName", "Country"]}

    def location_id(self, raw: Mapping[str, Any]) -> str | None:
        return None

    def location_kind(self, raw: Mapping[str, Any]) -> str | None:
        attrs = raw.get("attributes")
        if not isinstance(attrs, Mapping):
            return None
        typ = str(attrs.get("Type") or "").lower()
        addr = str(attrs.get("Addr_type") or "").lower()
        if typ in _SETTLEMENT or addr == "locality" and typ in ("", "city"):
            return "settlement"
        if typ in _DISTRICT or addr == "subregion":
            return "district"
        if typ in _REGION or addr == "region":
            return "region"
        if typ == "country" or addr == "country":
            return "country"
        return "feature"

    def location_name(self, raw: Mapping[str, Any], address: str) -> str:
        attrs = raw.get("attributes")
        name = attrs.get("PlaceName") if isinstance(attrs, Mapping) else None
        return str(name) if name else super().location_name(raw, address)
