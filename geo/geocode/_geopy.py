"""Plumbing shared by the geopy-backed geocoders (private).

* :func:`translate_geopy_error` is the one place where geopy's exceptions become
  :mod:`geo.errors` ones.
* :func:`adapter_factory` builds geopy's HTTP transport with its own retries turned off, so the
  only retries are :class:`geo.geocode.retry.RetryingGeocoder`'s and every HTTP request is counted.

The service classes themselves (:mod:`geo.geocode.geopy_service` and the per-service modules)
build on these.
"""

from __future__ import annotations

import http
import inspect
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from geo.errors import (
    GeocoderError,
    GeocoderParseError,
    GeocoderRateLimited,
    GeocoderRefused,
    GeocoderTimedOut,
    GeocoderUnavailable,
    GeoError,
    InputError,
)

#: seconds to wait for one HTTP answer unless told otherwise
DEFAULT_TIMEOUT_S = 10.0


def _http_status(exc: BaseException) -> tuple[int | None, Mapping[str, str]]:
    """The HTTP status code and headers behind a geopy error, if it came from an HTTP answer."""
    from geopy.adapters import AdapterHTTPError

    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, AdapterHTTPError):
            return cur.status_code, cur.headers or {}
        cur = cur.__cause__ or cur.__context__
    return None, {}


def _short(text: str) -> str:
    """One short line from a transport's message (the OS error if there is one)."""
    m = re.search(r"\[Errno -?\d+\] [^'\")\]]+", text)
    if m:
        return m.group(0).strip()
    line = text.splitlines()[0] if text else ""
    return line if len(line) <= 160 else line[:157] + "..."


def _status_text(code: int) -> str:
    try:
        return f"HTTP {code} {http.HTTPStatus(code).phrase}"
    except ValueError:
        return f"HTTP {code}"


def translate_geopy_error(exc: BaseException, *, service: str) -> GeoError:
    """The :mod:`geo.errors` exception for a geopy exception raised by ``service``.

    ======================================= ============================================
    geopy                                   conflictmap
    ======================================= ============================================
    HTTP 429 (``GeocoderRateLimited``)      :class:`~geo.errors.GeocoderRateLimited`
                                            (``retry_after_s`` from Retry-After)
    HTTP 5xx (geopy maps 503/504 to a       :class:`~geo.errors.GeocoderUnavailable`
    timeout; the status code decides here)
    no answer in time (``GeocoderTimedOut``) :class:`~geo.errors.GeocoderTimedOut`
    connection failed (``GeocoderUnavailable``) :class:`~geo.errors.GeocoderUnavailable`
    other HTTP 4xx, bad key, quota,         :class:`~geo.errors.GeocoderRefused`
    bad query
    unreadable answer                       :class:`~geo.errors.GeocoderParseError`
    bad configuration, unknown service      :class:`~geo.errors.InputError`
    ======================================= ============================================

    The message is one line, ``"<service>: <what happened>"``.
    """
    from geopy import exc as gexc

    code, _headers = _http_status(exc)
    detail = _short(str(exc)) or type(exc).__name__
    if isinstance(exc, gexc.GeocoderRateLimited):
        retry_after = exc.retry_after
        text = _status_text(code or 429)
        if retry_after is not None:
            text += f" (Retry-After {retry_after:g} s)"
        return GeocoderRateLimited(
            f"{service}: {text}", retry_after_s=float(retry_after) if retry_after is not None else None
        )
    if code is not None:
        if code >= 500:
            return GeocoderUnavailable(f"{service}: {_status_text(code)}")
        if code == 408:
            return GeocoderTimedOut(f"{service}: {_status_text(code)}")
        return GeocoderRefused(f"{service}: {_status_text(code)}")
    if isinstance(exc, gexc.GeocoderTimedOut):
        return GeocoderTimedOut(f"{service}: no answer in time ({detail})")
    if isinstance(exc, gexc.GeocoderUnavailable):
        return GeocoderUnavailable(f"{service}: unreachable ({detail})")
    if isinstance(exc, gexc.GeocoderParseError):
        return GeocoderParseError(f"{service}: unreadable answer ({detail})")
    if isinstance(
        exc,
        gexc.GeocoderAuthenticationFailure
        | gexc.GeocoderInsufficientPrivileges
        | gexc.GeocoderQuotaExceeded
        | gexc.GeocoderQueryError,
    ):
        return GeocoderRefused(f"{service}: refused ({detail})")
    if isinstance(exc, gexc.GeocoderNotFound):
        from geopy.geocoders import SERVICE_TO_GEOCODER

        known = ", ".join(sorted(SERVICE_TO_GEOCODER))
        return InputError(f"no geopy geocoder named {service!r} (geopy's services: {known})", field="geocoder")
    if isinstance(exc, gexc.ConfigurationError):
        return InputError(f"{service}: {detail}", field="geocoder-option")
    if isinstance(exc, gexc.GeocoderServiceError):
        # The transport raises the bare service error for failures it cannot name (SSL, proxies).
        return GeocoderUnavailable(f"{service}: {detail}")
    return GeocoderError(f"{service}: {detail}")


