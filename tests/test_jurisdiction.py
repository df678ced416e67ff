"""Classification: reference points, regions, the example table, bad input, formats."""

from __future__ import annotations

import json
import warnings

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

import geo
from geo.errors import InputError
from tests.conftest import DATA, ROOT, run_cli

REFERENCE = pd.read_csv(DATA / "reference_points.csv")


def test_reference_points(theatre):
    assert len(REFERENCE) >= 40
    assert set(REFERENCE["expected_zone"]) >= {
        "nagorno-karabakh",
        "surrounding-districts",
        "azerbaijan",
        "armenia",
        "foreign:IR",
    }
    out = geo.classify(REFERENCE, theatre=theatre)
    got = out["zone"].astype(object)
    wrong = REFERENCE.loc[got != REFERENCE["expected_zone"], "name"].tolist()
    assert not wrong, f"misclassified: {wrong}"
    assert (
        out["country"].astype(object)
        == np.where(got.str.startswith("foreign:"), got.str[8:], np.where(got == "armenia", "AM", "AZ"))
    ).all()
    assert (
        out["spillover"].astype(bool).tolist()
        == got.isin(["azerbaijan", "armenia"]).__or__(got.str.startswith("foreign:")).tolist()
    )


def test_points_near_a_boundary_say_so(theatre):
    """Where the 1:10m data and the truth disagree, boundary_km shows the point is within its error."""
    out = geo.classify(REFERENCE, theatre=theatre)
    near = REFERENCE["max_boundary_km"].notna()
    assert near.sum() >= 6
    assert (out.loc[near, "boundary_km"] < REFERENCE.loc[near, "max_boundary_km"]).all()
    disagree = REFERENCE["true_zone"] != REFERENCE["expected_zone"]
    assert (out.loc[disagree, "boundary_km"] < 1.0).all()
    inside = REFERENCE["note"].str.startswith("well inside")
    assert (out.loc[inside, "boundary_km"] > 4).all()


def test_boundary_km_is_a_distance(theatre):
    # Lachin town is about 1.4 km from the NKAO line; Yerevan is ~ 20 km from Turkey's border (Aras)
    out = geo.classify(pd.DataFrame({"lat": [39.637, 40.1811], "lon": [46.550, 44.5136]}), theatre=theatre)
    assert 1.0 < out["boundary_km"].iloc[0] < 2.0
    assert 10 < out["boundary_km"].iloc[1] < 40


def test_large_batches_use_the_field_and_stay_exact_near_borders(theatre):
    from geo.theatre import EXACT_BOUNDARY_MAX_POINTS, boundary_distance_km

    rng = np.random.default_rng(1)
    n = EXACT_BOUNDARY_MAX_POINTS + 10
    lon, lat = rng.uniform(44, 50, n), rng.uniform(38.5, 41.8, n)
    fast = boundary_distance_km(theatre, lon, lat)
    exact = geo.theatre._exact_km(theatre, lon, lat)
    near = exact < 3
    assert near.sum() > 100
    np.testing.assert_allclose(fast[near], exact[near], atol=1e-9)
    assert np.abs(fast - exact).max() < 1.6


def test_admin1_both_name_forms(theatre):
    out = geo.classify(
        pd.DataFrame({"lat": [40.3419, 39.8153, 39.5111], "lon": [46.9317, 46.7519, 46.3403]}), theatre=theatre
    )
    assert out["admin1"].astype(object).tolist() == ["Tartar", "Khankendi", "Syunik"]
    assert out["admin1_local"].astype(object).tolist() == ["Tərtər", "Xankəndi", "Syunik"]
    assert out["admin1_hy"].astype(object)[1] == "Stepanakert"


