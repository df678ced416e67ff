"""The chain, resolve_all, progress output and the theatre check."""

from __future__ import annotations

import io

import pytest

from geo.errors import GeocoderUnavailable
from geo.geocode.base import Geocoder, Location, Query
from geo.geocode.chain import ChainGeocoder, resolve_all
from geo.geocode.nominatim import NominatimGeocoder
from geo.geocode.retry import RetryingGeocoder
from geo.geocode.theatre_check import check_location, country_at, theatre_bias


class TTY(io.StringIO):
    def isatty(self) -> bool:
        return True


NAMES = ["Hadrut", "Sotk", "Stepanakert", "Talish", "Kapan", "Nowhere", "Yeraskh"]


def _online(server, tmp_path=None, **kw):
    from geo.geocode.cache import CachedGeocoder, GeocodeCache

    g = RetryingGeocoder(NominatimGeocoder(url=server.url), backoff_base_s=0.01, backoff_max_s=0.02, **kw)
    return CachedGeocoder(g, GeocodeCache(tmp_path / "c.sqlite")) if tmp_path else g


def test_each_distinct_query_is_resolved_once(server, gazetteer, theatre):
    chain = ChainGeocoder(gazetteer, _online(server), theatre=theatre)
    queries = [Query("Hadrut"), Query("Stepanakert"), Query("Hadrut"), Query("Hadrut", countries=frozenset({"AZ"}))]
    out = resolve_all(chain, queries, progress=False)
    assert list(out) == [Query("Hadrut"), Query("Stepanakert"), Query("Hadrut", countries=frozenset({"AZ"}))]
    assert len(server.searches) == 1  # the same text goes online once per run, whatever the evidence
    assert gazetteer.calls == 3


def test_progress_off_a_terminal_is_plain_lines(server, gazetteer, theatre, tmp_path):
    stream = io.StringIO()
    chain = ChainGeocoder(gazetteer, _online(server, tmp_path), theatre=theatre)
    resolve_all(chain, [Query(n) for n in NAMES], stream=stream, progress_every=3)
    text = stream.getvalue()
    assert "\r" not in text and "\x1b" not in text
    lines = text.splitlines()
    assert len(lines) == 3  # after 3 and 6 names, then the end
    assert lines[0].startswith("geocoding: 3/7 names, ") and "left" in lines[0]
    assert lines[-1].startswith("geocoding: 7/7 names, 6 resolved, 0 cache hits, 6 requests, 0 failed, done in ")


def test_progress_on_a_terminal_is_one_bar_rewritten_in_place(server, gazetteer, theatre, tmp_path):
    chain = ChainGeocoder(gazetteer, _online(server, tmp_path), theatre=theatre)
    resolve_all(chain, [Query(n) for n in NAMES], stream=io.StringIO(), progress=False)  # fill the cache
    stream = TTY()
    resolve_all(ChainGeocoder(gazetteer, _online(server, tmp_path), theatre=theatre), [Query(n) for n in NAMES],
                stream=stream)  # fmt: skip
    text = stream.getvalue()
    assert text.startswith("\r") and text.endswith("\n") and text.count("\n") == 1
    final = text.rsplit("\r", 1)[1]
    assert final.startswith("geocoding [####################] 7/7 names, 6 resolved, 6 cache hits, 0 requests")


def test_offline_only_runs_are_silent_by_default(gazetteer, theatre):
    stream = io.StringIO()
    out = resolve_all(
        ChainGeocoder(gazetteer, None, theatre=theatre), [Query("Shusha"), Query("Hadrut")], stream=stream
    )
    assert stream.getvalue() == ""
    assert out[Query("Shusha")].location.source == "gazetteer"
    assert out[Query("Hadrut")].reason == "not found by gazetteer"


def test_a_failure_never_escapes_resolve_all(server, theatre):
    server.default = 503
    plain = _online(server, max_retries=0, max_consecutive_failures=2)  # not a chain: resolve_all catches
    out = resolve_all(plain, [Query(n) for n in ("Hadrut", "Sotk", "Kapan")], progress=False)
    assert [r.reason for r in out.values()] == [
        "nominatim: HTTP 503 Service Unavailable",
        "nominatim: HTTP 503 Service Unavailable",
        "nominatim skipped after 2 consecutive failures: HTTP 503 Service Unavailable",
    ]
    server.default = "ok"
    with pytest.raises(GeocoderUnavailable, match="skipped"):
        ChainGeocoder(_Nothing(), plain, theatre=theatre).geocode("Talish")


def test_names_resolved_before_an_outage_are_kept(server, gazetteer, theatre):
    server.script = ["ok", "ok"]
    server.default = 503
    chain = ChainGeocoder(gazetteer, _online(server, max_retries=1), theatre=theatre)
    out = resolve_all(chain, [Query(n) for n in ("Hadrut", "Sotk", "Talish", "Kapan")], progress=False)
    assert out[Query("Hadrut")].location is not None and out[Query("Sotk")].location is not None
    assert out[Query("Talish")].location is None and "HTTP 503" in out[Query("Talish")].reason
    assert chain.stats()["failed"] == 2


class _Nothing(Geocoder):
    """A real offline geocoder that knows nothing."""

    name = "empty"

    def geocode(self, query: str) -> Location | None:
        return None


def test_theatre_bias_of_the_embedded_theatre(theatre):
    bias = theatre_bias(theatre)
    assert bias.core_countries == ("AZ", "AM")
    assert bias.neighbour_countries == ("GE", "IR", "RU", "TR")
    assert bias.in_window(39.8, 46.75) and not bias.in_window(35.69, 51.39)


@pytest.mark.parametrize(
    ("lat", "lon", "countries", "kept", "country"),
    [
        (39.8153, 46.7519, (), True, "AZ"),  # Stepanakert/Khankendi: core, de jure AZ
        (38.08, 46.29, (), True, "IR"),  # Tabriz: a neighbour inside the window
        (35.69, 51.39, (), False, "IR"),  # Tehran: a neighbour outside the window
        (35.69, 51.39, ("IR",), True, "IR"),  # ... unless the report names Iran
        (48.8566, 2.3522, (), False, "FR"),  # Paris
    ],
)
def test_check_location(theatre, lat, lon, countries, kept, country):
    loc = Location("X", lat, lon, "nominatim")
    res = check_location(loc, Query("X", countries=frozenset(countries)), theatre=theatre)
    assert (res.location is not None) == kept
    if kept:
        assert res.location.country == country  # filled from the theatre's zones
    else:
        assert res.reason == f"outside the theatre: X resolved to {country} at {lat:.4f}, {lon:.4f}"
    assert country_at(theatre, lat, lon) == country


def test_check_offline_hits_when_asked(theatre):
    class WorldGazetteer(_Nothing):
        name = "world"

        def geocode(self, query: str) -> Location | None:
            return Location("Martuni", -21.74, -46.56, "world", country="BR")

    assert ChainGeocoder(WorldGazetteer(), None, theatre=theatre).resolve(Query("Martuni")).location is not None
    res = ChainGeocoder(WorldGazetteer(), None, theatre=theatre, check_offline=True).resolve(Query("Martuni"))
    assert res.location is None and res.reason.startswith("outside the theatre: Martuni resolved to BR")
