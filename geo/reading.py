"""Reading one report: its place mentions with their roles, and its incidents.

The per-report half of the ``extract`` stage (:mod:`geo.extraction` is the public API and the
work over a whole batch). :func:`parse_report` finds, resolves and gives a role to every place a
report names; after the batch's mentions are classified by zone, :func:`finish_report` builds the
report's incidents and its output dict. This module and the rule modules it uses
(:mod:`geo.events`, :mod:`geo.places`, :mod:`geo.gazetteer`) are compiled with mypyc by the
build (see ``setup.py``); they run unchanged as plain Python too.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Container
from typing import TYPE_CHECKING, cast

from geo import events
from geo._backward import backward
from geo.gazetteer import name_key
from geo.geocode.base import Query
from geo.places import Mention, find_mentions, resolve_mentions, tokenize
from geo.reports import Report

if TYPE_CHECKING:
    from geo.extraction import Extractor

#: kinds from the most to the least specific
_SPECIFICITY = {"settlement": 0, "feature": 1, "district": 2, "region": 3, "country": 4}

_NEAR = re.compile(
    r"\b(?:near|outside|around|outskirts of|close to|vicinity of|km (?:from|of))\s+"
    r"(?:the\s+)?(?:town of\s+|village of\s+)?$"
)  # runs on lower-cased text
_NEAR_BACK = backward(_NEAR)
#: the words that can end a match of _NEAR: only spaces come after them, so one of them is the last
#: word of the letters-only text before a place that _NEAR matches before (a gate for the match)
_NEAR_LAST = frozenset(("near", "outside", "around", "of", "to", "from", "the"))
_UNKNOWN_OF = ("village", "town", "settlement", "hamlet", "city")  # "the village of X"
_UNKNOWN_AFTER = ("village", "district", "rayon")  # "X district"
#: a name of one or two capitalised words; the repeats are possessive, as giving back a letter of
#: a word would only leave another word character next, where a space, hyphen or the end is needed
_NAME = r"(?P<name>[A-Z](?<!\w[A-Z])[\w'’]++(?:[- ][A-Z][\w'’]++)?+)"
#: the patterns of a name known by its context alone, each with the word a sentence must have
#: for it to be tried: "the village of X" (one pattern per word, which starts with the word's
#: letter so that the regex engine skips ahead to it), "X district"
_UNKNOWN_RULES = [
    *((frozenset((w,)), re.compile(f"{w[0]}(?<!\\w{w[0]}){w[1:]}\\s+of\\s+{_NAME}")) for w in _UNKNOWN_OF),
    (frozenset(_UNKNOWN_AFTER), re.compile(f"{_NAME}\\s+(?:" + "|".join(_UNKNOWN_AFTER) + r")\b")),
]
_UNKNOWN_WORDS = frozenset(_UNKNOWN_OF + _UNKNOWN_AFTER)


class Parsed:
    """A report read by :func:`parse_report`: its mention dicts and its :class:`events.Document`."""

    __slots__ = ("mentions", "doc")

    def __init__(self, mentions: list[dict], doc: events.Document | None):
        self.mentions, self.doc = mentions, doc


def parse_report(rep: Report, ex: Extractor) -> Parsed:
    text = rep.text
    if not text:
        return Parsed([], None)
    gaz = ex.gazetteer
    doc = events.Document(text)
    found = find_mentions(text, gaz, tokens=tokenize(text, clean=doc.clean, sentence_words=doc.sentence_words))
    resolve_mentions(text, found, gaz, sentences=doc.sentences)
    out = []
    low, clean, starts, si, last = doc.low, doc.clean, doc.sentence_starts, 0, len(doc.sentence_starts) - 1
    bases, classified = ex._place_cache, ex._classified
    for m in found:  # in text order, so the sentence index only moves forward
        while si < last and starts[si + 1] <= m.start:
            si += 1
        place = cast(int, m.place)  # every found mention has its place now
        done = classified.get(place)  # a place classified in an earlier batch: zone fields included
        base = done[0] if done is not None else (bases.get(place) or ex.place_fields(place))
        kind = base["kind"]
        d = _mention_dict(m, base, events.decide_role(doc, si, m.start, m.end, kind=kind), si)
        if done is not None:
            for name in done[2]:
                d[name] = list(base[name])
            d["notes"].extend(done[1])
        w0 = max(0, m.start - 30)
        if kind == "settlement" and (before := clean[w0 : m.start].split()):
            if before[-1] in _NEAR_LAST and _NEAR_BACK.match(low[w0 : m.start][::-1]):
                d["precision"] = 2  # "near X", "outside X": ACLED's precision 2
        out.append(d)
    named = frozenset(str(d["place_id"])[len("country-") :] for d in out if d["kind"] == "country")
    for u in _unknown_candidates(doc, out):
        # countries the report names are evidence that allows an online hit there
        u["_query"] = Query(u["_query"].text, hint=u["_query"].hint, countries=named)
        out.append(u)
    out.sort(key=lambda d: d["start"])
    _coordination(text, out)
    _qualifiers(text, out)
    return Parsed(out, doc)


_COORD_GAP = re.compile(
    r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+(?:the\s+)?(?:towns?\s+of\s+|villages?\s+of\s+|at\s+|in\s+|on\s+)?|or\s+|as\s+well\s+as\s+|&\s*"
    # "Mingachevir, home to the largest dam, and the Khizi district": with an apposition between them
    r"|,\s+[a-z][^,;.:]{0,60},\s+(?:and|or)\s+(?:the\s+)?)$"
)


_LISTED = re.compile(r"\b(?:and|or)\b")


def _point_kind(m: dict) -> bool:
    return m["kind"] in ("settlement", "feature")


def _coordination(text: str, mentions: list[dict]) -> None:
    """Places listed together share the role of the first ("in Tartar, Barda and Ganja"), and a
    second name of the same place in a sentence shares its role ("Shusha, which Armenians call Shushi")."""
    for a, b in zip(mentions, mentions[1:]):
        if a["sentence_index"] != b["sentence_index"] or a["role"] != "incident" or b["role"] == "incident":
            continue
        if b["role_reason"] in ("actor", "organisation", "dateline", "conflict name", "compound name"):
            continue
        gap = text[a["end"] : b["start"]]
        # a town and a district are listed together only with an "and" ("Mingachevir and the Khizi
        # district"); a comma alone between a town and a larger place is a qualifier ("Tartar, Azerbaijan")
        same_kind = _point_kind(a) == _point_kind(b) or (
            _LISTED.search(gap) is not None and "district" in (a["kind"], b["kind"])
        )
        if same_kind and _COORD_GAP.match(gap):
            b["role"], b["role_reason"], b["hypothetical"] = "incident", "listed with " + a["text"], a["hypothetical"]
    by_sentence: dict[int, list[dict]] = {}
    for m in mentions:
        by_sentence.setdefault(m["sentence_index"], []).append(m)
    for group in by_sentence.values():
        for a in group:
            if a["role"] != "incident" or a["place_id"] is None or not _point_kind(a):
                continue
            for b in group:
                if b is a or b["place_id"] != a["place_id"] or b["role"] == "incident":
                    continue
                if b["role_reason"] in ("dateline", "organisation", "conflict name"):
                    continue
                b["role"], b["role_reason"], b["hypothetical"] = (
                    "incident",
                    "another name of " + a["text"],
                    a["hypothetical"],
                )


def _mention_dict(m: Mention, base: dict, role: events.Role, si: int) -> dict:
    d = base.copy()
    d["start"], d["end"], d["text"] = m.start, m.end, m.text
    d["alt_names"] = list(base["alt_names"])
    d["role"], d["role_reason"] = role.role, role.reason
    d["hypothetical"] = role.hypothetical and role.role == "incident"
    d["confidence"] = m.confidence
    d["sentence_index"] = si
    notes = list(m.notes)
    if m.fuzzy:
        notes.append("matched by spelling correction")
    if m.territory and role.role == "incident":
        notes.append(f"'{m.text}' names the country's territory")
    d["notes"] = notes
    return d


def _unknown_names(text: str, s0: int, s1: int, words: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of the names in sentence ``text[s0:s1]`` (whose set of words is ``words``)
    that the patterns of :data:`_UNKNOWN_RULES` find, from left to right and not overlapping:
    what ``finditer`` of their alternation would give (no two of them can match at the same
    place), with each pattern searched for on its own."""
    out: list[tuple[int, int]] = []
    next_of = {rx: rx.search(text, s0, s1) for gate, rx in _UNKNOWN_RULES if not gate.isdisjoint(words)}
    hits = [m for m in next_of.values() if m is not None]
    while hits:
        m = min(hits, key=re.Match.start)
        out.append((m.start("name"), m.end("name")))
        pos = m.end()
        hits = []
        for rx, hit in next_of.items():
            if hit is not None and hit.start() < pos:  # a match at or after pos stays the next one
                hit = next_of[rx] = rx.search(text, pos, s1)
            if hit is not None:
                hits.append(hit)
    return out


