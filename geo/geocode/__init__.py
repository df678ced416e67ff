"""Geocoding: the offline gazetteer first, online services (through geopy) second.

Every backend is one class in its own module implementing :class:`geo.geocode.base.Geocoder`.
"""

from geo.geocode.base import Geocoder, Location, Query, Resolution

__all__ = ["Geocoder", "Location", "Query", "Resolution"]
