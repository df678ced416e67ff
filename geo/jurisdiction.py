"""Classify incidents by jurisdiction: which zone of a theatre each point or region lies in.

:func:`classify` is a pure function over one frame (so it runs per partition under
dask-geopandas). It adds these columns (the *classified* schema):

============== ===========================================================================
zone           zone id (``nagorno-karabakh``, ``armenia``, ``foreign:IR``...) or empty
zone_kind      ``disputed`` / ``sovereign`` / ``foreign`` or empty
country        de jure country of the zone, ISO 3166-1 alpha-2
spillover      True where zone_kind is sovereign or foreign; empty when unresolved
admin1         district/province (English form), like ACLED's admin1
admin1_local   the same in the country's own official form (e.g. Tərtər)
admin1_hy      the Armenian-side name where it differs (e.g. Stepanakert for Xankəndi)
boundary_km    great-circle km to the nearest zone boundary (points only)
control        de facto controller on the row's date (when a date column exists)
zones_touched  regions only: every zone the region overlaps, largest share first, ``;``-joined
zone_share     regions only: share (0-1) of the region's area in ``zone``
problem        why a row could not be classified, or a warning about it; empty if none
============== ===========================================================================

Rows are never dropped or reordered and every input column is kept.
"""

from __future__ import annotations

import warnings

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.errors import InputError
from geo.theatre import SPILLOVER_KINDS, Theatre, boundary_distance_km, load_theatre

#: from this many points on, the lookups are spread over two threads
PARALLEL_MIN_POINTS = 100_000
LAT_NAMES = ("lat", "latitude", "y_lat")
LON_NAMES = ("lon", "lng", "long", "longitude", "x_lon")
DATE_NAMES = ("date", "event_date", "date_start")
OUTPUT_COLUMNS = (
    "zone",
    "zone_kind",
    "country",
    "spillover",
    "admin1",
    "admin1_local",
    "admin1_hy",
    "boundary_km",
    "control",
    "zones_touched",
    "zone_share",
    "problem",
)


def find_coordinate_columns(columns: pd.Index) -> tuple[str | None, str | None]:
    """The (lat, lon) column names among ``columns`` (case-insensitive), or None."""
    lower = {str(c).lower(): c for c in columns}
    lat = next((lower[n] for n in LAT_NAMES if n in lower), None)
    lon = next((lower[n] for n in LON_NAMES if n in lower), None)
    return lat, lon


