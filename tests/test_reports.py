"""Reading reports: formats, front matter, encodings and every kind of bad input."""

from __future__ import annotations

import json

from geo.reports import read_reports
from tests.conftest import ROOT, run_cli


def test_front_matter_and_offsets(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("---\ndate: 2020-10-31\nsource: Test wire\ntitle: T\n---\nArmenia shelled Ganja.\n", encoding="utf-8")
    (r,) = read_reports([p])
    assert (r.id, r.date, r.source, r.title) == ("a", "2020-10-31", "Test wire", "T")
    assert r.text.startswith("Armenia shelled Ganja.")


def test_jsonl_broken_lines_are_reported_and_the_rest_kept(tmp_path):
    p = tmp_path / "batch.jsonl"
    p.write_text(
        json.dumps({"id": "a", "date": "2020-10-04", "text": "Rockets hit Ganja."}) + "\n"
        "{not json\n"
        "\n" + json.dumps({"id": "c", "text": ""}) + "\n" + json.dumps(["not", "an", "object"]) + "\n",
        encoding="utf-8",
    )
    reps = read_reports([p])
    assert [r.id for r in reps] == ["a", "batch:2", "c", "batch:5"]
    assert reps[0].problem is None
    assert reps[1].problem.startswith("broken JSON on line 2") and reps[1].line == 2
    assert reps[2].problem == "empty report"
    assert reps[3].problem == "JSON record is not an object"


def test_encodings_binary_empty_and_huge(tmp_path):
    (tmp_path / "cp.txt").write_bytes("Обстрел Гянджи. Shelling hit Ganja.".encode("cp1251"))
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 near Goris was hit by shelling.".encode("latin-1"))
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ten.txt").write_text("Shelling hit Ganja. " * 500_000, encoding="utf-8")  # 10 MB: read whole
    (tmp_path / "big.txt").write_text("Shelling hit Ganja. " * 1_050_000, encoding="utf-8")  # 21 MB: cut
    reps = {r.id: r for r in read_reports([tmp_path])}
    assert reps["cp"].problem == "not UTF-8; read as cp1251" and "Гянджи" in reps["cp"].text
    assert reps["latin"].problem == "not UTF-8; read as latin-1" and "Café" in reps["latin"].text
    assert reps["bin"].problem == "binary file, not text" and reps["bin"].text == ""
    assert reps["empty"].problem == "empty report"
    assert reps["ten"].problem is None and len(reps["ten"].text) == 10_000_000
    assert reps["big"].problem.startswith("report cut to its first 20,000,000 characters")


def test_missing_file_is_a_report_with_a_problem(tmp_path):
    (r,) = read_reports([tmp_path / "nope.txt"])
    assert r.problem == "no such file"


def test_cli_extract_keeps_every_report_in_order(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text(
        "\n".join(
            [
                json.dumps(
                    {"id": "r1", "date": "2020-10-04", "text": "Rockets hit Ganja on Sunday, killing one civilian."}
                ),
                "{broken",
                json.dumps({"id": "r3", "text": "Baku said Armenian forces shelled Tartar."}),
            ]
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    r = run_cli("extract", str(p), "--out", str(out), "--date", "2020-10-05")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in rows] == ["r1", "in:2", "r3"]
    assert rows[1]["problem"].startswith("broken JSON on line 2") and rows[1]["mentions"] == []
    assert rows[2]["date"] == "2020-10-05"  # --date fills in the missing one
    assert "line 2" in r.stderr.decode() and "Traceback" not in r.stderr.decode()


def test_cli_extract_stdin_and_formats(tmp_path):
    text = b"Azerbaijan said Armenia shelled Ganja, killing nine civilians and injuring 34 people."
    r = run_cli("extract", "-", "--date", "2020-10-11", stdin=text)
    assert r.returncode == 0, r.stderr
    (doc,) = json.loads(r.stdout)
    ganja = [m for m in doc["mentions"] if m["place"] == "Ganja"][0]
    assert ganja["role"] == "incident" and ganja["zone"] == "azerbaijan" and ganja["spillover"] is True
    assert doc["incidents"][0]["fatalities"] == 9 and doc["incidents"][0]["injured"] == 34
    for fmt in ("csv", "geojson"):
        out = tmp_path / f"o.{fmt}"
        r = run_cli("extract", str(ROOT / "data" / "reports"), "--out", str(out))
        assert r.returncode == 0, r.stderr
        assert out.stat().st_size > 1000
    gj = json.loads((tmp_path / "o.geojson").read_text(encoding="utf-8"))
    kinds = {f["geometry"]["type"] for f in gj["features"] if f["geometry"]}
    assert "Point" in kinds and ({"Polygon", "MultiPolygon"} & kinds)  # regions as polygons
