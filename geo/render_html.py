"""Interactive HTML maps of classified incidents (folium / Leaflet), self-contained by default.

:func:`incident_map` returns an :class:`IncidentMap` (a ``folium.Map`` whose notebook view is
self-contained too); :func:`save_html` writes it. A saved map is one
HTML file with Leaflet inlined (from the ``xstatic-leaflet`` package) and no tile layer: the theatre's
zone polygons are the base map, so the file opens without a network. All coordinates are WGS84
longitude/latitude degrees (EPSG:4326); Leaflet displays them in Web Mercator.

What the page shows:

- zone polygons (the non-foreign zones and the foreign ones near the theatre) in the theatre's
  colours, disputed zones with a dashed outline, and a legend;
- incidents as circles filled with their zone's colour, a black ring for spillover (sovereign or
  foreign territory) and a white one inside the disputed region, sized by killed + injured;
  region-level incidents (precision 3) as their region's polygon, dashed;
- a layer control with one layer per event type and one filter per zone, and a date control (two
  sliders) that filters the same incidents, so the three combine;
- a popup per incident with the place and its other name forms, date and date precision, event
  type, casualties, zone and de jure country, precision, source sentence and source.

Report text is untrusted: every string taken from the incidents is escaped with :func:`html.escape`
before it is embedded, and the page inserts it only as element content (escaping ``<``/``>`` again),
so a report containing ``<script>`` or ``<img onerror=...>`` shows as text.

Scale: the incidents travel as compact columns (base64 typed arrays: integer coordinates in 1e-4
degrees, about 11 m; short keys; one shared, de-duplicated string table), become one GeoJSON layer
per event type in the page and are drawn on a single canvas, with no JavaScript object per
incident in the HTML.
"""

from __future__ import annotations

import base64
import html
import os
import re
import warnings
from pathlib import Path

import folium
import numpy as np
import pandas as pd
import shapely
from branca.element import Figure

from geo import _leaflet as lf
from geo._mapdata import (
    DISPUTED_EDGE,
    REGION_SIMPLIFY_DEG,
    SPILLOVER_EDGE,
    MapData,
    map_zones,
    marker_radius_px,
    prepare,
    view_bounds,
)
from geo.errors import InputError
from geo.theatre import Theatre

#: page background where there is no zone polygon (sea), when no tile layer is used
SEA_COLOUR = "#DCE8EF"
#: coordinates are embedded as integers in units of 1/COORD_SCALE degrees (1e-4 degrees is about 11 m)
COORD_SCALE = 10_000
#: popups list at most this many of a place's other names
MAX_ALT_NAMES = 8

__all__ = ["incident_map", "incident_payload", "save_html"]


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


class IncidentMap(folium.Map):
    """A ``folium.Map`` whose notebook view is self-contained: the page in the output cell's
    frame has Leaflet inlined (as :func:`save_html` writes it), so it draws without a network."""

    def _repr_html_(self, **kwargs) -> str:
        figure = self._parent
        detached = figure is None
        if detached:
            figure = Figure()
            self.add_to(figure)
        try:
            page = inline_html(figure.render(**kwargs))
        finally:
            if detached:
                self._parent = None
        return (
            f'<div style="width:{figure.width};"><div style="position:relative;width:100%;height:0;'
            f'padding-bottom:{figure.ratio};"><iframe srcdoc="{html.escape(page)}" style="position:absolute;'
            'width:100%;height:100%;left:0;top:0;border:none !important;" allowfullscreen></iframe></div></div>'
        )


