"""Nominatim through the whole online step, against a real local HTTP server (no internet)."""

from __future__ import annotations

import pytest

from geo.errors import GeocoderParseError, InputError
from geo.geocode.base import Query
from geo.geocode.chain import ChainGeocoder, resolve_all
from geo.geocode.nominatim import NominatimGeocoder, check_user_agent
from geo.geocode.options import GeocoderSettings, build_online_geocoder

FAST = {"backoff_base_s": 0.02, "backoff_max_s": 0.1}


def _min_delay_s(online) -> float:
    """The rate limiter's delay, found by walking down the wrappers."""
    from geo.geocode.ratelimit import RateLimitedGeocoder

    while not isinstance(online, RateLimitedGeocoder):
        online = online.inner
    return online.min_delay_s


def test_names_missing_offline_get_the_servers_coordinates(server, gazetteer, theatre, online_from_cli, tmp_path):
    online = online_from_cli(
        "--geocoder-url", server.url, "--cache", str(tmp_path / "c.sqlite"), "--min-delay-s", "0",
        "--user-agent", "conflictmap-tests/1.0 (tests@example.org)",
    )  # fmt: skip
    chain = ChainGeocoder(gazetteer, online, theatre=theatre)
    queries = [Query("Stepanakert"), Query("Hadrut"), Query("Sotk"), Query("Khojavend", hint="district")]
    out = resolve_all(chain, queries, progress=False)

    assert list(out) == queries
    step = out[Query("Stepanakert")].location
    assert step is not None and step.source == "gazetteer"
    hadrut = out[Query("Hadrut")].location
    assert hadrut is not None
    assert (hadrut.lat, hadrut.lon) == (39.5199, 47.0310)
    assert hadrut.source == "nominatim" and hadrut.id == "osm:node:1001"
    assert hadrut.country == "AZ" and hadrut.kind == "settlement" and hadrut.name == "Hadrut"
    assert out[Query("Sotk")].location.country == "AM"
    district = out[Query("Khojavend", hint="district")].location
    assert district.kind == "district" and district.id == "osm:relation:1004"

    # only the names the gazetteer did not know went online, each once, biased to the theatre
    assert [r.params["q"] for r in server.searches] == ["Hadrut", "Sotk", "Khojavend"]
    first = server.searches[0]
    assert set(first.params["countrycodes"].split(",")) == {"am", "az", "ge", "ir", "ru", "tr"}
    lon0, lat0, lon1, lat1 = map(float, first.params["viewbox"].split(","))
    assert lon0 < 46.75 < lon1 and lat0 < 39.8 < lat1
    assert "bounded" not in first.params  # a preference, not a filter
    assert first.params["addressdetails"] == "1"
    assert first.headers["user-agent"] == "conflictmap-tests/1.0 (tests@example.org)"


def test_second_run_makes_zero_requests(server, gazetteer, theatre, online_from_cli, tmp_path):
    cache = str(tmp_path / "geocode.sqlite")
    queries = [Query("Hadrut"), Query("Sotk"), Query("Nowhere-at-all"), Query("Shusha")]

    def run():  # fresh objects each time, as in a new process
        online = online_from_cli("--geocoder-url", server.url, "--cache", cache, "--min-delay-s", "0")
        chain = ChainGeocoder(type(gazetteer)(), online, theatre=theatre)
        return resolve_all(chain, queries, progress=False), chain.stats()

    first, stats1 = run()
    assert len(server.searches) == 3 and stats1["requests"] == 3
    second, stats2 = run()
    assert len(server.searches) == 3, "the rerun must be served from the cache"
    assert stats2["requests"] == 0 and stats2["cache_hits"] == 3
    assert first == second
    assert second[Query("Nowhere-at-all")].location is None  # the negative result was cached too
    assert second[Query("Nowhere-at-all")].reason == "not found by gazetteer or nominatim"


def test_requests_are_at_least_one_second_apart(server, gazetteer, theatre, online_from_cli):
    # no --min-delay-s: Nominatim's published limit (1 request a second) applies, mirror or not
    online = online_from_cli("--geocoder-url", server.url, "--cache", "none")
    assert _min_delay_s(online) == 1.0
    out = resolve_all(
        ChainGeocoder(gazetteer, online, theatre=theatre), [Query(n) for n in ("Hadrut", "Sotk", "Kapan")]
    )
    assert all(r.location is not None for r in out.values())
    gaps = server.gaps_s()
    assert len(gaps) == 2
    assert min(gaps) >= 1.0, gaps


