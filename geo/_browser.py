"""How conflictmap starts headless Chromium (the browser tests and the map benchmark).

Debian's ``chromium`` at ``/usr/bin/chromium``, driven by Playwright; the flags keep it from
reaching for the network on its own (this machine's network is closed).
"""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
)
