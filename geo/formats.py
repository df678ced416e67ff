"""Incident tables in the shapes analysts already use: ACLED exports and UCDP GED, in and out.

:func:`read_acled` and :func:`read_ucdp` map those datasets' CSV columns into the incidents
schema of :mod:`geo.schema` (a point GeoDataFrame in EPSG:4326, ready for :func:`geo.classify`
and the map renderers). :func:`read_incidents` reads any table and recognises the two shapes by
their columns (:func:`detect_format`). :func:`to_acled` turns incidents into an ACLED-shaped
table and :func:`write_incidents` writes incidents as ACLED-shaped CSV, GeoJSON, GeoPackage or
GeoParquet.

Nothing is lost on the way in: every row comes out (a row without usable coordinates gets an
empty geometry, and :func:`geo.classify` then says why), and every column of the source is kept.
A column is renamed only when its value moved into a schema column (``location`` becomes
``place``) or when its name would collide with a column conflictmap computes: ACLED's ``country``
(a full name) and ``admin1`` are kept as ``acled_country`` and ``acled_admin1``, UCDP's ``country``
as ``ucdp_country``, because :func:`geo.classify` adds its own de jure ``country`` (ISO2) and
``admin1``.
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Mapping

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.errors import InputError
from geo.io import read_table, table_format, write_table
from geo.jurisdiction import OUTPUT_COLUMNS, find_coordinate_columns
from geo.schema import INCIDENT_COLUMNS
from geo.theatre import Theatre, load_theatre

#: the columns of an ACLED export, in ACLED's order
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
#: the columns of a UCDP GED CSV, in UCDP's order
UCDP_COLUMNS: tuple[str, ...] = (
    "id",
    "relid",
    "year",
    "active_year",
    "code_status",
    "type_of_violence",
    "conflict_dset_id",
    "conflict_new_id",
    "conflict_name",
    "dyad_dset_id",
    "dyad_new_id",
    "dyad_name",
    "side_a_dset_id",
    "side_a_new_id",
    "side_a",
    "side_b_dset_id",
    "side_b_new_id",
    "side_b",
    "number_of_sources",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "source_original",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "geom_wkt",
    "priogrid_gid",
    "country",
    "country_id",
    "region",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
)
#: conflictmap columns written after the ACLED ones by :func:`to_acled` (the last three only when present)
ACLED_EXTRA_COLUMNS: tuple[str, ...] = ("zone", "zone_kind", "spillover", "name_hy", "name_az", "injured")

# ACLED column -> schema column (a move: the ACLED name is not kept)
_ACLED_MOVES = {
    "event_id_cnty": "incident_id",
    "event_date": "date",
    "time_precision": "date_precision",
    "location": "place",
    "latitude": "lat",
    "longitude": "lon",
    "geo_precision": "precision",
    "notes": "sentence",
}
# UCDP column -> schema column (a move); date_prec and where_prec are kept: their mapping is coarser
_UCDP_MOVES = {
    "id": "incident_id",
    "date_start": "date",
    "where_coordinates": "place",
    "latitude": "lat",
    "longitude": "lon",
    "best": "fatalities",
    "source_article": "source",
    "source_headline": "sentence",
}
#: UCDP ``where_prec`` (1 exact place ... 7 water or air space) -> schema ``precision``
UCDP_WHERE_PREC: Mapping[int, int] = {1: 1, 2: 2, 3: 3, 4: 3, 5: 3, 6: 3, 7: 3}
#: UCDP ``date_prec`` (1 day, 2 a 2-6 day range, 3 week, 4 month or 8-30 days, 5 up to a year)
#: -> schema ``date_precision`` (1 day, 2 week, 3 month: the coarsest the schema has)
UCDP_DATE_PREC: Mapping[int, int] = {1: 1, 2: 2, 3: 2, 4: 3, 5: 3}

_INT_COLUMNS = ("date_precision", "precision", "fatalities", "injured")
_BOOL_COLUMNS = ("spillover", "hypothetical")
_TAKEN = frozenset(INCIDENT_COLUMNS) | frozenset(OUTPUT_COLUMNS) | {"geometry"}
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d-%b-%Y", "%B %d, %Y", "%b %d, %Y", "%Y/%m/%d")
_ISO_WITH_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T]\d.*$")


# -- detection -----------------------------------------------------------------------------------


def detect_format(frame: pd.DataFrame) -> str:
    """Which shape of incident table ``frame`` is, judged by its column names (case-insensitive).

    Parameters
    ----------
    frame
        Any (Geo)DataFrame.

    Returns
    -------
    str
        ``"incidents"`` for conflictmap's own schema (``incident_id`` plus ``place`` or ``sentence``),
        ``"acled"`` for an ACLED export (``event_id_cnty``, or ``event_date``, ``geo_precision``,
        ``latitude`` and ``longitude`` together), ``"ucdp"`` for UCDP GED (``where_prec`` with
        ``date_start`` or ``best``), else ``"table"``.
    """
    cols = {str(c).lower() for c in frame.columns}
    if "incident_id" in cols and cols & {"place", "sentence"}:
        return "incidents"
    if "event_id_cnty" in cols or {"event_date", "geo_precision", "latitude", "longitude"} <= cols:
        return "acled"
    if "where_prec" in cols and cols & {"date_start", "best"}:
        return "ucdp"
    return "table"


# -- reading -------------------------------------------------------------------------------------


def read_acled(path_or_frame: str | os.PathLike | pd.DataFrame) -> gpd.GeoDataFrame:
    """Read an ACLED export into the incidents schema (:mod:`geo.schema`), points in EPSG:4326.

    Parameters
    ----------
    path_or_frame
        A table file in any format :func:`geo.read_table` reads (normally ACLED's CSV), or a
        DataFrame already holding ACLED's columns (names are matched case-insensitively).

    Returns
    -------
    geopandas.GeoDataFrame
        One row per input row, in input order. ``incident_id`` is ``event_id_cnty``; ``date`` is
        ``event_date`` as ISO ``YYYY-MM-DD`` (ACLED writes ``12 October 2020`` or ISO);
        ``date_precision`` is ``time_precision``; ``place`` is ``location``; ``lat``/``lon`` are
        ``latitude``/``longitude`` (WGS84 degrees); ``precision`` is ``geo_precision``;
        ``sentence`` is ``notes``; ``source``, ``event_type``, ``sub_event_type`` and
        ``fatalities`` keep their names (ACLED's 0 stays 0: ACLED does not tell "none" from
        "unknown"). ``country`` and ``admin1`` become ``acled_country`` and ``acled_admin1``;
        every other column (``actor1``, ``actor2``, ``admin2``, ...) is kept as it is. The
        geometry is ACLED's point, also for ``geo_precision`` 3, and empty where the coordinates
        are missing or out of range; ``geocoder`` is ``"acled"``.

    Raises
    ------
    geo.errors.InputError
        If the file cannot be read or has no ``latitude``/``longitude`` columns.
    """
    frame = _frame(path_or_frame)
    return _normalise(frame, moves=_ACLED_MOVES, native=ACLED_COLUMNS, prefix="acled", geocoder="acled")


def read_ucdp(path_or_frame: str | os.PathLike | pd.DataFrame) -> gpd.GeoDataFrame:
    """Read a UCDP GED table (its CSV) into the incidents schema (:mod:`geo.schema`), EPSG:4326.

    Parameters
    ----------
    path_or_frame
        A table file in any format :func:`geo.read_table` reads, or a DataFrame with UCDP GED's
        columns (names matched case-insensitively).

    Returns
    -------
    geopandas.GeoDataFrame
        One row per input row, in input order. ``incident_id`` is ``id``; ``date`` is
        ``date_start`` as ISO ``YYYY-MM-DD`` (``date_end`` is normalised the same way and kept);
        ``date_precision`` comes from ``date_prec`` (:data:`UCDP_DATE_PREC`) and ``precision``
        from ``where_prec`` (1 -> 1, 2 -> 2, 3 to 7 -> 3), both originals kept; ``place`` is
        ``where_coordinates``; ``fatalities`` is ``best`` (``low``, ``high`` and the
        ``deaths_*`` columns are kept); ``source`` is ``source_article`` and ``sentence`` is
        ``source_headline``. ``country`` becomes ``ucdp_country``; every other column is kept.
        ``event_type`` is left empty: UCDP's ``type_of_violence`` (kept) has no one-to-one ACLED
        counterpart. Points are UCDP's ``longitude``/``latitude`` (WGS84 degrees), empty where
        missing; ``geocoder`` is ``"ucdp"``.

    Raises
    ------
    geo.errors.InputError
        If the file cannot be read or has no ``latitude``/``longitude`` columns.
    """
    frame = _frame(path_or_frame)
    lower = {str(c).lower(): c for c in frame.columns}
    extra: dict[str, pd.Series] = {}
    if "date_prec" in lower:
        extra["date_precision"] = _mapped_int(frame[lower["date_prec"]], UCDP_DATE_PREC)
    if "where_prec" in lower:
        extra["precision"] = _mapped_int(frame[lower["where_prec"]], UCDP_WHERE_PREC)
    if "date_end" in lower:
        frame = frame.copy()
        frame[lower["date_end"]] = _iso_dates(frame[lower["date_end"]], name="date_end")[0]
    return _normalise(frame, moves=_UCDP_MOVES, native=UCDP_COLUMNS, prefix="ucdp", geocoder="ucdp", derived=extra)


def read_incidents(path: str | os.PathLike) -> pd.DataFrame:
    """Read an incident table of any supported kind, normalising ACLED and UCDP shapes.

    Parameters
    ----------
    path
        A CSV, TSV, Parquet/GeoParquet, GeoJSON or GeoPackage file (``-`` reads CSV from
        standard input), read with :func:`geo.read_table`.

    Returns
    -------
    pandas.DataFrame
        For an ACLED export or UCDP GED table, :func:`read_acled` / :func:`read_ucdp`'s
        GeoDataFrame. For conflictmap's own incidents (as written by :func:`write_incidents` to
        GeoJSON, GeoPackage or GeoParquet, or a flat table with ``incident_id``), a GeoDataFrame in
        EPSG:4326 with the schema's column types restored (geometry from the file, else from
        ``geometry_wkt``, else from ``lat``/``lon``). Any other table is returned as read.

    Raises
    ------
    geo.errors.InputError
        If the file cannot be read.
    """
    frame = read_table(path)
    kind = detect_format(frame)
    if kind == "acled":
        return read_acled(frame)
    if kind == "ucdp":
        return read_ucdp(frame)
    if kind == "incidents":
        return _as_incidents(frame)
    return frame


def _frame(path_or_frame: str | os.PathLike | pd.DataFrame) -> pd.DataFrame:
    if isinstance(path_or_frame, pd.DataFrame):
        return path_or_frame
    return read_table(path_or_frame)


def _normalise(
    frame: pd.DataFrame,
    *,
    moves: Mapping[str, str],
    native: tuple[str, ...],
    prefix: str,
    geocoder: str,
    derived: Mapping[str, pd.Series] | None = None,
) -> gpd.GeoDataFrame:
    """Map a dataset's columns into the schema; the common part of read_acled and read_ucdp."""
    if isinstance(frame, gpd.GeoDataFrame):
        frame = pd.DataFrame(frame.drop(columns=frame.geometry.name))
    lower = {str(c).lower(): c for c in frame.columns}
    if "latitude" not in lower or "longitude" not in lower:
        have = ", ".join(map(str, frame.columns[:12])) or "none"
        raise InputError(f"no latitude/longitude columns for a {prefix.upper()} table (columns: {have})")
    original_index = frame.index
    frame = frame.reset_index(drop=True)  # positions while building; the caller's index is put back
    derived = {k: pd.Series(v.to_numpy(), index=frame.index) for k, v in (derived or {}).items()}
    index = frame.index
    out: dict[str, object] = {}
    moved = set()
    for src, dst in moves.items():
        if src in lower:
            out[dst] = frame[lower[src]]
            moved.add(lower[src])
    out.update(derived)
    date_src = next((lower[s] for s, d in moves.items() if d == "date" and s in lower), None)
    if date_src is not None:
        out["date"], bad = _iso_dates(out["date"], name=str(date_src))
        if bad.any():  # kept beside the empty date, so nothing is lost
            out[f"{prefix}_{str(date_src).lower()}"] = frame[date_src].where(bad)
    if "incident_id" in out:
        out["incident_id"] = _text_ids(out["incident_id"])
    if "geocoder" in frame.columns:  # a table this module wrote keeps its own
        given = frame["geocoder"].astype(object)
        out["geocoder"] = given.where(given.notna(), geocoder)
        moved.add("geocoder")
    else:
        out["geocoder"] = pd.Series(geocoder, index=index, dtype=object)
    schema = {}
    for col in INCIDENT_COLUMNS:
        if col in out:
            schema[col] = out.pop(col)
        elif col in frame.columns and col not in moved:
            schema[col] = frame[col]  # already in the schema's name (e.g. a table this module wrote)
            moved.add(col)
        else:
            schema[col] = pd.Series(False if col == "hypothetical" else None, index=index, dtype=object)
    rest: dict[str, object] = {}
    native_lower = {c.lower() for c in native}
    for c in frame.columns:
        if c in moved:
            continue
        name = str(c)
        if name.lower() in native_lower and name.lower() in _TAKEN:
            name = f"{prefix}_{name.lower()}"
        if name in schema or name in out:
            name = f"{name}_input"  # e.g. a ``place`` column beside ``location``: both kept
        rest[name] = frame[c]
    result = pd.DataFrame({**schema, **rest, **out}, index=index)
    result = _coerce_schema(result)
    geom = _points(result["lon"], result["lat"])
    result.index = original_index
    return gpd.GeoDataFrame(result, geometry=gpd.GeoSeries(geom, index=original_index, crs="EPSG:4326"))