def test_503_then_200_succeeds(server, gazetteer, theatre, online_from_cli):
    server.script = [503, "ok"]
    online = online_from_cli("--geocoder-url", server.url, "--cache", "none", "--min-delay-s", "0", **FAST)
    out = resolve_all(ChainGeocoder(gazetteer, online, theatre=theatre), [Query("Talish")], progress=False)
    loc = out[Query("Talish")].location
    assert loc is not None and (loc.lat, loc.lon) == (40.1409, 46.6114)
    assert len(server.searches) == 2
    assert online.stats()["retries"] == 1


def test_429_with_retry_after_waits_that_long(server, online_from_cli):
    server.script = [(429, 1), "ok"]
    online = online_from_cli("--geocoder-url", server.url, "--cache", "none", "--min-delay-s", "0", **FAST)
    loc = online.geocode("Hadrut")
    assert loc is not None and loc.id == "osm:node:1001"
    (gap,) = server.gaps_s()
    assert gap >= 1.0, gap


def test_timeout_is_retried(server, online_from_cli):
    server.script = [("sleep", 1.0), "ok"]
    online = online_from_cli(
        "--geocoder-url", server.url, "--cache", "none", "--min-delay-s", "0", "--geocoder-timeout-s", "0.3", **FAST
    )
    assert online.geocode("Sotk").country == "AM"
    assert len(server.searches) == 2


def test_a_server_that_always_fails_leaves_names_unresolved_with_a_reason(server, gazetteer, theatre, online_from_cli):
    server.default = 503
    online = online_from_cli(
        "--geocoder-url", server.url, "--cache", "none", "--min-delay-s", "0", "--geocoder-retries", "1",
        max_consecutive_failures=0, **FAST,
    )  # fmt: skip
    names = ["Hadrut", "Stepanakert", "Sotk", "Talish", "Kapan"]
    out = resolve_all(ChainGeocoder(gazetteer, online, theatre=theatre), [Query(n) for n in names], progress=False)
    assert [q.text for q in out] == names
    assert out[Query("Stepanakert")].location is not None  # the offline answer is kept
    for name in ("Hadrut", "Sotk", "Talish", "Kapan"):
        res = out[Query(name)]
        assert res.location is None
        assert res.reason == "nominatim: HTTP 503 Service Unavailable"
    assert len(server.searches) == 4 * 2


def test_the_circuit_breaker_skips_the_service(server, gazetteer, theatre, online_from_cli):
    server.default = 503
    online = online_from_cli(
        "--geocoder-url", server.url, "--cache", "none", "--min-delay-s", "0", "--geocoder-retries", "1", **FAST
    )
    names = ["Hadrut", "Sotk", "Talish", "Kapan", "Yeraskh", "Khojavend"]
    out = resolve_all(ChainGeocoder(gazetteer, online, theatre=theatre), [Query(n) for n in names], progress=False)
    assert len(server.searches) == 3 * 2  # three failed queries (two requests each), then no more
    reasons = [out[Query(n)].reason for n in names]
    assert reasons[:3] == ["nominatim: HTTP 503 Service Unavailable"] * 3
    assert reasons[3:] == ["nominatim skipped after 3 consecutive failures: HTTP 503 Service Unavailable"] * 3


def test_a_hit_far_outside_the_theatre_is_refused_unless_the_report_says_so(
    server, gazetteer, theatre, online_from_cli
):
    online = online_from_cli("--geocoder-url", server.url, "--cache", "none", "--min-delay-s", "0")
    chain = ChainGeocoder(gazetteer, online, theatre=theatre)
    plain, evidenced = Query("Martuni"), Query("Martuni", countries=frozenset({"BR"}))
    out = resolve_all(chain, [plain, evidenced], progress=False)
    assert out[plain].location is None
    assert out[plain].reason == "outside the theatre: Martuni resolved to BR at -21.7417, -46.5647"
    kept = out[evidenced].location
    assert kept is not None and kept.country == "BR"
    assert len(server.searches) == 1  # the same name is asked once; only the judgement differs


