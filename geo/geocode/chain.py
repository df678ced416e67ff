"""The geocoder chain (offline first, online second) and :func:`resolve_all` for a batch of names.

::

    online = online_geocoder_from_args(args, theatre=theatre)   # None for --geocoder offline
    chain = ChainGeocoder(gazetteer, online, theatre=theatre)
    resolutions = resolve_all(chain, queries)                    # {Query: Resolution}, every query

The online step is asked only for names the offline step does not resolve, at most once per
name in a run (and, behind :class:`geo.geocode.cache.CachedGeocoder`, once per cache lifetime).
Its hits are checked against the theatre (:mod:`geo.geocode.theatre_check`). A service failure
never stops the batch: the name stays unresolved, with the failure as its reason.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from geo.errors import GeocoderError
from geo.geocode.base import Geocoder, Location, Query, Resolution
from geo.geocode.progress import Progress
from geo.geocode.theatre_check import TheatreBias, check_location, theatre_bias

if TYPE_CHECKING:
    from geo.theatre import Theatre


def _merge_stats(*parts: dict[str, int]) -> dict[str, int]:
    out: dict[str, int] = {}
    for part in parts:
        for key, value in part.items():
            out[key] = out.get(key, 0) + value
    return out


class ChainGeocoder(Geocoder):
    """The offline geocoder first; for what it does not resolve, the online one.

    Parameters
    ----------
    offline
        Any geocoder that needs no network (the gazetteer). Its :meth:`~Geocoder.resolve` gets the
        whole :class:`Query`, so it may use the hint and the evidence.
    online
        The online step (see :func:`geo.geocode.options.online_geocoder_from_args`), or ``None``
        for offline only.
    theatre
        Online hits are checked against it (:func:`geo.geocode.theatre_check.check_location`);
        ``None`` keeps every hit.
    check_offline
        Check the offline step's hits against the theatre too.

    Notes
    -----
    :meth:`resolve` never raises for a service failure: the failure becomes the reason, and
    the count of such failures is ``stats()["failed"]``. :meth:`geocode` (the plain interface)
    raises it instead.
    """

    def __init__(
        self, offline: Geocoder, online: Geocoder | None, *, theatre: Theatre | None, check_offline: bool = False
    ) -> None:
        self.offline = offline
        self.online = online
        self.theatre = theatre
        self.check_offline = check_offline
        self.name = offline.name if online is None else f"{offline.name}+{online.name}"
        self._bias: TheatreBias | None = None
        self._online_answers: dict[str, Location | None] = {}
        self._failed = 0

    @property
    def bias(self) -> TheatreBias | None:
        """The theatre's countries and window (computed once), or None without a theatre."""
        if self._bias is None and self.theatre is not None:
            self._bias = theatre_bias(self.theatre)
        return self._bias

    def _check(self, location: Location, query: Query) -> Resolution:
        if self.theatre is None:
            return Resolution(query, location)
        return check_location(location, query, theatre=self.theatre, bias=self.bias)

    def _resolve(self, query: Query, *, raise_errors: bool) -> Resolution:
        first = self.offline.resolve(query)
        if first.location is not None:
            return self._check(first.location, query) if self.check_offline else first
        if self.online is None:
            return first
        bare = first.reason in (None, f"not found by {self.offline.name}")
        offline_note = "" if bare else f" (offline: {first.reason})"
        try:
            if query.text in self._online_answers:
                location = self._online_answers[query.text]
            else:
                location = self.online.geocode(query.text)
                self._online_answers[query.text] = location
        except GeocoderError as exc:
            self._failed += 1
            if raise_errors:
                raise
            return Resolution(query, None, f"{exc}{offline_note}")
        if location is None:
            names = self.offline.name if bare else ""
            reason = f"not found by {names + ' or ' if names else ''}{self.online.name}{offline_note}"
            return Resolution(query, None, reason)
        judged = self._check(location, query)
        if judged.location is None:
            return Resolution(query, None, f"{judged.reason}{offline_note}")
        return judged

    def resolve(self, query: Query) -> Resolution:
        """The offline answer, else the online one checked against the theatre, else the reason.

        Never raises :class:`geo.errors.GeocoderError`: an online failure becomes the reason.
        """
        return self._resolve(query, raise_errors=False)

    def geocode(self, query: str) -> Location | None:
        """:meth:`resolve` for a bare name, raising online failures."""
        return self._resolve(Query(query), raise_errors=True).location

    def stats(self) -> dict[str, int]:
        """The offline and online counters, summed, plus ``failed`` (queries whose online step failed)."""
        parts = [self.offline.stats()]
        if self.online is not None:
            parts.append(self.online.stats())
        return _merge_stats(*parts, {"failed": self._failed})

    def __repr__(self) -> str:
        return f"ChainGeocoder({self.offline!r}, {self.online!r})"


def resolve_all(
    chain_or_geocoder: Geocoder,
    queries: Sequence[Query],
    *,
    progress: bool | None = None,
    stream: TextIO | None = None,
    progress_every: int = 25,
) -> dict[Query, Resolution]:
    """Resolve every query, each distinct one once, reporting progress.

    Parameters
    ----------
    chain_or_geocoder
        Usually a :class:`ChainGeocoder`; any :class:`~geo.geocode.base.Geocoder` works.
    queries
        The names to resolve, with their evidence; repeats are resolved once.
    progress
        ``True``: report; ``False``: never; ``None`` (default): report when an online service is
        involved (the geocoder's ``stats()`` count ``requests``). On a terminal
        (``stream.isatty()``) the report is one bar rewritten in place; otherwise a plain line
        every ``progress_every`` names and one at the end.
    stream
        Where progress goes (default ``sys.stderr``).
    progress_every
        Names between two plain progress lines.

    Returns
    -------
    dict
        ``{query: Resolution}`` for every distinct query, in first-seen order. A service failure
        never raises: it is the Resolution's reason, and the names resolved before it are kept.
    """
    unique = list(dict.fromkeys(queries))
    out: dict[Query, Resolution] = {}
    out_stream = stream if stream is not None else sys.stderr
    stats = chain_or_geocoder.stats()
    show = progress if progress is not None else "requests" in stats
    reporter: Progress | None = None
    if show and unique:
        tty = bool(getattr(out_stream, "isatty", lambda: False)())
        reporter = Progress(len(unique), stream=out_stream, bar=tty, every=progress_every)
    resolved = caught = 0

    def failed_now(s: dict[str, int]) -> int:
        return caught + s.get("failed", 0)

    try:
        for i, query in enumerate(unique, 1):
            try:
                result = chain_or_geocoder.resolve(query)
            except GeocoderError as exc:
                caught += 1
                result = Resolution(query, None, str(exc))
            out[query] = result
            resolved += result.location is not None
            if reporter is not None:
                s = chain_or_geocoder.stats()
                reporter.update(i, resolved, failed_now(s), s)
    finally:
        if reporter is not None:
            s = chain_or_geocoder.stats()
            reporter.update(len(out), resolved, failed_now(s), s, final=True)
    return out
