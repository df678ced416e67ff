"""From reports to classified mentions and incidents (the ``extract`` stage).

:func:`extract` returns one plain dict per report, in input order, in the shape of the
design's ``extract`` contract (``mentions`` with offsets, coordinates, zone and role;
``incidents``). :func:`incidents_frame` turns those into the incidents GeoDataFrame of
:mod:`geo.schema`; :func:`extract_incidents` does both from paths.
"""

from __future__ import annotations

import bisect
import gc
import re
from collections.abc import Container, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo import events
from geo._backward import backward
from geo.gazetteer import Gazetteer, load_gazetteer, name_key
from geo.geocode.base import Geocoder, Query, Resolution
from geo.jurisdiction import classify
from geo.places import Mention, find_mentions, resolve_mentions, tokenize
from geo.reports import Report, read_reports
from geo.schema import INCIDENT_COLUMNS
from geo.theatre import Theatre, load_theatre

#: kinds from the most to the least specific
_SPECIFICITY = {"settlement": 0, "feature": 1, "district": 2, "region": 3, "country": 4}
#: curated zones override the polygons when the border is closer than this (1:10m positional error)
CURATED_ZONE_WITHIN_KM = 3.0
_NEAR = re.compile(
    r"\b(?:near|outside|around|outskirts of|close to|vicinity of|km (?:from|of))\s+"
    r"(?:the\s+)?(?:town of\s+|village of\s+)?$"
)  # runs on lower-cased text
_NEAR_BACK = backward(_NEAR)
_UNKNOWN_OF = ("village", "town", "settlement", "hamlet", "city")  # "the village of X"
_UNKNOWN_AFTER = ("village", "district", "rayon")  # "X district"
_UNKNOWN = re.compile(
    r"\b(?:" + "|".join(_UNKNOWN_OF) + r")\s+of\s+(?P<a>[A-Z][\w'’]+(?:[- ][A-Z][\w'’]+)?)"
    r"|\b(?P<b>[A-Z][\w'’]+(?:[- ][A-Z][\w'’]+)?)\s+(?:" + "|".join(_UNKNOWN_AFTER) + r")\b"
)
#: a sentence must have one of these words for _UNKNOWN to be tried in it
_UNKNOWN_WORDS = frozenset(_UNKNOWN_OF + _UNKNOWN_AFTER)


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
    reps = list(reports)
    if reps and not isinstance(reps[0], Report):
        reps = read_reports(reps, date=date)
    with _collector_paused():
        parsed = [_parse(r, ex) for r in reps]
        _geocode_unknown(parsed, ex)
        _classify_all(parsed, ex)
        return [_finish(r, p) for r, p in zip(reps, parsed)]


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


# -- per report ---------------------------------------------------------------------------------


@dataclass
class _Parsed:
    mentions: list[dict]
    doc: events.Document | None


def _parse(rep: Report, ex: Extractor) -> _Parsed:
    text = rep.text
    if not text:
        return _Parsed([], None)
    gaz = ex.gazetteer
    doc = events.Document(text)
    found = find_mentions(text, gaz, tokens=tokenize(text))
    resolve_mentions(text, found, gaz, sentences=doc.sentences)
    out = []
    low, starts, si, last = doc.low, doc.sentence_starts, 0, len(doc.sentence_starts) - 1
    bases, classified = ex._place_cache, ex._classified
    decide_role = events.decide_role
    for m in found:  # in text order, so the sentence index only moves forward
        while si < last and starts[si + 1] <= m.start:
            si += 1
        done = classified.get(m.place)  # a place classified in an earlier batch: zone fields included
        base = done[0] if done is not None else (bases.get(m.place) or ex.place_fields(m.place))
        kind = base["kind"]
        d = _mention_dict(m, base, decide_role(doc, si, m.start, m.end, kind=kind), si)
        if done is not None:
            for name in done[2]:
                d[name] = list(base[name])
            d["notes"].extend(done[1])
        if kind == "settlement" and _NEAR_BACK.match(low[max(0, m.start - 30) : m.start][::-1]):
            d["precision"] = 2  # "near X", "outside X": ACLED's precision 2
        out.append(d)
    named = frozenset(str(d["place_id"])[len("country-") :] for d in out if d["kind"] == "country")
    for u in _unknown_candidates(doc, out):
        # countries the report names are evidence that allows an online hit there
        u["_query"] = Query(u["_query"].text, hint=u["_query"].hint, countries=named)
        out.append(u)
    out.sort(key=lambda d: d["start"])
    _coordination(text, out)
    _qualifiers(text, out)
    return _Parsed(out, doc)