def incident_map(
    incidents: pd.DataFrame,
    *,
    theatre: Theatre | str | None = None,
    tiles: str | None = None,
    title: str | None = None,
) -> IncidentMap:
    """An interactive map of classified incidents.

    Parameters
    ----------
    incidents
        Incidents in the schema of :mod:`geo.schema`, normally the output of :func:`geo.classify`
        (a frame without a ``zone`` column is classified first). A GeoDataFrame in any CRS (points,
        or polygons for precision-3 rows) or a DataFrame with ``lat``/``lon`` or
        ``latitude``/``longitude`` in WGS84 degrees. ACLED column names (``location``, ``event_date``,
        ``notes``, ``geo_precision``, ``time_precision``) stand in for the schema's.
    theatre
        Theatre name, path or object whose zones are drawn (default: the embedded one).
    tiles
        Name of an online tile layer to draw under the zones (``"OpenStreetMap"`` or any
        ``xyzservices`` provider name, e.g. ``"OpenTopoMap"``). Default none: the page then
        needs no network at all.
    title
        Title shown at the top of the map (default: the theatre's title).

    Returns
    -------
    IncidentMap
        A ``folium.Map`` linking only Leaflet core (no jQuery/Bootstrap/Font Awesome); write it with
        :func:`save_html`. Shown in a notebook, it is self-contained (Leaflet inlined, no CDN).

    Raises
    ------
    geo.errors.InputError
        If the frame has no usable geometry columns or ``tiles`` names no known provider.
    """
    data = prepare(incidents, theatre=theatre)
    th = data.theatre
    tile_layer = _tile_layer(tiles) if tiles else None

    w, s, e, n = view_bounds(data)
    m = IncidentMap(location=[(s + n) / 2, (w + e) / 2], zoom_start=8, tiles=None, control_scale=True)
    # Only Leaflet core; set on this instance (never folium's class-level lists).
    m.default_js = [("leaflet", lf.LEAFLET_JS_URL)]
    m.default_css = [("leaflet_css", lf.LEAFLET_CSS_URL)]
    m.add_child(lf.FitView([[s, w], [n, e]]))  # before any layer: drawn once, at the final view
    if tile_layer is not None:
        tile_layer.add_to(m)
    m.add_child(lf.PageStyle(background=None if tile_layer is not None else SEA_COLOUR))

    zones = map_zones(th)
    zl = lf.ZoneLayer(
        _zones_geojson(zones),
        attribution=_e(_attribution(th, data)),
        fill_opacity=0.25 if tile_layer is not None else 0.35,
    )
    m.add_child(zl)
    payload = incident_payload(data)
    layer = lf.IncidentLayer(payload, zones=zl, spill_edge=SPILLOVER_EDGE, inside_edge=DISPUTED_EDGE)
    m.add_child(layer)
    if payload["dmin"] is not None:
        m.add_child(lf.TimeControl(layer, day_min=payload["dmin"], day_max=payload["dmax"], undated=payload["undated"]))
    m.add_child(lf.HtmlControl(legend_html(data, zones), position="bottomright", css_class="cm-legend"))
    heading = title if title is not None else th.meta.get("title", th.name)
    m.add_child(lf.MapTitle(_e(heading), subtitle=_e(data.subtitle())))
    m.get_root().title = _e(heading)
    return m


def _tile_layer(name: str) -> folium.TileLayer:
    import xyzservices

    key = "OpenStreetMap Mapnik" if name.strip().lower() == "openstreetmap" else name
    try:
        provider = xyzservices.providers.query_name(key)
    except ValueError:
        raise InputError(
            f"unknown tile layer {name!r}; use an xyzservices name such as OpenStreetMap or OpenTopoMap",
            field="tiles",
        ) from None
    return folium.TileLayer(tiles=provider, name=provider.name)


def _attribution(th: Theatre, data: MapData) -> str:
    parts = ["Boundaries: Natural Earth (public domain)"]
    if data.geocoded:
        parts.append("places: GeoNames (CC BY 4.0)")
    return "; ".join(parts) + "; conflictmap"


def _round_coords(geoms: np.ndarray, digits: int = 4) -> np.ndarray:
    return shapely.transform(geoms, lambda xy: np.round(xy, digits))


def _zones_geojson(zones) -> dict:
    geoms = _round_coords(zones.geometry.values)
    feats = []
    for z, k, c, g in zip(zones["zone"], zones["zone_kind"], zones["colour"], geoms):
        feats.append({"type": "Feature", "properties": {"z": _e(z), "k": _e(k), "c": c}, "geometry": _geojson(g)})
    return {"type": "FeatureCollection", "features": feats}


def _geojson(g: shapely.Geometry) -> dict:
    import json

    return json.loads(shapely.to_geojson(g))


