"""The offline gazetteer as a :class:`~geo.geocode.base.Geocoder` (the first step of every chain)."""

from __future__ import annotations

from geo.gazetteer import Gazetteer, load_gazetteer, name_key
from geo.geocode.base import Geocoder, Location


class GazetteerGeocoder(Geocoder):
    """Resolve a name from the embedded regional gazetteer, offline.

    Parameters
    ----------
    gazetteer
        A loaded :class:`geo.gazetteer.Gazetteer` (default: the embedded one).
    """

    name = "gazetteer"

    def __init__(self, gazetteer: Gazetteer | None = None):
        self._gaz = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = load_gazetteer()
        return self._gaz

    def geocode(self, query: str) -> Location | None:
        """The most prominent place carrying this name (curated first, then population), or None."""
        gaz = self.gazetteer
        entries = gaz.lookup(name_key(query))
        if not entries:
            return None
        best = max({e.place for e in entries}, key=lambda i: (gaz.curated[i], gaz.population[i]))
        row = gaz.row(best)
        return Location(
            name=str(row["name"]),
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            source=self.name,
            id=str(row["id"]),
            kind=str(row["kind"]),
            country=str(row["country"]) or None,
            raw={k: (None if v != v else v) for k, v in row.items()},
        )
