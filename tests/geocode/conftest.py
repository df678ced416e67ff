"""A real HTTP server on 127.0.0.1 that speaks Nominatim's ``/search`` (and Photon's ``/api`` and
ArcGIS's ``findAddressCandidates``) for a handful of names, records every request with its time,
and can be scripted to fail: 503s, 429 with Retry-After, slow answers, garbage.

Nothing here reaches the internet.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from geo.geocode.base import Geocoder, Location

# name (case-folded) -> (lat, lon, country code, display name, osm type, osm id, place type)
PLACES: dict[str, tuple[float, float, str, str, str, int, str]] = {
    "hadrut": (39.5199, 47.0310, "az", "Hadrut, Khojavend District, Azerbaijan", "node", 1001, "village"),
    "sotk": (40.2058, 45.9853, "am", "Sotk, Gegharkunik Province, Armenia", "node", 1002, "village"),
    "talish": (40.1409, 46.6114, "az", "Talish, Tartar District, Azerbaijan", "node", 1003, "village"),
    "khojavend": (39.7900, 47.1100, "az", "Khojavend District, Azerbaijan", "relation", 1004, "district"),
    "kapan": (39.2075, 46.4058, "am", "Kapan, Syunik Province, Armenia", "node", 1005, "town"),
    "yeraskh": (39.7600, 44.7000, "am", "Yeraskh, Ararat Province, Armenia", "node", 1006, "village"),
    # a namesake far away: what a careless geocoder would return for the Karabakh town
    "martuni": (-21.7417, -46.5647, "br", "Martuni, Minas Gerais, Brazil", "node", 1007, "hamlet"),
    "tabriz": (38.0800, 46.2919, "ir", "Tabriz, East Azerbaijan Province, Iran", "relation", 1008, "city"),
}


@dataclass
class Recorded:
    """One request the server received."""

    t: float  # time.monotonic() when the request arrived
    path: str
    params: dict[str, str]
    headers: dict[str, str]


@dataclass
class FakeGeocodingServer:
    """The server's state: what it answers, and what it has been asked.

    ``script`` is consumed one item per request; when it is empty ``default`` answers. An item is
    ``"ok"``, an HTTP status code (``503``), ``(429, retry_after_s)``, ``("sleep", seconds)``
    (answers after that long, for timeouts) or ``"garbage"`` (a 200 that is not JSON).
    """

    url: str = ""
    script: list[Any] = field(default_factory=list)
    default: Any = "ok"
    requests: list[Recorded] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_action(self) -> Any:
        with self.lock:
            return self.script.pop(0) if self.script else self.default

    @property
    def searches(self) -> list[Recorded]:
        return [r for r in self.requests if r.path.endswith(("/search", "/api", "/findAddressCandidates"))]

    def gaps_s(self) -> list[float]:
        t = [r.t for r in self.searches]
        return [b - a for a, b in zip(t, t[1:])]


def _nominatim_result(name: str, fmt: str) -> dict[str, Any]:
    lat, lon, cc, display, osm_type, osm_id, typ = PLACES[name]
    addresstype = "county" if typ == "district" else typ
    out: dict[str, Any] = {
        "place_id": 9000 + osm_id,
        "licence": "Data © OpenStreetMap contributors, ODbL 1.0. https://osm.org/copyright",
        "osm_type": osm_type,
        "osm_id": osm_id,
        "lat": f"{lat:.7f}",
        "lon": f"{lon:.7f}",
        "type": "administrative" if typ == "district" else typ,
        "place_rank": 19,
        "importance": 0.3,
        "addresstype": addresstype,
        "name": display.split(",")[0],
        "display_name": display,
        "boundingbox": [f"{lat - 0.01:.7f}", f"{lat + 0.01:.7f}", f"{lon - 0.01:.7f}", f"{lon + 0.01:.7f}"],
        "address": {addresstype: display.split(",")[0], "country": display.split(", ")[-1], "country_code": cc},
    }
    out["category" if fmt == "jsonv2" else "class"] = "boundary" if typ == "district" else "place"
    return out


def _photon_result(name: str) -> dict[str, Any]:
    lat, lon, cc, display, osm_type, osm_id, typ = PLACES[name]
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {
            "osm_type": osm_type[0].upper(),
            "osm_id": osm_id,
            "osm_key": "place",
            "osm_value": typ,
            "type": typ,
            "name": display.split(",")[0],
            "country": display.split(", ")[-1],
            "countrycode": cc.upper(),
        },
    }


def _arcgis_result(name: str) -> dict[str, Any]:
    lat, lon, _cc, display, _t, _i, typ = PLACES[name]
    return {
        "address": display,
        "location": {"x": lon, "y": lat},
        "score": 100,
        "attributes": {"PlaceName": display.split(",")[0], "Type": typ.title(), "Addr_type": "Locality"},
        "extent": {"xmin": lon - 0.01, "ymin": lat - 0.01, "xmax": lon + 0.01, "ymax": lat + 0.01},
    }


def _make_handler(state: FakeGeocodingServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
            pass

        def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test)

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            parts = urlsplit(self.path)
            params = {k: v[-1] for k, v in parse_qs(parts.query).items()}
            rec = Recorded(time.monotonic(), parts.path, params, {k.lower(): v for k, v in self.headers.items()})
            with state.lock:
                state.requests.append(rec)
            action = state.next_action()
            if isinstance(action, tuple) and action[0] == "sleep":
                time.sleep(action[1])
                action = "ok"
            if isinstance(action, tuple) and action[0] == 429:
                self._send(429, b'{"error": "Too Many Requests"}', {"Retry-After": f"{action[1]:g}"})
                return
            if isinstance(action, int):
                self._send(action, b"<html>unavailable</html>")
                return
            if action == "garbage":
                self._send(200, b"<html>this is not JSON")
                return
            name = " ".join((params.get("q") or params.get("singleLine") or "").casefold().split())
            found = [name] if name in PLACES else []
            if parts.path.endswith("/search"):
                fmt = params.get("format", "json")
                body: Any = [_nominatim_result(n, fmt) for n in found]
            elif parts.path.endswith("/api"):
                body = {"type": "FeatureCollection", "features": [_photon_result(n) for n in found]}
            elif parts.path.endswith("/findAddressCandidates"):
                body = {"spatialReference": {"wkid": 4326}, "candidates": [_arcgis_result(n) for n in found]}
            else:
                self._send(404, b'{"error": "not found"}')
                return
            self._send(200, json.dumps(body).encode())

    return Handler


@pytest.fixture
def server() -> Iterator[FakeGeocodingServer]:
    """A fresh fake geocoding server on an ephemeral port of 127.0.0.1."""
    state = FakeGeocodingServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(state))
    httpd.daemon_threads = True
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


class TinyGazetteer(Geocoder):
    """A real (if tiny) offline geocoder: knows Stepanakert and Shusha, nothing else."""

    name = "gazetteer"

    PLACES = {
        "stepanakert": Location("Stepanakert", 39.8153, 46.7519, "gazetteer", id="geonames:174875", country="AZ"),
        "shusha": Location("Shusha", 39.7583, 46.7484, "gazetteer", id="geonames:585226", country="AZ"),
    }

    def __init__(self) -> None:
        self.calls = 0

    def geocode(self, query: str) -> Location | None:
        self.calls += 1
        return self.PLACES.get(query.casefold())


@pytest.fixture
def gazetteer() -> TinyGazetteer:
    return TinyGazetteer()


@pytest.fixture
def online_from_cli(theatre) -> Callable[..., Geocoder | None]:
    """Build the online step the way the command line does: argv through add_geocoder_arguments.

    Keyword arguments override fields of the resulting GeocoderSettings (small backoffs, say);
    ``sleep=`` is passed to build_online_geocoder.
    """
    from geo.geocode.options import add_geocoder_arguments, build_online_geocoder, geocoder_settings_from_args

    def build(*argv: str, environ: dict[str, str] | None = None, sleep=time.sleep, **overrides: Any):
        env = environ or {}
        parser = argparse.ArgumentParser()
        add_geocoder_arguments(parser, environ=env)
        args = parser.parse_args(list(argv))
        settings = dataclasses.replace(geocoder_settings_from_args(args, environ=env), **overrides)
        return build_online_geocoder(settings, theatre=theatre, sleep=sleep)

    return build