def _unknown_candidates(doc: events.Document, known: list[dict]) -> list[dict]:
    """Capitalised names found only by their context ("the village of X", "X district")."""
    text = doc.text
    spans = sorted((d["start"], d["end"]) for d in known)
    span_starts = [a for a, _ in spans]
    out = []
    found = (
        span
        for (s0, s1), words in zip(doc.sentences, doc.sentence_words)
        if not _UNKNOWN_WORDS.isdisjoint(words)
        for span in _unknown_names(text, s0, s1, words)
    )
    for s, e in found:
        j = bisect.bisect_left(span_starts, e)  # spans starting before e; the one before may overlap
        if (j and spans[j - 1][1] > s) or name_key(text[s:e]) in ("the", "a"):
            continue
        si = doc.sentence_of(s)
        role = events.decide_role(doc, si, s, e, kind="settlement")
        hint = "district" if re.match(r"\s+(?:district|rayon)", text[e : e + 10]) else "settlement"
        out.append(
            {
                "start": s,
                "end": e,
                "text": text[s:e],
                "place": None,
                "place_id": None,
                "name_hy": None,
                "name_az": None,
                "alt_names": [],
                "kind": hint,
                "lat": None,
                "lon": None,
                "precision": None,
                "role": role.role,
                "role_reason": role.reason,
                "hypothetical": role.hypothetical and role.role == "incident",
                "confidence": 0.0,
                "geocoder": None,
                "sentence_index": si,
                "_place_index": None,
                "_query": Query(text[s:e], hint=hint),
                "notes": [],
                "zone": None,
                "zone_kind": None,
                "country": None,
                "spillover": None,
                "admin1": None,
                "boundary_km": None,
                "problem": "not in the offline gazetteer",
            }
        )
        k = bisect.bisect_left(span_starts, s)
        spans.insert(k, (s, e))
        span_starts.insert(k, s)
    return out


