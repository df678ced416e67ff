"""A persistent geocoding cache in SQLite, shared safely between processes.

A row is keyed by (service, normalised query, options JSON) and holds the service's answer:
a :class:`~geo.geocode.base.Location`, or a negative result ("the service knows no such
place"), with the time it was stored and the time it expires. Negative results expire sooner
(default 30 days) than positive ones (default 365 days), so a place added to OpenStreetMap is
found eventually. Failures (timeouts, HTTP errors) are never stored.

Several processes may use one file at once: the database is in WAL mode (readers never block
the writer), waits up to ``busy_timeout_s`` for a lock instead of failing with "database is
locked", and writes one ``INSERT OR REPLACE`` per transaction. Nothing is opened at import
time; the file is opened on first use (and again in a forked child).
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geo.errors import InputError
from geo.geocode._geopy import jsonable
from geo.geocode.base import Geocoder, Location

DAY_S = 86_400.0
#: default lifetime of a found place, seconds
POSITIVE_TTL_S = 365 * DAY_S
#: default lifetime of a "not found", seconds
NEGATIVE_TTL_S = 30 * DAY_S
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS geocode_cache (
    service   TEXT NOT NULL,
    query     TEXT NOT NULL,
    options   TEXT NOT NULL,
    found     INTEGER NOT NULL,
    location  TEXT,
    created_s REAL NOT NULL,
    expires_s REAL NOT NULL,
    PRIMARY KEY (service, query, options)
) WITHOUT ROWID
"""


def default_cache_path(environ: Mapping[str, str] | None = None) -> Path:
    """``$XDG_CACHE_HOME/conflictmap/geocode.sqlite`` (``~/.cache/conflictmap/geocode.sqlite``)."""
    env = os.environ if environ is None else environ
    base = env.get("XDG_CACHE_HOME") or ""
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
    return root / "conflictmap" / "geocode.sqlite"


