"""Photon, ArcGIS and the generic geopy adapter, each against the local server."""

from __future__ import annotations

from geo.geocode.arcgis import ArcGISGeocoder
from geo.geocode.base import Query
from geo.geocode.chain import ChainGeocoder, resolve_all
from geo.geocode.geopy_service import GeopyGeocoder


def test_photon_through_the_command_line_options(server, gazetteer, theatre, online_from_cli):
    online = online_from_cli(
        "--geocoder", "photon", "--geocoder-url", server.url, "--cache", "none", "--min-delay-s", "0"
    )
    out = resolve_all(ChainGeocoder(gazetteer, online, theatre=theatre), [Query("Hadrut"), Query("Martuni")])
    hadrut = out[Query("Hadrut")].location
    assert (hadrut.lat, hadrut.lon) == (39.5199, 47.031)
    assert hadrut.source == "photon" and hadrut.id == "osm:node:1001" and hadrut.country == "AZ"
    assert hadrut.kind == "settlement"
    assert out[Query("Martuni")].reason.startswith("outside the theatre: Martuni resolved to BR")
    first = server.searches[0]
    assert first.path == "/api"
    lat, lon = float(first.params["lat"]), float(first.params["lon"])  # biased to the theatre's centre
    assert 38 < lat < 42 and 45 < lon < 49


def test_arcgis(server):
    g = ArcGISGeocoder(url=server.url)
    loc = g.geocode("Kapan")
    assert (loc.lat, loc.lon) == (39.2075, 46.4058)
    assert loc.source == "arcgis" and loc.name == "Kapan" and loc.kind == "settlement"
    assert loc.country is None and loc.id is None
    assert g.geocode("Nowhere") is None
    assert server.searches[0].path.endswith("/findAddressCandidates")


def test_any_geopy_service_by_name(server, online_from_cli):
    g = GeopyGeocoder("nominatim", url=server.url, options={"country_codes": "am"}, name="osm-mirror")
    loc = g.geocode("Sotk")
    assert loc.source == "osm-mirror" and loc.id == "nominatim:10002" and loc.country is None
    assert server.searches[-1].params["countrycodes"] == "am"
    assert g.cache_options() == {"url": server.url, "query": {"country_codes": "am"}}
    # credentials never reach a cache key
    h = GeopyGeocoder("opencage", url=server.url, options={"api_key": "s3cret", "language": "en"})
    assert "s3cret" not in repr(h.cache_options())


def test_the_generic_adapter_from_the_command_line(server, online_from_cli):
    online = online_from_cli(
        "--geocoder", "pelias", "--geocoder-url", server.url, "--geocoder-option", "api_key=123", "--cache", "none"
    )
    assert online.name == "pelias"