def _as_incidents(frame: pd.DataFrame) -> gpd.GeoDataFrame:
    """conflictmap's own incidents read back: GeoDataFrame in EPSG:4326, schema types restored."""
    if isinstance(frame, gpd.GeoDataFrame):
        out = frame if frame.crs is None else frame.to_crs("EPSG:4326")
        if out.crs is None:
            out = out.set_crs("EPSG:4326")
        name = out.geometry.name
        attrs = _coerce_schema(pd.DataFrame(out.drop(columns=name)))
        return gpd.GeoDataFrame(attrs, geometry=out.geometry.rename("geometry"), crs="EPSG:4326")
    attrs = _coerce_schema(pd.DataFrame(frame))
    if "geometry_wkt" in attrs.columns:
        wkt = attrs.pop("geometry_wkt")
        geom = shapely.from_wkt(wkt.astype(object).where(wkt.notna(), None).to_numpy(), on_invalid="ignore")
    else:
        la, lo = find_coordinate_columns(attrs.columns)
        if la is None or lo is None:
            raise InputError("an incidents table needs geometry, geometry_wkt or lat/lon columns")
        geom = _points(attrs[lo], attrs[la])
    return gpd.GeoDataFrame(attrs, geometry=gpd.GeoSeries(geom, index=attrs.index, crs="EPSG:4326"))