def _qualifiers(text: str, mentions: list[dict]) -> None:
    """A larger place that only qualifies a smaller one in the same phrase is context (rule 4)."""
    by_sentence: dict[int, list[dict]] = {}
    for m in mentions:
        by_sentence.setdefault(m["sentence_index"], []).append(m)
    for group in by_sentence.values():
        for big in group:
            if big["role"] != "incident" or big["kind"] not in ("country", "region", "district"):
                continue
            if any("names the country's territory" in n for n in big.get("notes", [])):
                continue  # "shells landed on Iranian territory near X": the territory is itself the place
            rank = _SPECIFICITY[big["kind"]]
            for small in group:
                if small is big or small["role"] != "incident" or _SPECIFICITY.get(small["kind"], 0) >= rank:
                    continue
                gap = text[min(big["end"], small["end"]) : max(big["start"], small["start"])]
                if len(gap) <= 45 and not _QUALIFIER_BREAK.search(gap):
                    big["role"], big["role_reason"], big["hypothetical"] = (
                        "context",
                        f"qualifies {small['text']}",
                        False,
                    )
                    break


#: a larger place only qualifies a smaller one within one phrase: these end the phrase
_QUALIFIER_BREAK = re.compile(
    r"[.;]|\b(?:and|if|when|while|after|before|because|unless|until|where|which|who|from|across)\b"
)  # "near Khoda Afarin, across the river from Jabrayil": two places, no qualifier


#: working fields of a mention that never reach the output
_PRIVATE_SOMETIMES = ("_geometry", "_query")  # besides "_place_index", which every mention has


