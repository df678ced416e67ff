"""The HTML map (geo.render_html): self-contained output, the data it embeds, escaping, the CLI."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import folium
import numpy as np
import pandas as pd
import pytest

import geo
from geo import _leaflet
from geo._mapdata import map_zones
from geo.errors import InputError
from geo.render_html import incident_map, save_html
from tests.conftest import run_cli
from tests.map_cases import (
    EXAMPLES,
    HOSTILE_PLACE,
    HOSTILE_SENTENCE,
    HOSTILE_TITLE,
    HOSTILE_TYPE,
    column,
    examples,
    hostile,
    payload_of,
)


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each <script>/<style> element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.bodies: list[tuple[str, dict, str]] = []
        self._open: tuple[str, dict] | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._open = (tag, dict(attrs))
            self.bodies.append((tag, dict(attrs), ""))

    def handle_data(self, data):
        if self._open is not None:
            tag, attrs, text = self.bodies[-1]
            self.bodies[-1] = (tag, attrs, text + data)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._open = None


def _parse(page: str) -> _Tags:
    p = _Tags()
    p.feed(page)
    return p


def _normalise(page: str) -> str:
    """Page text with folium's random element ids replaced by stable ones."""
    ids: dict[str, str] = {}
    return re.sub(r"(?<=_)[0-9a-f]{32}(?![0-9a-f])", lambda m: ids.setdefault(m.group(0), f"ID{len(ids)}"), page)


@pytest.fixture(scope="module")
def example_frame():
    return examples()


@pytest.fixture(scope="module")
def example_page(example_frame, tmp_path_factory):
    path = save_html(incident_map(example_frame), tmp_path_factory.mktemp("html") / "example.html")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_frame():
    return hostile()


@pytest.fixture(scope="module")
def hostile_page(hostile_frame, tmp_path_factory):
    m = incident_map(hostile_frame, title=HOSTILE_TITLE)
    return save_html(m, tmp_path_factory.mktemp("html") / "hostile.html").read_text(encoding="utf-8")


def test_self_contained_page_links_nothing(example_page):
    tags = _parse(example_page)
    external = [
        (t, a)
        for t, a in tags.tags
        if (t == "script" and a.get("src")) or (t == "link" and a.get("href")) or (t == "img" and a.get("src"))
    ]
    assert external == []
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", example_page.split("<script>", 1)[0])
    for host in ("cdn.jsdelivr", "code.jquery", "bootstrapcdn", "cdnjs.cloudflare", "fontawesome"):
        assert host not in example_page
    assert "L.tileLayer" not in example_page  # no tile layer by default: the zones are the base map
    assert "sourceMappingURL" not in example_page
    js, css = _leaflet.leaflet_assets()
    scripts = [b for t, _a, b in tags.bodies if t == "script"]
    styles = [b for t, _a, b in tags.bodies if t == "style"]
    assert any('version="1.9.3"' in s for s in scripts), "Leaflet is not inlined"
    assert any(".leaflet-container" in s and "data:image/png;base64," in s for s in styles)
    assert js.strip()[:200] in example_page and css.strip()[:200] in example_page


def test_linked_page_uses_only_leaflet_core(example_frame, tmp_path):
    page = save_html(incident_map(example_frame), tmp_path / "linked.html", self_contained=False).read_text()
    tags = _parse(page)
    srcs = [a["src"] for t, a in tags.tags if t == "script" and a.get("src")]
    hrefs = [a["href"] for t, a in tags.tags if t == "link" and a.get("href")]
    assert srcs == [_leaflet.LEAFLET_JS_URL]
    assert hrefs == [_leaflet.LEAFLET_CSS_URL]


def test_folium_defaults_are_left_alone(example_frame):
    before = list(folium.Map.default_js)
    incident_map(example_frame)
    assert folium.Map.default_js == before
    assert any(name == "jquery" for name, _url in folium.Map().default_js)


def test_page_is_deterministic_once_ids_are_normalised(example_frame, example_page, tmp_path):
    again = save_html(incident_map(example_frame), tmp_path / "again.html").read_text(encoding="utf-8")
    assert _normalise(again) == _normalise(example_page)


