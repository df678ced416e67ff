"""Shared by the map renderers: one normalised view of an incidents frame and of the theatre's zones.

Both :mod:`geo.render_html` and :mod:`geo.render_static` draw from :class:`MapData`, so the two kinds
of map show the same incidents in the same colours and sizes. Everything here is EPSG:4326
(x = longitude, y = latitude, degrees).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.errors import InputError
from geo.theatre import SPILLOVER_KINDS, Theatre, load_theatre

#: radius (CSS px at zoom-independent size) of an incident with no reported casualties
RADIUS_MIN_PX = 4
#: largest radius, reached at about 100 casualties
RADIUS_MAX_PX = 18
#: outline of incidents on sovereign or foreign territory (spillover) versus inside the disputed region
SPILLOVER_EDGE = "#000000"
DISPUTED_EDGE = "#555555"
#: fill of incidents with no zone (sea, outside the theatre's data)
UNRESOLVED_COLOUR = "#FFFFFF"
#: simplification tolerance (degrees, about 100 m) for zone outlines drawn on maps
ZONE_SIMPLIFY_DEG = 0.001
#: simplification tolerance (degrees, about 500 m) for region polygons of precision-3 incidents
REGION_SIMPLIFY_DEG = 0.005

_HEX = re.compile(r"^#[0-9A-Fa-f]{3}(?:[0-9A-Fa-f]{3})?$")

# Tolerated column names, first found wins (schema name first, then ACLED's).
_ALIASES = {
    "place": ("place", "location"),
    "date": ("date", "event_date"),
    "sentence": ("sentence", "notes"),
    "precision": ("precision", "geo_precision"),
    "date_precision": ("date_precision", "time_precision"),
    "event_type": ("event_type",),
    "sub_event_type": ("sub_event_type",),
    "fatalities": ("fatalities",),
    "injured": ("injured",),
    "name_hy": ("name_hy",),
    "name_az": ("name_az",),
    "alt_names": ("alt_names",),
    "admin1": ("admin1",),
    "source": ("source",),
    "hypothetical": ("hypothetical",),
    "geocoder": ("geocoder",),
}


def safe_colour(value: object, fallback: str = "#BBBBBB") -> str:
    """``value`` if it is a ``#rgb``/``#rrggbb`` colour, else ``fallback`` (colours end up in CSS)."""
    return value if isinstance(value, str) and _HEX.match(value) else fallback


def marker_radius_px(casualties: np.ndarray) -> np.ndarray:
    """Marker radius in pixels from casualties (killed + injured), on a log scale.

    0 gives ``RADIUS_MIN_PX``; each doubling of casualties adds about 2.5 px, up to ``RADIUS_MAX_PX``.
    """
    c = np.nan_to_num(np.asarray(casualties, dtype=float), nan=0.0).clip(min=0)
    return np.clip(np.round(RADIUS_MIN_PX + 2.2 * np.log2(1 + c)), RADIUS_MIN_PX, RADIUS_MAX_PX).astype(np.int64)


