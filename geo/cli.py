"""The ``conflictmap`` command line: a thin layer over the library's functions.

Only this module catches broad exceptions: every error reaches the user as one line.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Callable, Sequence

import pandas as pd

from geo.errors import GeoError, InputError

Handler = Callable[[argparse.Namespace], int]
_COMMANDS: dict[str, Handler] = {}


def _command(name: str) -> Callable[[Handler], Handler]:
    def deco(fn: Handler) -> Handler:
        _COMMANDS[name] = fn
        return fn

    return deco


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="conflictmap",
        description="Find the places conflict reports name, classify incidents by jurisdiction, and map them.",
    )
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    c = sub.add_parser("classify", help="classify an incident table by zone")
    c.add_argument("input", help="CSV/TSV, Parquet/GeoParquet, GeoJSON or GeoPackage (- for CSV on stdin)")
    c.add_argument("--out", default="-", help="output table; the format comes from the suffix (default: CSV to stdout)")
    c.add_argument(
        "--theatre", default=None, help="embedded theatre name or a zones file/directory (default: karabakh)"
    )
    c.add_argument("--lat", default=None, help="latitude column (default: lat or latitude)")
    c.add_argument("--lon", default=None, help="longitude column (default: lon or longitude)")
    c.add_argument("--overwrite", action="store_true", help="replace input columns named like output columns")
    c.add_argument("--no-boundary", action="store_true", help="skip boundary_km (faster)")

    z = sub.add_parser("zones", help="export the theatre's zone polygons")
    z.add_argument("--out", required=True, help="GeoJSON, GeoPackage, GeoParquet or CSV (WKT) file")
    z.add_argument("--theatre", default=None)

    e = sub.add_parser("extract", help="find the places reports name, their roles, zones and incidents")
    e.add_argument(
        "inputs", nargs="+", metavar="INPUT", help=".txt/.md (front matter allowed), .jsonl/.json, a directory, or -"
    )
    e.add_argument("--date", default=None, help="date (YYYY-MM-DD) for reports that carry none")
    e.add_argument(
        "--format", default=None, choices=["json", "jsonl", "csv", "geojson"], help="default: from --out, else json"
    )
    e.add_argument("--out", default="-", help="output file (default: standard output)")
    e.add_argument("--theatre", default=None)
    _geocoder_arguments(e)

    mp = sub.add_parser("map", help="draw incidents as an interactive HTML map or a PNG/SVG image")
    mp.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="incident tables (CSV/TSV, Parquet, GeoJSON, GeoPackage; - for CSV on stdin) "
        "or reports (.txt/.md/.jsonl/.json, directories)",
    )
    mp.add_argument("--out", required=True, help="output map: .html (self-contained, offline), .png or .svg")
    mp.add_argument("--theatre", default=None, help="embedded theatre name or a zones file/directory")
    mp.add_argument(
        "--tiles", default=None, help="HTML only: add an online tile layer (xyzservices name, e.g. OpenStreetMap)"
    )
    mp.add_argument("--title", default=None, help="map title (default: the theatre's title)")
    r = sub.add_parser("run", help="the main job: read reports, extract, classify, write maps and tables")
    r.add_argument("inputs", nargs="+", metavar="REPORTS", help="report files or directories (- for stdin)")
    r.add_argument("--out-dir", default="maps", help="where to write (default: maps/)")
    r.add_argument("--name", default="incidents", help="base name of the files written (default: incidents)")
    r.add_argument("--date", default=None, help="date for reports that carry none")
    r.add_argument("--theatre", default=None)
    r.add_argument("--tiles", default=None, help="add an online tile layer to the HTML map (xyzservices name)")
    r.add_argument("--title", default=None)
    _geocoder_arguments(r)
    return ap


def _geocoder_arguments(parser: argparse.ArgumentParser) -> None:
    from geo.geocode.options import add_geocoder_arguments

    add_geocoder_arguments(parser)


def _online(args: argparse.Namespace, theatre):
    """The geocoder chain for names the gazetteer lacks, or None when offline (the default)."""
    from geo.geocode.chain import ChainGeocoder
    from geo.geocode.gazetteer import GazetteerGeocoder
    from geo.geocode.options import online_geocoder_from_args

    online = online_geocoder_from_args(args, theatre=theatre)
    return None if online is None else ChainGeocoder(GazetteerGeocoder(), online, theatre=theatre)


@_command("classify")
def _classify(args: argparse.Namespace) -> int:
    from geo.io import read_table, write_table
    from geo.jurisdiction import classify, summarise

    frame = read_table(args.input)
    try:
        out = classify(
            frame,
            theatre=args.theatre,
            lat=args.lat,
            lon=args.lon,
            overwrite=args.overwrite,
            boundary=not args.no_boundary,
        )
    except InputError as exc:
        raise exc.at(args.input) from None
    write_table(out, args.out)
    if args.out != "-":
        print(f"{len(out)} rows classified -> {args.out}")
        print(format_table(summarise(out)))
    return 0


@_command("zones")
def _zones(args: argparse.Namespace) -> int:
    from geo.io import write_table
    from geo.theatre import export_zones, load_theatre

    z = export_zones(load_theatre(args.theatre))
    write_table(z, args.out)
    print(f"{len(z)} zones -> {args.out}")
    return 0


_REPORT_SUFFIXES = (".txt", ".md", ".jsonl", ".json")


def _is_report_input(path: str) -> bool:
    """Reports: directories, .txt/.md/.jsonl, and .json that is not GeoJSON."""
    import os

    if path == "-":
        return False
    if os.path.isdir(path):
        return True
    suffix = os.path.splitext(path)[1].lower()
    if suffix != ".json":
        return suffix in _REPORT_SUFFIXES
    try:
        with open(path, encoding="utf-8-sig") as fh:
            head = fh.read(4096)
    except (OSError, UnicodeDecodeError):
        return False
    return '"FeatureCollection"' not in head and '"Feature"' not in head


@_command("map")
def _map(args: argparse.Namespace) -> int:
    import os

    from geo._mapdata import combine
    from geo.formats import read_incidents
    from geo.jurisdiction import classify
    from geo.theatre import load_theatre

    suffix = os.path.splitext(args.out)[1].lower()
    if suffix not in (".html", ".htm", ".png", ".svg"):
        raise InputError(f"unknown map format {suffix or '(no suffix)'}; use .html, .png or .svg", path=args.out)
    theatre = load_theatre(args.theatre)
    frames, reports = [], [p for p in args.inputs if _is_report_input(p)]
    for path in args.inputs:
        if path in reports:
            continue
        frame = read_incidents(path)  # ACLED and UCDP GED exports are normalised to the incidents schema
        try:
            frames.append(frame if "zone" in frame.columns else classify(frame, theatre=theatre))
        except InputError as exc:
            raise exc.at(path) from None
    if reports:
        try:
            from geo.extraction import extract_incidents
        except (ImportError, AttributeError):
            raise InputError("reading reports needs geo.extraction", path=reports[0]) from None
        frames.append(extract_incidents(reports, theatre=theatre))
    incidents = combine(frames)
    if suffix in (".png", ".svg"):
        from geo.render_static import save_static, static_map

        if args.tiles:
            print("conflictmap: warning: --tiles applies to HTML maps only; ignored", file=sys.stderr)
        fig, _ax = static_map(incidents, theatre=theatre, title=args.title)
        save_static(fig, args.out)
    else:
        from geo.render_html import incident_map, save_html

        save_html(incident_map(incidents, theatre=theatre, tiles=args.tiles, title=args.title), args.out)
    spill = int(incidents["spillover"].astype("boolean").fillna(False).sum()) if "spillover" in incidents else 0
    print(f"{len(incidents)} incidents ({spill} spillover) -> {args.out}")
    return 0


@_command("extract")
def _extract(args: argparse.Namespace) -> int:
    from geo.extraction import extract, make_extractor
    from geo.reports import read_reports
    from geo.theatre import load_theatre
    from geo.write_extract import write_extract

    theatre = load_theatre(args.theatre)
    ex = make_extractor(theatre=theatre, online=_online(args, theatre))
    results = extract(read_reports(args.inputs, date=args.date), extractor=ex)
    fmt = args.format or _extract_format(args.out)
    write_extract(results, args.out, fmt=fmt, theatre=theatre)
    bad = [r for r in results if r["problem"]]
    for r in bad:
        where = r["path"] or r["id"]
        print(
            f"conflictmap: warning: {where}{':' + str(r.get('line')) if r.get('line') else ''}: {r['problem']}",
            file=sys.stderr,
        )
    if args.out != "-":
        n_inc = sum(len(r["incidents"]) for r in results)
        n_m = sum(len(r["mentions"]) for r in results)
        print(f"{len(results)} reports, {n_m} mentions, {n_inc} incidents -> {args.out}")
    return 0


@_command("run")
def _run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from geo.extraction import extract, incidents_frame, make_extractor
    from geo.io import write_table
    from geo.jurisdiction import summarise
    from geo.reports import read_reports
    from geo.theatre import load_theatre
    from geo.write_extract import write_extract

    theatre = load_theatre(args.theatre)
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ex = make_extractor(theatre=theatre, online=_online(args, theatre))
    results = extract(read_reports(args.inputs, date=args.date), extractor=ex)
    incidents = incidents_frame(results, theatre=theatre)
    base = out / args.name
    write_extract(results, f"{base}_extract.json", fmt="json", theatre=theatre)
    write_table(incidents.drop(columns="geometry"), f"{base}.csv")
    write_table(incidents, f"{base}.geojson")
    from geo.render_html import incident_map, save_html
    from geo.render_static import save_static, static_map

    title = args.title or theatre.meta.get("title")
    save_html(incident_map(incidents, theatre=theatre, tiles=args.tiles, title=title), f"{base}.html")
    fig, _ax = static_map(incidents, theatre=theatre, title=title)
    save_static(fig, f"{base}.png")
    for r in results:
        if r["problem"]:
            print(f"conflictmap: warning: {r['path'] or r['id']}: {r['problem']}", file=sys.stderr)
    n_m = sum(len(r["mentions"]) for r in results)
    print(f"{len(results)} reports, {n_m} place mentions, {len(incidents)} incidents")
    shown = incidents[["date", "place", "event_type", "fatalities", "zone", "spillover"]].copy()
    shown["place"] = shown["place"].str.slice(0, 28)
    print(format_table(shown.sort_values(["date", "place"]).reset_index(drop=True)))
    print()
    print(format_table(summarise(incidents)))
    print(f"wrote {base}.html, {base}.png, {base}.csv, {base}.geojson, {base}_extract.json")
    return 0


def _extract_format(out: str) -> str:
    suffix = out.rsplit(".", 1)[-1].lower() if "." in out else ""
    return {"jsonl": "jsonl", "ndjson": "jsonl", "csv": "csv", "geojson": "geojson"}.get(suffix, "json")


def format_table(frame: pd.DataFrame) -> str:
    """A plain-text table for terminals."""
    return frame.to_string()


def _warn_line(
    message: Warning | str, category: type[Warning], filename: str, lineno: int, file=None, line=None
) -> None:
    print(f"conflictmap: warning: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``conflictmap`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    old = warnings.showwarning
    warnings.showwarning = _warn_line
    try:
        return _COMMANDS[args.command](args)
    except GeoError as exc:
        print(f"conflictmap: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("conflictmap: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the one broad catch: keep the user's terminal free of tracebacks
        msg = str(exc).splitlines()[0] if str(exc) else ""
        print(f"conflictmap: error: {type(exc).__name__}: {msg}", file=sys.stderr)
        return 1
    finally:
        warnings.showwarning = old


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