def test_every_incident_is_embedded_once(example_frame, example_page):
    data = payload_of(example_page)
    n = len(example_frame)
    assert data["n"] == n
    x, y = column(data, "x") / 1e4, column(data, "y") / 1e4
    assert len(x) == len(y) == n
    np.testing.assert_allclose(x, example_frame["longitude"].astype(float).to_numpy(), atol=6e-5)
    np.testing.assert_allclose(y, example_frame["latitude"].astype(float).to_numpy(), atol=6e-5)
    types = [html.unescape(t) for t in data["types"]]
    t = column(data, "t")
    got = pd.Series([types[i] for i in t]).value_counts().sort_index()
    want = example_frame["event_type"].astype(str).value_counts().sort_index()
    assert got.to_dict() == want.to_dict()
    zones = [z["id"] for z in data["zones"]]
    assert [zones[i] for i in column(data, "z")] == example_frame["zone"].astype(str).tolist()
    spill = {z["id"]: z["s"] for z in data["zones"]}
    assert spill["armenia"] and spill["azerbaijan"] and spill["foreign:IR"] and not spill["nagorno-karabakh"]
    # radii grow with casualties; Barda (21 killed, 70 injured) is the largest
    r = column(data, "r")
    assert r.argmax() == example_frame.index.get_loc(example_frame.index[example_frame["location"] == "Barda"][0])
    assert r.min() >= 4 and r.max() <= 18
    assert data["undated"] == 0 and data["dmin"] < data["dmax"]
    # distance to the nearest zone boundary, in tenths of a km (+1): Lachin town is about 1.6 km outside the NKAO
    lachin = example_frame.index.get_loc(example_frame.index[example_frame["location"] == "Lachin (Berdzor)"][0])
    assert 10 <= column(data, "bk")[lachin] - 1 <= 25


def test_zone_polygons_are_the_theatre_core_and_its_neighbours(theatre, example_page):
    zones = payload_of(example_page, "zones")["features"]
    ids = {f["properties"]["z"] for f in zones}
    assert {"nagorno-karabakh", "surrounding-districts", "azerbaijan", "armenia"} <= ids
    assert {"foreign:IR", "foreign:GE", "foreign:TR", "foreign:RU"} <= ids
    assert len(ids) == len(map_zones(theatre)) < 20  # not the whole world
    colours = {f["properties"]["z"]: f["properties"]["c"] for f in zones}
    info = theatre.zone_info().set_index("zone")["colour"]
    assert colours["nagorno-karabakh"] == info["nagorno-karabakh"]
    assert colours["armenia"] == info["armenia"]
    size = len(payload_of(example_page, "zones").__repr__())
    assert size < 400_000, "zone outlines should be simplified and clipped"


def test_legend_names_the_three_kinds(example_page):
    for text in ("Disputed", "Sovereign territory", "Foreign", "spillover", "killed + injured"):
        assert text in example_page


def test_hostile_text_is_escaped(hostile_page, example_page):
    # none of the payloads appears as markup anywhere in the page
    for needle in (
        "<script>window.__pwned",
        "<img src=x",
        "<iframe",
        "<svg onload",
        "<b onmouseover",
        "<u>",
        '<a href="javascript',
    ):
        assert needle not in hostile_page, needle
    tags = _parse(hostile_page)
    assert not [t for t, _a in tags.tags if t in ("img", "iframe", "svg") and _a.get("onerror", _a.get("onload"))]
    # exactly the script elements of a clean page (Leaflet, folium's switches, two data blocks, the map script)
    clean = _parse(example_page)
    assert [t for t, _a in tags.tags if t == "script"] == [t for t, _a in clean.tags if t == "script"]
    assert hostile_page.count("</script") == hostile_page.count("<script")
    data = payload_of(hostile_page)
    strings = data["str"]
    assert html.escape(HOSTILE_PLACE) in strings
    assert html.escape(HOSTILE_SENTENCE) in strings
    assert html.escape(HOSTILE_TYPE) in data["types"]
    assert html.escape(HOSTILE_TITLE) in hostile_page


