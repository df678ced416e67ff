"""From reports to classified mentions and incidents (the ``extract`` stage).

:func:`extract` returns one plain dict per report, in input order, in the shape of the
design's ``extract`` contract (``mentions`` with offsets, coordinates, zone and role;
``incidents``). :func:`incidents_frame` turns those into the incidents GeoDataFrame of
:mod:`geo.schema`; :func:`extract_incidents` does both from paths.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.gazetteer import Gazetteer, load_gazetteer
from geo.geocode.base import Geocoder, Query, Resolution
from geo.jurisdiction import classify
from geo.reading import Parsed, finish_report, parse_report
from geo.reports import Report, read_reports
from geo.schema import INCIDENT_COLUMNS
from geo.theatre import Theatre, load_theatre

#: curated zones override the polygons when the border is closer than this (1:10m positional error)
CURATED_ZONE_WITHIN_KM = 3.0


@dataclass
class Extractor:
    """What extraction needs, loaded once: theatre, gazetteer, an optional online geocoder chain."""

    theatre: Theatre
    gazetteer: Gazetteer
    online: Any = None  # a geo.geocode Geocoder (or chain) for names the gazetteer lacks
    _region_cache: dict[int, dict] = field(default_factory=dict)
    _place_cache: dict[int, dict] = field(default_factory=dict)
    _place_extra: dict[int, tuple] = field(default_factory=dict)
    #: (place, lat, lon, is a region) -> (fields, notes, list fields) classification gave a mention
    _zone_cache: dict[tuple, tuple[dict, list[str], tuple[str, ...]]] = field(default_factory=dict)
    #: gazetteer place -> (its mention fields with the zone fields filled in, zone notes, list fields)
    _classified: dict[int, tuple[dict, list[str], tuple[str, ...]]] = field(default_factory=dict)

    def place_fields(self, i: int) -> dict:
        """The fields of a mention that depend only on its place (gazetteer row ``i``), in output
        order, with the per-mention fields present as None. Built once per place; copy before use."""
        base = self._place_cache.get(i)
        if base is None:
            row = self.gazetteer.row(i)
            kind = row["kind"]
            base = self._place_cache[i] = {
                "start": None,
                "end": None,
                "text": None,
                "place": row["name"],
                "place_id": row["id"],
                "name_hy": row.get("name_hy") or None,
                "name_az": row.get("name_az") or None,
                "alt_names": row["alt_list"],
                "kind": kind,
                "lat": round(float(row["lat"]), 5),
                "lon": round(float(row["lon"]), 5),
                "precision": 1 if kind == "settlement" else 2 if kind == "feature" else 3,
                "role": None,
                "role_reason": None,
                "hypothetical": False,
                "confidence": None,
                "geocoder": "gazetteer",
                "sentence_index": None,
                "_place_index": i,
                "notes": None,
            }
            self._place_extra[i] = (row.get("zone_hint") or None, row.get("polygon") or None, bool(row.get("curated")))
        return base

    def place_extra(self, i: int | None) -> tuple[str | None, str | None, bool]:
        """(curated zone hint, region polygon reference, curated?) of gazetteer place ``i``."""
        if i is None:
            return None, None, False
        if i not in self._place_extra:
            self.place_fields(i)
        return self._place_extra[i]


def make_extractor(
    *, theatre: Theatre | str | None = None, gazetteer: Gazetteer | None = None, online: Geocoder | None = None
) -> Extractor:
    return Extractor(load_theatre(theatre), gazetteer or load_gazetteer(), online)


def extract(
    reports: Iterable[Report] | Sequence[str],
    *,
    theatre: Theatre | str | None = None,
    online: Geocoder | None = None,
    extractor: Extractor | None = None,
    date: str | None = None,
) -> list[dict]:
    """Extract mentions and incidents from reports (``Report`` objects or paths).

    Returns one dict per report, in input order: ``id``, ``date``, ``source``, ``title``,
    ``path``, ``mentions``, ``incidents``, ``problem``. Offsets are Python string offsets into
    the report text (after front matter), end exclusive. Coordinates are WGS84 degrees.
    """
    ex = extractor or make_extractor(theatre=theatre, online=online)
    reps: list[Any] = list(reports)
    if reps and not isinstance(reps[0], Report):
        reps = read_reports(reps, date=date)
    with _collector_paused():
        parsed = [parse_report(r, ex) for r in reps]
        _geocode_unknown(parsed, ex)
        _classify_all(parsed, ex)
        return [finish_report(r, p) for r, p in zip(reps, parsed)]


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a batch builds its many small dicts and
    lists (none of them in reference cycles, so reference counting frees them all): the
    collector would otherwise walk the growing batch again and again, about 14% of the time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# -- geocoding and classification over the whole batch ---------------------------------------------


def _geocode_unknown(parsed: list[Parsed], ex: Extractor) -> None:
    if ex.online is None:
        return
    from geo.geocode.chain import resolve_all

    todo = [m for p in parsed for m in p.mentions if m.get("_query") is not None]
    if not todo:
        return
    results: dict[Query, Resolution] = resolve_all(ex.online, [m["_query"] for m in todo])
    for m in todo:
        res = results.get(m["_query"])
        if res is None or res.location is None:
            m["problem"] = f"not in the offline gazetteer; {res.reason if res else 'not resolved'}"
            continue
        loc = res.location
        m.update(
            place=loc.name,
            place_id=loc.id,
            lat=round(loc.lat, 5),
            lon=round(loc.lon, 5),
            precision=1 if m["kind"] == "settlement" else 3,
            geocoder=loc.source,
            confidence=0.5,
            problem=None,
        )
        if m["kind"] != "settlement":
            m["kind"], m["precision"] = "settlement", 2  # an online point for a district: near, not the polygon


def _classify_all(parsed: list[Parsed], ex: Extractor) -> None:
    """Zone, country, admin1 and boundary distance of every located mention. What a place gets
    is worked out once per extractor (places repeat across reports and batches)."""
    th = ex.theatre
    cache, classified = ex._zone_cache, ex._classified
    # mentions of places classified in an earlier batch were built with their zone fields (_parse)
    done_before = set(classified)
    located = [
        (m, (m["_place_index"], m["lat"], m["lon"], m["precision"] == 3))
        for p in parsed
        for m in p.mentions
        if m["lat"] is not None and m["_place_index"] not in done_before
    ]
    new_points = {(k[1], k[2]) for _, k in located if not k[3] and k not in cache}
    where: dict[tuple, dict] = {}
    if new_points:
        keys = list(new_points)
        f = pd.DataFrame({"lat": [k[0] for k in keys], "lon": [k[1] for k in keys]})
        where = dict(zip(keys, classify(f, theatre=th).drop(columns="geometry").to_dict("records")))
    for m, k in located:
        hit = cache.get(k)
        if hit is not None:
            fields, notes, lists = hit
            m.update(fields)
            for name in lists:  # each mention its own copy of a list
                m[name] = list(fields[name])
            if notes:
                m["notes"].extend(notes)
            continue
        before = len(m["notes"])
        if k[3]:
            _classify_region(m, ex)
        else:
            _apply_zone(m, where[(k[1], k[2])], ex)
        if len(cache) < _ZONE_CACHE_MAX:
            fields = {f: m[f] for f in _OUTCOME_FIELDS if f in m}
            hit = cache[k] = (fields, m["notes"][before:], tuple(_LIST_FIELDS.intersection(fields)))
            if k[0] is not None:  # a gazetteer place: later batches start from its classified fields
                full = ex.place_fields(k[0]) | fields
                classified[k[0]] = (full, hit[1], (*hit[2], "alt_names"))


def _classify_region(m: dict, ex: Extractor) -> None:
    th = ex.theatre
    key = m["_place_index"]
    zone_hint, polygon, _ = ex.place_extra(key)
    if key not in ex._region_cache:
        geom = th.region_geometry(polygon) if polygon else None
        if geom is None:
            g = gpd.GeoDataFrame({"lat": [m["lat"]]}, geometry=[shapely.Point(m["lon"], m["lat"])], crs="EPSG:4326")
        else:
            g = gpd.GeoDataFrame({"x": [0]}, geometry=[geom], crs="EPSG:4326")
        row = classify(g, theatre=th).drop(columns="geometry").to_dict("records")[0]
        ex._region_cache[key] = {"row": row, "geometry": geom}
    cached = ex._region_cache[key]
    _apply_zone(m, cached["row"], ex)
    share = cached["row"].get("zone_share")
    if m["kind"] == "district" and zone_hint and zone_hint != m["zone"] and share is not None and share < 0.9:
        _set_zone(
            m,
            zone_hint,
            th,
            f"district straddles zones ({share:.0%} in {m['zone']}); "
            "zone of its administrative centre, from the curated gazetteer",
        )
    m["_geometry"] = cached["geometry"]
    if cached["geometry"] is not None:
        # a region is its polygon, not a point: no fake coordinates
        m["region"] = polygon
        if "bbox" not in cached:
            cached["bbox"] = [round(float(v), 4) for v in shapely.bounds(cached["geometry"])]
        m["bbox"] = list(cached["bbox"])
        m["lat"] = m["lon"] = None
    if cached["row"].get("zones_touched"):
        m["zones_touched"] = cached["row"]["zones_touched"].split(";")


#: the zone fields classification gives a mention
_ZONE_FIELDS = ("zone", "zone_kind", "country", "spillover", "admin1", "admin1_local", "boundary_km")
#: what classification sets on a mention (and the cache replays)
_OUTCOME_FIELDS = (*_ZONE_FIELDS, "lat", "lon", "region", "bbox", "zones_touched", "_geometry")
_LIST_FIELDS = frozenset({"bbox", "zones_touched"})
_ZONE_CACHE_MAX = 200_000


def _apply_zone(m: dict, row: dict, ex: Extractor) -> None:
    def val(k):
        v = row.get(k)
        return None if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA else v

    m["zone"] = val("zone")
    m["zone_kind"] = val("zone_kind")
    m["country"] = val("country")
    sp = val("spillover")
    m["spillover"] = None if sp is None else bool(sp)
    m["admin1"] = val("admin1") if m["kind"] != "country" else None
    m["admin1_local"] = val("admin1_local") if m["kind"] != "country" else None
    bkm = val("boundary_km")
    m["boundary_km"] = None if bkm is None else round(float(bkm), 2)
    hint, _, curated = ex.place_extra(m["_place_index"])
    if hint and m["zone"] and hint != m["zone"] and curated and bkm is not None and bkm < CURATED_ZONE_WITHIN_KM:
        _set_zone(
            m,
            hint,
            ex.theatre,
            f"zone from the curated gazetteer: the 1:10m boundary puts it {bkm:.2f} km inside {m['zone']}",
        )


def _set_zone(m: dict, zone: str, th: Theatre, note: str) -> None:
    info = th.zone_lookup.get(zone)
    if info is None:
        return
    m["notes"].append(note)
    m["zone"], (m["zone_kind"], m["country"]) = zone, info
    m["spillover"] = m["zone_kind"] in ("sovereign", "foreign")


def incidents_frame(results: Sequence[dict], *, theatre: Theatre | str | None = None) -> gpd.GeoDataFrame:
    """The incidents of extracted reports as the incidents GeoDataFrame (:mod:`geo.schema`), EPSG:4326.

    Regions (precision 3) carry their polygon; points their coordinates. Zone columns come from
    extraction (so curated border corrections are kept).
    """
    rows, geoms = [], []
    for r in results:
        for n, inc in enumerate(r["incidents"], start=1):
            rows.append(
                {
                    "incident_id": f"{r['id']}#{n}",
                    "report_id": r["id"],
                    "date": inc["date"],
                    "date_precision": inc["date_precision"],
                    "place": inc["place"],
                    "name_hy": inc["name_hy"],
                    "name_az": inc["name_az"],
                    "alt_names": "|".join(
                        next((m.get("alt_names") for m in [r["mentions"][inc["mentions"][0]]]), []) or []
                    ),
                    "place_kind": r["mentions"][inc["mentions"][0]]["kind"],
                    "precision": inc["precision"],
                    "lat": inc["lat"],
                    "lon": inc["lon"],
                    "event_type": inc["event_type"],
                    "sub_event_type": inc["sub_event_type"],
                    "fatalities": inc["fatalities"],
                    "injured": inc["injured"],
                    "reported_by": inc["reported_by"],
                    "hypothetical": inc["hypothetical"],
                    "sentence": inc["sentence"],
                    "counts_sentence": inc["counts_sentence"],
                    "source": r["source"],
                    "geocoder": inc["geocoder"],
                    "zone": inc["zone"],
                    "zone_kind": inc["zone_kind"],
                    "country": inc["country"],
                    "spillover": inc["spillover"],
                    "admin1": inc["admin1"],
                    "problem": inc["problem"],
                }
            )
            g = inc.get("_geometry")
            if g is None and inc["lat"] is not None:
                g = shapely.Point(inc["lon"], inc["lat"])
            geoms.append(g)
    cols = list(INCIDENT_COLUMNS) + ["zone", "zone_kind", "country", "spillover", "admin1", "problem"]
    frame = pd.DataFrame(rows, columns=cols)
    for c in ("fatalities", "injured", "date_precision", "precision"):
        frame[c] = pd.array(frame[c], dtype="Int64")
    frame["spillover"] = pd.array(frame["spillover"], dtype="boolean")
    frame["hypothetical"] = frame["hypothetical"].astype(bool)
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(geoms, crs="EPSG:4326"))


def extract_incidents(
    paths: Sequence[str],
    *,
    theatre: Theatre | str | None = None,
    date: str | None = None,
    online: Geocoder | None = None,
) -> gpd.GeoDataFrame:
    """Read reports from paths, extract, and return the incidents GeoDataFrame."""
    results = extract(read_reports(paths, date=date), theatre=theatre, online=online)
    return incidents_frame(results, theatre=theatre)