def adapter_factory(*, proxies: Any, ssl_context: Any) -> Any:
    """geopy's HTTP transport without hidden retries (requests when installed, else urllib)."""
    from geopy.adapters import RequestsAdapter, URLLibAdapter

    if RequestsAdapter.is_available:
        return RequestsAdapter(proxies=proxies, ssl_context=ssl_context, max_retries=0)
    return URLLibAdapter(proxies=proxies, ssl_context=ssl_context)


def parse_url(url: str) -> tuple[str, str]:
    """``(scheme, domain)`` for geopy from a service URL such as ``http://127.0.0.1:8080/nominatim``.

    geopy's ``domain`` may carry a path prefix (host, port and path, no trailing slash). A URL
    without a scheme is taken as https. Trailing endpoint names (``/search``, ``/api``) are kept:
    give the service's base URL.
    """
    text = url.strip()
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputError(f"{url!r} is not an http(s) URL", field="geocoder-url")
    if parts.query or parts.fragment:
        raise InputError(f"{url!r}: give the service's base URL, without a query", field="geocoder-url")
    domain = parts.netloc + parts.path.rstrip("/")
    return parts.scheme, domain


def _parameters(fn: Any) -> tuple[set[str], bool]:
    """Keyword parameter names of ``fn`` and whether it takes ``**kwargs``."""
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return set(), True
    names = {p.name for p in sig.parameters.values() if p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD)}
    names.discard("self")
    return names, any(p.kind is p.VAR_KEYWORD for p in sig.parameters.values())


def split_options(cls: type, options: Mapping[str, Any], *, service: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split user options into (constructor keywords, ``geocode()`` keywords) of the geopy class ``cls``.

    A key the constructor takes goes to the constructor, else a key ``geocode`` takes goes to each
    call; any other key is an :class:`~geo.errors.InputError` naming the keys that would work.
    """
    init_names, init_any = _parameters(cls.__init__)
    call_names, _ = _parameters(cls.geocode)
    call_names -= {"query", "exactly_one"}
    init: dict[str, Any] = {}
    call: dict[str, Any] = {}
    for key, value in options.items():
        if key in init_names:
            init[key] = value
        elif key in call_names:
            call[key] = value
        elif init_any:
            init[key] = value
        else:
            known = ", ".join(sorted((init_names | call_names) - {"adapter_factory", "ssl_context", "proxies"}))
            raise InputError(f"{service} takes no option {key!r} (options: {known})", field="geocoder-option")
    return init, call


def jsonable(value: Any) -> Any:
    """``value`` with every container made of JSON types (for ``Location.raw`` and cache keys)."""
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        seq = [jsonable(v) for v in value]
        return sorted(seq, key=repr) if isinstance(value, set | frozenset) else seq
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


#: option names whose values are credentials: never written into cache keys
SECRET_OPTION_WORDS = ("key", "secret", "token", "password", "username", "client_id", "auth")


def public_options(options: Mapping[str, Any]) -> dict[str, Any]:
    """``options`` without credentials (see ``SECRET_OPTION_WORDS``), made JSON-able."""
    return {k: jsonable(v) for k, v in options.items() if not any(w in k.lower() for w in SECRET_OPTION_WORDS)}


def default_user_agent() -> str:
    """``conflictmap/<version>``: names the application, not the person running it."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"conflictmap/{version('conflictmap')}"
    except PackageNotFoundError:
        return "conflictmap"


def kind_from_types(
    words: tuple[str, ...], *, settlement: set[str], district: set[str], region: set[str]
) -> str | None:
    """settlement / district / region / country from a service's type words, tried in order; None if none fits."""
    for word in words:
        if word in settlement:
            return "settlement"
        if word in district:
            return "district"
        if word in region:
            return "region"
        if word == "country":
            return "country"
    return None