# -- value helpers -------------------------------------------------------------------------------


def _iso_dates(values: object, *, name: str) -> tuple[pd.Series, np.ndarray]:
    """ISO ``YYYY-MM-DD`` text per value (None where empty or not understood) and a mask of the
    non-empty values that were not understood (a warning names them)."""
    s = pd.Series(values)
    if pd.api.types.is_datetime64_any_dtype(s.dtype):
        iso = s.dt.strftime("%Y-%m-%d")
        return iso.astype(object).where(iso.notna(), None), np.zeros(len(s), dtype=bool)
    text = s.astype(object).where(s.notna(), None).map(lambda v: None if v is None else str(v).strip() or None)
    text = text.map(lambda v: _ISO_WITH_TIME.sub(r"\1", v) if isinstance(v, str) else v)
    out = pd.Series(None, index=s.index, dtype=object)
    todo = text.notna().to_numpy().copy()
    for fmt in _DATE_FORMATS:
        if not todo.any():
            break
        parsed = pd.to_datetime(text[todo], format=fmt, errors="coerce")
        ok = parsed.notna().to_numpy()
        if ok.any():
            idx = np.flatnonzero(todo)[ok]
            out.iloc[idx] = parsed[ok].dt.strftime("%Y-%m-%d").to_numpy(dtype=object)
            todo[idx] = False
    if todo.any():
        examples = ", ".join(repr(v) for v in text[todo].unique()[:3])
        warnings.warn(
            f"{int(todo.sum())} {name} value(s) not understood as a date ({examples}); date left empty",
            stacklevel=3,
        )
    return out, todo


