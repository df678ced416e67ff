"""Which modules of the report-reading core run compiled, and a way to run them as plain Python.

The build (``setup.py``) compiles :data:`CORE` with mypyc unless ``CONFLICTMAP_PURE=1`` is set;
Python then imports each compiled module in preference to its source. Nothing here runs at import.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
from pathlib import Path

#: the modules setup.py compiles (tests/test_build.py checks that its COMPILED list agrees)
CORE = ("geo.events", "geo.places", "geo.reading")
_PACKAGE_DIR = Path(__file__).resolve().parent


def compiled() -> list[str]:
    """The modules of :data:`CORE` that are imported from a compiled extension (imports them)."""
    return [n for n in CORE if not str(importlib.import_module(n).__file__).endswith(".py")]


class _Sources(importlib.abc.MetaPathFinder):
    """Finds the modules of :data:`CORE` as their ``.py`` sources."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> importlib.machinery.ModuleSpec | None:
        if name not in CORE:
            return None
        return importlib.util.spec_from_file_location(name, _PACKAGE_DIR / (name.split(".", 1)[1] + ".py"))


def prefer_sources() -> None:
    """Import the modules of :data:`CORE` from their sources from now on (for comparing the
    compiled and plain-Python runs; call it before any of them is imported)."""
    loaded = [n for n in CORE if n in sys.modules]
    if loaded:
        raise RuntimeError(f"already imported: {', '.join(loaded)}")
    if not any(isinstance(f, _Sources) for f in sys.meta_path):
        sys.meta_path.insert(0, _Sources())