# -- incidents ---------------------------------------------------------------------------------


def finish_report(rep: Report, p: Parsed) -> dict:
    mentions = p.mentions
    incidents = _incidents(rep, p.doc, mentions) if p.doc is not None else []
    public_mentions = mentions  # the private working fields are dropped in place
    for m in public_mentions:
        del m["_place_index"]
        for k in _PRIVATE_SOMETIMES:
            if k in m:  # (a test and a deletion are native dict operations once compiled; pop is a method call)
                del m[k]
        if not m["notes"]:
            del m["notes"]
    return {
        "id": rep.id,
        "date": rep.date,
        "source": rep.source,
        "title": rep.title,
        "path": rep.path,
        "problem": rep.problem,
        **({"line": rep.line} if rep.line and rep.problem else {}),
        "mentions": public_mentions,
        "incidents": incidents,
    }


def _incidents(rep: Report, doc: events.Document, mentions: list[dict]) -> list[dict]:
    """The incidents of a report's mentions (see :func:`extract`)."""
    text = rep.text
    incidents: list[dict] = []
    by_key: dict[tuple, dict] = {}
    facts: dict[int, tuple] = {}
    sentences_with_incident: set[int] = set()
    first_of_sentence: dict[int, dict] = {}  # the incident that carries the next sentences' counts
    by_sentence: dict[int, list[int]] = {}  # the incident mentions of each sentence, in order
    days: dict[int, list[tuple[int, str]]] = {}  # the days named in each sentence, when it names several
    for idx, m in enumerate(mentions):
        if m["role"] == "incident":
            by_sentence.setdefault(m["sentence_index"], []).append(idx)
    for idx, m in enumerate(mentions):
        if m["role"] != "incident":
            continue
        si = m["sentence_index"]
        if si not in facts:  # a sentence's event, numbers and date, worked out once
            s0, s1 = doc.sentences[si]
            sentence, low, words = text[s0:s1].strip(), doc.low[s0:s1], doc.sentence_words[si]
            (fat, fat_at), (inj, inj_at) = events.casualties_at(sentence, low=low, words=words)
            facts[si] = (
                sentence,
                fat,
                _count_owner(doc, mentions, by_sentence[si], fat_at, s0),
                inj,
                _count_owner(doc, mentions, by_sentence[si], inj_at, s0),
                *_resolve_date(text, doc, si, rep.date),
                events.reported_by(sentence, words=words),
            )
        sentence, fat, fat_owner, inj, inj_owner, when, dprec, who = facts[si]
        if si not in days:
            s0, s1 = doc.sentences[si]
            days[si] = events.weekdays_in(doc.low, max(s0, doc.dateline), s1, doc.sentence_words[si], rep.date)
        if days[si]:  # a sentence that names several days: the first one after the place, else the last before
            when, dprec = next((d for at, d in days[si] if at >= m["start"]), days[si][-1][1]), 1
        fat, inj = (fat if idx == fat_owner else None), (inj if idx == inj_owner else None)
        et, sub = doc.event_at(si, m["start"])  # a sentence's clauses can name events of several kinds
        if m["role_reason"] == events.WHERE_REASON:  # "X, where troops had taken villages": that clause's kind
            et, sub = events.where_event(doc.low[m["end"] : doc.sentences[si][1]], kind_only=True) or (et, sub)
        key = (m["place_id"] or m["text"], when, et, m["hypothetical"])
        if key in by_key:
            inc = by_key[key]
            inc["mentions"].append(idx)
            inc["fatalities"] = inc["fatalities"] if inc["fatalities"] is not None else fat
            inc["injured"] = inc["injured"] if inc["injured"] is not None else inj
            continue
        same_sentence = si in sentences_with_incident
        sentences_with_incident.add(si)
        inc = {
            "place": m["place"] or m["text"],
            "place_id": m["place_id"],
            "name_hy": m["name_hy"],
            "name_az": m["name_az"],
            "date": when,
            "date_precision": dprec,
            "event_type": et,
            "sub_event_type": sub,
            "fatalities": fat,
            "injured": inj,
            "zone": m.get("zone"),
            "zone_kind": m.get("zone_kind"),
            "country": m.get("country"),
            "spillover": m.get("spillover"),
            "admin1": m.get("admin1"),
            "precision": m["precision"],
            "lat": m["lat"],
            "lon": m["lon"],
            "hypothetical": m["hypothetical"],
            "reported_by": who,
            "sentence": sentence,
            "counts_sentence": None,
            "mentions": [idx],
            "_sentence": m["sentence_index"],
            "_geometry": m.get("_geometry"),
            "geocoder": m["geocoder"],
            "problem": m.get("problem"),
        }
        by_key[key] = inc
        incidents.append(inc)
        if not same_sentence:
            first_of_sentence[si] = inc
    if first_of_sentence:
        _counts_from_next_sentences(text, doc, facts, first_of_sentence)
    return incidents