@dataclass
class MapData:
    """Incidents ready to draw (one entry per drawable row) plus what could not be drawn.

    ``x``/``y`` are longitude/latitude degrees (EPSG:4326) of the point, or of a representative point
    for region rows; ``region`` holds the (Multi)Polygon of precision-3 rows (None for points).
    Text columns are plain strings ('' where unknown) and are *not* escaped.
    """

    theatre: Theatre
    frame: pd.DataFrame
    x: np.ndarray
    y: np.ndarray
    region: np.ndarray
    zone: np.ndarray
    zone_kind: np.ndarray
    spillover: np.ndarray
    event_type: np.ndarray
    date: np.ndarray
    day: np.ndarray
    fatalities: np.ndarray
    injured: np.ndarray
    precision: np.ndarray
    date_precision: np.ndarray
    unmapped: int
    zone_table: pd.DataFrame = field(repr=False, default_factory=pd.DataFrame)
    geocoded: bool = False

    def __len__(self) -> int:
        return len(self.x)

    def text(self, name: str) -> np.ndarray:
        """A text column by schema name ('' where the column is absent or the cell empty)."""
        col = _find(self.frame, name)
        if col is None:
            return np.full(len(self.frame), "", dtype=object)
        s = self.frame[col]
        return np.where(s.isna().to_numpy(), "", s.astype(str).to_numpy(dtype=object)).astype(object)

    def numbers(self, name: str) -> np.ndarray:
        """A numeric column by name (NaN where the column is absent or the cell not a number)."""
        return _numbers(self.frame, name)

    @property
    def casualties(self) -> np.ndarray:
        return np.nan_to_num(self.fatalities, nan=0.0) + np.nan_to_num(self.injured, nan=0.0)

    @property
    def colour(self) -> np.ndarray:
        """Fill colour per incident: its zone's colour."""
        lut = dict(zip(self.zone_table["zone"], self.zone_table["colour"]))
        return np.array([lut.get(z, UNRESOLVED_COLOUR) for z in self.zone], dtype=object)

    def subtitle(self) -> str:
        """One line under a map's title: how many incidents, spillover, date range, unmapped."""
        n = len(self)
        parts = [f"{n:,} incident{'s' if n != 1 else ''} mapped", f"{int(self.spillover.sum()):,} spillover"]
        dr = self.date_range()
        if dr:
            parts.append(dr[0] if dr[0] == dr[1] else f"{dr[0]} \u2013 {dr[1]}")
        if self.unmapped:
            parts.append(f"{self.unmapped:,} without a location not shown")
        return " \u00b7 ".join(parts)

    def date_range(self) -> tuple[str, str] | None:
        """(first, last) ISO date of the dated incidents, or None."""
        ok = ~np.isnan(self.day)
        if not ok.any():
            return None
        return _day_to_iso(np.nanmin(self.day)), _day_to_iso(np.nanmax(self.day))


def _day_to_iso(day: float) -> str:
    return (pd.Timestamp("1970-01-01") + pd.Timedelta(days=int(day))).strftime("%Y-%m-%d")


def _find(frame: pd.DataFrame, name: str) -> str | None:
    for c in _ALIASES.get(name, (name,)):
        if c in frame.columns:
            return c
    return None


def _numbers(frame: pd.DataFrame, name: str) -> np.ndarray:
    col = _find(frame, name)
    if col is None:
        return np.full(len(frame), np.nan)
    return pd.to_numeric(frame[col], errors="coerce").to_numpy(dtype=float, na_value=np.nan)


