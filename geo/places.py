"""Finding place mentions in text and choosing which place each one means.

Recognition is dictionary matching over the gazetteer's name keys: the longest run of tokens
(joined by spaces or hyphens) whose key is a known name, tried at every capitalised token.
It survives case (STEPANAKERT), diacritics (Şuşa), hyphens (Nagorno Karabakh), possessives
(Armenia's) and common typos (Nagonro-Karabakh, by edit distance on capitalised tokens, with
guards against demonyms such as Armenian). Demonym phrases that name a territory ("Armenian
territory", "Iranian soil") become mentions of the country.

Disambiguation scores each candidate place by prominence (curated entry, population), the
feature word beside the name (village, district...), qualifiers in the text ("Martuni,
Armenia", "Armenia's Martuni", "in Tovuz district"), and closeness to the other places the
report names. ``confidence`` falls when two candidates score alike.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence

from geo.gazetteer import Gazetteer, name_key, strip_feature_word

_JOIN = re.compile(r"^(?:[ \t]+|[ \t]*[-‐‑–][ \t]*|\n)$")
_POSSESSIVE = re.compile(r"['’]s?$")
#: demonym -> ISO2, for "Armenian territory" style phrases
DEMONYMS = {
    "armenian": "AM",
    "azerbaijani": "AZ",
    "azeri": "AZ",
    "azerbaijan": "AZ",
    "armenia": "AM",
    "iranian": "IR",
    "russian": "RU",
    "turkish": "TR",
    "georgian": "GE",
}
# "\bArmenian" written as "A(?<!\wA)rmenian": the same match, but a pattern that starts with a
# letter lets the regex engine skip ahead to the letters that can start it
_TERRITORY = re.compile(
    r"(?P<dem>"
    + "|".join(
        f"{d[0]}(?<!\\w{d[0]}){d[1:]}" for d in "Armenian Azerbaijani Azeri Iranian Russian Turkish Georgian".split()
    )
    + r")\s+(?:sovereign\s+)?(?P<what>territory|territories|soil|lands?|airspace)\b"
)
_OWN_TERRITORY = re.compile(r"[ \t]+(proper|itself)\b")
FEATURE_WORDS = {
    "village": "settlement",
    "villages": "settlement",
    "town": "settlement",
    "city": "settlement",
    "settlement": "settlement",
    "hamlet": "settlement",
    "district": "district",
    "rayon": "district",
    "raion": "district",
    "province": "district",
    "region": "region",
    "marz": "district",
    "county": "district",
    "river": "feature",
    "lake": "feature",
    "bridge": "feature",
    "pass": "feature",
    "corridor": "feature",
    "reservoir": "feature",
    "mountain": "feature",
    "mount": "feature",
    "ridge": "feature",
}
#: capitalised words that are never place names on their own (sentence starts, titles, days)
STOP_TOKENS = frozenset(
    """the a an and but or in on at of for to from by with after before as if it its this that these those
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    president prime minister ministry defence defense foreign army forces troops officials official
    police prosecutor ombudsman spokesman spokeswoman spokesperson general colonel major captain
    mr mrs ms dr sir saint st
    armenian armenians azerbaijani azerbaijanis azeri azeris iranian iranians russian russians turkish
    turk turks georgian georgians syrian kurdish soviet european american
    said says told added reported according meanwhile however also earlier later yesterday today
    one two three four five six seven eight nine ten hundreds thousands dozens several some many
    un osce nato eu csto icrc red cross human rights watch amnesty reuters ap afp upi tass""".split()
)


#: word -> name key, for the words met so far (a plain dict: cheaper per lookup than an lru_cache)
_TOKEN_KEYS: dict[str, str] = {}


def _token_key(word: str) -> str:
    key = name_key(word)
    if len(_TOKEN_KEYS) < 200_000:
        _TOKEN_KEYS[word] = key
    return key


class Tokens:
    """The name tokens of a text as parallel lists: offsets (end exclusive), the word, its name
    key and whether it is capitalised. ``len()`` is the number of tokens."""

    __slots__ = ("start", "end", "text", "key", "capitalised")

    def __init__(self, start: list[int], end: list[int], text: list[str]):
        self.start, self.end, self.text = start, end, text
        get = _TOKEN_KEYS.get
        self.key = [get(t) or _token_key(t) for t in text]
        self.capitalised = [t[:1].isupper() for t in text]

    def __len__(self) -> int:
        return len(self.start)


class Mention:
    """A span that names a place, with its candidate places and the one chosen.

    A plain class with its own ``__init__`` (not a dataclass): compiled, its construction stays
    native code, where a dataclass's generated ``__init__`` runs as Python."""

    __slots__ = (
        "start",
        "end",
        "text",
        "key",
        "candidates",
        "name_types",
        "token_index",
        "token_count",
        "fuzzy",
        "territory",
        "hint",
        "place",
        "confidence",
        "notes",
    )

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        key: str,
        candidates: Sequence[int],
        name_types: Sequence[str],
        token_index: int,
        token_count: int,
        *,
        fuzzy: bool = False,
        territory: str | None = None,
    ):
        self.start, self.end, self.text, self.key = start, end, text, key
        self.candidates = candidates  # shared with the gazetteer's cache: never changed in place
        self.name_types = name_types
        self.token_index, self.token_count = token_index, token_count
        self.fuzzy = fuzzy
        self.territory: str | None = territory  # "territory", "proper"... for demonym phrases
        self.hint: str | None = None  # feature word beside the name
        self.place: int | None = None
        self.confidence = 0.0
        self.notes: list[str] = []

    def __repr__(self) -> str:
        return f"Mention({self.text!r}, {self.start}-{self.end}, place={self.place})"