def test_regions_undated_and_unmapped_rows(hostile_frame, hostile_page):
    data = payload_of(hostile_page)
    assert data["n"] == len(hostile_frame) - 1  # the row without a location is left out ...
    assert "1 without a location not shown" in hostile_page  # ... and said so
    assert data["undated"] == 1
    ((row, geom),) = data["geom"].items()
    assert geom["type"] == "Polygon" and int(row) in data["gorder"]
    assert html.unescape(data["str"][column(data, "pl")[int(row)] - 1]) == "Tartar district"
    names = [html.unescape(s) for s in data["str"]]
    # both name forms: the Armenian one is the place name itself here, so only the others are listed
    assert "Azerbaijani: Xankəndi · also: Khankendi" in names
    assert "Armenian: Goris · Azerbaijani: Gorus · also: Geryusy" not in names
    assert "Azerbaijani: Gorus · also: Geryusy" in names


def test_acled_and_schema_names_give_the_same_popup_fields(tmp_path):
    base = dict(lat=[40.6828], lon=[46.3606], fatalities=[1], injured=[2], source=["wire"])
    schema = pd.DataFrame(
        dict(
            base,
            place=["Ganja"],
            date=["2020-10-04"],
            sentence=["Hit."],
            precision=[1],
            date_precision=[1],
            event_type=["Battles"],
        )
    )
    acled = pd.DataFrame(
        dict(
            base,
            location=["Ganja"],
            event_date=["2020-10-04"],
            notes=["Hit."],
            geo_precision=[1],
            time_precision=[1],
            event_type=["Battles"],
        )
    )
    pages = [save_html(incident_map(f), tmp_path / f"{i}.html").read_text() for i, f in enumerate((schema, acled))]
    a, b = (payload_of(p) for p in pages)
    assert a["str"] == b["str"] and set(a["cols"]) == set(b["cols"])
    for key in ("pl", "s", "o", "d", "q", "dp", "f", "j"):
        assert (column(a, key) == column(b, key)).all(), key
    assert {"Ganja", "Hit.", "wire"} <= set(a["str"])  # unclassified input is classified on the way
    assert [z["id"] for z in a["zones"]] == ["azerbaijan"]


def test_tile_layer_is_opt_in(example_frame, tmp_path):
    page = save_html(incident_map(example_frame, tiles="OpenStreetMap"), tmp_path / "osm.html").read_text()
    assert "L.tileLayer" in page and "tile.openstreetmap.org" in page
    assert "&copy;" in page or "OpenStreetMap" in page
    page = save_html(incident_map(example_frame, tiles="OpenTopoMap"), tmp_path / "topo.html").read_text()
    assert "tile.opentopomap.org" in page
    with pytest.raises(InputError, match="unknown tile layer"):
        incident_map(example_frame, tiles="No Such Tiles")


def test_frames_without_coordinates_are_refused():
    with pytest.raises(InputError, match="lat"):
        incident_map(pd.DataFrame({"place": ["x"]}))


def test_cli_map_html(tmp_path):
    out = tmp_path / "maps" / "example.html"
    r = run_cli("map", str(EXAMPLES), "--out", str(out), "--title", "Example <map>")
    assert r.returncode == 0, r.stderr.decode()
    assert "53 incidents" in r.stdout.decode()
    page = out.read_text(encoding="utf-8")
    assert payload_of(page)["n"] == 53 and "Example &lt;map&gt;" in page
    # two tables concatenated, the second already classified (written by `conflictmap classify`)
    classified = tmp_path / "classified.geojson"
    geo.write_table(examples(), classified)
    r = run_cli("map", str(EXAMPLES), str(classified), "--out", str(out))
    assert r.returncode == 0, r.stderr.decode()
    assert payload_of(out.read_text(encoding="utf-8"))["n"] == 106


def test_cli_map_errors_are_one_line(tmp_path, capsys):
    from geo.cli import main

    cases = [
        (["map", str(EXAMPLES), "--out", str(tmp_path / "map.pdf")], "use .html, .png or .svg"),
        (["map", str(tmp_path / "missing.csv"), "--out", str(tmp_path / "map.html")], "no such file"),
        (["map", str(EXAMPLES), "--out", str(tmp_path / "map.html"), "--tiles", "nope"], "unknown tile layer"),
    ]
    for argv, message in cases:
        assert main(argv) == 2
        err = capsys.readouterr().err.strip()
        assert err.count("\n") == 0 and message in err, err
