"""Benchmark: HTML map size and headless-Chromium render time for 1,000 / 10,000 / 100,000 incidents.

For each size it builds random classified incidents over the theatre (points, plus a few district
polygons as precision-3 rows; every incident has its own sentence), writes a self-contained map
with :func:`geo.render_html.save_html`, opens it from ``file://`` in headless Debian Chromium
(every non-file request blocked) and waits for the page's ready flag, which is set one animation
frame after every incident layer has been added to the map. It prints, in one run, the build time
in Python, the file size and two load times: the page's own (``performance.now()`` at the flag,
from navigation start) and the wall-clock time of the whole navigation.

    python benchmarks/bench_maps.py [--sizes 1000 10000 100000] [--runs 2]

Aim (issue 4): at most 20 MB and 5 s at 100,000 incidents.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

import geo
from geo._browser import CHROMIUM, CHROMIUM_ARGS
from geo.render_html import incident_map, save_html

EVENTS = [
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Battles", "Armed clash"),
    ("Battles", "Government regains territory"),
    ("Strategic developments", "Other"),
    ("Violence against civilians", "Attack"),
]
WORDS = (
    "reported shelling near the village overnight officials said residents were sheltering while artillery "
    "and drones struck positions along the line of contact according to a statement by the ministry "
    "local authorities counted damaged houses and a school as fighting continued into the morning"
).split()


def random_incidents(n: int, *, seed: int = 0) -> gpd.GeoDataFrame:
    """``n`` classified incidents spread over the theatre (0.2% of them district polygons)."""
    rng = np.random.default_rng(seed)
    th = geo.load_theatre()
    lon = rng.uniform(44.3, 50.9, n)
    lat = rng.uniform(38.3, 41.9, n)
    ev = rng.integers(0, len(EVENTS), n)
    days = rng.integers(0, 365 * 8, n)
    dates = (pd.Timestamp("2016-01-01") + pd.to_timedelta(days, unit="D")).strftime("%Y-%m-%d")
    # a unique sentence per incident, about 110 characters
    picks = rng.integers(0, len(WORDS), (n, 16))
    sentences = [f"Incident {i}: " + " ".join(WORDS[k] for k in row) + "." for i, row in enumerate(picks)]
    places = [f"Village {k}" for k in rng.integers(0, 3000, n)]
    frame = pd.DataFrame(
        {
            "incident_id": [f"B{i:06d}" for i in range(n)],
            "date": dates,
            "date_precision": rng.choice([1, 1, 1, 2, 3], n),
            "place": places,
            "name_hy": [p + " (hy)" for p in places],
            "name_az": [p + " (az)" for p in places],
            "precision": rng.choice([1, 1, 2], n),
            "event_type": [EVENTS[k][0] for k in ev],
            "sub_event_type": [EVENTS[k][1] for k in ev],
            "fatalities": pd.array(rng.geometric(0.5, n) - 1, dtype="Int64"),
            "injured": pd.array(rng.geometric(0.4, n) - 1, dtype="Int64"),
            "sentence": sentences,
            "source": [f"Source {k}" for k in rng.integers(0, 40, n)],
            "lat": lat,
            "lon": lon,
        }
    )
    gdf = gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326")
    if th.admin1 is not None and len(th.admin1):
        k = max(1, n // 500)
        rows = rng.choice(n, k, replace=False)
        regions = th.admin1.geometry.values[rng.integers(0, len(th.admin1), k)]
        gdf.loc[gdf.index[rows], "geometry"] = regions
        gdf.loc[gdf.index[rows], "precision"] = 3
    return geo.classify(gdf.drop(columns=["lat", "lon"]), theatre=th, boundary=False)


def _offline_route(blocked: list[str]):
    """A Playwright route handler letting only file:// through and recording everything else."""

    def handle(route) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    return handle


def load_time_s(page, url: str) -> tuple[float, float]:
    """(page-reported seconds from navigation start to the ready flag, wall-clock seconds)."""
    t0 = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=120_000)
    page.wait_for_function("window.__conflictmapReady === true", timeout=120_000, polling=50)
    wall = time.perf_counter() - t0
    return page.evaluate("window.__conflictmapReadyAt") / 1000, wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    ap.add_argument("--runs", type=int, default=2, help="page loads per size (the best is reported)")
    ap.add_argument("--keep", type=Path, default=None, help="write the maps into this folder and keep them")
    args = ap.parse_args()

    from playwright.sync_api import sync_playwright

    out_dir = args.keep or Path(tempfile.mkdtemp(prefix="bench_maps_"))
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        for n in args.sizes:
            incidents = random_incidents(n)
            t = time.perf_counter()
            path = save_html(incident_map(incidents), out_dir / f"bench_{n}.html")
            build_s = time.perf_counter() - t
            size_mb = path.stat().st_size / 1e6
            best_page, best_wall, blocked = float("inf"), float("inf"), []
            for _ in range(args.runs):
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                page.route("**/*", _offline_route(blocked))
                page_s, wall_s = load_time_s(page, path.as_uri())
                shown = page.evaluate("window.conflictmap[0].count()")
                page.close()
                best_page, best_wall = min(best_page, page_s), min(best_wall, wall_s)
            assert shown == n, (shown, n)
            rows.append((n, size_mb, build_s, best_page, best_wall, len(blocked)))
            print(
                f"{n:>8,} incidents: {size_mb:6.2f} MB, built in {build_s:5.2f} s; Chromium ready after "
                f"{best_page:5.2f} s (page clock), {best_wall:5.2f} s wall; blocked requests: {len(blocked)}",
                flush=True,
            )
        browser.close()
    print()
    print("| incidents | HTML MB | Python build s | Chromium ready s (page) | wall s |")
    print("|---|---|---|---|---|")
    for n, mb, b, pg, w, _ in rows:
        print(f"| {n:,} | {mb:.2f} | {b:.2f} | {pg:.2f} | {w:.2f} |")
    if not args.keep:
        for f in out_dir.glob("bench_*.html"):
            f.unlink()
        out_dir.rmdir()


if __name__ == "__main__":
    main()