_COORD_GAP = re.compile(
    r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+(?:the\s+)?(?:towns?\s+of\s+|villages?\s+of\s+|at\s+|in\s+|on\s+)?|or\s+|as\s+well\s+as\s+|&\s*"
    # "Mingachevir, home to the largest dam, and the Khizi district": with an apposition between them
    r"|,\s+[a-z][^,;.:]{0,60},\s+(?:and|or)\s+(?:the\s+)?)$"
)


_LISTED = re.compile(r"\b(?:and|or)\b")


def _point_kind(m: dict) -> bool:
    return m["kind"] in ("settlement", "feature")


def _coordination(text: str, mentions: list[dict]) -> None:
    """Places listed together share the role of the first ("in Tartar, Barda and Ganja"), and a
    second name of the same place in a sentence shares its role ("Shusha, which Armenians call Shushi")."""
    for a, b in zip(mentions, mentions[1:]):
        if a["sentence_index"] != b["sentence_index"] or a["role"] != "incident" or b["role"] == "incident":
            continue
        if b["role_reason"] in ("actor", "organisation", "dateline", "conflict name", "compound name"):
            continue
        gap = text[a["end"] : b["start"]]
        # a town and a district are listed together only with an "and" ("Mingachevir and the Khizi
        # district"); a comma alone between a town and a larger place is a qualifier ("Tartar, Azerbaijan")
        same_kind = _point_kind(a) == _point_kind(b) or (
            _LISTED.search(gap) is not None and "district" in (a["kind"], b["kind"])
        )
        if same_kind and _COORD_GAP.match(gap):
            b["role"], b["role_reason"], b["hypothetical"] = "incident", "listed with " + a["text"], a["hypothetical"]
    by_sentence: dict[int, list[dict]] = {}
    for m in mentions:
        by_sentence.setdefault(m["sentence_index"], []).append(m)
    for group in by_sentence.values():
        for a in group:
            if a["role"] != "incident" or a["place_id"] is None or not _point_kind(a):
                continue
            for b in group:
                if b is a or b["place_id"] != a["place_id"] or b["role"] == "incident":
                    continue
                if b["role_reason"] in ("dateline", "organisation", "conflict name"):
                    continue
                b["role"], b["role_reason"], b["hypothetical"] = (
                    "incident",
                    "another name of " + a["text"],
                    a["hypothetical"],
                )


def _mention_dict(m: Mention, base: dict, role: events.Role, si: int) -> dict:
    d = base.copy()
    d["start"], d["end"], d["text"] = m.start, m.end, m.text
    d["alt_names"] = list(base["alt_names"])
    d["role"], d["role_reason"] = role.role, role.reason
    d["hypothetical"] = role.hypothetical and role.role == "incident"
    d["confidence"] = m.confidence
    d["sentence_index"] = si
    notes = list(m.notes)
    if m.fuzzy:
        notes.append("matched by spelling correction")
    if m.territory and role.role == "incident":
        notes.append(f"'{m.text}' names the country's territory")
    d["notes"] = notes
    return d