class _Strings:
    """One table of escaped strings; columns refer to it by index (-1 for empty)."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.values: list[str] = []

    def codes(self, values: np.ndarray) -> list[int]:
        codes, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=True)
        lut = np.array([self.add(u) for u in uniques] + [-1], dtype=np.int64)
        return lut[np.where(codes < 0, len(uniques), codes)].tolist()

    def add(self, value: str) -> int:
        if value == "":
            return -1
        esc = _e(value)
        j = self.index.get(esc)
        if j is None:
            j = self.index[esc] = len(self.values)
            self.values.append(esc)
        return j


def _names_line(data: MapData) -> np.ndarray:
    """'Armenian: … · Azerbaijani: … · also: …' per row ('' when no other name form is known)."""
    hy, az, alt = data.text("name_hy"), data.text("name_az"), data.text("alt_names")
    place = data.text("place")
    frame = pd.DataFrame({"p": place, "hy": hy, "az": az, "alt": alt})
    keys = frame.drop_duplicates()
    lines = []
    for p, h, a, al in keys.itertuples(index=False):
        bits = []
        if h and h != p:
            bits.append(f"Armenian: {h}")
        if a and a != p:
            bits.append(f"Azerbaijani: {a}")
        if h and h == p and a and a == p:
            bits.append("same name in Armenian and Azerbaijani")
        others = [x.strip() for x in al.split("|") if x.strip() and x.strip() not in (p, h, a)]
        others = list(dict.fromkeys(others))
        if others:
            more = f" (+{len(others) - MAX_ALT_NAMES} more)" if len(others) > MAX_ALT_NAMES else ""
            bits.append("also: " + ", ".join(others[:MAX_ALT_NAMES]) + more)
        lines.append(" \u00b7 ".join(bits))
    keys = keys.assign(line=lines)
    return frame.merge(keys, on=["p", "hy", "az", "alt"], how="left")["line"].to_numpy(dtype=object)


def _column(values: np.ndarray, *, signed: bool = False) -> dict:
    """An integer column as {"t": typed-array name, "b": base64 of its little-endian bytes}."""
    v = np.asarray(values, dtype=np.int64)
    if signed:
        kind, dtype = "i32", "<i4"
    else:
        top = int(v.max()) if len(v) else 0
        if v.min(initial=0) < 0:
            raise ValueError("unsigned column with negative values")
        kind, dtype = ("u8", "<u1") if top < 2**8 else ("u16", "<u2") if top < 2**16 else ("u32", "<u4")
    return {"t": kind, "b": base64.b64encode(v.astype(dtype).tobytes()).decode("ascii")}


def _optional(values: np.ndarray) -> np.ndarray:
    """Whole numbers shifted by one, 0 where unknown (the page subtracts the one again)."""
    v = np.asarray(values, dtype=float)
    return np.where(np.isfinite(v) & (v >= 0), np.round(v) + 1, 0).astype(np.int64)


def incident_payload(data: MapData) -> dict:
    """The incident data embedded in the page (see :class:`geo._leaflet.IncidentLayer`).

    ``n`` incidents; ``types`` event types; ``zones`` the zones present (``c`` colour, ``l`` label,
    ``k`` kind, ``s`` spillover); ``str`` one table of escaped strings; ``cols`` the per-incident
    columns, each a base64 little-endian typed array: ``x``/``y`` lon/lat in 1e-4 degrees (int32),
    ``t`` event type and ``z`` zone index, ``r`` marker radius (px); and, where known (0 = not
    known, else value + 1): ``d`` days after ``dmin``, ``dp`` date precision, ``q`` location
    precision, ``f`` killed, ``j`` injured, ``bk`` tenths of a km to the nearest zone boundary,
    and string-table indices for ``pl`` place, ``nm`` other names, ``sub`` sub-event type, ``c``
    de jure country, ``a`` admin-1, ``ctl`` de facto control on the date, ``zt`` the zones a
    region touches, ``s`` sentence, ``o`` source. ``geom`` holds region polygons (precision 3) by
    row, ``gorder`` their rows smallest first; ``hyp`` lists rows reported as conditional or
    threatened.
    """
    n = len(data)
    types_count = pd.Series(data.event_type, dtype=object).value_counts(sort=True)
    types = list(types_count.index)
    t_index = {t: i for i, t in enumerate(types)}
    zt = data.zone_table.set_index("zone")
    present = list(dict.fromkeys(data.zone.tolist()))
    kind_order = {"disputed": 0, "sovereign": 1, "foreign": 2}
    present.sort(key=lambda z: (kind_order.get(zt["zone_kind"].get(z, ""), 3), z))
    zones = []
    for z in present:
        if z in zt.index:
            r = zt.loc[z]
            zones.append(
                {
                    "id": _e(z),
                    "l": _e(r["label"]),
                    "k": _e(r["zone_kind"]),
                    "c": r["colour"],
                    "s": bool(r["zone_kind"] in ("sovereign", "foreign")),
                }
            )
        else:
            zones.append({"id": "", "l": "no zone (outside the theatre's data)", "k": "", "c": "#FFFFFF", "s": False})
    z_index = {z: i for i, z in enumerate(present)}

    day = data.day
    dated = np.isfinite(day)
    dmin = int(day[dated].min()) if dated.any() else None
    cols = {
        "x": _column(np.round(data.x * COORD_SCALE), signed=True),
        "y": _column(np.round(data.y * COORD_SCALE), signed=True),
        "t": _column(pd.Series(data.event_type, dtype=object).map(t_index).to_numpy(dtype=np.int64)),
        "z": _column(pd.Series(data.zone, dtype=object).map(z_index).to_numpy(dtype=np.int64)),
        "r": _column(marker_radius_px(data.casualties)),
    }
    if dmin is not None:
        cols["d"] = _column(_optional(day - dmin))
    small = {
        "dp": data.date_precision,
        "q": data.precision,
        "f": data.fatalities,
        "j": data.injured,
        "bk": np.round(data.numbers("boundary_km") * 10),  # tenths of a km
    }
    for key, values in small.items():
        if np.isfinite(values).any():
            cols[key] = _column(_optional(values))
    st = _Strings()
    texts = {
        "pl": data.text("place"),
        "nm": _names_line(data),
        "sub": data.text("sub_event_type"),
        "c": data.text("country"),
        "a": data.text("admin1"),
        "ctl": data.text("control"),
        "zt": np.char.replace(data.text("zones_touched").astype(str), ";", ", ").astype(object),
        "s": data.text("sentence"),
        "o": data.text("source"),
    }
    for key, values in texts.items():
        if len(values) and (values != "").any():
            cols[key] = _column(np.asarray(st.codes(values), dtype=np.int64) + 1)
    payload: dict = {
        "n": n,
        "types": [_e(t) for t in types],
        "zones": zones,
        "dmin": dmin,
        "dmax": int(day[dated].max()) if dated.any() else None,
        "undated": int((~dated).sum()),
        "cols": cols,
    }
    regions = np.flatnonzero(np.array([g is not None for g in data.region], dtype=bool))
    if len(regions):
        simple = shapely.simplify(np.asarray(data.region[regions]), REGION_SIMPLIFY_DEG, preserve_topology=True)
        payload["geom"] = {str(int(i)): _geojson(g) for i, g in zip(regions, _round_coords(simple))}
        area = shapely.area(np.asarray(data.region[regions]))
        payload["gorder"] = regions[np.argsort(area, kind="stable")].tolist()  # smallest first
    hyp = data.text("hypothetical")
    flagged = np.flatnonzero(np.isin(np.char.lower(hyp.astype(str)), ("true", "1", "yes")))
    if len(flagged):
        payload["hyp"] = flagged.tolist()
    payload["str"] = st.values
    return payload


def legend_html(data: MapData, zones) -> str:
    """The legend's HTML (escaped): zone colours by kind, incident rings, sizes, precision 3."""
    parts: list[str] = []
    foreign_label = data.theatre.meta.get("zones", {}).get("foreign", {}).get("label", "Other countries")
    headings = {"disputed": "Disputed", "sovereign": "Sovereign territory", "foreign": "Foreign"}
    for kind, heading in headings.items():
        rows = zones.loc[zones["zone_kind"] == kind]
        if rows.empty:
            continue
        parts.append(f'<div class="cm-h">{heading}</div>')
        if kind == "foreign":
            rows = rows.head(1).assign(label=foreign_label)
        for _, r in rows.iterrows():
            cls = "cm-sw cm-dis" if kind == "disputed" else "cm-sw"
            parts.append(f'<div><span class="{cls}" style="background:{r["colour"]}"></span>{_e(r["label"])}</div>')
    parts.append('<div class="cm-h">Incidents (fill: their zone\'s colour)</div>')
    parts.append(f"<div>{_circle(7, '#999999', SPILLOVER_EDGE, 2.5)}spillover: sovereign or foreign territory</div>")
    parts.append(f"<div>{_circle(7, '#999999', DISPUTED_EDGE, 1)}inside a disputed zone</div>")
    if any(g is not None for g in data.region):
        parts.append(
            '<div><svg width="18" height="14"><rect x="2" y="2" width="14" height="10" fill="#999" fill-opacity="0.3" '
            'stroke="#000" stroke-width="1.5" stroke-dasharray="4 3"/></svg>region-level report (precision 3)</div>'
        )
    sizes = marker_radius_px(np.array([0, 1, 10, 100]))
    circles = "".join(_circle(int(r), "#999999", "#333333", 1) for r in sizes)
    parts.append(f"<div>{circles}</div><div>killed + injured: 0, 1, 10, 100</div>")
    if data.unmapped:
        parts.append(f'<div class="cm-note">{data.unmapped:,} incident(s) without a location are not shown.</div>')
    policy = data.theatre.meta.get("policy")
    if policy:
        parts.append(
            '<div class="cm-note">Zones are geographic and de jure; de facto control on the date, where'
            " known, is in each popup.</div>"
        )
    return "".join(parts)