def test_acled_column_names_and_order_kept(theatre):
    f = pd.DataFrame(
        {"event_id": ["b", "a", "c"], "latitude": [40.6828, 39.8153, 39.15], "longitude": [46.3606, 46.7519, 46.94]}
    )
    f.index = [10, 5, 7]
    out = geo.classify(f, theatre=theatre)
    assert list(out.index) == [10, 5, 7]
    assert list(out.columns[:3]) == ["event_id", "latitude", "longitude"]
    assert out["zone"].astype(object).tolist() == ["azerbaijan", "nagorno-karabakh", "foreign:IR"]


def test_regions_take_the_majority_zone(theatre):
    # a box over Stepanakert mostly in NK, a box straddling the Armenia-NK corridor
    boxes = gpd.GeoDataFrame(
        {"name": ["stepanakert box", "goris-lachin box"]},
        geometry=[shapely.box(46.70, 39.78, 46.80, 39.85), shapely.box(46.30, 39.45, 46.50, 39.65)],
        crs="EPSG:4326",
    )
    out = geo.classify(boxes.to_crs("EPSG:3857"), theatre=theatre)
    assert out["zone"].astype(object).tolist() == ["nagorno-karabakh", "armenia"]
    assert out["zones_touched"].iloc[0] == "nagorno-karabakh"
    touched = out["zones_touched"].iloc[1].split(";")
    assert set(touched) == {"surrounding-districts", "armenia"}
    assert 0.5 < out["zone_share"].iloc[1] < 1.0
    assert np.isnan(out["boundary_km"]).all()


def test_dated_control(theatre):
    f = pd.DataFrame(
        {
            "date": ["2020-10-05", "2023-10-01", "2020-10-05"],
            "lat": [39.8153, 39.8153, 40.6828],
            "lon": [46.7519, 46.7519, 46.3606],
        }
    )
    out = geo.classify(f, theatre=theatre)
    assert out["control"].tolist()[0].startswith("ethnic Armenian")
    assert out["control"].tolist()[1:] == ["Azerbaijan", "Azerbaijan"]


def test_example_table(theatre):
    ex = geo.read_table(ROOT / "data" / "examples" / "incidents.csv")
    assert len(ex) >= 30
    out = geo.classify(ex, theatre=theatre)
    assert out["problem"].isna().all()
    assert {"nagorno-karabakh", "surrounding-districts", "azerbaijan", "armenia", "foreign:IR"} <= set(
        out["zone"].astype(object)
    )
    summary = geo.summarise(out)
    assert summary["incidents"].sum() == len(ex)


# -- bad input ---------------------------------------------------------------------------------


def test_bad_rows_stay_with_a_reason(theatre):
    f = pd.DataFrame(
        {
            "id": [1, 2, 3, 4, 5, 6, 7],
            "lat": ["40.68", "abc", "", "95", "46.3606", "40.0", None],
            "lon": ["46.36", "46.5", "", "46", "40.6828", "50.5", "46.0"],
        }
    )
    out = geo.classify(f, theatre=theatre)
    assert out["id"].tolist() == [1, 2, 3, 4, 5, 6, 7]
    p = out["problem"].tolist()
    assert p[0] is None and out["zone"].iloc[0] == "azerbaijan"
    assert p[1] == "latitude 'abc' is not a number"
    assert p[2] == "missing latitude; missing longitude"
    assert p[3].startswith("latitude 95 out of range")
    assert "swapped" in p[4] and out["zone"].iloc[4] == "foreign:RU"  # kept, but flagged
    assert p[5].startswith("outside every zone")
    assert p[6] == "missing latitude"
    assert out["zone"].isna().tolist() == [False, True, True, True, False, True, True]
    assert out["spillover"].isna().tolist() == [False, True, True, True, False, True, True]


def test_missing_coordinate_columns_is_one_clear_error(theatre):
    with pytest.raises(InputError, match="no coordinate columns"):
        geo.classify(pd.DataFrame({"x": [1]}), theatre=theatre)