def locate_xy(geoms: np.ndarray, bounds: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Index of the polygon holding each (x=lon, y=lat) point, -1 where none.

    ``geoms`` should be prepared (``shapely.prepare``) and are tried in order, each on the
    still-unassigned points inside its bounding box, with the vectorised
    ``shapely.intersects_xy``: a point on a shared boundary goes to the first polygon in the
    order (for theatres: disputed zones before sovereign before foreign). The loop is over
    polygons, never over points.
    """
    n = len(x)
    idx = np.full(n, -1, dtype=np.int64)
    if n == 0 or len(geoms) == 0:
        return idx
    rem = np.flatnonzero(np.isfinite(x) & np.isfinite(y))
    if len(rem) == 0:
        return idx
    xmin, xmax, ymin, ymax = x[rem].min(), x[rem].max(), y[rem].min(), y[rem].max()
    order = np.flatnonzero(
        (bounds[:, 0] <= xmax) & (bounds[:, 2] >= xmin) & (bounds[:, 1] <= ymax) & (bounds[:, 3] >= ymin)
    )
    for k in order:
        if len(rem) == 0:
            break
        b = bounds[k]
        xr, yr = x[rem], y[rem]
        inbox = (xr >= b[0]) & (xr <= b[2]) & (yr >= b[1]) & (yr <= b[3])
        cand = rem[inbox]
        if len(cand) == 0:
            continue
        hit = shapely.intersects_xy(geoms[k], x[cand], y[cand])
        if hit.any():
            idx[cand[hit]] = k
            rem = rem[idx[rem] < 0]
    return idx


def _coerce(values: pd.Series, name: str, lo: float, hi: float) -> tuple[np.ndarray, np.ndarray]:
    """Numbers from a column and a per-row problem text ('' when fine)."""
    num = pd.to_numeric(values, errors="coerce").to_numpy(dtype=float, na_value=np.nan, copy=True)
    problem = np.full(len(values), "", dtype=object)
    raw_missing = values.isna().to_numpy().copy()
    nan = np.flatnonzero(np.isnan(num) & ~raw_missing)
    if len(nan):  # only the unparsed cells are looked at as text
        raw_missing[nan[values.iloc[nan].astype(str).str.strip().to_numpy() == ""]] = True
    problem[raw_missing] = f"missing {name}"
    bad = np.isnan(num) & ~raw_missing
    if bad.any():
        problem[bad] = [f"{name} {v!r} is not a number" for v in values[bad]]
    out = np.isfinite(num) & ((num < lo) | (num > hi))
    if out.any():
        problem[out] = [f"{name} {v:g} out of range [{lo:g}, {hi:g}]" for v in num[out]]
    num[(problem != "")] = np.nan
    return num, problem


def _join(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Row-wise '; '-join of two arrays of problem texts."""
    out = a.copy()
    both = (a != "") & (b != "")
    out[both] = a[both] + "; " + b[both]
    only_b = (a == "") & (b != "")
    out[only_b] = b[only_b]
    return out


def classify(
    frame: pd.DataFrame,
    *,
    theatre: Theatre | str | None = None,
    lat: str | None = None,
    lon: str | None = None,
    overwrite: bool = False,
    boundary: bool = True,
) -> gpd.GeoDataFrame:
    """Classify every row of ``frame`` by zone (see the module docstring for the columns).

    Parameters
    ----------
    frame
        A DataFrame with latitude/longitude columns (``lat``/``lon``, ``latitude``/``longitude``,
        WGS84 degrees), or a GeoDataFrame of points, lines or polygons in any CRS.
    theatre
        Theatre name, path or object; default the embedded ``karabakh``.
    lat, lon
        Column names to use instead of the detected ones.
    overwrite
        Replace input columns that share a name with an output column. By default the input
        column is kept, renamed ``<name>_input``, and a warning says so.
    boundary
        Compute ``boundary_km`` (the costliest step; about a third of the time).

    Returns
    -------
    GeoDataFrame in EPSG:4326 with the input columns (same order and index) plus the output
    columns. Rows without usable coordinates have an empty zone and a ``problem``.
    """
    th = load_theatre(theatre)
    n = len(frame)
    is_geo = isinstance(frame, gpd.GeoDataFrame) and frame.geometry.name in frame.columns and lat is None
    if is_geo:
        if frame.crs is None:
            raise InputError("the GeoDataFrame has no CRS; set one (e.g. EPSG:4326) first", field="geometry")
        geom = frame.geometry.to_crs("EPSG:4326").values
        base = pd.DataFrame(frame.drop(columns=frame.geometry.name))
        problem = np.full(n, "", dtype=object)
        problem[shapely.is_missing(geom) | shapely.is_empty(geom)] = "missing geometry"
        xy = None
    else:
        la, lo = find_coordinate_columns(frame.columns)
        la, lo = lat or la, lon or lo
        if la is None or lo is None or la not in frame.columns or lo not in frame.columns:
            have = ", ".join(map(str, frame.columns[:12])) or "none"
            raise InputError(
                f"no coordinate columns: need lat/lon or latitude/longitude (columns: {have})",
                field="lat" if la is None else "lon",
            )
        base = pd.DataFrame(frame)
        if isinstance(base, gpd.GeoDataFrame):
            base = pd.DataFrame(base.drop(columns=base.geometry.name))
        y, p_lat = _coerce(frame[la], "latitude", -90, 90)
        x, p_lon = _coerce(frame[lo], "longitude", -180, 180)
        problem = _join(p_lat, p_lon)
        # A latitude beyond +-90 whose longitude would be a valid latitude: swapped columns.
        ylat = pd.to_numeric(frame[la], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        xlon = pd.to_numeric(frame[lo], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        swap_range = (np.abs(ylat) > 90) & (np.abs(ylat) <= 180) & (np.abs(xlon) <= 90)
        problem[swap_range] = [p + " (lat/lon look swapped)" for p in problem[swap_range]]
        geom = shapely.points(x, y)
        geom[np.isnan(x) | np.isnan(y)] = None
        xy = (x, y)

    zone_idx = np.full(n, -1, dtype=np.int64)
    admin_idx = np.full(n, -1, dtype=np.int64)
    bkm = np.full(n, np.nan)
    touched = np.full(n, None, dtype=object)
    share = np.full(n, np.nan)

    gtype = shapely.get_type_id(geom)  # -1 missing, 0 point, others non-point
    pt = gtype == 0
    if pt.any():
        px, py = (xy[0][pt], xy[1][pt]) if xy is not None else (shapely.get_x(geom[pt]), shapely.get_y(geom[pt]))
        if len(px) >= PARALLEL_MIN_POINTS:
            # shapely, numpy and scipy release the GIL: the admin-1 lookup and the boundary
            # distances run beside the zone lookup on a second core
            from concurrent.futures import ThreadPoolExecutor

            with ThreadPoolExecutor(max_workers=2) as pool:
                adm = pool.submit(locate_xy, th.admin1_geoms, th.admin1_bounds, px, py)
                dist = pool.submit(boundary_distance_km, th, px, py) if boundary else None
                zone_idx[pt] = locate_xy(th.zone_geoms, th.zone_bounds, px, py)
                admin_idx[pt] = adm.result()
                if dist is not None:
                    bkm[pt] = np.round(dist.result(), 3)
        else:
            zone_idx[pt] = locate_xy(th.zone_geoms, th.zone_bounds, px, py)
            admin_idx[pt] = locate_xy(th.admin1_geoms, th.admin1_bounds, px, py)
            if boundary:
                bkm[pt] = np.round(boundary_distance_km(th, px, py), 3)
        problem[pt] = _join(problem[pt], _swap_hints(th, px, py, zone_idx[pt]))
    other = gtype > 0
    if other.any():
        zi, zt, zs = _majority(th.zones, geom[other])
        zone_idx[other], touched[other], share[other] = zi, zt, zs
        if th.admin1 is not None and len(th.admin1):
            admin_idx[other] = _majority(th.admin1, geom[other])[0]

    unresolved = (zone_idx < 0) & (problem == "") & ~shapely.is_missing(geom)
    problem[unresolved] = "outside every zone of the theatre (sea, or beyond its data)"

    zones = th.zones
    has = zone_idx >= 0
    zsel = np.where(has, zone_idx, 0)

    def pick(col: pd.Series, idx: np.ndarray, ok: np.ndarray) -> pd.Categorical:
        # A Categorical built from codes: O(n) with no per-row string objects.
        vals = col.fillna("").astype(str).to_numpy(dtype=object)
        uniq, inv = np.unique(vals, return_inverse=True) if len(vals) else (np.array([""], dtype=object), None)
        codes = inv[np.where(ok, idx, 0)] if inv is not None else np.zeros(n, dtype=np.int64)
        codes = np.where(ok, codes, -1)
        blank = np.flatnonzero(uniq == "")
        if len(blank):
            codes = np.where(codes == blank[0], -1, codes)
            codes = np.where(codes > blank[0], codes - 1, codes)
            uniq = np.delete(uniq, blank[0])
        return pd.Categorical.from_codes(codes, categories=pd.Index(uniq, dtype=object))

    out = {
        "zone": pick(zones["zone"], zsel, has),
        "zone_kind": pick(zones["zone_kind"], zsel, has),
        "country": pick(zones["country"], zsel, has),
    }
    spill = pd.array(np.isin(zones["zone_kind"].to_numpy(), SPILLOVER_KINDS)[zsel], dtype="boolean")
    spill[~has] = pd.NA
    out["spillover"] = spill
    a1 = th.admin1
    ahas = admin_idx >= 0
    for col in ("admin1", "admin1_local", "admin1_hy"):
        if a1 is not None and col in a1.columns:
            out[col] = pick(a1[col], admin_idx, ahas)
        else:
            out[col] = pd.Categorical.from_codes(np.full(n, -1), categories=pd.Index([], dtype=object))
    out["boundary_km"] = bkm
    dcol = next((c for c in base.columns if str(c).lower() in DATE_NAMES), None)
    if dcol is not None and th.meta.get("control"):
        out["control"] = pd.Series(_control(th, out["zone"], base[dcol]), index=base.index, dtype=object)
    if other.any():
        out["zones_touched"] = touched
        out["zone_share"] = np.round(share, 4)
    out["problem"] = pd.Series(np.where(problem == "", None, problem), index=base.index, dtype=object)

    base = _make_room(base, list(out), overwrite)
    result = base.copy()
    for k, v in out.items():
        result[k] = v
    return gpd.GeoDataFrame(result, geometry=gpd.GeoSeries(geom, index=base.index, crs="EPSG:4326"))


def _make_room(base: pd.DataFrame, names: list[str], overwrite: bool) -> pd.DataFrame:
    clash = [c for c in names + ["geometry"] if c in base.columns]
    if not clash:
        return base
    if overwrite:
        return base.drop(columns=clash)
    ren = {c: f"{c}_input" for c in clash}
    warnings.warn(
        f"input column(s) {', '.join(clash)} kept as {', '.join(ren.values())} (use overwrite to replace them)",
        stacklevel=3,
    )
    return base.rename(columns=ren)


def _swap_hints(th: Theatre, x: np.ndarray, y: np.ndarray, zone_idx: np.ndarray) -> np.ndarray:
    """A hint where a point outside the theatre's core would fall inside it with lat/lon swapped."""
    hints = np.full(len(x), "", dtype=object)
    kinds = th.zones["zone_kind"].to_numpy()
    core = np.flatnonzero(kinds != "foreign")
    outside = (zone_idx < 0) | np.isin(zone_idx, np.flatnonzero(kinds == "foreign"))
    cand = np.flatnonzero(outside & np.isfinite(x) & np.isfinite(y))
    if len(cand) == 0 or len(core) == 0:
        return hints
    sw = locate_xy(th.zone_geoms[core], th.zone_bounds[core], y[cand], x[cand])
    hit = sw >= 0
    names = th.zones["zone"].to_numpy()[core]
    hints[cand[hit]] = [
        f"lat/lon may be swapped: read the other way round the point falls in {names[i]}" for i in sw[hit]
    ]
    return hints


def _majority(polys: gpd.GeoDataFrame, geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each geometry: index of the polygon holding most of it (area, or length for lines),
    the ';'-joined ids of all polygons it overlaps (largest first), and the majority share."""
    m = len(geoms)
    idx = np.full(m, -1, dtype=np.int64)
    touched = np.full(m, None, dtype=object)
    share = np.full(m, np.nan)
    tree = shapely.STRtree(polys.geometry.values)
    left, right = tree.query(geoms, predicate="intersects")
    if len(left) == 0:
        return idx, touched, share
    pieces = shapely.intersection(geoms[left], polys.geometry.values[right])
    ea = gpd.GeoSeries(pieces, crs="EPSG:4326").to_crs("EPSG:6933")
    measure = np.where(shapely.get_dimensions(pieces) == 2, ea.area.values, ea.length.values)
    pairs = pd.DataFrame({"g": left, "p": right, "m": measure})
    pairs = pairs[pairs["m"] > 0].sort_values(["g", "m"], ascending=[True, False])
    if pairs.empty:
        return idx, touched, share
    first = pairs.groupby("g", sort=False).head(1)
    idx[first["g"].to_numpy()] = first["p"].to_numpy()
    total = pairs.groupby("g", sort=False)["m"].sum()
    share[first["g"].to_numpy()] = first["m"].to_numpy() / total.loc[first["g"]].to_numpy()
    label = polys["zone"] if "zone" in polys.columns else polys["admin1"]
    pairs["z"] = label.to_numpy()[pairs["p"].to_numpy()]
    joined = pairs.groupby("g", sort=False)["z"].agg(";".join)
    touched[joined.index.to_numpy()] = joined.to_numpy()
    return idx, touched, share


def _control(th: Theatre, zone: np.ndarray, dates: pd.Series) -> np.ndarray:
    """De facto controller per row from the theatre's dated control table (vectorised)."""
    d = pd.to_datetime(dates, errors="coerce", format="mixed").dt.strftime("%Y-%m-%d").to_numpy(dtype=object)
    d = np.where(pd.isna(d), "", d).astype(str)
    z = np.asarray(pd.Series(zone).astype(object).fillna(""), dtype=object).astype(str)
    out = np.full(len(z), None, dtype=object)
    for row in th.meta.get("control", []):
        m = (z == row["zone"]) & (d != "")
        if row.get("from"):
            m &= d >= row["from"]
        if row.get("to"):
            m &= d < row["to"]
        out[m & (out == None)] = row["controller"]  # noqa: E711 - elementwise on object array
    return out


def summarise(classified: pd.DataFrame) -> pd.DataFrame:
    """Incidents per zone: count, spillover flag, fatalities (if a fatalities column exists)."""
    z = classified["zone"].astype(object).fillna("(unresolved)")
    g = classified.assign(_zone=z).groupby("_zone", sort=False)
    out = pd.DataFrame({"incidents": g.size()})
    out["zone_kind"] = g["zone_kind"].first()
    for col in ("fatalities", "injured"):
        if col in classified.columns:
            out[col] = g[col].apply(lambda s: pd.to_numeric(s, errors="coerce").fillna(0).sum()).astype(int)
    out.index.name = "zone"
    return out.sort_values("incidents", ascending=False)
