"""Bias online geocoders to a theatre, and refuse their hits that fall outside it.

A report about this conflict that names "Martuni" means the town in Karabakh, not a namesake
in Brazil. So online services are asked to prefer the theatre (Nominatim: its ``countrycodes``
and ``viewbox``; Photon: a location bias at the window's centre), and every hit is then checked:

1. its country is the theatre's de jure country at the hit's coordinates (the theatre's zones,
   which cover the world for the embedded theatre), else the country the service gave;
2. the hit is kept if that country is among the query's ``countries`` (evidence the report gives);
3. else it is kept if the country is one of the theatre's core countries
   (``Theatre.meta["core_countries"]``, else the countries of its non-foreign zones);
4. else it is kept if the country neighbours the core and the hit lies inside ``Theatre.window``,
   or if its country is unknown and it lies inside the window;
5. else it is refused: ``outside the theatre: <name> resolved to <country> at <lat>, <lon>``.

Coordinates are WGS84 degrees; the window is (lon_min, lat_min, lon_max, lat_max).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo.geocode.base import Location, Query, Resolution

if TYPE_CHECKING:
    from geo.theatre import Theatre

#: degrees: a foreign zone this close to a core zone makes its country a neighbour
NEIGHBOUR_TOLERANCE_DEG = 0.05


@dataclass(frozen=True)
class TheatreBias:
    """Where a theatre's places are expected.

    Attributes
    ----------
    core_countries : ISO2 codes of the theatre's own countries (``AZ``, ``AM``)
    neighbour_countries : ISO2 codes of the countries bordering them
    window : (lon_min, lat_min, lon_max, lat_max), WGS84 degrees (``Theatre.window``)
    """

    core_countries: tuple[str, ...]
    neighbour_countries: tuple[str, ...]
    window: tuple[float, float, float, float]

    @property
    def countries(self) -> tuple[str, ...]:
        """Core countries, then neighbours."""
        return self.core_countries + tuple(c for c in self.neighbour_countries if c not in self.core_countries)

    @property
    def centre(self) -> tuple[float, float]:
        """(lat, lon) of the window's centre, WGS84 degrees."""
        x0, y0, x1, y1 = self.window
        return ((y0 + y1) / 2, (x0 + x1) / 2)

    def in_window(self, lat: float, lon: float) -> bool:
        """Whether (lat, lon) lies inside the window."""
        x0, y0, x1, y1 = self.window
        return x0 <= lon <= x1 and y0 <= lat <= y1


def theatre_bias(theatre: Theatre) -> TheatreBias:
    """The core countries, their neighbours and the window of ``theatre``.

    Neighbours come from ``meta["neighbour_countries"]`` if given, else from the theatre's
    foreign zones within :data:`NEIGHBOUR_TOLERANCE_DEG` of a core zone.
    """
    import shapely

    zones = theatre.zones
    core_mask = (zones["zone_kind"] != "foreign").to_numpy()
    core = tuple(
        str(c).upper() for c in (theatre.meta.get("core_countries") or sorted(set(zones.loc[core_mask, "country"])))
    )
    window = tuple(float(v) for v in theatre.window)
    if "neighbour_countries" in theatre.meta:
        neighbours = tuple(str(c).upper() for c in theatre.meta["neighbour_countries"])
    else:
        geoms = zones.geometry.to_numpy()
        core_union = shapely.union_all(geoms[core_mask]) if core_mask.any() else None
        foreign = ~core_mask
        if core_union is None or not foreign.any():
            neighbours = ()
        else:
            near = shapely.dwithin(geoms[foreign], core_union, NEIGHBOUR_TOLERANCE_DEG)
            found = {str(c).upper() for c in zones.loc[foreign, "country"].to_numpy()[near]}
            neighbours = tuple(sorted(found - set(core)))
    return TheatreBias(core, neighbours, window)  # type: ignore[arg-type]


def country_at(theatre: Theatre, lat: float, lon: float) -> str | None:
    """The theatre's de jure country (ISO2) at (lat, lon) WGS84 degrees, or None outside every zone."""
    import numpy as np

    from geo.jurisdiction import locate_xy

    idx = locate_xy(theatre.zone_geoms, theatre.zone_bounds, np.array([float(lon)]), np.array([float(lat)]))[0]
    if idx < 0:
        return None
    return str(theatre.zones["country"].iloc[int(idx)]).upper()


def check_location(
    location: Location, query: Query, *, theatre: Theatre, bias: TheatreBias | None = None
) -> Resolution:
    """Keep ``location`` for ``query`` if it fits the theatre (module rules), else refuse it.

    Returns
    -------
    Resolution
        With the location (its ``country`` filled from the theatre when the service gave none),
        or with ``location=None`` and the reason it was refused.
    """
    bias = bias or theatre_bias(theatre)
    country = country_at(theatre, location.lat, location.lon) or (location.country or "").upper() or None
    inside = bias.in_window(location.lat, location.lon)
    evidence = {c.upper() for c in query.countries}
    keep = (
        (country is not None and country in evidence)
        or country in bias.core_countries
        or (inside and (country is None or country in bias.neighbour_countries))
    )
    if keep:
        if location.country is None and country is not None:
            location = dataclasses.replace(location, country=country)
        return Resolution(query, location)
    where = country or "an unknown country"
    return Resolution(
        query,
        None,
        f"outside the theatre: {query.text} resolved to {where} at {location.lat:.4f}, {location.lon:.4f}",
    )
