"""The geocoder interface: one result type, one abstract method, typed errors.

"Not found" returns ``None``; failures raise a :class:`geo.errors.GeocoderError` subclass.
Coordinates are WGS84 degrees; ``Location`` stores (lat, lon) in that order by name.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Location:
    """A geocoding result.

    Attributes
    ----------
    name : the name the service gave (or the gazetteer's canonical name)
    lat, lon : WGS84 degrees
    source : the geocoder that produced it (``gazetteer``, ``nominatim``, ...)
    id : the service's own identifier (GeoNames id, OSM type+id, ...), if any
    kind : settlement / district / region / country / feature, if known
    country : ISO 3166-1 alpha-2, if known
    raw : the service's raw answer (JSON-able)
    """

    name: str
    lat: float
    lon: float
    source: str
    id: str | None = None
    kind: str | None = None
    country: str | None = None
    raw: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Query:
    """A name to resolve, with the evidence the report gives.

    ``hint`` is a feature word found beside the name (``village``, ``district``, ``town``...);
    ``countries`` are ISO2 codes of countries the report names or implies, which allow a hit
    outside the theatre's own countries to be kept.
    """

    text: str
    hint: str | None = None
    countries: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Resolution:
    """The outcome for one query: a location, or ``None`` and the reason why not."""

    query: Query
    location: Location | None
    reason: str | None = None


class Geocoder(ABC):
    """One geocoding service. Options are constructor arguments; ``geocode`` takes only the name."""

    #: short name recorded in each mention's ``geocoder`` field
    name: str = "geocoder"

    @abstractmethod
    def geocode(self, query: str) -> Location | None:
        """The best location for ``query``, or ``None`` when the service knows no such place.

        Raises a :class:`geo.errors.GeocoderError` subclass when the service fails.
        """

    # -- additions used by the chain, the cache and the progress report --------------------
    # Each has a default, so a backend only has to implement ``geocode``.

    def resolve(self, query: Query) -> Resolution:
        """Resolve one :class:`Query` (text plus evidence) into a :class:`Resolution`.

        The default asks :meth:`geocode` for ``query.text``; a backend that can use the
        evidence (``hint``, ``countries``) or say why a name is not resolved (ambiguous, say)
        overrides it. "Not found" is a Resolution with ``location=None`` and a reason;
        failures raise, as for :meth:`geocode`.
        """
        location = self.geocode(query.text)
        if location is None:
            return Resolution(query, None, f"not found by {self.name}")
        return Resolution(query, location)

    def cache_options(self) -> dict[str, Any]:
        """The options that change this backend's answers (JSON-able), for cache keys.

        Two backends with the same ``name`` and the same options give the same answer for the
        same query. The default is no options.
        """
        return {}

    def stats(self) -> dict[str, int]:
        """Counters for progress reports (``requests``, ``cache_hits``, ...); wrappers add their inner's."""
        return {}
