"""Incident formats: ACLED and UCDP GED in, ACLED-shaped CSV / GeoJSON / GeoPackage / GeoParquet out.

``tests/data/acled_sample.csv`` and ``tests/data/ucdp_sample.csv`` were written by the conflictmap
project in those datasets' column layouts. Their rows are invented (loosely modelled on reported
events of 2020-2022) and say so in a column of their own (ACLED ``tags``, UCDP ``source_original``);
they are not ACLED or UCDP data.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

import geo
from geo import formats
from geo.errors import InputError
from geo.schema import INCIDENT_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"

ACLED = DATA / "acled_sample.csv"
UCDP = DATA / "ucdp_sample.csv"

ACLED_ZONES = {
    "AZE90001": "nagorno-karabakh",  # Talish
    "AZE90002": "nagorno-karabakh",  # Stepanakert
    "AZE90003": "nagorno-karabakh",  # Shusha
    "AZE90004": "nagorno-karabakh",  # Hadrut
    "AZE90005": "surrounding-districts",  # Jabrayil
    "AZE90006": "surrounding-districts",  # Fuzuli
    "AZE90007": "surrounding-districts",  # Zangilan
    "AZE90008": "surrounding-districts",  # Lachin
    "AZE90009": "azerbaijan",  # Ganja
    "AZE90010": "azerbaijan",  # Barda
    "AZE90011": "azerbaijan",  # Tovuz
    "ARM90001": "armenia",  # Vardenis
    "ARM90002": "armenia",  # Jermuk
    "ARM90003": "armenia",  # Sotk
    "IRN90001": "foreign:IR",  # Khomarlu, on Iran's bank of the Aras
    "AZE90012": None,  # no coordinates
}
UCDP_ZONES = {
    "90001": "nagorno-karabakh",
    "90002": "azerbaijan",
    "90003": "azerbaijan",
    "90004": "surrounding-districts",
    "90005": "azerbaijan",
    "90006": "surrounding-districts",
    "90007": "armenia",
    "90008": "armenia",
    "90009": "armenia",
    "90010": "foreign:IR",
}
GEO_SUFFIXES = ("geojson", "gpkg", "parquet")


def plain(values: pd.Series) -> list:
    """Values for comparison: categoricals, nullable types and NaN all as Python objects / None."""
    s = values.astype(object)
    return [None if (v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v))) else v for v in s]


@pytest.fixture(scope="module")
def acled(theatre) -> gpd.GeoDataFrame:
    return geo.classify(formats.read_acled(ACLED), theatre=theatre)


@pytest.fixture(scope="module")
def extracted(theatre) -> gpd.GeoDataFrame:
    """Incidents from two reports: points, region polygons, a foreign zone."""
    paths = [str(ROOT / "data/reports/2020-10-04_ganja.txt"), str(ROOT / "data/reports/2020-10-08_aras.md")]
    return geo.extract_incidents(paths, theatre=theatre)


# -- detection and reading ----------------------------------------------------------------------


def test_detect_format():
    assert formats.detect_format(pd.read_csv(ACLED)) == "acled"
    assert formats.detect_format(pd.read_csv(UCDP)) == "ucdp"
    assert formats.detect_format(pd.DataFrame(columns=["incident_id", "place", "lat", "lon"])) == "incidents"
    assert formats.detect_format(pd.DataFrame(columns=["Event_ID_Cnty", "Latitude", "Longitude"])) == "acled"
    assert formats.detect_format(pd.DataFrame(columns=["name", "lat", "lon"])) == "table"
    # the project's example table uses ACLED's vocabulary
    assert formats.detect_format(geo.read_table(ROOT / "data/examples/incidents.csv")) == "acled"


def test_read_acled_maps_into_the_schema():
    raw = pd.read_csv(ACLED, keep_default_na=False, na_values=[""])
    inc = formats.read_acled(ACLED)
    assert isinstance(inc, gpd.GeoDataFrame) and inc.crs == "EPSG:4326"
    assert len(inc) == len(raw) == 16
    assert list(inc.columns[: len(INCIDENT_COLUMNS)]) == list(INCIDENT_COLUMNS)
    assert inc["incident_id"].tolist() == raw["event_id_cnty"].tolist()
    assert inc["place"].tolist() == raw["location"].tolist()
    assert plain(inc["sentence"]) == raw["notes"].tolist()
    assert inc["fatalities"].dtype == "Int64" and inc["fatalities"].tolist() == raw["fatalities"].tolist()
    assert inc["precision"].tolist() == raw["geo_precision"].tolist()
    assert inc["date_precision"].tolist() == raw["time_precision"].tolist()
    # both of ACLED's date forms come out ISO
    by_id = inc.set_index("incident_id")
    assert by_id.loc["AZE90001", "date"] == "2020-09-27"  # "27 September 2020"
    assert by_id.loc["AZE90003", "date"] == "2020-10-08"  # "2020-10-08"
    assert inc["date"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    # clashing names kept under acled_*, the rest as they are; nothing dropped
    assert by_id.loc["IRN90001", "acled_country"] == "Iran"
    assert by_id.loc["IRN90001", "acled_admin1"] == "East Azerbaijan"
    assert by_id.loc["IRN90001", "admin2"] == "Khoda Afarin"
    assert by_id.loc["AZE90009", "actor1"].startswith("Military Forces of Armenia")
    moved = {"event_id_cnty", "event_date", "time_precision", "location", "latitude", "longitude"}
    moved |= {"geo_precision", "notes", "country", "admin1"}
    assert set(raw.columns) - moved <= set(inc.columns)
    assert (inc["geocoder"] == "acled").all()
    # the row without coordinates is kept, with an empty geometry
    assert inc.geometry.isna().sum() == 1 and by_id.loc["AZE90012", "geometry"] is None
    pts = inc.geometry.dropna()
    assert np.allclose(pts.x, inc.loc[pts.index, "lon"]) and np.allclose(pts.y, inc.loc[pts.index, "lat"])


def test_classify_acled_zones(acled):
    got = dict(zip(acled["incident_id"], plain(acled["zone"])))
    assert got == ACLED_ZONES
    by_id = acled.set_index("incident_id")
    assert by_id.loc["AZE90012", "problem"]  # says why it is unresolved
    assert by_id.loc["IRN90001", "country"] == "IR" and bool(by_id.loc["IRN90001", "spillover"])
    assert not bool(by_id.loc["AZE90002", "spillover"])
    # no input column was renamed to *_input by classify: the clashing ACLED columns were moved first
    assert not [c for c in acled.columns if c.endswith("_input")]


def test_read_ucdp(theatre):
    raw = pd.read_csv(UCDP)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        inc = formats.read_ucdp(UCDP)
    assert len(inc) == len(raw) == 10 and inc.crs == "EPSG:4326"
    by_id = inc.set_index("incident_id")
    assert inc["fatalities"].tolist() == raw["best"].tolist()
    # where_prec 1 -> 1, 2 -> 2, 3..7 -> 3; originals kept
    expect_prec = [{1: 1, 2: 2}.get(w, 3) for w in raw["where_prec"]]
    assert inc["precision"].tolist() == expect_prec and inc["where_prec"].tolist() == raw["where_prec"].tolist()
    # date_prec 1 day, 2-3 week, 4-5 month or coarser
    assert inc["date_precision"].tolist() == [{1: 1, 2: 2, 3: 2, 4: 3, 5: 3}[d] for d in raw["date_prec"]]
    assert by_id.loc["90002", "date"] == "2020-10-11"  # "2020-10-11 00:00:00.000"
    assert by_id.loc["90002", "date_end"] == "2020-10-11"
    assert by_id.loc["90010", "ucdp_country"] == "Iran"
    assert by_id.loc["90001", "place"] == "Stepanakert town"
    assert {"low", "high", "deaths_civilians", "adm_1", "adm_2", "type_of_violence"} <= set(inc.columns)
    out = geo.classify(inc, theatre=theatre)
    assert dict(zip(out["incident_id"], plain(out["zone"]))) == UCDP_ZONES


def test_dates_in_every_form_and_bad_ones_kept():
    frame = pd.DataFrame(
        {
            "event_id_cnty": ["A1", "A2", "A3", "A4", "A5", "A6"],
            "event_date": ["12 October 2020", "2020-10-12", "12-Oct-2020", "October 12, 2020", "12/10/2020", None],
            "latitude": [40.68] * 6,
            "longitude": [46.36] * 6,
        }
    )
    with pytest.warns(UserWarning, match="not understood as a date"):
        inc = formats.read_acled(frame)
    assert plain(inc["date"]) == ["2020-10-12"] * 4 + [None, None]
    # the ambiguous day/month form is not guessed: the original is kept beside the empty date
    assert plain(inc["acled_event_date"]) == [None] * 4 + ["12/10/2020", None]
    assert plain(inc["incident_id"]) == ["A1", "A2", "A3", "A4", "A5", "A6"]


def test_read_acled_needs_coordinates():
    with pytest.raises(InputError, match="latitude/longitude"):
        formats.read_acled(pd.DataFrame({"event_id_cnty": ["A1"], "event_date": ["2020-10-12"]}))


def test_read_incidents_dispatches(tmp_path):
    assert plain(geo.read_incidents(ACLED)["incident_id"])[:2] == ["AZE90001", "AZE90002"]
    assert geo.read_incidents(UCDP)["geocoder"].eq("ucdp").all()
    other = tmp_path / "points.csv"
    pd.DataFrame({"name": ["Ganja"], "lat": [40.68], "lon": [46.36]}).to_csv(other, index=False)
    table = geo.read_incidents(other)
    assert not isinstance(table, gpd.GeoDataFrame) and list(table.columns) == ["name", "lat", "lon"]


# -- writing ---------------------------------------------------------------------------------------


def test_to_acled_shape(acled, extracted):
    out = formats.to_acled(acled)
    head = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type"]
    assert list(out.columns[: len(head)]) == head
    assert list(out.columns[-6:]) == ["zone", "zone_kind", "spillover", "name_hy", "name_az", "injured"]
    assert len(out) == len(acled)
    by_id = out.set_index("event_id_cnty")
    assert by_id.loc["IRN90001", "country"] == "Iran" and by_id.loc["IRN90001", "admin1"] == "East Azerbaijan"

    ex = formats.to_acled(extracted)
    core = ["event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2"]
    core += ["country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes"]
    assert list(ex.columns[: len(core) + 1]) == core + ["fatalities"]
    assert ex["event_id_cnty"].tolist() == extracted["incident_id"].tolist()
    assert (ex["fatalities"] >= 0).all() and not ex["fatalities"].isna().any()  # 0 when unknown, as ACLED
    unknown = extracted["fatalities"].isna().to_numpy()
    assert (ex.loc[unknown, "fatalities"] == 0).all()
    assert (np.round(ex["latitude"], 4) == ex["latitude"]).all()
    # a region incident (polygon) gets a point inside its polygon and precision 3
    regions = np.flatnonzero(extracted.geom_type.isin(["Polygon", "MultiPolygon"]).to_numpy())
    assert len(regions)
    for i in regions:
        assert ex.loc[i, "geo_precision"] == 3
        point = shapely.Point(ex.loc[i, "longitude"], ex.loc[i, "latitude"])
        assert extracted.geometry.iloc[i].buffer(1e-3).contains(point)
    names = dict(zip(extracted["country"].astype(object), ex["country"]))
    assert names.get("AZ") == "Azerbaijan" and names.get("IR") == "Iran"


@pytest.mark.parametrize("suffix", ["csv", *GEO_SUFFIXES])
def test_acled_round_trip(acled, tmp_path, suffix):
    path = tmp_path / f"incidents.{suffix}"
    geo.write_incidents(acled, path)
    back = geo.read_incidents(path)
    assert isinstance(back, gpd.GeoDataFrame) and back.crs == "EPSG:4326"
    assert len(back) == len(acled)
    assert plain(back["incident_id"]) == plain(acled["incident_id"])
    for col in ("zone", "zone_kind", "spillover", "date", "place", "fatalities", "precision", "sentence", "actor1"):
        assert plain(back[col]) == plain(acled[col]), col
    if suffix == "csv":
        # the ACLED shape survives a second trip unchanged
        again, first = formats.to_acled(back), formats.to_acled(acled)
        assert list(again.columns) == list(first.columns)
        for col in first.columns:
            assert plain(again[col]) == plain(first[col]), col
    else:
        assert set(acled.columns) <= set(back.columns)
        for col in acled.columns.drop("geometry"):
            assert plain(back[col]) == plain(acled[col]), col
        assert back.geometry.isna().tolist() == acled.geometry.isna().tolist()
        assert back.geometry.dropna().geom_equals(acled.geometry.dropna()).all()


@pytest.mark.parametrize("suffix", GEO_SUFFIXES)
def test_extracted_round_trip_keeps_regions(extracted, tmp_path, suffix):
    path = tmp_path / f"incidents.{suffix}"
    geo.write_incidents(extracted, path)
    back = geo.read_incidents(path)
    assert list(back.columns) == list(extracted.columns)
    for col in extracted.columns.drop("geometry"):
        assert plain(back[col]) == plain(extracted[col]), col
    assert back["fatalities"].dtype == "Int64" and back["spillover"].dtype == "boolean"
    assert back.geom_type.tolist() == extracted.geom_type.tolist()
    assert back.geometry.geom_equals_exact(extracted.geometry, tolerance=1e-9).all()


def test_ucdp_to_acled_csv(theatre, tmp_path):
    inc = geo.classify(formats.read_ucdp(UCDP), theatre=theatre)
    path = tmp_path / "ucdp.csv"
    geo.write_incidents(inc, path)
    back = pd.read_csv(path)
    assert len(back) == 10 and back["fatalities"].tolist() == inc["fatalities"].tolist()
    assert back["zone"].tolist() == list(UCDP_ZONES.values())
    assert back.loc[back["event_id_cnty"] == 90010, "country"].item() == "Iran"


def test_write_incidents_options(acled, extracted, tmp_path):
    forced = tmp_path / "acled.geojson"
    geo.write_incidents(acled, forced, acled=True)
    assert "event_id_cnty" in gpd.read_file(forced).columns
    flat = tmp_path / "flat.csv"
    geo.write_incidents(extracted, flat, acled=False)
    assert formats.detect_format(pd.read_csv(flat)) == "incidents"
    assert len(geo.read_incidents(flat)) == len(extracted)
    with pytest.raises(InputError, match="unknown table format"):
        geo.write_incidents(acled, tmp_path / "x.xlsx")
    with pytest.raises(InputError, match="no CRS"):
        geo.write_incidents(acled.set_crs(None, allow_override=True), tmp_path / "x.gpkg")