def normalise_query(text: str) -> str:
    """The cache's form of a query: Unicode NFC, case-folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def options_json(options: Mapping[str, Any]) -> str:
    """Canonical JSON of a backend's options (sorted keys, no spaces)."""
    return json.dumps(jsonable(options), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _location_to_json(location: Location) -> str:
    return json.dumps(
        {
            "name": location.name,
            "lat": location.lat,
            "lon": location.lon,
            "source": location.source,
            "id": location.id,
            "kind": location.kind,
            "country": location.country,
            "raw": jsonable(location.raw),
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _location_from_json(text: str) -> Location:
    d = json.loads(text)
    return Location(
        name=d["name"],
        lat=float(d["lat"]),
        lon=float(d["lon"]),
        source=d["source"],
        id=d.get("id"),
        kind=d.get("kind"),
        country=d.get("country"),
        raw=d.get("raw") or {},
    )


@dataclass(frozen=True)
class CacheEntry:
    """One cached answer: ``location`` is ``None`` for a negative result. Times are Unix seconds."""

    location: Location | None
    created_s: float
    expires_s: float


class GeocodeCache:
    """A SQLite file of geocoding answers.

    Parameters
    ----------
    path
        The database file (created with its folder if missing); see :func:`default_cache_path`.
    positive_ttl_s
        Seconds a found place stays valid.
    negative_ttl_s
        Seconds a "not found" stays valid.
    busy_timeout_s
        Seconds to wait for another process's lock before failing.
    clock
        Current Unix time in seconds (default :func:`time.time`); injectable for tests.

    Notes
    -----
    An entry is valid until the expiry stored with it, and never longer than the current TTL
    from its creation, so shortening a TTL takes effect on old entries too.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        positive_ttl_s: float = POSITIVE_TTL_S,
        negative_ttl_s: float = NEGATIVE_TTL_S,
        busy_timeout_s: float = 30.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = Path(path).expanduser()
        self.positive_ttl_s = float(positive_ttl_s)
        self.negative_ttl_s = float(negative_ttl_s)
        self.busy_timeout_s = float(busy_timeout_s)
        self._clock = clock
        self._conn: sqlite3.Connection | None = None
        self._pid: int | None = None
        self._lock = threading.Lock()

    # -- connection ----------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        if self._conn is not None and self._pid == os.getpid():
            return self._conn
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"cannot create the cache folder ({exc.strerror})", path=str(self.path.parent)) from None
        try:
            conn = sqlite3.connect(
                self.path, timeout=self.busy_timeout_s, isolation_level=None, check_same_thread=False
            )
            conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout_s * 1000)}")
            self._retry_locked(lambda: conn.execute("PRAGMA journal_mode = WAL"))
            conn.execute("PRAGMA synchronous = NORMAL")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, SCHEMA_VERSION):
                raise InputError(f"geocode cache schema {version} is not {SCHEMA_VERSION}", path=str(self.path))
            if version == 0:
                self._retry_locked(lambda: self._create(conn))
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        self._conn, self._pid = conn, os.getpid()
        return conn

    def _error(self, exc: sqlite3.Error) -> InputError:
        """The one-line error for a database failure."""
        if "locked" in str(exc) or "busy" in str(exc):
            return InputError(
                f"geocode cache locked by another process for more than {self.busy_timeout_s:g} s", path=str(self.path)
            )
        return InputError(f"not a usable geocode cache ({exc})", path=str(self.path))

    def _run(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        """Execute one statement (its own transaction), retrying locks, as an InputError on failure."""
        with self._lock:
            conn = self._connect()
            try:
                return self._retry_locked(lambda: conn.execute(sql, params))
            except sqlite3.Error as exc:
                raise self._error(exc) from None

    @staticmethod
    def _create(conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(_SCHEMA)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _retry_locked(self, fn: Callable[[], Any]) -> Any:
        """Run ``fn``, retrying "database is locked" until ``busy_timeout_s`` has passed.

        SQLite's busy handler does not cover every case (switching to WAL, a lock upgrade in a
        read transaction), so the few statements that can hit those retry here.
        """
        deadline = time.monotonic() + self.busy_timeout_s
        delay = 0.005
        while True:
            try:
                return fn()
            except sqlite3.OperationalError as exc:
                transient = "locked" in str(exc) or "busy" in str(exc)
                if not transient or time.monotonic() > deadline:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 0.2)

    def close(self) -> None:
        """Close this process's connection (it reopens on next use)."""
        with self._lock:
            if self._conn is not None and self._pid == os.getpid():
                self._conn.close()
            self._conn = None

    def __enter__(self) -> GeocodeCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading and writing -------------------------------------------------------------
    def get(self, service: str, query: str, options: Mapping[str, Any]) -> CacheEntry | None:
        """The valid entry for (service, query, options), or ``None`` if absent or expired."""
        key = (service, normalise_query(query), options_json(options))
        row = self._run(
            "SELECT found, location, created_s, expires_s FROM geocode_cache"
            " WHERE service = ? AND query = ? AND options = ?",
            key,
        ).fetchone()
        if row is None:
            return None
        found, text, created_s, expires_s = row
        ttl = self.positive_ttl_s if found else self.negative_ttl_s
        now = self._clock()
        if now >= expires_s or now >= created_s + ttl:
            return None
        try:
            location = _location_from_json(text) if found else None
        except (ValueError, KeyError, TypeError):
            return None  # an unreadable row is a miss; the next put replaces it
        return CacheEntry(location, created_s, expires_s)

    def put(self, service: str, query: str, options: Mapping[str, Any], location: Location | None) -> None:
        """Store an answer (``None``: not found) for (service, query, options), replacing any older one."""
        now = self._clock()
        ttl = self.positive_ttl_s if location is not None else self.negative_ttl_s
        row = (
            service,
            normalise_query(query),
            options_json(options),
            int(location is not None),
            _location_to_json(location) if location is not None else None,
            now,
            now + ttl,
        )
        self._run(
            "INSERT OR REPLACE INTO geocode_cache"
            " (service, query, options, found, location, created_s, expires_s) VALUES (?, ?, ?, ?, ?, ?, ?)",
            row,
        )

    def purge_expired(self) -> int:
        """Delete the entries that have expired; returns how many."""
        now = self._clock()
        cur = self._run(
            "DELETE FROM geocode_cache WHERE expires_s <= ?"
            " OR (found = 1 AND created_s + ? <= ?) OR (found = 0 AND created_s + ? <= ?)",
            (now, self.positive_ttl_s, now, self.negative_ttl_s, now),
        )
        return cur.rowcount

    def __len__(self) -> int:
        """Number of stored entries, expired ones included."""
        return int(self._run("SELECT count(*) FROM geocode_cache").fetchone()[0])

    def __repr__(self) -> str:
        return f"GeocodeCache({str(self.path)!r})"


class CachedGeocoder(Geocoder):
    """``inner`` behind a :class:`GeocodeCache`: each (service, query, options) is asked once.

    Parameters
    ----------
    inner
        The geocoder to ask on a miss (usually retrying and rate-limited, so cache hits neither
        wait nor count against the service's limit).
    cache
        The cache to read and fill.
    service
        The cache key's service name (default ``inner.name``).

    Notes
    -----
    Found places and "not found" are stored; failures are not (they raise, as from ``inner``).
    The options in the key are ``inner.cache_options()`` (service URL, country codes, view box...),
    so a different configuration never reads another's answers.
    """

    def __init__(self, inner: Geocoder, cache: GeocodeCache, *, service: str | None = None) -> None:
        self.inner = inner
        self.cache = cache
        self.name = inner.name
        self.service = service or inner.name
        self.options = inner.cache_options()
        self.hits = 0
        self.misses = 0

    def geocode(self, query: str) -> Location | None:
        """The cached answer for ``query``, else ``inner``'s (then stored)."""
        entry = self.cache.get(self.service, query, self.options)
        if entry is not None:
            self.hits += 1
            return entry.location
        self.misses += 1
        location = self.inner.geocode(query)
        self.cache.put(self.service, query, self.options, location)
        return location

    def cache_options(self) -> dict[str, Any]:
        return dict(self.options)

    def stats(self) -> dict[str, int]:
        """The inner counters plus ``cache_hits`` and ``cache_misses``."""
        return {**self.inner.stats(), "cache_hits": self.hits, "cache_misses": self.misses}

    def __repr__(self) -> str:
        return f"CachedGeocoder({self.inner!r}, {self.cache!r})"
