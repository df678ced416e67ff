"""conflictmap: find the places conflict reports name, classify incidents by jurisdiction, map them.

Importing ``geo`` loads no data and opens no connection; loaders are functions.

The public API (each a plain function over plain data; incidents are a GeoDataFrame in EPSG:4326,
see :mod:`geo.schema`):

=========================== ==================================================================
``read_reports(paths)``     reports from ``.txt``/``.md``/``.jsonl`` files or directories
``extract(reports)``        one dict per report: mentions (span, place, role, zone) and incidents
``incidents_frame(results)`` the incidents of ``extract`` results as a GeoDataFrame
``extract_incidents(paths)`` read, extract and ``incidents_frame`` in one call
``geocode_name(name)``      offline gazetteer lookup: a ``Location`` or None
``classify(frame)``         add zone, zone_kind, country, spillover, ... to any incident table
``summarise(classified)``   incidents and fatalities per zone
``read_incidents(path)``    any incident table; ACLED and UCDP GED shapes are normalised
``write_incidents(inc, p)`` ACLED-shaped CSV, or GeoJSON / GeoPackage / GeoParquet by suffix
``to_acled(incidents)``     incidents as an ACLED-shaped DataFrame
``incident_map(incidents)`` an interactive folium Map (shows inline in a notebook)
``load_theatre(name)``      a theatre's zones (default: the embedded Karabakh theatre)
=========================== ==================================================================

``extract``, ``incidents_frame``, ``extract_incidents``, the format functions and the map are
imported on first use (the extraction stage is the module :mod:`geo.extraction`).
"""

from typing import TYPE_CHECKING, Any

from geo import errors, io, theatre
from geo.api import geocode_name, incident_map
from geo.io import read_table, write_table
from geo.jurisdiction import classify, summarise
from geo.reports import read_reports
from geo.theatre import Theatre, load_theatre

if TYPE_CHECKING:
    from geo.extraction import extract, extract_incidents, incidents_frame
    from geo.formats import detect_format, read_acled, read_incidents, read_ucdp, to_acled, write_incidents

#: public names imported on first use: name -> module
_LAZY = {
    "extract": "geo.extraction",
    "incidents_frame": "geo.extraction",
    "extract_incidents": "geo.extraction",
    "detect_format": "geo.formats",
    "read_acled": "geo.formats",
    "read_ucdp": "geo.formats",
    "read_incidents": "geo.formats",
    "to_acled": "geo.formats",
    "write_incidents": "geo.formats",
}

__all__ = [
    "Theatre",
    "classify",
    "detect_format",
    "errors",
    "extract",
    "extract_incidents",
    "geocode_name",
    "incident_map",
    "incidents_frame",
    "io",
    "jurisdiction",
    "load_theatre",
    "read_acled",
    "read_incidents",
    "read_reports",
    "read_table",
    "read_ucdp",
    "summarise",
    "theatre",
    "to_acled",
    "write_incidents",
    "write_table",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'geo' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
