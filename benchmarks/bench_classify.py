"""Benchmark: classify N random points over the theatre, against geopandas.sjoin and the raw kernel.

Prints points per second for each and the ratios, all measured in this one run:

    python benchmarks/bench_classify.py [--points 1000000]
"""

from __future__ import annotations

import argparse
import time

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

import geo
from geo.jurisdiction import locate_xy


def _time(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--points", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=0)
    n = ap.parse_args().points
    th = geo.load_theatre()
    rng = np.random.default_rng(ap.parse_args().seed)
    (lon0, lat0, lon1, lat1) = (43.4, 38.3, 50.9, 42.0)  # AZ + AM and their neighbours
    lat = rng.uniform(lat0, lat1, n)
    lon = rng.uniform(lon0, lon1, n)
    frame = pd.DataFrame({"id": np.arange(n), "lat": lat, "lon": lon})
    th.warm()  # start-up structures are built once per theatre, outside the timings

    zones = th.zones[["zone", "geometry"]]
    geoms = th.zone_geoms  # prepared

    def raw() -> None:
        # the bare kernel: prepared polygons, bounding-box filter, shapely.contains_xy
        idx = np.full(n, -1)
        b = shapely.bounds(geoms)
        for k in range(len(geoms)):
            m = (idx < 0) & (lon >= b[k, 0]) & (lon <= b[k, 2]) & (lat >= b[k, 1]) & (lat <= b[k, 3])
            if m.any():
                w = np.flatnonzero(m)
                idx[w[shapely.contains_xy(geoms[k], lon[w], lat[w])]] = k

    def ours() -> None:
        geo.classify(frame, theatre=th)

    def ours_no_boundary() -> None:
        geo.classify(frame, theatre=th, boundary=False)

    def sjoin() -> None:
        pts = gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326")
        gpd.sjoin(pts, zones, how="left")

    def kernel_zone_only() -> None:
        locate_xy(th.zone_geoms, th.zone_bounds, lon, lat)

    results = {}
    for name, fn in [
        ("raw contains_xy kernel", raw),
        ("geo.classify zone lookup only", kernel_zone_only),
        ("geo.classify (all columns)", ours),
        ("geo.classify (no boundary_km)", ours_no_boundary),
        ("geopandas.sjoin (intersects)", sjoin),
    ]:
        s = _time(fn)
        results[name] = s
        print(f"{name:32s} {s:8.2f} s  {n / s:12,.0f} points/s", flush=True)
    full = results["geo.classify (all columns)"]
    print(f"geo.classify vs sjoin: {results['geopandas.sjoin (intersects)'] / full:.1f}x faster")
    print(f"geo.classify vs raw kernel: {full / results['raw contains_xy kernel']:.2f}x the kernel's time")


if __name__ == "__main__":
    main()