def _unknown_candidates(doc: events.Document, known: list[dict]) -> list[dict]:
    """Capitalised names found only by their context ("the village of X", "X district")."""
    text = doc.text
    spans = sorted((d["start"], d["end"]) for d in known)
    span_starts = [a for a, _ in spans]
    out = []
    found = (
        m
        for (s0, s1), words in zip(doc.sentences, doc.sentence_words)
        if not _UNKNOWN_WORDS.isdisjoint(words)
        for m in _UNKNOWN.finditer(text, s0, s1)
    )
    for m in found:
        g = "a" if m.group("a") else "b"
        s, e = m.start(g), m.end(g)
        j = bisect.bisect_left(span_starts, e)  # spans starting before e; the one before may overlap
        if (j and spans[j - 1][1] > s) or name_key(m.group(g)) in ("the", "a"):
            continue
        si = doc.sentence_of(s)
        role = events.decide_role(doc, si, s, e, kind="settlement")
        hint = "district" if re.match(r"\s+(?:district|rayon)", text[e : e + 10]) else "settlement"
        out.append(
            {
                "start": s,
                "end": e,
                "text": text[s:e],
                "place": None,
                "place_id": None,
                "name_hy": None,
                "name_az": None,
                "alt_names": [],
                "kind": hint,
                "lat": None,
                "lon": None,
                "precision": None,
                "role": role.role,
                "role_reason": role.reason,
                "hypothetical": role.hypothetical and role.role == "incident",
                "confidence": 0.0,
                "geocoder": None,
                "sentence_index": si,
                "_place_index": None,
                "_query": Query(text[s:e], hint=hint),
                "notes": [],
                "zone": None,
                "zone_kind": None,
                "country": None,
                "spillover": None,
                "admin1": None,
                "boundary_km": None,
                "problem": "not in the offline gazetteer",
            }
        )
        k = bisect.bisect_left(span_starts, s)
        spans.insert(k, (s, e))
        span_starts.insert(k, s)
    return out


def _qualifiers(text: str, mentions: list[dict]) -> None:
    """A larger place that only qualifies a smaller one in the same phrase is context (rule 4)."""
    by_sentence: dict[int, list[dict]] = {}
    for m in mentions:
        by_sentence.setdefault(m["sentence_index"], []).append(m)
    for group in by_sentence.values():
        for big in group:
            if big["role"] != "incident" or big["kind"] not in ("country", "region", "district"):
                continue
            if any("names the country's territory" in n for n in big.get("notes", [])):
                continue  # "shells landed on Iranian territory near X": the territory is itself the place
            rank = _SPECIFICITY[big["kind"]]
            for small in group:
                if small is big or small["role"] != "incident" or _SPECIFICITY.get(small["kind"], 0) >= rank:
                    continue
                gap = text[min(big["end"], small["end"]) : max(big["start"], small["start"])]
                if len(gap) <= 45 and not _QUALIFIER_BREAK.search(gap):
                    big["role"], big["role_reason"], big["hypothetical"] = (
                        "context",
                        f"qualifies {small['text']}",
                        False,
                    )
                    break


#: a larger place only qualifies a smaller one within one phrase: these end the phrase
_QUALIFIER_BREAK = re.compile(
    r"[.;]|\b(?:and|if|when|while|after|before|because|unless|until|where|which|who|from|across)\b"
)  # "near Khoda Afarin, across the river from Jabrayil": two places, no qualifier


# -- geocoding and classification over the whole batch ---------------------------------------------


def _geocode_unknown(parsed: list[_Parsed], ex: Extractor) -> None:
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


def _classify_all(parsed: list[_Parsed], ex: Extractor) -> None:
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


#: working fields of a mention that never reach the output
_PRIVATE_SOMETIMES = ("_geometry", "_query")  # besides "_place_index", which every mention has
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


# -- incidents ---------------------------------------------------------------------------------


