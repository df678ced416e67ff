"""Evaluate ``extract`` on the project's labelled corpus (data/corpus/reports.jsonl).

Prints, for the dev and the held-out split separately:

* mention precision / recall / F1 (a predicted span matches a gold span it overlaps, one to one);
* for settlements: accuracy within 161 km and median error (km) of the matched mentions;
* zone accuracy on gold incident mentions (matched ones; unmatched count as wrong);
* incident-role precision / recall / F1 (role ``incident``, not hypothetical);
* hypothetical recall / precision;
* incident extraction: share of gold incidents whose place the tool reports as an incident,
  and, over the incidents found, event type and date exact-match, and fatalities and injured
  exact-match where both give a number.

    python benchmarks/eval_extract.py [--split dev|heldout|all] [--errors]
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
from pathlib import Path

import geo.extraction as gx
from geo.gazetteer import name_key
from geo.reports import Report

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus" / "reports.jsonl"


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    (la1, lo1), (la2, lo2) = a, b
    p1, p2 = math.radians(la1), math.radians(la2)
    dp, dl = p2 - p1, math.radians(lo2 - lo1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def match(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) of overlapping spans, greedy by overlap."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if ov > 0:
                cands.append((-ov, i, j))
    used_g, used_p, pairs = set(), set(), []
    for _, i, j in sorted(cands):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(records: list[dict], results: list[dict], *, errors: bool = False) -> dict:
    tp = fp = fn = 0
    role_tp = role_fp = role_fn = 0
    hyp_tp = hyp_fp = hyp_fn = 0
    dists: list[float] = []
    zone_ok = zone_n = 0
    inc_found = inc_n = 0
    counts = {"fatalities": [0, 0], "injured": [0, 0], "event_type": [0, 0], "date": [0, 0]}  # exact matches, scored
    for rec, res in zip(records, results):
        gold, pred = rec["labels"], [m for m in res["mentions"] if m.get("place") is not None or m.get("problem")]
        pairs = match(gold, pred)
        tp += len(pairs)
        fp += len(pred) - len(pairs)
        fn += len(gold) - len(pairs)
        gmap = dict(pairs)
        pmatched = {j for _, j in pairs}
        if errors:
            for j, p in enumerate(pred):
                if j not in pmatched:
                    print(f"  FP {rec['id']}: {p['text']!r} -> {p['place']} ({p['role']}, {p['role_reason']})")
            for i, g in enumerate(gold):
                if i not in gmap:
                    print(f"  FN {rec['id']}: {g['text']!r} ({g['role']}, {g['zone']})")
        for i, g in enumerate(gold):
            p = pred[gmap[i]] if i in gmap else None
            g_inc = g["role"] == "incident"
            p_inc = p is not None and p["role"] == "incident" and not p.get("hypothetical")
            role_tp += g_inc and p_inc
            role_fn += g_inc and not p_inc
            role_fp += (not g_inc) and p_inc
            g_hyp = g["role"] == "hypothetical"
            p_hyp = p is not None and bool(p.get("hypothetical"))
            hyp_tp += g_hyp and p_hyp
            hyp_fn += g_hyp and not p_hyp
            hyp_fp += (not g_hyp) and p_hyp
            if errors and p is not None and (g_inc != p_inc):
                print(
                    f"  ROLE {rec['id']}: {g['text']!r} gold={g['role']} pred={p['role']} "
                    f"({p['role_reason']}) zone={p.get('zone')}"
                )
            if g_inc:
                zone_n += 1
                zone_ok += p is not None and p.get("zone") == g["zone"]
                if errors and p is not None and p.get("zone") != g["zone"]:
                    print(f"  ZONE {rec['id']}: {g['text']!r} gold={g['zone']} pred={p.get('zone')} ({p.get('place')})")
            if (
                p is not None
                and g.get("kind") == "settlement"
                and g.get("lat") is not None
                and p.get("lat") is not None
            ):
                dists.append(haversine_km((g["lat"], g["lon"]), (p["lat"], p["lon"])))
                if errors and dists[-1] > 20:
                    print(f"  DIST {rec['id']}: {g['text']!r} gold={g['place']} pred={p['place']} {dists[-1]:.0f} km")
        # pred mentions matched to nothing but incident count as role FP
        role_fp += sum(
            1 for j, p in enumerate(pred) if j not in pmatched and p["role"] == "incident" and not p.get("hypothetical")
        )
        for inc in rec.get("incidents", []):
            inc_n += 1
            key = name_key(inc["place"])
            found = [
                i
                for i in res["incidents"]
                if name_key(i["place"]) == key or key in name_key(i["place"]) or name_key(i["place"]) in key
            ]
            inc_found += bool(found)
            for field, tag in (
                ("fatalities", "FATAL"),
                ("injured", "INJURED"),
                ("event_type", "TYPE"),
                ("date", "DATE"),
            ):
                if found and inc.get(field) is not None:
                    counts[field][1] += 1
                    ok = any(i.get(field) == inc[field] for i in found)
                    counts[field][0] += ok
                    if errors and not ok:
                        got = [(i["place"], i.get(field), i["sentence"][:90]) for i in found]
                        print(f"  {tag} {rec['id']}: {inc['place']!r} gold={inc[field]} pred={got}")
    p, r, f = prf(tp, fp, fn)
    rp, rr, rf = prf(role_tp, role_fp, role_fn)
    hp, hr, hf = prf(hyp_tp, hyp_fp, hyp_fn)
    return {
        "reports": len(records),
        "gold_mentions": tp + fn,
        "mention_precision": p,
        "mention_recall": r,
        "mention_f1": f,
        "settlements_scored": len(dists),
        "acc_161km": sum(d <= 161 for d in dists) / len(dists) if dists else float("nan"),
        "median_error_km": statistics.median(dists) if dists else float("nan"),
        "zone_accuracy_incidents": zone_ok / zone_n if zone_n else float("nan"),
        "incident_role_precision": rp,
        "incident_role_recall": rr,
        "incident_role_f1": rf,
        "hypothetical_precision": hp,
        "hypothetical_recall": hr,
        "incident_places_found": inc_found / inc_n if inc_n else float("nan"),
        **{f"{k}_exact": ok / n if n else float("nan") for k, (ok, n) in counts.items()},
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="all", choices=["dev", "heldout", "all"])
    ap.add_argument("--errors", action="store_true", help="print every error (dev work only)")
    args = ap.parse_args()
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    ex = gx.make_extractor()
    splits = ["dev", "heldout"] if args.split == "all" else [args.split]
    rows = {}
    for split in splits:
        recs = [r for r in records if r["split"] == split]
        reps = [Report(r["id"], r["text"], date=r["date"], source=r["source"]) for r in recs]
        results = gx.extract(reps, extractor=ex)
        rows[split] = evaluate(recs, results, errors=args.errors)
    keys = list(next(iter(rows.values())))
    print(f"{'metric':28s}" + "".join(f"{s:>12s}" for s in rows))
    for k in keys:
        vals = [rows[s][k] for s in rows]
        print(f"{k:28s}" + "".join(f"{v:12.3f}" if isinstance(v, float) else f"{v:12d}" for v in vals))


if __name__ == "__main__":
    main()
