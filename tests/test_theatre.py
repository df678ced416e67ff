"""The committed Karabakh theatre files and user-supplied theatres."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

import geo
from geo.errors import TheatreError
from geo.jurisdiction import locate_xy

EQUAL_AREA = "EPSG:6933"


def _km2(frame: gpd.GeoDataFrame) -> dict[str, float]:
    return dict(zip(frame["zone"], frame.to_crs(EQUAL_AREA).area / 1e6))


def test_zone_schema_and_ids(theatre):
    z = theatre.zones
    assert list(z.columns[:4]) == ["zone", "zone_kind", "country", "name"]
    assert z.crs.to_epsg() == 4326
    core = z.set_index("zone").loc[["nagorno-karabakh", "surrounding-districts", "azerbaijan", "armenia"]]
    assert list(core["zone_kind"]) == ["disputed", "disputed", "sovereign", "sovereign"]
    assert list(core["country"]) == ["AZ", "AZ", "AZ", "AM"]
    foreign = set(z.loc[z["zone_kind"] == "foreign", "zone"])
    assert {"foreign:IR", "foreign:GE", "foreign:TR", "foreign:RU"} <= foreign
    assert len(foreign) > 200  # every country worldwide
    assert z["zone"].is_unique
    assert z.geometry.is_valid.all()


@pytest.mark.parametrize(
    "zones, published_km2, tolerance",
    [
        (["nagorno-karabakh"], 4_400, 0.05),  # former NKAO, about 4,400 km2
        (["armenia"], 29_743, 0.03),
        (["nagorno-karabakh", "surrounding-districts", "azerbaijan"], 86_600, 0.03),  # de jure Azerbaijan
        (["surrounding-districts"], 7_634, 0.06),  # the seven districts' held parts, as usually cited
    ],
)
def test_areas_match_published_figures(theatre, zones, published_km2, tolerance):
    area = sum(_km2(theatre.zones)[z] for z in zones)
    assert abs(area - published_km2) / published_km2 < tolerance, area


def test_zones_do_not_overlap(theatre):
    z = theatre.zones
    near = z[z.intersects(shapely.box(*theatre.window))].reset_index(drop=True)
    geoms = near.geometry.values
    left, right = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    pairs = left < right
    inter = shapely.intersection(geoms[left[pairs]], geoms[right[pairs]])
    areas = gpd.GeoSeries(inter, crs=4326).to_crs(EQUAL_AREA).area.values
    assert areas.max() < 1e4, "overlap larger than 0.01 km2"  # shared edges only


def test_no_gaps_on_land(theatre):
    # A 0.02-degree grid over Armenia, Azerbaijan and their borders: every land point has a zone;
    # the only unassigned points are in the Caspian Sea (whose shore here lies east of 48.3 E).
    xs, ys = np.meshgrid(np.arange(43.5, 50.6, 0.02), np.arange(38.4, 41.95, 0.02))
    idx = locate_xy(theatre.zone_geoms, theatre.zone_bounds, xs.ravel(), ys.ravel())
    unassigned = idx < 0
    assert unassigned.sum() > 100  # the Caspian is there
    assert xs.ravel()[unassigned].min() > 48.3


def test_admin1_covers_both_countries(theatre):
    a = theatre.admin1
    assert {"country", "admin1", "admin1_local", "admin1_hy"} <= set(a.columns)
    assert (a["country"] == "AM").sum() == 11
    assert (a["country"] == "AZ").sum() >= 70
    fixed = a.set_index("admin1")
    assert fixed.loc["Lachin", "admin1_local"] == "Laçın"  # Natural Earth calls it Lankaran
    assert "Lankaran" in fixed.index and fixed.loc["Lankaran", "country"] == "AZ"
    assert fixed.loc["Khankendi", "admin1_hy"] == "Stepanakert"


def test_export_zones_roundtrip(tmp_path, theatre):
    from tests.conftest import run_cli

    out = tmp_path / "zones.gpkg"
    r = run_cli("zones", "--out", str(out))
    assert r.returncode == 0, r.stderr
    z = gpd.read_file(out)
    assert {"zone", "zone_kind", "country"} <= set(z.columns)
    assert len(z) == len(theatre.zones)


def _square(x0: float, y0: float, size: float) -> shapely.Polygon:
    return shapely.box(x0, y0, x0 + size, y0 + size)


def test_user_theatre_any_crs_repair_and_overlap_rule(tmp_path):
    bowtie = shapely.Polygon([(0, 0), (2, 2), (2, 0), (0, 2), (0, 0)])  # self-intersecting
    zones = gpd.GeoDataFrame(
        {
            "zone": ["land-a", "land-b", "disputed-x", "foreign:ZZ"],
            "zone_kind": ["sovereign", "sovereign", "disputed", "foreign"],
            "country": ["aa", "BB", "AA", "ZZ"],
        },
        geometry=[_square(0, 0, 4), _square(4, 0, 4), _square(3, 1, 2), _square(8, 0, 2)],
        crs="EPSG:4326",
    )
    zones.loc[3, "geometry"] = shapely.affinity.translate(bowtie, 8, 0)
    path = tmp_path / "my_theatre.gpkg"
    zones.to_crs("EPSG:3857").to_file(path)
    th = geo.load_theatre(path)
    assert th.zones.crs.to_epsg() == 4326
    assert th.zones.geometry.is_valid.all()
    frame = gpd.pd.DataFrame({"lat": [2.0, 2.0, 2.0, 0.5, 9.0], "lon": [1.0, 3.5, 4.5, 5.0, 1.9]})
    out = geo.classify(frame, theatre=th)
    # the disputed square wins over both sovereign squares it overlaps
    assert out["zone"].astype(object).tolist()[:4] == ["land-a", "disputed-x", "disputed-x", "land-b"]
    assert pd.isna(out["zone"].iloc[4]) and out["problem"].iloc[4].startswith("outside every zone")
    assert list(out["country"].astype(object)[:4]) == ["AA", "AA", "AA", "BB"]
    assert list(out["spillover"].astype(object)[:4]) == [True, False, False, True]


def test_user_theatre_errors(tmp_path):
    with pytest.raises(TheatreError, match="no such theatre"):
        geo.load_theatre(tmp_path / "missing.gpkg")
    bad = gpd.GeoDataFrame({"zone": ["a"]}, geometry=[_square(0, 0, 1)], crs=4326)
    p = tmp_path / "bad.geojson"
    bad.to_file(p)
    with pytest.raises(TheatreError, match="missing: zone_kind, country"):
        geo.load_theatre(p)
    bad["zone_kind"], bad["country"] = "sovereign-ish", "AA"
    bad.to_file(p)
    with pytest.raises(TheatreError, match="unknown kind"):
        geo.load_theatre(p)
    p2 = tmp_path / "junk.gpkg"
    p2.write_text("not a geopackage")
    with pytest.raises(TheatreError, match="cannot read zones"):
        geo.load_theatre(p2)
