"""Reading reports: ``.txt``/``.md`` (optional front matter), ``.jsonl``/``.json`` records,
directories of those, and standard input.

Nothing is lost: every report that cannot be read still comes out, as a :class:`Report` with
empty text and a ``problem`` saying why (broken JSON line N, binary file, empty report...).
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from geo.io import decode_bytes

REPORT_SUFFIXES = (".txt", ".md", ".markdown", ".jsonl", ".ndjson", ".json")
#: reports larger than this are cut (with a problem note) to keep one report from stalling a batch
MAX_REPORT_CHARS = 20_000_000
_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


@dataclass
class Report:
    """One report. ``text`` excludes any front matter; offsets in mentions index into it."""

    id: str
    text: str
    date: str | None = None
    source: str | None = None
    title: str | None = None
    path: str | None = None
    line: int | None = None
    problem: str | None = None
    meta: dict = field(default_factory=dict)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    ctrl = sum(1 for b in head if b < 9 or 13 < b < 32)
    return bool(head) and ctrl / len(head) > 0.1


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """(front-matter fields, body) of a ``.txt``/``.md`` report."""
    m = _FRONT.match(text)
    if not m:
        return {}, text.lstrip("\ufeff")
    meta = {}
    for line in m.group(1).splitlines():
        if ":" in line:
            k, v = line.split(":", 1)
            meta[k.strip().lower()] = v.strip().strip("\"'")
    return meta, text[m.end() :]


def _text_report(data: bytes, *, rid: str, path: str | None) -> Report:
    if not data.strip():
        return Report(rid, "", path=path, problem="empty report")
    if _looks_binary(data):
        return Report(rid, "", path=path, problem="binary file, not text")
    text, warn = decode_bytes(data)
    meta, body = parse_front_matter(text)
    problems = [warn] if warn else []
    if len(body) > MAX_REPORT_CHARS:
        problems.append(f"report cut to its first {MAX_REPORT_CHARS:,} characters (was {len(body):,})")
        body = body[:MAX_REPORT_CHARS]
    if not body.strip():
        problems.append("empty report")
    return Report(
        meta.get("id", rid),
        body,
        date=meta.get("date") or None,
        source=meta.get("source") or None,
        title=meta.get("title") or None,
        path=path,
        problem="; ".join(problems) or None,
        meta=meta,
    )


def _record_report(obj: object, *, rid: str, path: str | None, line: int | None) -> Report:
    if not isinstance(obj, dict):
        return Report(rid, "", path=path, line=line, problem="JSON record is not an object")
    text = obj.get("text")
    if text is None:
        text = obj.get("body") or obj.get("content")
    problem = None
    if not isinstance(text, str):
        problem = "record has no text field" if text is None else "record's text is not a string"
        text = ""
    elif not text.strip():
        problem = "empty report"
    if len(text) > MAX_REPORT_CHARS:
        problem = f"report cut to its first {MAX_REPORT_CHARS:,} characters (was {len(text):,})"
        text = text[:MAX_REPORT_CHARS]
    date = obj.get("date")
    return Report(
        str(obj.get("id") or rid),
        text,
        date=str(date) if date else None,
        source=str(obj["source"]) if obj.get("source") else None,
        title=str(obj["title"]) if obj.get("title") else None,
        path=path,
        line=line,
        problem=problem,
        meta={k: v for k, v in obj.items() if k not in ("text", "body", "content")},
    )


def _jsonl_reports(data: bytes, *, stem: str, path: str | None) -> Iterator[Report]:
    text, warn = decode_bytes(data)
    n = 0
    for i, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        n += 1
        rid = f"{stem}:{i}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Report(rid, "", path=path, line=i, problem=f"broken JSON on line {i}: {exc.msg}")
            continue
        rep = _record_report(obj, rid=rid, path=path, line=i)
        if warn:
            rep.problem = "; ".join(filter(None, [warn, rep.problem]))
        yield rep
    if n == 0:
        yield Report(stem, "", path=path, problem="empty file: no JSON lines")


def _json_reports(data: bytes, *, stem: str, path: str | None) -> Iterator[Report]:
    text, _ = decode_bytes(data)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        # maybe it is JSON lines with a .json suffix
        if "\n" in text.strip() and text.lstrip().startswith("{"):
            yield from _jsonl_reports(data, stem=stem, path=path)
            return
        yield Report(stem, "", path=path, line=exc.lineno, problem=f"broken JSON on line {exc.lineno}: {exc.msg}")
        return
    items = doc if isinstance(doc, list) else doc.get("reports", [doc]) if isinstance(doc, dict) else [doc]
    if not items:
        yield Report(stem, "", path=path, problem="empty file: no reports in JSON")
    for i, obj in enumerate(items):
        yield _record_report(obj, rid=f"{stem}:{i + 1}", path=path, line=None)


def read_report_bytes(data: bytes, *, name: str, path: str | None = None) -> list[Report]:
    """Reports from one file's bytes; ``name`` (a file name) decides the format by suffix."""
    suffix = Path(name).suffix.lower()
    stem = Path(name).stem or "stdin"
    if suffix in (".jsonl", ".ndjson"):
        return list(_jsonl_reports(data, stem=stem, path=path))
    if suffix == ".json":
        return list(_json_reports(data, stem=stem, path=path))
    return [_text_report(data, rid=stem, path=path)]


def iter_report_files(inputs: Iterable[str | os.PathLike]) -> Iterator[str]:
    """File paths from inputs: files as given, directories expanded (sorted, report suffixes only)."""
    for item in inputs:
        p = str(item)
        if p == "-":
            yield p
        elif os.path.isdir(p):
            for f in sorted(Path(p).rglob("*")):
                if (
                    f.is_file()
                    and f.suffix.lower() in REPORT_SUFFIXES
                    and not f.name.startswith(".")
                    and f.name.lower() != "readme.md"
                ):
                    yield str(f)
        else:
            yield p


def read_reports(inputs: Iterable[str | os.PathLike], *, date: str | None = None) -> list[Report]:
    """Read every report from files, directories or ``-`` (stdin: JSON lines if it starts with ``{``).

    ``date`` fills in the date of reports that carry none. A file that cannot be read at all
    (missing, unreadable) still yields one Report with its ``problem``.
    """
    out: list[Report] = []
    for p in iter_report_files(inputs):
        if p == "-":
            data = sys.stdin.buffer.read()
            name = "stdin.jsonl" if data.lstrip()[:1] in (b"{",) else "stdin.txt"
            reps = read_report_bytes(data, name=name, path="-")
        elif not os.path.exists(p):
            reps = [Report(Path(p).stem, "", path=p, problem="no such file")]
        else:
            try:
                data = Path(p).read_bytes()
            except OSError as exc:
                reps = [Report(Path(p).stem, "", path=p, problem=f"cannot read: {exc.strerror}")]
            else:
                reps = read_report_bytes(data, name=p, path=p)
        out.extend(reps)
    if date:
        for r in out:
            r.date = r.date or date
    _dedupe_ids(out)
    return out


def _dedupe_ids(reports: list[Report]) -> None:
    seen: dict[str, int] = {}
    for r in reports:
        n = seen.get(r.id, 0)
        seen[r.id] = n + 1
        if n:
            r.id = f"{r.id}~{n + 1}"