def test_neighbour_inside_the_window_is_kept(server, gazetteer, theatre, online_from_cli):
    online = online_from_cli("--geocoder-url", server.url, "--cache", "none", "--min-delay-s", "0")
    res = ChainGeocoder(gazetteer, online, theatre=theatre).resolve(Query("Tabriz"))
    assert res.location is not None and res.location.country == "IR"


def test_unreadable_answers_are_not_retried(server, online_from_cli):
    server.default = "garbage"
    online = online_from_cli("--geocoder-url", server.url, "--cache", "none", "--min-delay-s", "0", **FAST)
    with pytest.raises(GeocoderParseError, match="nominatim: unreadable answer"):
        online.geocode("Hadrut")
    assert len(server.searches) == 1


def test_url_with_a_path_and_geocoder_options(server, online_from_cli):
    online = online_from_cli(
        "--geocoder", "nominatim", "--geocoder-url", server.url + "/nominatim/", "--geocoder-option", "language=hy",
        "--geocoder-option", "featuretype=settlement", "--cache", "none", "--min-delay-s", "0",
    )  # fmt: skip
    assert online.geocode("Kapan").name == "Kapan"
    rec = server.searches[-1]
    assert rec.path == "/nominatim/search"
    assert rec.params["accept-language"] == "hy" and rec.params["featureType"] == "settlement"


def test_unknown_option_and_service_are_input_errors(server, online_from_cli):
    with pytest.raises(InputError, match="takes no option 'bogus'"):
        online_from_cli("--geocoder-url", server.url, "--geocoder-option", "bogus=1")
    with pytest.raises(InputError, match="no geopy geocoder named 'nosuch'"):
        online_from_cli("--geocoder", "nosuch")


def test_offline_is_the_default(online_from_cli):
    assert online_from_cli() is None
    assert online_from_cli("--geocoder", "offline") is None


def test_environment_variables_are_the_defaults(server, online_from_cli, tmp_path):
    env = {
        "CONFLICTMAP_GEOCODER": "nominatim",
        "CONFLICTMAP_GEOCODER_URL": server.url,
        "CONFLICTMAP_USER_AGENT": "conflictmap-env/2.0 (env@example.org)",
        "CONFLICTMAP_GEOCODE_CACHE": str(tmp_path / "env.sqlite"),
    }
    online = online_from_cli("--min-delay-s", "0", environ=env)
    assert online.geocode("Hadrut") is not None
    assert server.searches[-1].headers["user-agent"] == "conflictmap-env/2.0 (env@example.org)"
    assert (tmp_path / "env.sqlite").exists()
    # the command line wins over the environment
    online = online_from_cli("--geocoder", "offline", environ=env)
    assert online is None


def test_default_cache_path_honours_xdg(tmp_path):
    from geo.geocode.cache import default_cache_path

    assert default_cache_path({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "conflictmap" / "geocode.sqlite"
    assert default_cache_path({}).parts[-3:] == (".cache", "conflictmap", "geocode.sqlite")


@pytest.mark.parametrize("ua", [None, "", "geopy/2.5.0", "python-requests/2.32", "conflictmap/0.1.0", "my-application"])
def test_public_nominatim_refuses_a_generic_user_agent(ua, theatre):
    with pytest.raises(InputError, match="User-Agent"):
        build_online_geocoder(GeocoderSettings(service="nominatim", user_agent=ua, cache_path=None), theatre=theatre)


def test_public_nominatim_keeps_one_request_a_second(theatre):
    ua = "conflictmap-newsdesk/1.0 (desk@example.org)"
    assert check_user_agent(ua) == ua
    online = build_online_geocoder(
        GeocoderSettings(service="nominatim", user_agent=ua, cache_path=None), theatre=theatre
    )
    assert _min_delay_s(online) == 1.0  # nothing is requested here
    with pytest.raises(InputError, match="one request a second"):
        build_online_geocoder(
            GeocoderSettings(service="nominatim", user_agent=ua, cache_path=None, min_delay_s=0.2), theatre=theatre
        )


def test_a_self_hosted_nominatim_needs_no_user_agent(server):
    g = NominatimGeocoder(url=server.url)
    assert g.user_agent.startswith("conflictmap")
    assert g.geocode("Nowhere") is None
    assert g.stats() == {"requests": 1}