def _upper_class() -> str:
    """A regex character class of the upper-case letters of the Latin, Greek, Cyrillic and Armenian scripts."""
    chars = [c for c in map(chr, range(0x41, 0x587)) if c.isupper()]
    runs, start, prev = [], chars[0], chars[0]
    for c in chars[1:]:
        if ord(c) != ord(prev) + 1:
            runs.append((start, prev))
            start = c
        prev = c
    runs.append((start, prev))
    return "".join(re.escape(a) if a == b else f"{re.escape(a)}-{re.escape(b)}" for a, b in runs)


# Only words that can be part of a name are tokens: capitalised words and feature words
# (district, river...). Lower-case words are left out, so a name never spans one.
_UPPER = _upper_class()
#: a capitalised word not preceded by a letter; the look-behind comes after the first letter so
#: that the regex engine can skip ahead to the upper-case letters
_CAPITALISED = re.compile(r"[" + _UPPER + r"](?<![^\W\d_][" + _UPPER + r"])[^\W\d_]*(?:['’ʼ][^\W\d_]+)*")
_LETTER = re.compile(r"[^\W\d_]")


def _feature_spans(
    text: str, clean: str | None = None, sentence_words: list[frozenset[str]] | None = None
) -> list[tuple[int, int]]:
    """(start, end) of every feature word (district, river...) standing as a word of its own.

    ``clean``: ``text`` lower-cased with only its letters a-z (see :func:`geo.events.letters_only`),
    same offsets, where the words are looked for: a plain-ASCII string is searched faster, and
    wherever a feature word is in ``text`` it is in ``clean`` too (each found there is checked
    in ``text``). ``sentence_words``: the sets of words (runs of a-z) of the parts of ``clean``
    (a Document's sentence words); a feature word standing on its own is in one of them, so one
    that is in none is not looked for."""
    out = []
    n = len(text)
    look = text if clean is None else clean
    for w in FEATURE_WORDS:
        if sentence_words is not None and not any(w in part for part in sentence_words):
            continue
        i = look.find(w)
        while i >= 0:
            e = i + len(w)
            if clean is not None and not text.startswith(w, i):
                i = look.find(w, i + 1)
                continue
            if (i == 0 or not _LETTER.match(text, i - 1)) and (e == n or not _LETTER.match(text, e)):
                out.append((i, e))
            i = look.find(w, e)
    return out


