"""Shared fixtures: the embedded theatre, an output folder, the CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
OUTPUT = Path(__file__).resolve().parent / "output"


@pytest.fixture(scope="session")
def theatre():
    import geo

    return geo.load_theatre()


@pytest.fixture(scope="session")
def output_dir() -> Path:
    """tests/output/: screenshots and generated files kept for a human to look at."""
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the real ``conflictmap`` entry point in a subprocess."""
    env = dict(os.environ, PYTHONWARNINGS="default")
    return subprocess.run(
        [sys.executable, "-m", "geo.cli", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd or ROOT,
        env=env,
        timeout=300,
    )
