"""Progress of a long geocoding run: a bar on a terminal, plain lines elsewhere.

On a terminal the bar is one line rewritten in place (``\\r``); in a log file or a pipe each
report is one plain line, every ``every`` names and at the end. Both show names done, names
resolved, cache hits, requests, failures and the estimated time left.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import TextIO

BAR_WIDTH = 20
#: seconds between two redraws of the terminal bar
REDRAW_S = 0.1


def format_duration(seconds: float) -> str:
    """``"42 s"``, ``"3:05"`` or ``"1:02:03"``."""
    s = max(0, int(round(seconds)))
    if s < 60:
        return f"{s} s"
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


class Progress:
    """Reports a run of ``total`` names to ``stream``.

    Parameters
    ----------
    total
        Names to resolve.
    stream
        Where to write (usually ``sys.stderr``).
    bar
        Draw a bar rewritten in place (for terminals) instead of plain lines.
    every
        Plain-line mode: one line every this many names (and one at the end).
    label
        The first word of each report.
    clock
        Monotonic seconds (default :func:`time.monotonic`).
    """

    def __init__(
        self,
        total: int,
        *,
        stream: TextIO,
        bar: bool,
        every: int = 25,
        label: str = "geocoding",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = total
        self.stream = stream
        self.bar = bar
        self.every = max(1, int(every))
        self.label = label
        self._clock = clock
        self._start = clock()
        self._last_draw = -1.0
        self._width = 0

    def _text(self, done: int, resolved: int, failed: int, stats: Mapping[str, int], *, final: bool) -> str:
        parts = [f"{done}/{self.total} names", f"{resolved} resolved"]
        if "cache_hits" in stats:
            parts.append(f"{stats['cache_hits']} cache hits")
        if "requests" in stats:
            parts.append(f"{stats['requests']} requests")
        parts.append(f"{failed} failed")
        elapsed = self._clock() - self._start
        if final:
            parts.append(f"done in {format_duration(elapsed)}")
        elif done:
            parts.append(f"about {format_duration(elapsed / done * (self.total - done))} left")
        return ", ".join(parts)

    def update(self, done: int, resolved: int, failed: int, stats: Mapping[str, int], *, final: bool = False) -> None:
        """Report ``done`` names so far (``final``: the run is over)."""
        if self.bar:
            now = self._clock()
            if not final and done < self.total and now - self._last_draw < REDRAW_S:
                return
            self._last_draw = now
            filled = int(BAR_WIDTH * done / self.total) if self.total else BAR_WIDTH
            line = f"{self.label} [{'#' * filled}{'-' * (BAR_WIDTH - filled)}] " + self._text(
                done, resolved, failed, stats, final=final
            )
            pad = " " * max(0, self._width - len(line))
            self._width = len(line)
            self.stream.write("\r" + line + pad + ("\n" if final else ""))
            self.stream.flush()
        elif final or (done and done % self.every == 0 and done < self.total):
            self.stream.write(f"{self.label}: {self._text(done, resolved, failed, stats, final=final)}\n")
            self.stream.flush()