def _finish(rep: Report, p: _Parsed) -> dict:
    text, doc = rep.text, p.doc
    mentions = p.mentions
    incidents: list[dict] = []
    by_key: dict[tuple, dict] = {}
    facts: dict[int, tuple] = {}
    sentences_with_incident: set[int] = set()
    first_of_sentence: dict[int, dict] = {}  # the incident that carries the next sentences' counts
    by_sentence: dict[int, list[int]] = {}  # the incident mentions of each sentence, in order
    days: dict[int, list[tuple[int, str]]] = {}  # the days named in each sentence, when it names several
    for idx, m in enumerate(mentions):
        if m["role"] == "incident":
            by_sentence.setdefault(m["sentence_index"], []).append(idx)
    for idx, m in enumerate(mentions):
        if m["role"] != "incident":
            continue
        si = m["sentence_index"]
        if si not in facts:  # a sentence's event, numbers and date, worked out once
            s0, s1 = doc.sentences[si]
            sentence, low, words = text[s0:s1].strip(), doc.low[s0:s1], doc.sentence_words[si]
            (fat, fat_at), (inj, inj_at) = events.casualties_at(sentence, low=low, words=words)
            facts[si] = (
                sentence,
                fat,
                _count_owner(doc, mentions, by_sentence[si], fat_at, s0),
                inj,
                _count_owner(doc, mentions, by_sentence[si], inj_at, s0),
                *_resolve_date(text, doc, si, rep.date),
                events.reported_by(sentence, words=words),
            )
        sentence, fat, fat_owner, inj, inj_owner, when, dprec, who = facts[si]
        if si not in days:
            s0, s1 = doc.sentences[si]
            days[si] = events.weekdays_in(doc.low, max(s0, doc.dateline), s1, doc.sentence_words[si], rep.date)
        if days[si]:  # a sentence that names several days: the first one after the place, else the last before
            when, dprec = next((d for at, d in days[si] if at >= m["start"]), days[si][-1][1]), 1
        fat, inj = (fat if idx == fat_owner else None), (inj if idx == inj_owner else None)
        et, sub = doc.event_at(si, m["start"])  # a sentence's clauses can name events of several kinds
        if m["role_reason"] == events.WHERE_REASON:  # "X, where troops had taken villages": that clause's kind
            et, sub = events.where_event(doc.low[m["end"] : doc.sentences[si][1]], kind_only=True) or (et, sub)
        key = (m["place_id"] or m["text"], when, et, m["hypothetical"])
        if key in by_key:
            inc = by_key[key]
            inc["mentions"].append(idx)
            inc["fatalities"] = inc["fatalities"] if inc["fatalities"] is not None else fat
            inc["injured"] = inc["injured"] if inc["injured"] is not None else inj
            continue
        same_sentence = si in sentences_with_incident
        sentences_with_incident.add(si)
        inc = {
            "place": m["place"] or m["text"],
            "place_id": m["place_id"],
            "name_hy": m["name_hy"],
            "name_az": m["name_az"],
            "date": when,
            "date_precision": dprec,
            "event_type": et,
            "sub_event_type": sub,
            "fatalities": fat,
            "injured": inj,
            "zone": m.get("zone"),
            "zone_kind": m.get("zone_kind"),
            "country": m.get("country"),
            "spillover": m.get("spillover"),
            "admin1": m.get("admin1"),
            "precision": m["precision"],
            "lat": m["lat"],
            "lon": m["lon"],
            "hypothetical": m["hypothetical"],
            "reported_by": who,
            "sentence": sentence,
            "counts_sentence": None,
            "mentions": [idx],
            "_sentence": m["sentence_index"],
            "_geometry": m.get("_geometry"),
            "geocoder": m["geocoder"],
            "problem": m.get("problem"),
        }
        by_key[key] = inc
        incidents.append(inc)
        if not same_sentence:
            first_of_sentence[si] = inc
    if first_of_sentence:
        _counts_from_next_sentences(text, doc, facts, first_of_sentence)
    public_mentions = mentions  # the private working fields are dropped in place
    for m in public_mentions:
        del m["_place_index"]
        for k in _PRIVATE_SOMETIMES:
            m.pop(k, None)
        if not m["notes"]:
            del m["notes"]
    return {
        "id": rep.id,
        "date": rep.date,
        "source": rep.source,
        "title": rep.title,
        "path": rep.path,
        "problem": rep.problem,
        **({"line": rep.line} if rep.line and rep.problem else {}),
        "mentions": public_mentions,
        "incidents": incidents,
    }