def tokenize(text: str, *, clean: str | None = None, sentence_words: list[frozenset[str]] | None = None) -> Tokens:
    """Name tokens (capitalised words and feature words) with offsets; a possessive 's is cut
    off the token (and its span). ``clean``, ``sentence_words``: as for :func:`_feature_spans`,
    when known."""
    caps = [m.span() for m in _CAPITALISED.finditer(text)]
    spans = caps
    feats = _feature_spans(text, clean, sentence_words)
    if feats:
        # a feature word inside a capitalised word ("D'village") is part of it
        cap_starts = [a for a, _ in caps]
        feats = [(a, b) for a, b in feats if (k := bisect.bisect_right(cap_starts, a)) == 0 or caps[k - 1][1] <= a]
        spans = sorted(caps + feats)
    start = [a for a, _ in spans]
    end = [b for _, b in spans]
    words = [text[a:b] for a, b in spans]
    for i, t in enumerate(words):
        if "'" in t or "’" in t:
            pm = _POSSESSIVE.search(t)
            if pm and len(t) - len(pm.group()) >= 2 and pm.group() in ("'s", "’s", "'", "’"):
                words[i] = t[: len(t) - len(pm.group())]
                end[i] = start[i] + len(words[i])
    return Tokens(start, end, words)


#: the demonyms that start a territory phrase, as the tokens they are
_TERRITORY_DEMONYMS = frozenset("Armenian Azerbaijani Azeri Iranian Russian Turkish Georgian".split())
_APOSTROPHES = "'’ʼ"


def _territory_matches(text: str, toks: Tokens) -> list[re.Match]:
    """The matches of ``_TERRITORY.finditer(text)`` (``toks``: the tokens of ``text``), each tried
    only where it can start: at a token that is a demonym, or right after an apostrophe inside a
    token ("D'Armenian"). A match starts at an upper-case letter that no word character comes
    before, so there or inside a token after an apostrophe, and its demonym is followed by a space,
    which ends the token. No upper-case letter is inside a match, so the matches do not overlap."""
    out = []
    for a, w in zip(toks.start, toks.text):
        if w in _TERRITORY_DEMONYMS:
            m = _TERRITORY.match(text, a)
            if m is not None:
                out.append(m)
        elif "'" in w or "’" in w or "ʼ" in w:
            for j in range(1, len(w)):
                if w[j - 1] in _APOSTROPHES:
                    m = _TERRITORY.match(text, a + j)
                    if m is not None:
                        out.append(m)
    return out