def prepare(incidents: pd.DataFrame, *, theatre: Theatre | str | None = None) -> MapData:
    """Normalise a (classified) incidents frame for drawing.

    Parameters
    ----------
    incidents
        Output of :func:`geo.classify` (columns of :mod:`geo.schema`), a GeoDataFrame in any CRS, or a
        DataFrame with ``lat``/``lon`` (or ``latitude``/``longitude``) in WGS84 degrees. A frame without
        a ``zone`` column is classified first. ACLED names (``location``, ``event_date``, ``notes``,
        ``geo_precision``, ``time_precision``) are accepted for the schema's ones.
    theatre
        Theatre name, path or object (default: the embedded one).

    Returns
    -------
    MapData
        Rows without a usable geometry are left out and counted in ``unmapped``.
    """
    th = load_theatre(theatre)
    if not isinstance(incidents, pd.DataFrame):
        raise InputError("incidents must be a DataFrame or GeoDataFrame")
    frame = incidents
    if "zone" not in frame.columns:
        from geo.jurisdiction import classify

        frame = classify(frame, theatre=th)
    geom = _geometry(frame)
    present = ~(shapely.is_missing(geom) | shapely.is_empty(geom))
    gtype = np.where(present, shapely.get_type_id(np.where(present, geom, None)), -1)
    polygonal = np.isin(gtype, (3, 6))  # Polygon, MultiPolygon
    keep = present & (np.isin(gtype, (0,)) | polygonal)
    kept = frame.loc[keep] if not keep.all() else frame
    g = geom[keep]
    poly = polygonal[keep]
    rep = g.copy()
    if poly.any():
        rep[poly] = shapely.point_on_surface(g[poly])
    x, y = shapely.get_x(rep), shapely.get_y(rep)
    finite = np.isfinite(x) & np.isfinite(y)
    if not finite.all():
        keep_idx = np.flatnonzero(keep)[finite]
        kept, g, poly, x, y = frame.iloc[keep_idx], g[finite], poly[finite], x[finite], y[finite]
    region = np.full(len(g), None, dtype=object)
    region[poly] = g[poly]

    zone = _strings(kept, "zone")
    zone_kind = _strings(kept, "zone_kind")
    if "spillover" in kept.columns:
        sp = kept["spillover"].astype("boolean").fillna(False).to_numpy(dtype=bool)
    else:
        sp = np.isin(zone_kind, SPILLOVER_KINDS)
    et = _strings(kept, "event_type")
    et = np.where(et == "", "Unspecified event", et)

    dcol = _find(kept, "date")
    if dcol is not None:
        ts = pd.to_datetime(kept[dcol], errors="coerce", format="mixed")
        ts = ts.dt.tz_localize(None) if getattr(ts.dt, "tz", None) is not None else ts
        day = ((ts - pd.Timestamp("1970-01-01")).dt.days).to_numpy(dtype=float, na_value=np.nan)
        date = np.where(np.isnan(day), "", ts.dt.strftime("%Y-%m-%d").to_numpy(dtype=object, na_value="")).astype(
            object
        )
    else:
        day = np.full(len(kept), np.nan)
        date = np.full(len(kept), "", dtype=object)

    prec = _numbers(kept, "precision")
    prec = np.where(np.isnan(prec) & poly, 3, prec)
    gcol = _find(kept, "geocoder")
    geocoded = bool(gcol is not None and kept[gcol].notna().any())

    return MapData(
        theatre=th,
        frame=kept.reset_index(drop=True),
        x=np.asarray(x, dtype=float),
        y=np.asarray(y, dtype=float),
        region=region,
        zone=zone,
        zone_kind=zone_kind,
        spillover=sp,
        event_type=et.astype(object),
        date=date,
        day=day,
        fatalities=_numbers(kept, "fatalities"),
        injured=_numbers(kept, "injured"),
        precision=prec,
        date_precision=_numbers(kept, "date_precision"),
        unmapped=int(len(frame) - len(kept)),
        zone_table=zone_table(th),
        geocoded=geocoded,
    )


def _strings(frame: pd.DataFrame, name: str) -> np.ndarray:
    col = _find(frame, name)
    if col is None:
        return np.full(len(frame), "", dtype=object)
    s = frame[col].astype(object)
    return np.where(s.isna().to_numpy(), "", s.astype(str).to_numpy(dtype=object)).astype(object)


def _geometry(frame: pd.DataFrame) -> np.ndarray:
    """Geometry per row in EPSG:4326 (see :func:`as_geoframe`)."""
    return np.asarray(as_geoframe(frame).geometry.values, dtype=object)