def _int_array(values: object) -> pd.array:
    """Whole numbers as a nullable Int64 array (<NA> where empty, not a number or not whole)."""
    num = pd.to_numeric(pd.Series(values).astype(object), errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    ok = np.isfinite(num) & (num == np.round(num))
    arr = pd.array(np.where(ok, num, 0).astype(np.int64), dtype="Int64")
    arr[~ok] = pd.NA
    return arr


def _mapped_int(values: pd.Series, table: Mapping[int, int]) -> pd.Series:
    codes = _int_array(values)
    mapped = [table.get(int(v)) if v is not pd.NA else None for v in codes]
    return pd.Series(pd.array(mapped, dtype="Int64"), index=values.index)


def _bool_array(values: object) -> pd.array:
    """True/False from booleans, 0/1 or their text forms, as a nullable boolean array."""
    truth = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False, "1.0": True, "0.0": False}

    def one(v: object) -> bool | None:
        if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
            return None
        if isinstance(v, (bool, np.bool_)):
            return bool(v)
        return truth.get(str(v).strip().lower())

    return pd.array([one(v) for v in pd.Series(values).astype(object)], dtype="boolean")


def _text_ids(values: object) -> pd.Series:
    """Identifiers as text: integers without a trailing ``.0``, None where empty."""
    s = pd.Series(values)
    if pd.api.types.is_numeric_dtype(s.dtype):
        ints = _int_array(s)
        return pd.Series([None if v is pd.NA else str(v) for v in ints], index=s.index, dtype=object)
    return s.astype(object).where(s.notna(), None).map(lambda v: None if v is None else str(v))