def _circle(r: int, fill: str, edge: str, width: float) -> str:
    size = 2 * r + 4
    c = size / 2
    bg = '<rect width="100%" height="100%" fill="#555"/>' if edge.upper() in ("#FFF", "#FFFFFF") else ""
    return (
        f'<svg width="{size}" height="{size}">{bg}<circle cx="{c}" cy="{c}" r="{r}" fill="{fill}" '
        f'stroke="{edge}" stroke-width="{width}"/></svg>'
    )


_EXTERNAL_TAG = re.compile(
    r"""<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?//[^>]*>\s*</script\s*>"""
    r"""|<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?//[^>]*>""",
    re.IGNORECASE,
)


def inline_html(page: str) -> str:
    """``page`` with Leaflet inlined and every external ``<script src>``/``<link href>`` tag removed.

    Tags other than Leaflet's are dropped with a warning naming them (a plugin that needs its own
    files from a CDN will not work in a self-contained page).
    """
    js, css = lf.leaflet_assets()
    dropped: list[str] = []

    def drop(match: re.Match[str]) -> str:
        tag = match.group(0)
        if "leaflet@" not in tag and "/leaflet." not in tag:
            dropped.append(tag)
        return ""

    body = _EXTERNAL_TAG.sub(drop, page)
    if dropped:
        warnings.warn(
            f"self-contained map: dropped {len(dropped)} external file link(s): " + " ".join(dropped)[:300],
            stacklevel=3,
        )
    assets = f"<style>\n{css}\n</style>\n<script>\n{js}\n</script>\n"
    head = re.search(r"<head[^>]*>", body, re.IGNORECASE)
    if head is None:
        return assets + body
    return body[: head.end()] + "\n" + assets + body[head.end() :]


def save_html(m: folium.Map, path: str | os.PathLike, *, self_contained: bool = True) -> Path:
    """Write ``m`` as one HTML file at ``path`` (parent folders are created).

    Parameters
    ----------
    m
        A map, normally from :func:`incident_map`.
    path
        Output file (``.html``).
    self_contained
        Inline Leaflet's JavaScript and CSS (from ``xstatic-leaflet``) and remove every link to a CDN,
        so the file opens offline (default). With False the page links Leaflet from its CDN.
        A tile layer, if the map has one, still needs the network either way.

    Returns
    -------
    pathlib.Path
        The file written.
    """
    page = m.get_root().render()
    if self_contained:
        page = inline_html(page)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return out
