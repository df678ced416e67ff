"""The SQLite geocoding cache: keys, expiry, sharing between processes, and the cached geocoder."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from geo.errors import GeocoderUnavailable, InputError
from geo.geocode.base import Location
from geo.geocode.cache import DAY_S, CachedGeocoder, GeocodeCache
from geo.geocode.nominatim import NominatimGeocoder
from geo.geocode.retry import RetryingGeocoder

ROOT = Path(__file__).resolve().parents[2]
HADRUT = Location("Hadrut", 39.5199, 47.031, "nominatim", id="osm:node:1001", kind="settlement", country="AZ",
                  raw={"place_id": 10001, "address": {"country_code": "az"}})  # fmt: skip
OPTS = {"url": "http://127.0.0.1:1", "query": {"country_codes": ["am", "az"]}}


class Clock:
    def __init__(self, t: float = 1_700_000_000.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


def test_round_trip_positive_and_negative(tmp_path):
    cache = GeocodeCache(tmp_path / "c.sqlite")
    assert cache.get("nominatim", "Hadrut", OPTS) is None
    cache.put("nominatim", "Hadrut", OPTS, HADRUT)
    cache.put("nominatim", "Nowhere", OPTS, None)
    entry = cache.get("nominatim", "Hadrut", OPTS)
    assert entry is not None and entry.location == HADRUT and entry.location.raw == HADRUT.raw
    negative = cache.get("nominatim", "Nowhere", OPTS)
    assert negative is not None and negative.location is None
    assert len(cache) == 2


def test_the_key_is_service_normalised_query_and_options(tmp_path):
    cache = GeocodeCache(tmp_path / "c.sqlite")
    cache.put("nominatim", "Hadrut", OPTS, HADRUT)
    assert cache.get("nominatim", "  HADRUT ", OPTS) is not None  # case and spaces do not matter
    assert cache.get("nominatim", "Hadrut", dict(reversed(list(OPTS.items())))) is not None  # key order neither
    assert cache.get("photon", "Hadrut", OPTS) is None
    assert cache.get("nominatim", "Hadrut", {**OPTS, "url": "http://other"}) is None
    assert cache.get("nominatim", "Hadruth", OPTS) is None


def test_negative_results_expire_before_positive_ones(tmp_path):
    clock = Clock()
    cache = GeocodeCache(tmp_path / "c.sqlite", negative_ttl_s=30 * DAY_S, positive_ttl_s=365 * DAY_S, clock=clock)
    cache.put("nominatim", "Nowhere", OPTS, None)
    cache.put("nominatim", "Hadrut", OPTS, HADRUT)
    entry = cache.get("nominatim", "Nowhere", OPTS)
    assert entry.expires_s == entry.created_s + 30 * DAY_S
    clock.t += 29 * DAY_S
    assert cache.get("nominatim", "Nowhere", OPTS) is not None
    clock.t += 2 * DAY_S
    assert cache.get("nominatim", "Nowhere", OPTS) is None  # expired: asked again next time
    assert cache.get("nominatim", "Hadrut", OPTS) is not None
    assert cache.purge_expired() == 1 and len(cache) == 1
    # a shorter TTL applies to old entries too
    short = GeocodeCache(tmp_path / "c.sqlite", positive_ttl_s=10 * DAY_S, clock=clock)
    assert short.get("nominatim", "Hadrut", OPTS) is None


def test_wal_mode_and_reopening(tmp_path):
    cache = GeocodeCache(tmp_path / "c.sqlite")
    cache.put("s", "q", {}, None)
    with sqlite3.connect(tmp_path / "c.sqlite") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    cache.close()
    assert cache.get("s", "q", {}) is not None  # reopens


def test_a_file_that_is_not_a_cache_is_an_input_error(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(InputError, match="not a usable geocode cache"):
        GeocodeCache(bad).get("s", "q", {})


def _child_put(cache: GeocodeCache, i: int) -> None:
    for k in range(50):
        cache.put("nominatim", f"child {i} {k}", {}, HADRUT)


@pytest.mark.skipif(sys.platform == "win32", reason="fork start method")
def test_a_forked_child_uses_its_own_connection(tmp_path):
    import multiprocessing

    cache = GeocodeCache(tmp_path / "c.sqlite")
    cache.put("nominatim", "parent", {}, HADRUT)  # the parent's connection is open
    ctx = multiprocessing.get_context("fork")
    children = [ctx.Process(target=_child_put, args=(cache, i)) for i in range(3)]
    for c in children:
        c.start()
    for k in range(50):
        cache.put("nominatim", f"parent {k}", {}, None)
    for c in children:
        c.join(60)
        assert c.exitcode == 0
    assert len(cache) == 1 + 50 + 3 * 50


WRITER = textwrap.dedent(
    """
    import sys
    import time
    from geo.geocode.base import Location
    from geo.geocode.cache import GeocodeCache

    from pathlib import Path

    path, worker, n, workers = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    cache = GeocodeCache(path, busy_timeout_s=30)
    # a barrier: start writing only when every writer is ready
    ready = Path(path + f".ready{worker}")
    ready.touch()
    while len(list(ready.parent.glob(Path(path).name + ".ready*"))) < workers:
        time.sleep(0.005)
    start = time.time()
    for i in range(n):
        loc = Location(f"place {worker}-{i}", 40.0 + i / 1000, 46.0 + worker / 10, "nominatim", id=f"osm:node:{i}")
        cache.put("nominatim", f"place {worker}-{i}", {"w": 1}, loc if i % 3 else None)
        cache.put("nominatim", "shared", {"w": 1}, loc)  # every process overwrites the same row
        assert cache.get("nominatim", f"place {worker}-{i}", {"w": 1}) is not None
    print(start, time.time())
    """
)


def test_the_cache_is_shared_by_concurrent_processes(tmp_path):
    path = tmp_path / "shared.sqlite"
    n, workers = 300, 4
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(w), str(n), str(workers)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for w in range(workers)
    ]
    results = [p.communicate(timeout=120) for p in procs]
    spans = []
    for p, (out, err) in zip(procs, results):
        assert p.returncode == 0, err
        assert "locked" not in err
        spans.append(tuple(map(float, out.split())))
    # the writers really ran at the same time
    assert max(s for s, _ in spans) < min(e for _, e in spans), spans
    cache = GeocodeCache(path)
    assert len(cache) == workers * n + 1
    assert cache.get("nominatim", "place 3-299", {"w": 1}).location.name == "place 3-299"
    assert cache.get("nominatim", "place 2-3", {"w": 1}).location is None  # negative rows too


def test_cached_geocoder_counts_hits_and_never_stores_failures(server, tmp_path):
    cache = GeocodeCache(tmp_path / "c.sqlite")
    g = CachedGeocoder(NominatimGeocoder(url=server.url), cache)
    assert g.geocode("Hadrut").id == "osm:node:1001"
    assert g.geocode("hadrut").id == "osm:node:1001"
    assert g.geocode("Nowhere") is None
    assert g.geocode("Nowhere") is None
    assert g.stats() == {"requests": 2, "cache_hits": 2, "cache_misses": 2}

    server.script = [503]
    failing = CachedGeocoder(RetryingGeocoder(NominatimGeocoder(url=server.url), max_retries=0), cache)
    with pytest.raises(GeocoderUnavailable, match="HTTP 503"):
        failing.geocode("Sotk")
    assert cache.get("nominatim", "Sotk", failing.options) is None  # the failure was not cached
    assert failing.geocode("Sotk").country == "AM"
    assert len(server.searches) == 4


def test_different_options_do_not_share_answers(server, tmp_path):
    cache = GeocodeCache(tmp_path / "c.sqlite")
    a = CachedGeocoder(NominatimGeocoder(url=server.url, country_codes=["az"]), cache)
    b = CachedGeocoder(NominatimGeocoder(url=server.url, country_codes=["am"]), cache)
    a.geocode("Kapan")
    b.geocode("Kapan")
    assert len(server.searches) == 2
    assert a.options != b.options