def _candidates(gaz: Gazetteer, key: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """``gaz.candidates(key)``, read from the gazetteer's cache here when it is there: the
    Gazetteer class is not compiled, and a call of its method runs as Python."""
    cache: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = gaz._candidates
    hit = cache.get(key)
    return gaz.candidates(key) if hit is None else hit


def _name_strength(gaz: Gazetteer, key: str) -> tuple[bool, bool]:
    """``gaz.name_strength(key)``, read from its cache as for :func:`_candidates`."""
    cache: dict[str, tuple[bool, bool]] = gaz._strength
    hit = cache.get(key)
    return gaz.name_strength(key) if hit is None else hit


def find_mentions(text: str, gaz: Gazetteer, *, tokens: Tokens | None = None) -> list[Mention]:
    """Every place mention in ``text``, in order, not overlapping, with candidates (unresolved)."""
    toks = tokens if tokens is not None else tokenize(text)
    mentions: list[Mention] = []
    ntok = len(toks)
    taken = [False] * ntok  # the tokens in a mention already (a list: its items are native once compiled)
    starts, ends, keys = toks.start, toks.end, toks.key

    for tm in _territory_matches(text, toks):
        iso = DEMONYMS[tm.group("dem").lower()]
        cands = gaz.lookup(name_key(_country_name(gaz, iso)))
        cand = [e.place for e in cands if gaz.kind[e.place] == "country"]
        if not cand:
            continue
        ti = bisect.bisect_left(starts, tm.start())
        n = bisect.bisect_left(starts, tm.end()) - ti
        for k in range(ti, ti + n):
            taken[k] = True
        mentions.append(
            Mention(
                tm.start(),
                tm.end(),
                tm.group(),
                name_key(tm.group()),
                cand,
                ["name"],
                ti,
                n,
                territory=tm.group("what"),
            )
        )

    index, prefixes, max_tokens = gaz.index, gaz.prefixes, gaz.max_tokens
    can_start = [
        c and k not in STOP_TOKENS or (len(t) > 3 and t.isupper()) for c, k, t in zip(toks.capitalised, keys, toks.text)
    ]
    i = 0
    while i < ntok:
        if taken[i] or not can_start[i]:
            i += 1
            continue
        key = keys[i]
        best: tuple | None = (1, key) if key in index else None
        if key in prefixes:  # the start of a longer name: take the longest that is known
            for n in range(2, min(max_tokens, ntok - i) + 1):
                j = i + n - 1
                if taken[j] or not _joined(text, toks, i, n):
                    break
                key = key + " " + keys[j]
                if key in index:
                    best = (n, key)
                if key not in prefixes:
                    break
        if best is None:
            fz = _fuzzy(text, toks, i, gaz, taken) if len(key) >= 7 else None  # typos only of long names
            if fz is None:
                i += 1
                continue
            best = fz
        n, key = best[0], best[1]
        s, e = starts[i], ends[i + n - 1]
        places, types = _candidates(gaz, key)
        mentions.append(Mention(s, e, text[s:e], key, places, types, i, n, fuzzy=len(best) > 3))
        for k in range(i, i + n):
            taken[k] = True
        i += n
    mentions.sort(key=lambda m: m.start)
    own_words = "proper" in text or "itself" in text  # _OWN_TERRITORY needs one of them
    for m in mentions:
        m.hint = _feature_hint(text, toks, m)
        own = _OWN_TERRITORY.match(text, m.end) if own_words else None  # "Azerbaijan proper", "Armenia itself"
        if own and m.territory is None and all(gaz.kind[c] == "country" for c in m.candidates):
            m.end, m.text, m.territory = own.end(), text[m.start : own.end()], own.group(1)
    return [m for m in mentions if _plausible(text, toks, m, gaz)]


def _country_name(gaz: Gazetteer, iso: str) -> str:
    return gaz.country_names.get(iso, iso)


def _joined(text: str, toks: Tokens, i: int, n: int) -> bool:
    """Token i+n-1 continues the name that starts at token i: only spaces or hyphens before it,
    and it is capitalised or a feature word (district, river...)."""
    k = i + n - 1
    gap = text[toks.end[k - 1] : toks.start[k]]
    if gap != " " and not _JOIN.match(gap):
        return False
    return toks.capitalised[k] or toks.key[k] in FEATURE_WORDS


def _fuzzy(text: str, toks: Tokens, i: int, gaz: Gazetteer, taken: list[bool]) -> tuple | None:
    """A typo of a known name starting at token ``i`` (two tokens tried before one)."""
    k0 = toks.key[i]
    if not toks.capitalised[i] or k0 in STOP_TOKENS or len(k0) < 7:
        return None
    if i + 1 < len(toks) and not taken[i + 1] and toks.capitalised[i + 1] and _joined(text, toks, i, 2):
        hit = gaz.fuzzy(k0 + " " + toks.key[i + 1])
        if hit is not None:
            return (2, hit, gaz.lookup(hit), "fuzzy")
    hit = gaz.fuzzy(k0)
    return None if hit is None else (1, hit, gaz.lookup(hit), "fuzzy")


_FEATURE_OF = re.compile(r"\b(village|town|city|district|region|province|hamlet|settlement)s?\s+of\s+(the\s+)?$")


def _feature_hint(text: str, toks: Tokens, m: Mention) -> str | None:
    last = toks.key[m.token_index + m.token_count - 1]
    if last in FEATURE_WORDS:
        return FEATURE_WORDS[last]
    after = m.token_index + m.token_count
    if after < len(toks) and toks.key[after] in FEATURE_WORDS and text[m.end : toks.start[after]].strip() == "":
        return FEATURE_WORDS[toks.key[after]]
    before = text[max(0, m.start - 25) : m.start].lower()
    if " of " not in before:
        return None
    hit = _FEATURE_OF.search(before)
    return FEATURE_WORDS[hit.group(1)] if hit else None


_LOCATIVE_END = re.compile(r"\b(in|near|at|into|outside|around)\s+$")


def _plausible(text: str, toks: Tokens, m: Mention, gaz: Gazetteer) -> bool:
    """Drop matches that are almost surely not places: a small, uncurated GeoNames village
    matched by one token with no locative cue, or one that starts a person's name."""
    only_foreign_alt, strong = _name_strength(gaz, m.key) if not m.territory else (False, True)
    # a far-away city's alternate spelling that is also an English word ("Cars" for Kars) is no place
    if m.token_count == 1 and only_foreign_alt:
        return False
    if strong or m.hint == "settlement":
        return True
    nxt = m.token_index + m.token_count
    if nxt < len(toks) and toks.capitalised[nxt] and text[m.end : toks.start[nxt]] == " ":
        return False  # "Vahan Badasyan": a first name
    return bool(_LOCATIVE_END.search(text[max(0, m.start - 12) : m.start].lower()))


# -- disambiguation -------------------------------------------------------------------------


#: sentences on either side whose places count as evidence for a homonym
NEIGHBOUR_SENTENCES = 12


def resolve_mentions(
    text: str,
    mentions: list[Mention],
    gaz: Gazetteer,
    *,
    sentences: list[tuple[int, int]] | None = None,
) -> None:
    """Choose a place for every mention in place (sets ``place`` and ``confidence``).

    Closeness counts twice as much for places named in the same sentence as for the rest of
    the report (capitals named as actors elsewhere pull less)."""
    # the gazetteer's per-place lists as typed locals: compiled, an index into one is native code
    # (the Gazetteer class is not compiled: through it, each index would be two generic look-ups)
    kind_of: list[str] = gaz.kind
    population: list[float] = gaz.population
    curated: list[bool] = gaz.curated
    country_of: list[str] = gaz.country
    name_keys: list[str] = gaz.name_keys
    base_keys: list[str] = gaz.base_keys
    admin1_keys: list[str] = gaz.admin1_keys
    lat: list[float] = gaz.lat
    lon: list[float] = gaz.lon
    country_keys: dict[str, str] = gaz.country_keys
    bounds = [s for s, _ in sentences] if sentences else [0]
    sent_of = {id(m): bisect.bisect_right(bounds, m.start) - 1 for m in mentions}
    # unambiguous mentions first: they anchor the others
    anchors: list[int] = []
    for m in mentions:
        if len(m.candidates) == 1 or len(set(m.candidates)) == 1:
            m.place = m.candidates[0]
            m.confidence = 0.8 if m.fuzzy else 1.0
            anchors.append(m.place)
    names_in_report = {name_keys[p] for p in anchors}
    admin_in_report = {base_keys[p] for p in anchors if kind_of[p] in ("district", "region")}
    countries = {country_of[p] for p in anchors if kind_of[p] == "country"}
    # cities of 300,000+ are mostly named as actors or venues ("Yerevan said"): they anchor nothing
    pts = [
        (sent_of[id(m)], m.place)
        for m in mentions
        if m.place is not None and kind_of[m.place] in ("settlement", "feature") and population[m.place] < 300_000
    ]
    pt_sentence = [si for si, _ in pts]  # in text order, so sorted
    pt_place = [p for _, p in pts]
    for k, m in enumerate(mentions):
        if m.place is not None:
            continue
        scores = []
        cands = list(dict.fromkeys(m.candidates))
        types = {c: t for c, t in zip(m.candidates, m.name_types)}
        qual = _qualifier(text, m)
        # "near Sotk, in Gegharkunik": the name holds the place just before it, so it is more likely an area
        prev = mentions[k - 1] if k else None
        inside = (
            prev.place
            if prev is not None and prev.place is not None and _CONTAINER_GAP.fullmatch(text, prev.end, m.start)
            else None
        )
        # places in the same sentence, and in the sentences around it (a long document is many stories)
        msi = sent_of[id(m)]
        a, b = bisect.bisect_left(pt_sentence, msi), bisect.bisect_right(pt_sentence, msi)
        lo = bisect.bisect_left(pt_sentence, msi - NEIGHBOUR_SENTENCES, 0, a)
        hi = bisect.bisect_right(pt_sentence, msi + NEIGHBOUR_SENTENCES, b)
        here = pt_place[a:b]
        rest = pt_place[lo:a] + pt_place[b:hi]
        evidence = [(g, w) for g, w in ((here, 2.0), (rest, 0.75)) if g]
        for c in cands:
            s = math.log10(population[c] + 10) / 2 + (2.0 if curated[c] else 0.0)
            kind = kind_of[c]
            if m.hint:
                s += 1.5 if (m.hint == kind or (m.hint == "district" and kind == "region")) else -1.0
            elif kind in ("district", "region") and types[c] == "base":
                s -= 1.0  # a bare name is more often the town than the district
            if types[c] == "name":
                s += 0.3
            a1 = admin1_keys[c]
            if a1 and a1 in admin_in_report:
                s += 3.0
            if a1 and qual and qual == a1:
                s += 4.0
            if qual and country_keys.get(country_of[c]) == qual:
                s += 4.0
            if inside is not None and kind in ("district", "region"):
                s += 4.0 if admin1_keys[inside] == base_keys[c] else 1.0
            if country_of[c] in countries:
                s += 0.5
            if country_of[c] in ("AM", "AZ"):
                s += 0.5
            if kind in ("settlement", "feature"):
                for group, weight in evidence:
                    s += weight * math.exp(-median_km(lat, lon, c, group) / 60.0)
            if name_keys[c] in names_in_report and kind == "settlement":
                s += 0.2
            scores.append(s)
        order = sorted(range(len(scores)), key=scores.__getitem__, reverse=True)
        best = cands[order[0]]
        margin = scores[order[0]] - scores[order[1]] if len(order) > 1 else 5.0
        m.place = best
        m.confidence = round(float(1 / (1 + math.exp(-2 * margin))) * (0.8 if m.fuzzy else 1.0), 3)
        if len(order) > 1 and margin < 0.5:
            m.notes.append(f"ambiguous: {len(cands)} places share this name; chose by weak evidence")


def median_km(lat: list[float], lon: list[float], i: int, others: list[int]) -> float:
    """Median approximate km from place ``i`` to places ``others`` (equirectangular; for ranking),
    given every place's latitude and longitude in degrees (WGS84)."""
    la, lo = lat[i], lon[i]
    c = math.cos(math.radians(la)) * 111.2
    d = sorted([math.hypot((lat[j] - la) * 111.2, (lon[j] - lo) * c) for j in others])
    n = len(d)
    return d[n // 2] if n % 2 else (d[n // 2 - 1] + d[n // 2]) / 2


#: the text between a place and the area that holds it ("Sotk in Gegharkunik", "Sotk, in Gegharkunik",
#: "Sotk, a village in Gegharkunik")
_CONTAINER_GAP = re.compile(
    r"\s*,?\s*(?:(?:a|the)\s+(?:[a-z]+\s+)?(?:village|town|city|settlement|hamlet)\s+)?in\s+(?:the\s+)?|\s*,\s*"
)
_QUALIFIER_AFTER = re.compile(r"\s*(?:,|\bin)\s+(?:the\s+)?([A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?)")
_QUALIFIER_BEFORE = re.compile(r"([A-Z][\w\-]+)['’]s\s+(?:[a-z]+\s+){0,2}$")


def _qualifier(text: str, m: Mention) -> str | None:
    """A qualifying larger place right beside the mention: 'X, Armenia', 'Armenia's X', 'X in Tovuz district'."""
    q = _QUALIFIER_AFTER.match(text[m.end : m.end + 60])
    if q:
        return name_key(strip_feature_word(q.group(1)))
    before = text[max(0, m.start - 40) : m.start]
    q = _QUALIFIER_BEFORE.search(before)
    if q:
        return name_key(q.group(1))
    return None
