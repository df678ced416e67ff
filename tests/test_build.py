"""The compiled report-reading core: built from the current sources, and the same as plain Python.

``setup.py`` compiles the modules in its ``COMPILED`` list with mypyc (unless the install was made
with ``CONFLICTMAP_PURE=1``); Python imports a compiled module in preference to its source, so a
source edited after the build would otherwise go untested.
"""

from __future__ import annotations

import ast
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PURE = os.environ.get("CONFLICTMAP_PURE", "") not in ("", "0")


def compiled_names() -> list[str]:
    """The module names of setup.py's COMPILED list ("geo/events.py" -> "geo.events")."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    (paths,) = [
        ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "COMPILED" for t in node.targets)
    ]
    return [p[: -len(".py")].replace("/", ".") for p in paths]


def test_compiled_list_names_modules_of_the_package():
    from geo import _compiled

    names = compiled_names()
    assert names and tuple(names) == _compiled.CORE
    for n in names:
        assert (ROOT / (n.replace(".", "/") + ".py")).is_file(), n


@pytest.mark.skipif(not PURE, reason="installed compiled")
def test_a_plain_python_install_runs_no_compiled_module():
    """With CONFLICTMAP_PURE=1, a compiled module left by an earlier build would be imported
    in preference to its source, and the tests would run the old build."""
    from geo import _compiled

    assert _compiled.compiled() == [], "compiled modules are left from an earlier build: run 'make clean'"


@pytest.mark.skipif(PURE, reason="installed as plain Python (CONFLICTMAP_PURE=1)")
def test_core_is_compiled_from_the_current_sources():
    for name in compiled_names():
        mod = importlib.import_module(name)
        built = Path(mod.__file__)
        assert built.suffix == ".so", f"{name} runs as plain Python: run 'make setup' (or set CONFLICTMAP_PURE=1)"
        source = built.with_name(name.rsplit(".", 1)[1] + ".py")
        assert built.stat().st_mtime >= source.stat().st_mtime, (
            f"{source.relative_to(ROOT)} changed after it was compiled: run 'make setup'"
        )


#: runs extraction over the corpus with the compiled modules' sources (plain Python), prints JSON
_PURE_RUN = """
import json, sys
from geo import _compiled
_compiled.prefer_sources()
import geo.extraction as gx
from geo.reports import read_reports
assert _compiled.compiled() == [], _compiled.compiled()
res = gx.extract(read_reports([f"{sys.argv[1]}/data/reports", f"{sys.argv[1]}/data/corpus/reports.jsonl"]))
print(json.dumps(res, default=str, sort_keys=True, ensure_ascii=False))
"""


@pytest.mark.skipif(PURE, reason="installed as plain Python (CONFLICTMAP_PURE=1)")
def test_compiled_core_gives_the_same_output_as_plain_python():
    import geo.extraction as gx
    from geo import _compiled
    from geo.reports import read_reports

    names = compiled_names()
    assert _compiled.compiled() == names
    res = gx.extract(read_reports([ROOT / "data" / "reports", ROOT / "data" / "corpus" / "reports.jsonl"]))
    compiled = json.dumps(res, default=str, sort_keys=True, ensure_ascii=False)
    run = subprocess.run(
        [sys.executable, "-c", _PURE_RUN, str(ROOT)],
        capture_output=True,
        text=True,
        check=True,
    )
    pure = run.stdout.strip()
    assert len(res) > 70 and sum(len(r["incidents"]) for r in res) > 200
    assert pure == compiled
