"""The offline regional gazetteer and its name index.

``data/gazetteer/places.csv`` (built by ``data/build/build_gazetteer.py``) holds GeoNames places
(CC BY 4.0) and the project's curated supplement. :func:`load_gazetteer` reads it once and
builds a :class:`Gazetteer`: places in a DataFrame plus an index from a normalised name key to
the places that carry that name. Keys fold case and diacritics (Şuşa = Susa = susa), treat
hyphens and spaces alike (Nagorno-Karabakh = Nagorno Karabakh) and drop apostrophes.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import pandas as pd

from geo.theatre import cache_dir, data_dir

_FOLD_MAP = str.maketrans({"ə": "e", "Ə": "E", "ı": "i", "ǝ": "e", "’": "", "ʼ": "", "'": "", "`": "", "ʻ": ""})
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_FEATURE_OR_CITY = re.compile(r"\s+(district|province|region|rayon|city|marz|autonomous republic)$", re.I)
_FEATURE_SUFFIX = re.compile(r"\s+(district|province|region|rayon|raion|marz|county|oblast)$", re.I)


def fold(text: str) -> str:
    """Lower case, no diacritics, Azerbaijani ə as e, apostrophes dropped."""
    s = unicodedata.normalize("NFKD", text.translate(_FOLD_MAP))
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def strip_feature_word(name: str) -> str:
    """A name without its trailing feature word ("Tovuz District" -> "Tovuz")."""
    return _FEATURE_OR_CITY.sub("", name)


@lru_cache(maxsize=200_000)
def name_key(text: str) -> str:
    """The index key of a name: folded, every run of non-alphanumerics one space."""
    return _NON_ALNUM.sub(" ", fold(text)).strip()


@dataclass(frozen=True)
class Entry:
    """One way to name one place: row index in ``Gazetteer.places`` and the name's type."""

    place: int
    name_type: str


