"""One error tree for conflictmap.

Every error derives from :class:`GeoError` and from the builtin it resembles, so callers may
catch either. Only the command line catches broad exceptions; it prints ``str(error)``, which is
always one line naming the file, line or field at fault.
"""

from __future__ import annotations


class GeoError(Exception):
    """Base of every conflictmap error."""


class InputError(GeoError, ValueError):
    """An input file, row or field cannot be used.

    Parameters
    ----------
    message
        What is wrong, in one line.
    path
        The file at fault, if any.
    line
        1-based line number in that file, if known.
    field
        The column or field at fault, if any.
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None, field: str | None = None):
        self.message, self.path, self.line, self.field = message, path, line, field
        where = path or ""
        if line is not None:
            where += f":{line}"
        if field:
            where += f" [{field}]" if where else f"[{field}]"
        super().__init__(f"{where}: {message}" if where else message)

    def at(self, path: str) -> InputError:
        """The same error, naming ``path`` if it names no file yet."""
        if self.path:
            return self
        return InputError(self.message, path=path, line=self.line, field=self.field)


class TheatreError(GeoError, ValueError):
    """A theatre (zones file or name) cannot be loaded or is inconsistent."""


class GeocoderError(GeoError):
    """A geocoding service failed (not the same as "not found", which returns None)."""


class GeocoderTimedOut(GeocoderError, TimeoutError):
    """The service did not answer in time."""


class GeocoderUnavailable(GeocoderError, ConnectionError):
    """The service could not be reached or answered with a server error (5xx)."""


class GeocoderRateLimited(GeocoderError):
    """The service answered HTTP 429; ``retry_after_s`` is its Retry-After, if given."""

    def __init__(self, message: str, *, retry_after_s: float | None = None):
        self.retry_after_s = retry_after_s
        super().__init__(message)


class GeocoderRefused(GeocoderError, PermissionError):
    """The service refused the request (authentication, quota, 4xx other than 429)."""


class GeocoderParseError(GeocoderError, ValueError):
    """The service answered with something that could not be understood."""