def _resolve_date(text: str, doc: events.Document, si: int, report_date: str | None) -> tuple[str | None, int | None]:
    """The date of sentence ``si``'s events, read after the dateline ("BAKU, Oct 20 — ... on
    Monday": the dateline's date is the report's, "on Monday" the event's)."""
    s0, s1 = doc.sentences[si]
    words = doc.sentence_words[si]
    if s0 < doc.dateline < s1:
        s0 = doc.dateline
        words = frozenset(doc.clean[s0:s1].split())
    return events.resolve_date(text[s0:s1], report_date, low=doc.low[s0:s1], words=words)


def _count_owner(
    doc: events.Document, mentions: list[dict], incident_mentions: list[int], at: int | None, s0: int
) -> int:
    """Which of a sentence's incident mentions (indices, in text order) a count belongs to: the
    last one before the count's phrase (``at``, an offset from the sentence start ``s0``) in the
    same clause ("shelled Stepanakert, while rockets hit Ganja, killing one"), or the head of the
    list it is in ("shelled Tartar and Barda, killing nine": Tartar). Else the first: a count
    before them all, after a clause break ("..., officials said, reporting 25 dead": the toll of
    the whole sentence) or with no offset (a stated zero)."""
    owner = 0
    if at is not None:
        for k, idx in enumerate(incident_mentions):
            if mentions[idx]["start"] < s0 + at:
                owner = k
        if owner and events.clause_break_between(doc, mentions[incident_mentions[owner]]["end"], s0 + at):
            owner = 0
    while owner and mentions[incident_mentions[owner]]["role_reason"].startswith("listed with"):
        owner -= 1
    return incident_mentions[owner]


#: a toll over a period ("45 civilians have been killed since Sept. 27") counts no single incident
_CUMULATIVE = re.compile(
    events.letters_first(
        r"\bsince\b|\bso far\b|\bto date\b|\bin total\b|\boverall\b|\btoll\b|\baltogether\b|\bin all\b"
    )
)


def _counts_from_next_sentences(
    text: str, doc: events.Document, with_incident: Container[int], first_of_sentence: dict[int, dict]
) -> None:
    """Counts stated just after an incident's sentence, in sentences of the same paragraph that
    place no incident (``with_incident``: the sentences that do), fill the counts that incident's
    own sentence leaves unstated ("Shelling struck Jermuk. It said 49 soldiers had been killed.").
    ``counts_sentence`` holds the sentences they came from."""
    sentences = doc.sentences
    for si, inc in first_of_sentence.items():
        if inc["hypothetical"]:
            continue
        j = si
        while inc["fatalities"] is None or inc["injured"] is None:
            s0, s1 = sentences[j]
            if j + 1 == len(sentences) or j + 1 in with_incident or text[s0:s1].rstrip(" \t").endswith("\n"):
                break  # the report or its paragraph ends here, or the next sentence has an incident of its own
            j += 1
            s0, s1 = sentences[j]
            low = doc.low[s0:s1]
            if _CUMULATIVE.search(low):
                continue
            fat, inj = events.casualties(text[s0:s1], low=low, words=doc.sentence_words[j])
            took = False
            if inc["fatalities"] is None and fat is not None:
                inc["fatalities"], took = fat, True
            if inc["injured"] is None and inj is not None:
                inc["injured"], took = inj, True
            if took:
                said = text[s0:s1].strip()
                inc["counts_sentence"] = said if inc["counts_sentence"] is None else inc["counts_sentence"] + " " + said
