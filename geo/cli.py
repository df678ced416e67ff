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

    return ap


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
