"""Writing ``extract`` results: JSON, JSON lines, CSV (one row per mention), GeoJSON.

Every report comes out: one with no mentions still has a CSV row / GeoJSON feature (with no
geometry) carrying its id and any ``problem``.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Sequence

import shapely

from geo.theatre import Theatre

MENTION_FIELDS = (
    "start",
    "end",
    "text",
    "place",
    "place_id",
    "name_hy",
    "name_az",
    "kind",
    "lat",
    "lon",
    "precision",
    "region",
    "zone",
    "zone_kind",
    "country",
    "spillover",
    "admin1",
    "boundary_km",
    "role",
    "role_reason",
    "hypothetical",
    "confidence",
    "geocoder",
    "problem",
)
REPORT_FIELDS = ("report_id", "date", "source", "report_problem")
REGION_TOLERANCE_DEG = 0.01


def _dump(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, default=_default)


def _default(v: object) -> object:
    if hasattr(v, "item"):
        return v.item()
    return str(v)


def _rows(results: Sequence[dict]):
    for r in results:
        base = {"report_id": r["id"], "date": r["date"], "source": r["source"], "report_problem": r["problem"]}
        if not r["mentions"]:
            yield base, None
        for m in r["mentions"]:
            yield base, m


def _region_geometry(ref: str, theatre: Theatre, cache: dict) -> dict | None:
    if ref in cache:
        return cache[ref]
    g = theatre.region_geometry(ref)
    out = (
        None
        if g is None
        else shapely.geometry.mapping(shapely.simplify(g, REGION_TOLERANCE_DEG, preserve_topology=True))
    )
    cache[ref] = out
    return out


def write_extract(results: Sequence[dict], out: str, *, fmt: str = "json", theatre: Theatre | None = None) -> None:
    """Write results to ``out`` (``-``: standard output) in ``fmt``."""
    buf = io.StringIO()
    if fmt == "json":
        buf.write(json.dumps(list(results), ensure_ascii=False, indent=2, default=_default))
        buf.write("\n")
    elif fmt == "jsonl":
        for r in results:
            buf.write(_dump(r) + "\n")
    elif fmt == "csv":
        w = csv.DictWriter(buf, fieldnames=list(REPORT_FIELDS) + list(MENTION_FIELDS), extrasaction="ignore")
        w.writeheader()
        for base, m in _rows(results):
            row = dict(base)
            if m:
                row.update({k: m.get(k) for k in MENTION_FIELDS})
            w.writerow(row)
    elif fmt == "geojson":
        cache: dict = {}
        feats = []
        for base, m in _rows(results):
            props = dict(base)
            geom = None
            if m:
                props.update({k: m.get(k) for k in MENTION_FIELDS})
                if m.get("lat") is not None:
                    geom = {"type": "Point", "coordinates": [m["lon"], m["lat"]]}
                elif m.get("region") and theatre is not None:
                    geom = _region_geometry(m["region"], theatre, cache)
            feats.append({"type": "Feature", "properties": props, "geometry": geom})
        buf.write(json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False, default=_default))
        buf.write("\n")
    else:
        raise ValueError(f"unknown format {fmt!r}")
    if out == "-":
        sys.stdout.write(buf.getvalue())
    else:
        with open(out, "w", encoding="utf-8") as fh:
            fh.write(buf.getvalue())
