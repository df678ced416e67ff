"""Build conflictmap. The report-reading core (geo.events, geo.places, geo.reading) is compiled to a C
extension with mypyc, which runs it 1.2-1.3x as fast (README, Speed); the same modules run as plain
Python when ``CONFLICTMAP_PURE=1`` is set at install time (for a machine without a C compiler).
Everything else is in ``pyproject.toml``."""

from __future__ import annotations

import os

from setuptools import setup

#: the modules compiled with mypyc (their type hints are checked by mypy as part of the build); keep the
#: list on one line: the Makefile reads it to rebuild when one of them changes
COMPILED = ["geo/events.py", "geo/places.py", "geo/reading.py"]


def ext_modules() -> list:
    if os.environ.get("CONFLICTMAP_PURE", "") not in ("", "0"):
        return []
    from mypyc.build import mypycify

    # the other modules (and geopandas, numpy...) are not compiled: the compiled ones see them as untyped
    return mypycify(["--ignore-missing-imports", "--follow-imports=skip", *COMPILED], group_name="conflictmap_core")


setup(ext_modules=ext_modules())
