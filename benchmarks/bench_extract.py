"""Benchmark: extract from N reports of about 2 KB (built from the project's own corpus).

Prints start-up time (a fresh process: import, load theatre and gazetteer, extract one report)
and reports per second after start-up, each the median of ``--repeat`` runs (this machine's
timings vary from run to run). As a baseline run in the same process, the reports are also
read once with a plain regular-expression word scan; the ratio of the two fastest runs is less
sensitive to the machine than either figure:

    python benchmarks/bench_extract.py [--reports 2000] [--repeat 3] [--pure]

The build compiles the report-reading core with mypyc (see setup.py); ``--pure`` runs those
modules from their Python sources instead, for comparison.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STARTUP = (
    "import time; t=time.perf_counter(); {pure}import geo.extraction as gx; from geo.reports import Report; "
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
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--pure", action="store_true", help="run the compiled modules from their Python sources")
    args = ap.parse_args()
    n, repeat = args.reports, max(1, args.repeat)
    pure = "from geo import _compiled; _compiled.prefer_sources(); " if args.pure else ""
    starts = [
        float(
            subprocess.run(
                [sys.executable, "-c", STARTUP.format(pure=pure)], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(repeat)
    ]
    print(f"start-up (fresh process, first report): {statistics.median(starts):.2f} s (median of {repeat})")

    from geo import _compiled

    if args.pure:
        _compiled.prefer_sources()
    import geo.extraction as gx

    done = _compiled.compiled()
    print(f"compiled with mypyc: {', '.join(done)}" if done else "plain Python: no module compiled")

    ex = gx.make_extractor()
    reps = corpus_reports(n)
    gx.extract(reps[:5], extractor=ex)  # warm: indexes built, caches filled
    kb = sum(len(r.text.encode()) for r in reps) / len(reps) / 1024
    words = re.compile(r"\w+")
    runs, base = [], []
    for _ in range(repeat):
        t = time.perf_counter()
        for r in reps:
            words.findall(r.text.lower())
        base.append(time.perf_counter() - t)
        t = time.perf_counter()
        res = gx.extract(reps, extractor=ex)
        runs.append(time.perf_counter() - t)
        mentions = sum(len(r["mentions"]) for r in res)
        del res
    dt, b = statistics.median(runs), statistics.median(base)
    print(
        f"{n} reports of {kb:.1f} KB: {dt:.2f} s, {n / dt:,.0f} reports/s, {mentions / dt:,.0f} mentions/s "
        f"(median of {repeat}; fastest {n / min(runs):,.0f} reports/s)"
    )
    # noise on a shared machine only ever slows a run down, so the fastest runs of the two give the
    # steadiest ratio
    ratio = min(runs) / min(base)
    print(f"baseline, one word scan of every report: {b:.3f} s; extraction takes {ratio:.0f}x it (fastest runs)")


if __name__ == "__main__":
    main()