def as_geoframe(frame: pd.DataFrame) -> gpd.GeoDataFrame:
    """``frame`` as a GeoDataFrame in EPSG:4326, rows and columns kept.

    The geometry is the frame's own (reprojected), else the ``geometry_wkt`` column that CSV tables
    written by :func:`geo.write_table` carry, else points from ``lat``/``lon`` (or ``latitude``/
    ``longitude``) in WGS84 degrees; rows without usable values get no geometry.
    """
    if isinstance(frame, gpd.GeoDataFrame) and frame.geometry.name in frame.columns:
        if frame.crs is None:
            raise InputError("the GeoDataFrame has no CRS; set one (e.g. EPSG:4326) first", field="geometry")
        return frame.to_crs("EPSG:4326")
    from geo.jurisdiction import find_coordinate_columns

    la, lo = find_coordinate_columns(frame.columns)
    if la is not None and lo is not None:
        y = pd.to_numeric(frame[la], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        x = pd.to_numeric(frame[lo], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        geom = shapely.points(x, y)
        geom[~(np.isfinite(x) & np.isfinite(y))] = None
    elif "geometry_wkt" in frame.columns:
        wkt = frame["geometry_wkt"].astype(object).where(frame["geometry_wkt"].notna(), None)
        geom = shapely.from_wkt(wkt.to_numpy(dtype=object), on_invalid="ignore")
    else:
        raise InputError("no geometry and no lat/lon (or latitude/longitude) columns", field="lat")
    return gpd.GeoDataFrame(pd.DataFrame(frame), geometry=gpd.GeoSeries(geom, index=frame.index), crs="EPSG:4326")


def combine(frames: list[pd.DataFrame]) -> gpd.GeoDataFrame:
    """Stack incident frames (each made a GeoDataFrame in EPSG:4326 first) into one, index renumbered."""
    if not frames:
        raise InputError("no incidents to combine")
    parts = [as_geoframe(f) for f in frames]
    parts = [p.rename_geometry("geometry") if p.geometry.name != "geometry" else p for p in parts]
    out = pd.concat(parts, ignore_index=True, sort=False)
    return gpd.GeoDataFrame(out, geometry="geometry", crs="EPSG:4326")


def zone_table(theatre: Theatre) -> pd.DataFrame:
    """zone, zone_kind, country, label, colour (validated) for every zone of the theatre."""
    info = theatre.zone_info()
    info["colour"] = [safe_colour(c) for c in info["colour"]]
    return info.reset_index(drop=True)


def map_zones(theatre: Theatre, *, simplify_deg: float = ZONE_SIMPLIFY_DEG) -> gpd.GeoDataFrame:
    """The zones worth drawing: every non-foreign zone plus the foreign ones inside the theatre window.

    Foreign zones are clipped to :attr:`Theatre.window` (the core zones' bounds padded by one degree);
    all outlines are simplified together (``shapely.coverage_simplify``, so shared borders stay shared)
    with ``simplify_deg`` degrees of tolerance. Columns: zone, zone_kind, country, label, colour,
    geometry (EPSG:4326).
    """
    z = theatre.zones
    box = shapely.box(*theatre.window)
    foreign = (z["zone_kind"] == "foreign").to_numpy()
    near = shapely.intersects(z.geometry.values, box)
    sel = z.loc[~foreign | near].copy()
    g = sel.geometry.values.copy()
    f = (sel["zone_kind"] == "foreign").to_numpy()
    if f.any():
        g[f] = shapely.clip_by_rect(g[f], *theatre.window)
    g = shapely.make_valid(g)
    try:
        g = shapely.coverage_simplify(g, simplify_deg)
    except Exception:  # not a valid coverage (user theatre): simplify each outline on its own
        g = shapely.simplify(g, simplify_deg, preserve_topology=True)
    sel = sel.assign(geometry=g)
    sel = sel[~shapely.is_empty(sel.geometry.values)]
    info = zone_table(theatre).set_index("zone")
    sel["label"] = sel["zone"].map(info["label"]).fillna(sel["zone"])
    sel["colour"] = sel["zone"].map(info["colour"]).fillna("#BBBBBB")
    order = sel["zone_kind"].map({"foreign": 0, "sovereign": 1, "disputed": 2}).fillna(0)
    sel = sel.assign(_o=order.to_numpy()).sort_values("_o", kind="stable").drop(columns="_o")
    return gpd.GeoDataFrame(
        sel[["zone", "zone_kind", "country", "label", "colour", "geometry"]].reset_index(drop=True), crs="EPSG:4326"
    )


def view_bounds(data: MapData) -> tuple[float, float, float, float]:
    """(lon_min, lat_min, lon_max, lat_max) to show: the theatre's bounds plus the incidents inside its window."""
    th = data.theatre
    b = th.meta.get("bounds")
    if b and len(b) == 2:
        (s, w), (n, e) = b
    else:
        core = th.zones.loc[th.zones["zone_kind"] != "foreign"]
        w, s, e, n = (core if len(core) else th.zones).total_bounds
    x0, y0, x1, y1 = th.window
    inside = (data.x >= x0) & (data.x <= x1) & (data.y >= y0) & (data.y <= y1)
    if inside.any():
        w, e = min(w, data.x[inside].min()), max(e, data.x[inside].max())
        s, n = min(s, data.y[inside].min()), max(n, data.y[inside].max())
    return float(w), float(s), float(e), float(n)


def km_per_degree_lon(lat: float) -> float:
    """Kilometres per degree of longitude at latitude ``lat`` (degrees), spherical Earth."""
    return 111.32 * math.cos(math.radians(lat))