def test_input_columns_are_not_overwritten_silently(theatre):
    f = pd.DataFrame({"lat": [40.6828], "lon": [46.3606], "zone": ["user value"]})
    with pytest.warns(UserWarning, match="zone kept as zone_input"):
        out = geo.classify(f, theatre=theatre)
    assert out["zone_input"].tolist() == ["user value"] and out["zone"].tolist() == ["azerbaijan"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = geo.classify(f, theatre=theatre, overwrite=True)
    assert "zone_input" not in out.columns


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.csv", b"", "empty file"),
        ("blank.csv", b"   \n\n", "empty file"),
        ("binary.csv", b"\x00\x01\x02PK\x03\x04" * 50, "not a CSV file (binary content)"),
        ("fake.parquet", b"lat,lon\n1,2\n", "not a readable parquet file"),
        ("fake.gpkg", b"lat,lon\n1,2\n", "not a readable gpkg file"),
        ("fake.geojson", b"{not json", "not a readable geojson file"),
        ("nocoords.csv", b"a,b\n1,2\n", "no coordinate columns"),
        ("table.xlsx", b"whatever", "unknown table format .xlsx"),
    ],
)
def test_cli_bad_files_give_one_line_errors(tmp_path, name, content, message):
    p = tmp_path / name
    p.write_bytes(content)
    r = run_cli("classify", str(p), "--out", str(tmp_path / "out.csv"))
    err = r.stderr.decode()
    assert r.returncode == 2, err
    assert message in err
    assert str(p) in err
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err


def test_cli_missing_file(tmp_path):
    r = run_cli("classify", str(tmp_path / "nope.csv"))
    assert r.returncode == 2 and "no such file" in r.stderr.decode()


def test_cli_non_utf8_csv_is_read_with_a_warning(tmp_path):
    p = tmp_path / "cp1251.csv"
    p.write_bytes("place,lat,lon\nГянджа,40.6828,46.3606\n".encode("cp1251"))
    r = run_cli("classify", str(p), "--out", str(tmp_path / "o.csv"))
    assert r.returncode == 0, r.stderr
    assert "read as cp1251" in r.stderr.decode()
    assert "Гянджа" in (tmp_path / "o.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".geojson", ".gpkg"])
def test_cli_formats_round_trip(tmp_path, suffix):
    src = tmp_path / "in.csv"
    src.write_text("id,latitude,longitude,fatalities\nA,40.6828,46.3606,9\nB,39.8153,46.7519,0\nC,,,\n")
    mid = tmp_path / f"mid{suffix}"
    r = run_cli("classify", str(src), "--out", str(mid))
    assert r.returncode == 0, r.stderr
    back = geo.read_table(mid)
    assert list(back["id"]) == ["A", "B", "C"]
    assert back["zone"].iloc[0] == "azerbaijan" and back["zone"].iloc[1] == "nagorno-karabakh"
    assert back["problem"].iloc[2] == "missing latitude; missing longitude"
    # and the classified file classifies again (geometry or lat/lon), keeping the old zone aside
    r2 = run_cli("classify", str(mid), "--out", str(tmp_path / f"again{suffix}"))
    assert r2.returncode == 0, r2.stderr
    assert "zone_input" in r2.stderr.decode()


def test_cli_stdin_stdout():
    r = run_cli("classify", "-", stdin=b"lat,lon\n39.5111,46.3403\n")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.decode().splitlines()
    assert lines[0].startswith("lat,lon,zone") and ",armenia," in lines[1]


def test_geodataframe_without_crs_is_refused(theatre):
    g = gpd.GeoDataFrame({"a": [1]}, geometry=[shapely.Point(46, 40)])
    with pytest.raises(InputError, match="no CRS"):
        geo.classify(g, theatre=theatre)


def test_geojson_written_is_valid_json(tmp_path, theatre):
    out = geo.classify(pd.DataFrame({"lat": [40.6828], "lon": [46.3606]}), theatre=theatre)
    p = tmp_path / "o.geojson"
    geo.write_table(out, p)
    doc = json.loads(p.read_text())
    assert doc["features"][0]["properties"]["zone"] == "azerbaijan"
    assert doc["features"][0]["properties"]["spillover"] is True