def _resolve_date(text: str, doc: events.Document, si: int, report_date: str | None) -> tuple[str | None, int | None]:
    """The date of sentence ``si``'s events, read after the dateline ("BAKU, Oct 20 — ... on
    Monday": the dateline's date is the report's, "on Monday" the event's)."""
    s0, s1 = doc.sentences[si]
    words = doc.sentence_words[si]
    if s0 < doc.dateline < s1:
        s0 = doc.dateline
        words = frozenset(doc.clean[s0:s1].split())
    return events.resolve_date(text[s0:s1], report_date, low=doc.low[s0:s1], words=words)


def _count_owner(
    doc: events.Document, mentions: list[dict], incident_mentions: list[int], at: int | None, s0: int
) -> int:
    """Which of a sentence's incident mentions (indices, in text order) a count belongs to: the
    last one before the count's phrase (``at``, an offset from the sentence start ``s0``) in the
    same clause ("shelled Stepanakert, while rockets hit Ganja, killing one"), or the head of the
    list it is in ("shelled Tartar and Barda, killing nine": Tartar). Else the first: a count
    before them all, after a clause break ("..., officials said, reporting 25 dead": the toll of
    the whole sentence) or with no offset (a stated zero)."""
    owner = 0
    if at is not None:
        for k, idx in enumerate(incident_mentions):
            if mentions[idx]["start"] < s0 + at:
                owner = k
        if owner and events.clause_break_between(doc, mentions[incident_mentions[owner]]["end"], s0 + at):
            owner = 0
    while owner and mentions[incident_mentions[owner]]["role_reason"].startswith("listed with"):
        owner -= 1
    return incident_mentions[owner]


#: a toll over a period ("45 civilians have been killed since Sept. 27") counts no single incident
_CUMULATIVE = re.compile(
    events.letters_first(
        r"\bsince\b|\bso far\b|\bto date\b|\bin total\b|\boverall\b|\btoll\b|\baltogether\b|\bin all\b"
    )
)


def _counts_from_next_sentences(
    text: str, doc: events.Document, with_incident: Container[int], first_of_sentence: dict[int, dict]
) -> None:
    """Counts stated just after an incident's sentence, in sentences of the same paragraph that
    place no incident (``with_incident``: the sentences that do), fill the counts that incident's
    own sentence leaves unstated ("Shelling struck Jermuk. It said 49 soldiers had been killed.").
    ``counts_sentence`` holds the sentences they came from."""
    sentences = doc.sentences
    for si, inc in first_of_sentence.items():
        if inc["hypothetical"]:
            continue
        j = si
        while inc["fatalities"] is None or inc["injured"] is None:
            s0, s1 = sentences[j]
            if j + 1 == len(sentences) or j + 1 in with_incident or text[s0:s1].rstrip(" \t").endswith("\n"):
                break  # the report or its paragraph ends here, or the next sentence has an incident of its own
            j += 1
            s0, s1 = sentences[j]
            low = doc.low[s0:s1]
            if _CUMULATIVE.search(low):
                continue
            fat, inj = events.casualties(text[s0:s1], low=low, words=doc.sentence_words[j])
            took = False
            if inc["fatalities"] is None and fat is not None:
                inc["fatalities"], took = fat, True
            if inc["injured"] is None and inj is not None:
                inc["injured"], took = inj, True
            if took:
                said = text[s0:s1].strip()
                inc["counts_sentence"] = said if inc["counts_sentence"] is None else inc["counts_sentence"] + " " + said


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
