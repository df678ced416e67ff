"""Benchmark: extract from N reports of about 2 KB (built from the project's own corpus).

Prints start-up time (a fresh process: import, load theatre and gazetteer, extract one report)
and reports per second after start-up, measured in this one run:

    python benchmarks/bench_extract.py [--reports 2000]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STARTUP = (
    "import time; t=time.perf_counter(); import geo.extraction as gx; from geo.reports import Report; "
    "gx.extract([Report('x', 'Shelling hit Ganja on Sunday, Baku said.', date='2020-10-04')]); "
    "print(time.perf_counter()-t)"
)


def corpus_reports(n: int, size: int = 2000) -> list:
    from geo.reports import Report

    texts = [
        json.loads(x)["text"]
        for x in (ROOT / "data" / "corpus" / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    out, i = [], 0
    while len(out) < n:
        body = ""
        while len(body) < size:
            body += texts[i % len(texts)] + "\n\n"
            i += 1
        out.append(Report(f"b{len(out)}", body[: size + 200], date="2020-10-15"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=2000)
    n = ap.parse_args().reports
    start = float(subprocess.run([sys.executable, "-c", STARTUP], capture_output=True, text=True, check=True).stdout)
    print(f"start-up (fresh process, first report): {start:.2f} s")

    import geo.extraction as gx

    ex = gx.make_extractor()
    reps = corpus_reports(n)
    gx.extract(reps[:5], extractor=ex)  # warm: indexes built, caches filled
    kb = sum(len(r.text.encode()) for r in reps) / len(reps) / 1024
    t = time.perf_counter()
    res = gx.extract(reps, extractor=ex)
    dt = time.perf_counter() - t
    mentions = sum(len(r["mentions"]) for r in res)
    print(f"{n} reports of {kb:.1f} KB: {dt:.2f} s, {n / dt:,.0f} reports/s, {mentions / dt:,.0f} mentions/s")


if __name__ == "__main__":
    main()