def _coerce_schema(frame: pd.DataFrame) -> pd.DataFrame:
    """The schema's column types: Int64 counts and precisions, float lat/lon, nullable booleans."""
    out = frame.copy()
    if "date" in out.columns and pd.api.types.is_datetime64_any_dtype(out["date"].dtype):
        out["date"] = _iso_dates(out["date"], name="date")[0]  # GeoJSON readers turn ISO text into dates
    for c in _INT_COLUMNS:
        if c in out.columns:
            out[c] = pd.array(_int_array(out[c]), dtype="Int64")
    for c in ("lat", "lon"):
        if c in out.columns:
            out[c] = pd.to_numeric(out[c].astype(object), errors="coerce").astype(float)
    for c in _BOOL_COLUMNS:
        if c in out.columns:
            b = _bool_array(out[c])
            if c == "hypothetical":
                b = b.fillna(False).astype(bool)
            out[c] = b
    return out


def _points(lon: pd.Series, lat: pd.Series) -> np.ndarray:
    """Points (x = lon, y = lat, WGS84 degrees); None where either is missing or out of range."""
    x = pd.to_numeric(lon.astype(object), errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    y = pd.to_numeric(lat.astype(object), errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    ok = np.isfinite(x) & np.isfinite(y) & (np.abs(x) <= 180) & (np.abs(y) <= 90)
    geom = np.full(len(x), None, dtype=object)
    geom[ok] = shapely.points(x[ok], y[ok])
    return geom


# -- writing -------------------------------------------------------------------------------------


def to_acled(incidents: pd.DataFrame, *, theatre: Theatre | str | None = None) -> pd.DataFrame:
    """Incidents as an ACLED-shaped table (one row per incident, same order).

    Parameters
    ----------
    incidents
        Incidents in the schema of :mod:`geo.schema` (normally classified by :func:`geo.classify`,
        or read by :func:`read_acled`): a GeoDataFrame in any CRS, or a DataFrame with WGS84
        ``lat``/``lon`` (or ``latitude``/``longitude``) columns.
    theatre
        Theatre whose zone names turn ISO2 country codes into full country names (default: the
        embedded one).

    Returns
    -------
    pandas.DataFrame
        Columns ``event_id_cnty``, ``event_date`` (ISO), ``time_precision``, ``event_type``,
        ``sub_event_type``, ``actor1``, ``actor2``, ``country`` (full name), ``admin1``,
        ``location``, ``latitude``, ``longitude`` (WGS84 degrees, 4 decimals; a representative
        point for region polygons), ``geo_precision``, ``source``, ``notes``, ``fatalities``
        (0 where unknown, as ACLED does), then any other ACLED column the input carries
        (``year``, ``admin2``, ...), then conflictmap's ``zone``, ``zone_kind``, ``spillover``
        and, where the input has them, ``name_hy``, ``name_az`` and ``injured`` (so a place's
        names on both sides are not lost). An ACLED original (``acled_country``,
        ``acled_admin1``) is preferred over the computed value where present.
    """
    incidents = incidents.reset_index(drop=True)
    n = len(incidents)
    index = incidents.index
    cols = incidents.columns

    def col(*names: str) -> pd.Series:
        for name in names:
            if name in cols:
                s = incidents[name]
                return s if pd.api.types.is_numeric_dtype(s.dtype) else s.astype(object).where(s.notna(), None)
        return pd.Series(None, index=index, dtype=object)

    def first(*series: pd.Series) -> pd.Series:
        out = series[0].astype(object).where(series[0].notna(), None)
        for s in series[1:]:
            out = out.where(out.notna(), s.astype(object).where(s.notna(), None))
        return out

    lat, lon = _acled_coordinates(incidents)
    iso2 = col("country").astype(object)
    names = _country_names(iso2, theatre) if iso2.notna().any() else pd.Series(None, index=index, dtype=object)
    dates = _iso_dates(col("date", "event_date"), name="date")[0]
    out = pd.DataFrame(
        {
            "event_id_cnty": _text_ids(col("incident_id", "event_id_cnty")),
            "event_date": dates,
            "time_precision": pd.array(_int_array(col("date_precision", "time_precision")), dtype="Int64"),
            "event_type": col("event_type").astype(object),
            "sub_event_type": col("sub_event_type").astype(object),
            "actor1": col("actor1").astype(object),
            "actor2": col("actor2").astype(object),
            "country": first(col("acled_country"), names),
            "admin1": first(col("acled_admin1"), col("admin1")),
            "location": col("place", "location").astype(object),
            "latitude": np.round(lat, 4),
            "longitude": np.round(lon, 4),
            "geo_precision": pd.array(_int_array(col("precision", "geo_precision")), dtype="Int64"),
            "source": col("source").astype(object),
            "notes": col("sentence", "notes").astype(object),
            "fatalities": pd.array(_int_array(col("fatalities")), dtype="Int64").fillna(0),
        },
        index=index,
    )
    for c in ACLED_COLUMNS:
        if c not in out.columns and c in cols:
            out[c] = col(c)
    out = out[[c for c in ACLED_COLUMNS if c in out.columns]]
    for c in ACLED_EXTRA_COLUMNS:
        if c in cols:
            out[c] = _bool_array(incidents[c]) if c == "spillover" else col(c).to_numpy()
        elif c in ("zone", "zone_kind", "spillover"):
            out[c] = pd.Series(None, index=index, dtype=object)
    if "injured" in out.columns:
        out["injured"] = pd.array(_int_array(out["injured"]), dtype="Int64")
    assert len(out) == n
    return out


def _acled_coordinates(incidents: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(lat, lon) arrays in WGS84 degrees: from the geometry (a representative point for regions)
    where there is one, else from the coordinate columns."""
    n = len(incidents)
    lat = np.full(n, np.nan)
    lon = np.full(n, np.nan)
    if isinstance(incidents, gpd.GeoDataFrame) and incidents.geometry.name in incidents.columns:
        if incidents.crs is None:
            raise InputError("the incidents GeoDataFrame has no CRS; set one (e.g. EPSG:4326) first", field="geometry")
        geom = incidents.geometry.to_crs("EPSG:4326").values
        has = ~(shapely.is_missing(geom) | shapely.is_empty(geom))
        pts = np.full(n, None, dtype=object)
        pts[has] = shapely.point_on_surface(geom[has])
        lon[has] = shapely.get_x(pts[has])
        lat[has] = shapely.get_y(pts[has])
    la, lo = find_coordinate_columns(incidents.columns)
    if la is not None and lo is not None:
        missing = np.isnan(lat) | np.isnan(lon)
        y = pd.to_numeric(incidents[la].astype(object), errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        x = pd.to_numeric(incidents[lo].astype(object), errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        lat[missing], lon[missing] = y[missing], x[missing]
    return lat, lon


def _country_names(iso2: pd.Series, theatre: Theatre | str | None) -> pd.Series:
    """Full country names for ISO2 codes from the theatre's sovereign and foreign zones."""
    zones = load_theatre(theatre).zones
    named = zones.loc[zones["zone_kind"] != "disputed", ["country", "name"]].drop_duplicates("country")
    table = dict(zip(named["country"], named["name"]))
    return iso2.map(lambda c: table.get(c) if isinstance(c, str) else None).astype(object)


def write_incidents(
    incidents: pd.DataFrame,
    path: str | os.PathLike,
    *,
    acled: bool | None = None,
    theatre: Theatre | str | None = None,
) -> None:
    """Write incidents as ACLED-shaped CSV, GeoJSON, GeoPackage or GeoParquet (by suffix).

    Parameters
    ----------
    incidents
        Incidents in the schema of :mod:`geo.schema` (see :func:`to_acled`); a GeoDataFrame in
        any CRS is written in EPSG:4326.
    path
        Output file: ``.csv``/``.tsv`` (or ``-``, standard output) for an ACLED-shaped table,
        ``.geojson``/``.json``, ``.gpkg``, ``.parquet``/``.geoparquet`` for the incidents with
        their geometry (region polygons included) and every column.
    acled
        Force the ACLED shape (``True``) or the plain incidents columns (``False``) whatever the
        suffix; default ACLED for CSV/TSV only.
    theatre
        Theatre for full country names in the ACLED shape (default: the embedded one).

    Raises
    ------
    geo.errors.InputError
        If the suffix names no supported format, or a GeoDataFrame has no CRS.
    """
    fmt = table_format(path)
    if acled is None:
        acled = fmt in ("csv", "tsv")
    if acled:
        write_table(to_acled(incidents, theatre=theatre), path)
        return
    frame = incidents
    if isinstance(frame, gpd.GeoDataFrame) and frame.geometry.name in frame.columns:
        if frame.crs is None:
            raise InputError("the incidents GeoDataFrame has no CRS; set one (e.g. EPSG:4326) first", field="geometry")
        frame = frame.to_crs("EPSG:4326")
    if fmt in ("geojson", "gpkg"):
        frame = _plain_types(frame)
    write_table(frame, path)


def _plain_types(frame: pd.DataFrame) -> pd.DataFrame:
    """Categoricals as text, so every OGR driver stores them."""
    out = frame.copy()
    for c in out.columns:
        if isinstance(out[c].dtype, pd.CategoricalDtype):
            out[c] = out[c].astype(object).where(out[c].notna(), None)
    return out
