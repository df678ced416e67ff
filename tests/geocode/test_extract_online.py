"""End to end: ``conflictmap extract`` sends only the names the gazetteer lacks to a (local) Nominatim."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.geocode import conftest as fake  # the fake server's place table

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "geo.cli", *args], capture_output=True, cwd=ROOT, env=dict(os.environ), timeout=120
    )


@pytest.fixture
def unknown_places(monkeypatch):
    # the server knows two places our offline gazetteer does not
    monkeypatch.setitem(
        fake.PLACES,
        "zzyzxqor",
        (40.9850, 45.6200, "az", "Zzyzxqor, Tovuz District, Azerbaijan", "node", 2001, "village"),
    )
    monkeypatch.setitem(
        fake.PLACES, "qwertovo", (-21.70, -46.50, "br", "Qwertovo, Minas Gerais, Brazil", "node", 2002, "hamlet")
    )


def test_extract_resolves_unknown_names_online_once(tmp_path, server, unknown_places):
    rep = tmp_path / "r.txt"
    rep.write_text(
        "Shells hit the village of Zzyzxqor in Tovuz district and Ganja on Sunday. "
        "A drone struck the village of Qwertovo, officials said.",
        encoding="utf-8",
    )
    args = [
        "extract",
        str(rep),
        "--date",
        "2020-10-04",
        "--geocoder-url",
        server.url,
        "--cache",
        str(tmp_path / "c.sqlite"),
    ]
    r = run_cli(*args, "--out", str(tmp_path / "o.json"))
    assert r.returncode == 0, r.stderr
    (doc,) = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))
    ms = {m["text"]: m for m in doc["mentions"]}
    z = ms["Zzyzxqor"]
    assert (z["geocoder"], z["zone"], z["lat"]) == ("nominatim", "azerbaijan", 40.985)
    assert z["place_id"] == "osm:node:2001"
    q = ms["Qwertovo"]
    assert q["zone"] is None and q["problem"].startswith("not in the offline gazetteer; outside the theatre")
    assert ms["Ganja"]["geocoder"] == "gazetteer"  # never sent to the service
    asked = sorted(s.params.get("q", "") for s in server.searches)
    assert asked == ["Qwertovo", "Zzyzxqor"]
    # a rerun comes from the cache: no request at all
    r2 = run_cli(*args, "--out", str(tmp_path / "o2.json"))
    assert r2.returncode == 0, r2.stderr
    assert len(server.searches) == 2
    (doc2,) = json.loads((tmp_path / "o2.json").read_text(encoding="utf-8"))
    assert {m["text"]: m["zone"] for m in doc2["mentions"]}["Zzyzxqor"] == "azerbaijan"


def test_extract_completes_when_the_service_is_down(tmp_path, server, unknown_places):
    server.default = 503
    rep = tmp_path / "r.jsonl"
    rep.write_text(
        "\n".join(
            json.dumps({"id": f"r{i}", "text": f"Shelling hit the village of Zzyzxqor and Ganja. Report {i}."})
            for i in range(3)
        ),
        encoding="utf-8",
    )
    r = run_cli(
        "extract",
        str(rep),
        "--geocoder-url",
        server.url,
        "--cache",
        "none",
        "--geocoder-retries",
        "1",
        "--out",
        str(tmp_path / "o.jsonl"),
    )
    assert r.returncode == 0, r.stderr
    rows = [json.loads(x) for x in (tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in rows] == ["r0", "r1", "r2"]
    for row in rows:
        ms = {m["text"]: m for m in row["mentions"]}
        assert ms["Ganja"]["zone"] == "azerbaijan"
        assert ms["Zzyzxqor"]["zone"] is None and "503" in ms["Zzyzxqor"]["problem"]
