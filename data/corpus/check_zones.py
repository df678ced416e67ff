#!/usr/bin/env python3
"""Cross-check the dev gazetteer's point zones against data/theatres/karabakh/zones.geojson.

Prints every settlement/feature whose labelled zone differs from the zone polygon that
contains its point (needs shapely; run with the project venv)."""
import json, os, sys
from shapely.geometry import Point, shape
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gazetteer_dev import PLACES

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
zones = json.load(open(os.path.join(root, "data/theatres/karabakh/zones.geojson")))
polys = [(f["properties"]["zone"], shape(f["geometry"])) for f in zones["features"]]
bad = 0
for name, (zone, kind, lat, lon) in sorted(PLACES.items()):
    if lat is None:
        continue
    p = Point(lon, lat)
    hit = [z for z, g in polys if g.contains(p)]
    near = None
    if not hit:
        near = min(polys, key=lambda zg: zg[1].distance(p))[0]
    got = hit[0] if hit else f"(none; nearest {near})"
    flag = "" if (hit and hit[0] == zone) or (not hit and near == zone) else "  <-- MISMATCH"
    bad += bool(flag)
    print(f"{name:24s} {zone:24s} {got}{flag}")
print("mismatches:", bad)
