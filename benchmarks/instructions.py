"""Benchmark: machine instructions to read a report, counted by valgrind (the same on every run).

Timings on a shared machine drift by tens of percent within minutes, which hides a change of a few
percent; instruction counts do not drift. This runs the extraction of N reports of about 2 KB (the
same reports as ``bench_extract.py``, after a warm-up pass over them) under valgrind's callgrind
and prints the instructions per report, and, as a baseline counted in the same process, those of one
plain word scan over the same reports, with the ratio of the two:

    python benchmarks/instructions.py [--reports 100] [--pure]

Instructions are not time (cache misses and branches are not counted), but a change that saves
instructions on this workload saves time on it too. Needs valgrind (Debian: ``apt-get install
valgrind``); a run takes a few minutes, most of it start-up under valgrind.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def child(n: int, pure: bool) -> None:
    """Run under valgrind: each ``time.sleep(0)`` starts a new part of the count."""
    sys.path.insert(0, str(HERE))
    from geo import _compiled

    if pure:
        _compiled.prefer_sources()
    from bench_extract import corpus_reports

    import geo.extraction as gx

    reps = corpus_reports(n)
    ex = gx.make_extractor()
    gx.extract(reps, extractor=ex)  # warm: indexes built, caches filled, places classified
    words = re.compile(r"\w+")
    time.sleep(0)  # part: the baseline word scan
    for r in reps:
        words.findall(r.text.lower())
    time.sleep(0)  # part: extraction
    gx.extract(reps, extractor=ex)
    time.sleep(0)
    os._exit(0)  # no interpreter shutdown in the count


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=100)
    ap.add_argument("--pure", action="store_true", help="run the compiled modules from their Python sources")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.reports, args.pure)
        return
    if shutil.which("valgrind") is None:
        sys.exit("instructions.py: valgrind is not installed (Debian: apt-get install valgrind)")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        cmd = [
            "valgrind",
            "--tool=callgrind",
            "--dump-before=time_sleep",
            f"--callgrind-out-file={out}",
            sys.executable,
            __file__,
            "--child",
            f"--reports={args.reports}",
            *(["--pure"] if args.pure else []),
        ]
        run = subprocess.run(cmd, capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"instructions.py: valgrind failed: {run.stderr.strip().splitlines()[-1:]}")
        # parts: .1 start-up, .2 the word scan, .3 extraction (the file without a suffix is the rest)
        totals = {}
        for part in Path(tmp).glob("callgrind.out.*"):
            m = re.search(r"^(?:summary|totals): (\d+)", part.read_text(errors="replace"), re.M)
            totals[int(part.suffix[1:])] = int(m.group(1)) if m else 0
    if sorted(totals) != [1, 2, 3]:  # another time.sleep() call would have split the count elsewhere
        sys.exit(f"instructions.py: expected 3 parts of the count, got {len(totals)}")
    n = args.reports
    base, extract = totals.get(2, 0) / n, totals.get(3, 0) / n
    print(f"{n} reports of about 2 KB, {'plain Python' if args.pure else 'as installed'}:")
    print(f"extraction: {extract / 1e6:.2f} M instructions a report")
    print(f"baseline, one word scan: {base / 1e6:.3f} M instructions a report")
    print(f"extraction takes {extract / base:.0f}x the baseline")


if __name__ == "__main__":
    main()
