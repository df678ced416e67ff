"""Small public functions that exist only for the top-level API (``geo.geocode_name``, ``geo.incident_map``).

Everything here imports its implementation when called, so ``import geo`` stays light.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import folium
    import pandas as pd

    from geo.gazetteer import Gazetteer
    from geo.geocode.base import Location
    from geo.theatre import Theatre


def geocode_name(name: str, *, gazetteer: Gazetteer | None = None) -> Location | None:
    """Look a place name up in the offline gazetteer (no network).

    Parameters
    ----------
    name
        A place name in any of the forms the gazetteer knows (English, Armenian or Azerbaijani
        forms, transliterations); case and diacritics do not matter.
    gazetteer
        A loaded :class:`geo.gazetteer.Gazetteer` (default: the embedded one).

    Returns
    -------
    geo.geocode.base.Location or None
        The most prominent place with that name (curated entries first, then by population):
        ``name``, ``lat``/``lon`` in WGS84 degrees (EPSG:4326), ``kind``, ``country`` (ISO2) and
        the gazetteer row in ``raw``; None when no place has that name. Report text needs
        :func:`geo.extract` instead, which uses the context to pick among homonyms.
    """
    from geo.geocode.gazetteer import GazetteerGeocoder

    return GazetteerGeocoder(gazetteer).geocode(name)


def incident_map(
    incidents: pd.DataFrame,
    *,
    theatre: Theatre | str | None = None,
    tiles: str | None = None,
    title: str | None = None,
) -> folium.Map:
    """An interactive map of incidents over the theatre's zones (a :class:`folium.Map`).

    A notebook displays the returned map inline, self-contained (Leaflet inlined, no CDN);
    :func:`geo.render_html.save_html` writes it as one self-contained HTML file. This is
    :func:`geo.render_html.incident_map`, imported on first use.

    Parameters
    ----------
    incidents
        Incidents in the schema of :mod:`geo.schema` (normally classified by :func:`geo.classify`):
        a GeoDataFrame in any CRS, or a DataFrame with WGS84 ``lat``/``lon`` (or
        ``latitude``/``longitude``) columns. Unclassified frames are classified first.
    theatre
        Theatre name, path or object whose zones are drawn (default: the embedded one).
    tiles
        Name of an online tile layer to draw under the zones (default none: no network needed).
    title
        Title shown on the map (default: the theatre's title).

    Returns
    -------
    folium.Map
        A :class:`geo.render_html.IncidentMap` (a ``folium.Map``).

    Raises
    ------
    ImportError
        If the HTML renderer (``geo.render_html``) or folium is not available.
    """
    try:
        render = importlib.import_module("geo.render_html").incident_map
    except (ImportError, AttributeError) as exc:
        raise ImportError(
            f"geo.incident_map needs the HTML renderer geo.render_html and folium, which could not be loaded ({exc}); "
            "GeoDataFrame.explore() draws a plain map meanwhile"
        ) from exc
    return render(incidents, theatre=theatre, tiles=tiles, title=title)
