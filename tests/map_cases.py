"""Inputs shared by the map tests: the example table and a frame of hostile report text."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

import geo

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "data" / "examples" / "incidents.csv"

# Each payload tries to run script; window.__pwned is set only if one of them executes.
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=2;alert(1)">'
BREAKOUT = "</script><script>window.__pwned=3</script>"
HOSTILE_PLACE = f"{SCRIPT}Evilville"
HOSTILE_SENTENCE = f'Shelling hit {IMG} the town & its "market" {BREAKOUT} at dawn.'
HOSTILE_TYPE = '<b onmouseover="window.__pwned=5">Battles</b>'
HOSTILE_TITLE = '<img src=x onerror="window.__pwned=4">Title'


def examples() -> gpd.GeoDataFrame:
    """The project's example incidents, classified."""
    return geo.classify(geo.read_table(EXAMPLES))


def hostile() -> gpd.GeoDataFrame:
    """Five incidents whose text fields carry markup; one is a region (precision 3), one undated,
    one has no location (so it cannot be mapped)."""
    tartar = shapely.Polygon([(46.6, 40.2), (47.0, 40.2), (47.0, 40.45), (46.6, 40.45)])
    rows = [
        dict(
            place=HOSTILE_PLACE,
            name_hy="<iframe src=javascript:alert(1)>",
            name_az="Şər<u>",
            alt_names="<svg onload=alert(1)>|Other",
            date="2020-10-04",
            date_precision=1,
            precision=1,
            event_type=HOSTILE_TYPE,
            sub_event_type="Shelling/artillery/missile attack",
            fatalities=2,
            injured=5,
            sentence=HOSTILE_SENTENCE,
            source='<a href="javascript:alert(1)">wire</a>',
            geometry=shapely.Point(46.3606, 40.6828),
        ),
        dict(
            place="Goris",
            name_hy="Goris",
            name_az="Gorus",
            alt_names="Geryusy",
            date="2022-09-13",
            date_precision=2,
            precision=1,
            event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike",
            fatalities=0,
            injured=1,
            sentence="Drones struck near Goris.",
            source="Wire",
            geometry=shapely.Point(46.3403, 39.5111),
        ),
        dict(
            place="Tartar district",
            name_hy="",
            name_az="Tərtər",
            alt_names="",
            date="2020-10-05",
            date_precision=3,
            precision=3,
            event_type="Explosions/Remote violence",
            sub_event_type="",
            fatalities=None,
            injured=None,
            sentence="Villages of the district were shelled.",
            source="Wire",
            geometry=tartar,
        ),
        dict(
            place="Stepanakert",
            name_hy="Stepanakert",
            name_az="Xankəndi",
            alt_names="Khankendi",
            date=None,
            date_precision=None,
            precision=1,
            event_type="Battles",
            sub_event_type="Armed clash",
            fatalities=None,
            injured=None,
            sentence="Fighting was reported (no date given).",
            source="Wire",
            geometry=shapely.Point(46.7519, 39.8153),
        ),
        dict(
            place="Nowhere",
            name_hy="",
            name_az="",
            alt_names="",
            date="2020-10-06",
            date_precision=1,
            precision=1,
            event_type="Battles",
            sub_event_type="",
            fatalities=None,
            injured=None,
            sentence="No location.",
            source="Wire",
            geometry=None,
        ),
    ]
    frame = gpd.GeoDataFrame(pd.DataFrame(rows), geometry="geometry", crs="EPSG:4326")
    frame["fatalities"] = frame["fatalities"].astype("Int64")
    frame["injured"] = frame["injured"].astype("Int64")
    frame["date_precision"] = frame["date_precision"].astype("Int64")
    return geo.classify(frame)


_TYPES = {"u8": "<u1", "u16": "<u2", "u32": "<u4", "i32": "<i4"}


def payload_of(page: str, kind: str = "incidents") -> dict:
    """The JSON data block of the ``cm_<kind>`` element in a rendered page."""
    m = re.search(rf'<script type="application/json" id="cm_{kind}_[0-9a-f]+_data">(.*?)</script>', page, re.S)
    assert m, f"no {kind} data in the page"
    return json.loads(m.group(1))


def column(payload: dict, key: str) -> np.ndarray:
    """One decoded per-incident column of an incidents payload."""
    c = payload["cols"][key]
    return np.frombuffer(base64.b64decode(c["b"]), dtype=_TYPES[c["t"]])
