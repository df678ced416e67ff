"""Reading and writing incident tables: CSV, Parquet/GeoParquet, GeoJSON, GeoPackage.

The format comes from the file suffix. Every failure is an :class:`~geo.errors.InputError`
whose message is one line naming the file.
"""

from __future__ import annotations

import io
import os
import re
import sys
import warnings
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo.errors import InputError

TABLE_SUFFIXES = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".parquet": "parquet",
    ".geoparquet": "parquet",
    ".geojson": "geojson",
    ".json": "geojson",
    ".gpkg": "gpkg",
}


def table_format(path: str | os.PathLike) -> str:
    """The table format a path's suffix names (csv, tsv, parquet, geojson, gpkg)."""
    p = str(path)
    if p == "-":
        return "csv"
    suffix = Path(p).suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise InputError(
            f"unknown table format {suffix or '(no suffix)'}; use one of {', '.join(TABLE_SUFFIXES)}", path=p
        )
    return TABLE_SUFFIXES[suffix]


_HIGH = re.compile("[\x80-\U0010ffff]")
_HIGH_RUNS = re.compile("[\x80-\U0010ffff]{2,}")


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Text from bytes: UTF-8 (BOM allowed), else cp1251 when the text reads as Cyrillic, else
    latin-1; and a warning text whenever it was not UTF-8 (None when it was)."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1251", errors="replace")
    # Cyrillic is runs of high letters; a Western accent is one high byte between ASCII letters.
    high = len(_HIGH.findall(text))
    in_runs = sum(map(len, _HIGH_RUNS.findall(text)))
    if high and in_runs / high > 0.5:
        return text, "not UTF-8; read as cp1251"
    return data.decode("latin-1"), "not UTF-8; read as latin-1"


def decode_text(data: bytes, *, path: str) -> str:
    """:func:`decode_bytes`, warning (naming ``path``) when the bytes were not UTF-8."""
    text, warn = decode_bytes(data)
    if warn:
        warnings.warn(f"{path}: {warn}", stacklevel=2)
    return text


def read_table(path: str | os.PathLike) -> pd.DataFrame:
    """Read an incident table. ``-`` reads CSV from standard input.

    Returns a DataFrame (CSV/TSV, plain Parquet) or a GeoDataFrame (GeoJSON, GeoPackage,
    GeoParquet) with its own CRS.
    """
    p = str(path)
    fmt = table_format(p)
    if p == "-":
        data = sys.stdin.buffer.read()
    else:
        if not os.path.exists(p):
            raise InputError("no such file", path=p)
        if os.path.isdir(p):
            raise InputError("is a directory, not a table", path=p)
        if os.path.getsize(p) == 0:
            raise InputError("empty file", path=p)
        data = None
    try:
        if fmt in ("csv", "tsv"):
            raw = data if data is not None else Path(p).read_bytes()
            if b"\x00" in raw[:4096]:
                raise InputError(f"not a {fmt.upper()} file (binary content)", path=p)
            text = decode_text(raw, path=p)
            if not text.strip():
                raise InputError("empty file", path=p)
            return pd.read_csv(
                io.StringIO(text),
                sep="\t" if fmt == "tsv" else ",",
                keep_default_na=False,
                na_values=[""],
                dtype_backend="numpy_nullable",
            )
        if fmt == "parquet":
            try:
                return gpd.read_parquet(p)
            except ValueError as exc:
                if "geo" in str(exc).lower() and "metadata" in str(exc).lower():
                    return pd.read_parquet(p)
                raise
        frame = gpd.read_file(p, engine="pyogrio")
        if frame.crs is None and frame.geometry.notna().any():
            frame = frame.set_crs("EPSG:4326")
        return frame
    except InputError:
        raise
    except pd.errors.EmptyDataError:
        raise InputError("empty file", path=p) from None
    except pd.errors.ParserError as exc:
        line = _parser_line(str(exc))
        raise InputError(f"malformed {fmt.upper()} ({str(exc).splitlines()[0]})", path=p, line=line) from None
    except Exception as exc:  # pyarrow/pyogrio raise many types for files that are not what they claim
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"not a readable {fmt} file ({first[:160]})", path=p) from None


def _parser_line(msg: str) -> int | None:
    m = re.search(r"line (\d+)", msg)
    return int(m.group(1)) if m else None


def write_table(frame: pd.DataFrame, path: str | os.PathLike) -> None:
    """Write a (Geo)DataFrame in the format its suffix names; ``-`` writes CSV to stdout.

    CSV/TSV drop the geometry column, writing it as WKT in ``geometry_wkt`` unless the frame
    already has latitude/longitude columns. GeoJSON/GeoPackage/GeoParquet keep EPSG:4326.
    """
    p = str(path)
    fmt = table_format(p)
    if p != "-":
        Path(p).parent.mkdir(parents=True, exist_ok=True)
    if fmt in ("csv", "tsv"):
        flat = _flatten(frame)
        sep = "\t" if fmt == "tsv" else ","
        if p == "-":
            flat.to_csv(sys.stdout, index=False, sep=sep)
        else:
            flat.to_csv(p, index=False, sep=sep)
        return
    if not isinstance(frame, gpd.GeoDataFrame):
        from geo.jurisdiction import find_coordinate_columns

        la, lo = find_coordinate_columns(frame.columns)
        if la is None or lo is None:
            raise InputError("a geographic format needs geometry or lat/lon columns", path=p)
        frame = gpd.GeoDataFrame(
            frame,
            geometry=gpd.points_from_xy(
                pd.to_numeric(frame[lo], errors="coerce"), pd.to_numeric(frame[la], errors="coerce")
            ),
            crs="EPSG:4326",
        )
    out = _for_ogr(frame) if fmt in ("geojson", "gpkg") else frame
    if fmt == "parquet":
        out.to_parquet(p, index=False)
    else:
        Path(p).unlink(missing_ok=True)
        out.to_file(p, driver="GeoJSON" if fmt == "geojson" else "GPKG", engine="pyogrio")


def _flatten(frame: pd.DataFrame) -> pd.DataFrame:
    if not isinstance(frame, gpd.GeoDataFrame):
        return frame
    from geo.jurisdiction import find_coordinate_columns

    flat = pd.DataFrame(frame.drop(columns=frame.geometry.name))
    la, lo = find_coordinate_columns(flat.columns)
    if la is None or lo is None:
        flat["geometry_wkt"] = frame.geometry.to_wkt().values
    return flat


def _for_ogr(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Lists and dicts become JSON text, which OGR drivers store."""
    out = frame.copy()
    for c in out.columns:
        if c == out.geometry.name:
            continue
        if out[c].dtype == object and out[c].map(lambda v: isinstance(v, (list, tuple, dict))).any():
            import json

            out[c] = out[c].map(
                lambda v: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, tuple, dict)) else v
            )
    return out
