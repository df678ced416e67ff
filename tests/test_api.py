"""The public API: what ``import geo`` offers, and the README's example run as it is written."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import folium
import geopandas as gpd
import pandas as pd
import pytest

import geo

ROOT = Path(__file__).resolve().parent.parent

PUBLIC = (
    "read_reports",
    "extract",
    "incidents_frame",
    "extract_incidents",
    "geocode_name",
    "classify",
    "summarise",
    "read_incidents",
    "write_incidents",
    "to_acled",
    "incident_map",
    "load_theatre",
)
README_MARKERS = ("<!-- api-example -->", "<!-- /api-example -->")


@pytest.fixture(scope="module")
def results() -> list[dict]:
    return geo.extract(geo.read_reports([ROOT / "data" / "reports"]))


@pytest.fixture(scope="module")
def incidents(results) -> gpd.GeoDataFrame:
    return geo.incidents_frame(results)


def test_public_names_are_documented_functions():
    for name in PUBLIC:
        obj = getattr(geo, name)
        assert callable(obj), name
        assert (obj.__doc__ or "").strip(), f"geo.{name} has no docstring"
        assert name in geo.__all__ and name in dir(geo)
    ns: dict = {}
    exec(f"from geo import {', '.join(PUBLIC)}", ns)
    assert all(callable(ns[n]) for n in PUBLIC)


def test_import_is_light_and_offline():
    code = (
        "import socket, sys\n"
        "def refuse(*a, **k):\n"
        "    raise OSError('network used at import')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "import geo\n"
        "heavy = [m for m in ('geo.extraction', 'geo.events', 'geo.places', 'geo.formats', 'geo.render_html',\n"
        "                     'folium', 'geo.geocode.gazetteer') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
        "print('ok')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr


def test_extract_is_the_stage_function(results):
    import geo.extraction as gx

    assert geo.extract is gx.extract and geo.incidents_frame is gx.incidents_frame
    rep = geo.read_reports([ROOT / "data/reports/2020-10-04_ganja.txt"])
    assert geo.extract(rep) == gx.extract(rep)
    assert [r["id"] for r in results][:1] == ["2016-04-02_talish"]


def test_geocode_name_offline():
    loc = geo.geocode_name("Xankəndi")
    assert loc is not None and loc.name == "Stepanakert" and loc.source == "gazetteer"
    assert abs(loc.lat - 39.82) < 0.05 and abs(loc.lon - 46.75) < 0.05
    assert geo.geocode_name("Nowhere-on-Aras") is None


def test_incident_map_says_what_is_missing(monkeypatch, incidents):
    monkeypatch.setitem(sys.modules, "geo.render_html", None)  # as if the renderer were not there
    with pytest.raises(ImportError, match="geo.render_html"):
        geo.incident_map(incidents)


def test_end_to_end(results, incidents):
    # mentions and their roles are plain records
    mentions = pd.DataFrame([{"report": r["id"], **m} for r in results for m in r["mentions"]])
    assert {"incident", "context"} <= set(mentions["role"])
    assert {"start", "end", "text", "place", "zone", "role"} <= set(mentions.columns)
    # incidents: a classified GeoDataFrame
    assert isinstance(incidents, gpd.GeoDataFrame) and incidents.crs == "EPSG:4326"
    assert {"zone", "zone_kind", "country", "spillover", "admin1"} <= set(incidents.columns)
    zones = set(incidents["zone"].dropna())
    assert {"nagorno-karabakh", "surrounding-districts", "azerbaijan", "armenia", "foreign:IR"} <= zones
    # pandas grouping
    by_zone = incidents.groupby("zone")["fatalities"].sum()
    assert by_zone.sum() == incidents["fatalities"].sum() and by_zone["azerbaijan"] > 0
    assert geo.summarise(incidents)["incidents"].sum() == len(incidents)
    # the incidents re-classify to the same zones (outside the curated border corrections)
    again = geo.classify(incidents[incidents.geom_type == "Point"], overwrite=True)
    assert (again["zone"].astype(object).notna()).all()
    # maps: GeoDataFrame.explore and the project's own map are folium Maps
    assert isinstance(incidents.explore(column="zone"), folium.Map)
    pytest.importorskip("geo.render_html")
    assert isinstance(geo.incident_map(incidents), folium.Map)


def test_matplotlib_on_agg(incidents):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8, 4))
    FigureCanvasAgg(fig)
    ax_map, ax_time = fig.subplots(1, 2)
    incidents.plot(ax=ax_map, column="zone", legend=True)
    month = pd.to_datetime(incidents["date"], errors="coerce").dt.to_period("M").astype(str)
    counts = pd.crosstab(month, incidents["spillover"].astype(object).fillna("unresolved"))
    counts.plot.bar(ax=ax_time, stacked=True)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    assert buf.getvalue()[:8] == b"\x89PNG\r\n\x1a\n"


def readme_example() -> str | None:
    """The Python code between the README's api-example markers, or None when they are absent."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start, end = README_MARKERS
    if start not in text or end not in text:
        return None
    block = text.split(start, 1)[1].split(end, 1)[0]
    fenced = re.findall(r"```(?:python|py)?\n(.*?)```", block, flags=re.S)
    return "\n".join(fenced) if fenced else block


def test_readme_example_runs(tmp_path, monkeypatch):
    code = readme_example()
    if code is None:
        pytest.skip(f"README.md has no {README_MARKERS[0]} ... {README_MARKERS[1]} section yet")
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    # run from a scratch folder that sees the repository's data/, so files it writes stay out of the tree
    os.symlink(ROOT / "data", tmp_path / "data")
    (tmp_path / "maps").mkdir()
    monkeypatch.chdir(tmp_path)
    ns: dict = {"__name__": "__readme__"}
    try:
        exec(compile(code, "README.md:api-example", "exec"), ns)
    finally:
        plt.close("all")
    assert isinstance(ns.get("incidents"), gpd.GeoDataFrame)