class Gazetteer:
    """Places and a name-key index. Build with :func:`load_gazetteer`."""

    def __init__(self, places: pd.DataFrame):
        self.places = places.reset_index(drop=True)
        index: dict[str, list[Entry]] = {}
        cols = {
            c: self.places[c].fillna("").astype(str).tolist()
            for c in ("name", "name_hy", "name_az", "alt_names", "kind")
        }
        for i in range(len(self.places)):
            seen: set[str] = set()
            forms = [(cols["name"][i], "name"), (cols["name_hy"][i], "hy"), (cols["name_az"][i], "az")]
            forms += [(a, "alt") for a in cols["alt_names"][i].split("|") if a]
            if cols["kind"][i] in ("district", "region"):
                forms += [(_FEATURE_SUFFIX.sub("", f), "base") for f, _ in list(forms) if _FEATURE_SUFFIX.search(f)]
            for form, typ in forms:
                k = name_key(form)
                if len(k) < 2 or k in seen:
                    continue
                seen.add(k)
                index.setdefault(k, []).append(Entry(i, typ))
        self.index = index
        #: every proper prefix of a multi-word key ("nagorno" for "nagorno karabakh")
        self.prefixes = {" ".join(k.split(" ")[:n]) for k in index if " " in k for n in range(1, k.count(" ") + 1)}
        self.max_tokens = max((k.count(" ") + 1 for k in index), default=1)
        p = self.places
        # per-place values as plain lists: read one at a time on the hot path, where indexing a
        # numpy array (and its scalars) costs several times more
        self.lat: list[float] = p["lat"].to_numpy(dtype=float).tolist()
        self.lon: list[float] = p["lon"].to_numpy(dtype=float).tolist()
        self.population: list[float] = p["population"].fillna(0).to_numpy(dtype=float).tolist()
        self.curated: list[bool] = p["curated"].fillna(0).to_numpy(dtype=bool).tolist()
        self.kind: list[str] = p["kind"].fillna("settlement").astype(str).tolist()
        self.country: list[str] = p["country"].fillna("").astype(str).tolist()
        self.admin1: list[str] = p["admin1"].fillna("").astype(str).tolist()
        self.names = p["name"].astype(str).tolist()
        # plain records: per-mention lookups must not go through pandas indexing
        self._records = [
            {k: (None if isinstance(v, float) and v != v else v) for k, v in r.items()} for r in p.to_dict("records")
        ]
        for r in self._records:
            r["alt_list"] = [a for a in str(r.get("alt_names") or "").split("|") if a][:12]
        self._fuzzy_cache: dict[str, str | None] = {}
        self._candidates: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = {}
        self._strength: dict[str, tuple[bool, bool]] = {}
        self.name_keys = [name_key(n) for n in self.names]
        self.admin1_keys = [name_key(strip_feature_word(a)) if a else "" for a in self.admin1]
        self.base_keys = [name_key(strip_feature_word(n)) for n in self.names]
        countries = [i for i, k in enumerate(self.kind) if k == "country"]
        #: ISO2 -> name key of the country ("AM" -> "armenia")
        self.country_keys = {self.country[i]: self.name_keys[i] for i in countries}
        self.country_names = {self.country[i]: self.names[i] for i in countries}

    def lookup(self, key: str) -> list[Entry]:
        """Entries whose name has this key (see :func:`name_key`)."""
        return self.index.get(key, [])

    def candidates(self, key: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
        """(places, name types) of the entries with this key; worked out once per key."""
        hit = self._candidates.get(key)
        if hit is None:
            entries = self.lookup(key)
            hit = self._candidates[key] = (tuple(e.place for e in entries), tuple(e.name_type for e in entries))
        return hit

    def name_strength(self, key: str) -> tuple[bool, bool]:
        """For the places with this name key: (every one is an uncurated place outside Armenia and
        Azerbaijan named by an alternate spelling, at least one is curated, has 2,000+ people or
        is more than a settlement). Worked out once per key."""
        hit = self._strength.get(key)
        if hit is None:
            places, types = self.candidates(key)
            foreign_alt = all(
                t == "alt" and not self.curated[c] and self.country[c] not in ("AM", "AZ")
                for c, t in zip(places, types)
            )
            strong = any(self.curated[c] or self.population[c] >= 2000 or self.kind[c] != "settlement" for c in places)
            hit = self._strength[key] = (bool(foreign_alt), bool(strong))
        return hit

    @cached_property
    def fuzzy_keys(self) -> list[str]:
        """Keys eligible for typo matching: 7+ letters, of curated or 10,000+ people places."""
        keys = []
        for k, entries in self.index.items():
            if len(k.replace(" ", "")) >= 7 and any(
                self.curated[e.place] or self.population[e.place] >= 10_000 for e in entries
            ):
                keys.append(k)
        return keys

    def fuzzy(self, key: str) -> str | None:
        """The one index key that ``key`` is a typo of, or None. Worked out once per key.

        Optimal string alignment distance (a transposition counts once) of at most 1, or 2 for
        keys of 11+ characters; ties between different keys are refused. A key that is itself
        a known name is no typo, nor is a demonym or plural of one (Armenian, Azerbaijanis).
        """
        if key in self._fuzzy_cache:
            return self._fuzzy_cache[key]
        hit = None if key in self.index else self._fuzzy(key)
        if hit is not None:
            flat, hflat = key.replace(" ", ""), hit.replace(" ", "")
            if flat.startswith(hflat) or hflat.startswith(flat):
                hit = None
        if len(self._fuzzy_cache) < 200_000:
            self._fuzzy_cache[key] = hit
        return hit

    def _fuzzy(self, key: str) -> str | None:
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        limit = 2 if len(key) >= 11 else 1
        hits = process.extract(key, self.fuzzy_keys, scorer=OSA.distance, score_cutoff=limit, limit=3)
        if not hits:
            return None
        best = min(h[1] for h in hits)
        top = [h for h in hits if h[1] == best]
        if len(top) > 1 or best == 0:
            return None
        return top[0][0]

    def row(self, i: int) -> dict:
        """Place ``i`` as a plain dict (a copy)."""
        return dict(self._records[i])


def gazetteer_path() -> Path:
    return data_dir() / "gazetteer" / "places.csv"


@lru_cache(maxsize=4)
def _load(path_s: str, _mtime: float) -> Gazetteer:
    raw = Path(path_s).read_bytes()
    # the built gazetteer is kept in the user's cache directory, keyed by the table and by this
    # module's code, so later processes start faster
    key = hashlib.sha1(raw + Path(__file__).read_bytes()).hexdigest()[:16]
    cached = cache_dir() / f"gazetteer-{key}.pickle"
    try:
        with cached.open("rb") as f:
            gaz = pickle.load(f)
        if isinstance(gaz, Gazetteer):
            return gaz
    except Exception:  # noqa: BLE001 - a missing, stale or broken cache is rebuilt
        pass
    places = pd.read_csv(
        io.BytesIO(raw), dtype={"id": str, "polygon": str, "zone_hint": str}, keep_default_na=False, na_values=[""]
    )
    gaz = Gazetteer(places)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(gaz, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cached)
    except OSError:
        pass  # a read-only home only costs start-up time
    return gaz


def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """The gazetteer at ``path`` (default: the embedded one), loaded once per process."""
    p = Path(path) if path else gazetteer_path()
    return _load(str(p.resolve()), p.stat().st_mtime)
