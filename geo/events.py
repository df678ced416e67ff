"""Roles and events: is a place mention where something happened, and what, when, how many.

Rules (see README "How roles are decided"): a mention is ``incident`` when its sentence names a
violent or security event (shelling, strike, drone, clash, capture, casualties...) and the place
is where it happened (after a locative word, or the object or subject of the event); ``context``
when it is an actor or government metonym ("Baku said"), a dateline, a distance reference, an
origin or destination, a launch point, a venue of talks, part of an organisation's or document's
name, or the conflict's name. A larger region that only qualifies a smaller place in the same
phrase ("Armenia's Syunik province") is context. Sentences with conditional or threat wording
("if the clashes spread to...") make their events ``hypothetical``.
"""

from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from geo._backward import backward, required


def lower(text: str) -> str:
    """``text.lower()`` with the same offsets: a character whose lower case is longer stays as it is."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


#: the patterns compiled by _ci (they run on lower-cased text)
_LOWERED: set[str] = set()


def _ci(pattern: str) -> re.Pattern:
    """A case-insensitive rule compiled to run on :func:`lower` text. It matches what ``re.I``
    would, but case-sensitive matching lets the engine skip an alternative by its first letter."""
    rx = re.compile(
        re.sub(r"\\.|\(\?P|[A-Z]", lambda m: m.group() if len(m.group()) > 1 else m.group().lower(), pattern)
    )
    _LOWERED.add(rx.pattern)
    return rx


_BOUNDARY_LETTER = re.compile(r"(?:\(\?<!([^()]*)\))?\\b([a-z])")
#: a word boundary before a group of words ("\\b(?:moved|crossed)", "\\b(?:land)?")
_BOUNDARY_GROUP = re.compile(r"\\b\(\?:([a-z|]+)\)(\??)")


def letters_first(pattern: str) -> str:
    """The same regular expression with each top-level alternative that starts with ``\\b`` and
    a letter written to start with the letter (``\\bsaid`` -> ``s(?<!\\ws)aid``, and a look-behind
    before the ``\\b`` moved after the letter; a group of words after the ``\\b`` becomes one
    alternative per word, in order). When every alternative starts with a plain
    character, the regex engine skips ahead to those characters instead of trying each
    alternative at every position: a search is several times faster."""
    out = []
    for alt in _top_level(pattern):
        g = _BOUNDARY_GROUP.match(alt)
        if g:  # "\\b(?:moved|crossed) into" -> "\\bmoved into|\\bcrossed into", tried in the same order
            words, rest = g.group(1).split("|"), alt[g.end() :]
            out.append(letters_first("|".join(rf"\b{w}{rest}" for w in words + ([""] if g.group(2) else []))))
            continue
        m = _BOUNDARY_LETTER.match(alt)
        if m:
            not_after, c = m.groups()
            alt = c + f"(?<!\\w{c})" + (f"(?<!{not_after}{c})" if not_after else "") + alt[m.end() :]
        elif not re.match(r"[^\\\[(.^$|?*+{]|\\[^bBdDsSwWAZ\d]", alt):  # a character, or an escaped one
            raise ValueError(f"an alternative that starts with no plain character: {alt!r}")
        out.append(alt)
    return "|".join(out)


# -- sentences ------------------------------------------------------------------------------

_ABBREV = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Maj|Capt|No|U\.S|U\.N|e\.g|i\.e|km|vs)"


#: "[.!?]+[")]*\s+(?=["(]?[A-Z0-9])|\n\s*\n", written to start with one character class so
#: that the regex engine can skip ahead to the characters that can start it
_SENTENCE_BREAK = re.compile(r"[.!?\n](?:(?<=[.!?])[.!?]*[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|(?<=\n)\s*\n)")
#: a break right after an abbreviation or an initial is no break
_ABBREV_END = re.compile(r"\b(?:" + _ABBREV + r"|[A-Z])\.$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of sentences; paragraph breaks always end one."""
    spans = []
    start = 0
    for m in _SENTENCE_BREAK.finditer(text):
        if text[m.start()] == "." and _ABBREV_END.search(text, max(0, m.start() - 6), m.start() + 1):
            continue
        end, at = m.end(), m.start()
        # a break at . ! ? ends a sentence that has that character; one at a blank line, one that
        # has something other than white space before it (str.strip and str.isspace agree on what it is)
        if text[at] != "\n" or (start < at and not text[start:at].isspace()):
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans or [(0, len(text))]


# -- vocabulary ------------------------------------------------------------------------------

_WORD = re.compile(r"[a-z]+")
#: bytes a-z kept, every other byte a space (see :func:`letters_only`)
_LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


def letters_only(low: str) -> str:
    """``low`` with every character but a-z made a space, same offsets: its ``split()`` is
    ``_WORD.findall(low)`` (a non-ASCII character is one "?" once encoded), several times faster."""
    return low.encode("ascii", "replace").translate(_LETTERS_ONLY).decode("ascii")


EVENT_PATTERNS: list[tuple[str, str, str]] = [
    # (regex, ACLED event type, sub-event type); first match wins
    (
        r"\bdrones?\b|\bUAVs?\b|air ?strikes?|airstrikes?|\bbombed\b|\bbombing\b|\bair raids?\b(?!\s+(?:sirens?|alerts?|shelters?))|warplanes?|aircraft",
        "Explosions/Remote violence",
        "Air/drone strike",
    ),
    (
        r"\bshell(?:s|ed|ing)?\b|\bartillery\b|\brockets?\b|\bmissiles?\b|\bmortars?\b|\bbarrage\b|\bGrad\b|\bSmerch\b|cluster munitions?|\bprojectiles?\b",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    ),
    (
        r"\b(?:land)?mines?\b|\bIEDs?\b|\bexplosive device",
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    ),
    (r"\bexplo(?:sion|sions|ded|de)\b|\bblasts?\b", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    (
        r"\b(?:conflict|war|fighting|clashes|hostilities|violence)\b[^.]{0,60}?\b(?:spread|spill|expand|extend|escalat)\w*",
        "Battles",
        "Armed clash",
    ),
    (
        r"\bincursions?\b|\b(?:moved|crossed|crossing|cross|advanced|encroached|infiltrated)\s+(?:[\w.]+\s+){0,4}?into\b|\bcrossed the border\b|\bdug in\b|\bsending troops\b|\bsent troops\b",
        "Strategic developments",
        "Other",
    ),
    (
        r"\bcaptur(?:e|ed|ing)\b|\btook (?:control|over)\b|\btaken\b|\btak(?:e|ing) (?:control|over)\b|\bseiz(?:e|ed|ing)\b|\bliberat(?:e|ed|ion)\b|\bretook\b|\brecaptured?\b|\bretake\b|\b(?:take|took|taking) back\b|\bentered\b|\bfell to\b",
        "Battles",
        "Government regains territory",
    ),
    (
        r"\bclash(?:es|ed)?\b|\bprovocations?\b|\bfighting\b|\bfought\b|\bbattles?\b|\bskirmish(?:es)?\b|\bfirefights?\b|\boffensive\b|\bassault\b|\battack(?:s|ed|ing)?\b|\bopened fire\b|\bexchanges? of fire\b|\bshots?\s+(?:were\s+)?(?:fired|exchanged)\b|\bexchanged\s+(?:fire|shots)\b|\bgunfire\b|\bfire\b|\bincursions?\b|\badvanc(?:e|ed|ing)\b|\bpushed\s+(?:[\w.]+\s+){0,4}?into\b|\bcounter-?attack",
        "Battles",
        "Armed clash",
    ),
    (
        r"\bblockade[ds]?\b|\bblocked\b|\bstand-?offs?\b|\bcheckpoints?\b|\bclosed the road\b|\bdetain(?:ed|s)?\b|\barrest(?:ed|s)?\b",
        "Strategic developments",
        "Other",
    ),
    (
        r"\bkill(?:ed|ing|s)?\b|\bwounded\b|\binjur(?:ed|ies|ing)\b|\bdead\b|\bdied\b|\bcasualt(?:y|ies)\b|\bshot down\b|\bdowned\b|\bshook\b|\brocked\b|\bpounded\b|\bdestroyed\b|\bdamaged\b|\bhit\b|\bstruck\b|\bstrik(?:e|es|ing)\b|\btarget(?:ed|ing)\b|\bbombarded\b|\bburn(?:ed|ing|t)\b|\bablaze\b|\blosses\b|\blanded\b|\bfight\b|\bbesieged\b|\bsiege\b|\bevacuat(?:ed|ion)\b|\bdeaths?\b|\b(?:death|civilian)\s+toll\b|\btoll\b|\bvictims?\b",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    ),
]


def _top_level(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression (split at ``|`` outside groups and classes)."""
    parts, depth, klass, cur, i = [], 0, False, "", 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            cur += pattern[i : i + 2]
            i += 2
            continue
        if klass:
            klass = c != "]"
        elif c == "[":
            klass = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(cur)
            cur = ""
            i += 1
            continue
        cur += c
        i += 1
    return parts + [cur]


_WHOLE_WORD = re.compile(r"\\b([a-z]+)(?:\(\?:([a-z|]+)\)(\?)?|([a-z])\?|\[([a-z]+)\]\?)?\\b")


def _split_words(pattern: str) -> tuple[frozenset[str], str | None]:
    """A lower-case rule as (the whole words it matches, the regular expression of its other
    alternatives).

    ``\\bdrones?\\b``, ``\\bkill(?:ed|s)?\\b`` and ``\\bblockade[ds]?\\b`` are whole-word
    alternatives: a lookup in the sentence's set of words decides them without running a
    regular expression."""
    words: set[str] = set()
    rest = []
    for alt in _top_level(pattern):
        m = _WHOLE_WORD.fullmatch(alt)
        if m is None:
            rest.append(alt)
            continue
        stem, ends, optional, last, lasts = m.groups()
        if ends:
            words.update(stem + e for e in ends.split("|"))
        for c in (last or "") + (lasts or ""):  # "drones?", "blockade[ds]?": an optional last letter
            words.add(stem + c)
        if optional or last or lasts or not ends:
            words.add(stem)
    return frozenset(words), ("|".join(rest) if rest else None)


def _group_end(pattern: str, i: int) -> int:
    """Index just past the group that opens at ``pattern[i]``."""
    depth = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        depth += (c == "(") - (c == ")")
        i += 1
        if depth == 0:
            return i
    raise ValueError("unbalanced group")


_LOOKAROUND_OR_BOUNDARY = re.compile(r"\\b|\(\?<?[=!]")


def _leading_words(pattern: str) -> set[str] | None:
    """The letters each alternative of a lower-case rule starts with ("\\braids?\\s+on|\\bin\\b" ->
    {"raid", "in"}); None when some alternative can start otherwise (a class, a digit, one letter)."""
    out: set[str] = set()
    for alt in _top_level(pattern):
        while m := _LOOKAROUND_OR_BOUNDARY.match(alt):  # what a match starts with, not what it is
            alt = alt[_group_end(alt, 0) :] if m.group().startswith("(") else alt[2:]
        if alt.startswith("(?:"):
            end = _group_end(alt, 0)
            inner = _leading_words(alt[3 : end - 1])
            if inner is not None and alt[end : end + 1] in ("?", "*"):  # "(?:land)?mines?": or what follows
                after = _leading_words(alt[end + 1 :])
                inner = None if after is None else inner | after
            if inner is None:
                return None
            out |= inner
            continue
        m = re.match(r"[a-z]+", alt)
        w = m.group() if m else ""
        if alt[len(w) : len(w) + 1] == "?":  # "raids?": the word can end before the s
            w = w[:-1]
        if len(w) < 2:
            return None
        out.add(w)
    return out


_QUANTIFIER = re.compile(r"[?*+]\??|\{\d*,?\d*\}\??")


def _longest_word_start(alternative: str) -> str | None:
    """The longest run of letters that every match of ``alternative`` has at the start of a word
    (after the start, a \\b or a space), outside groups: "\\bin the event\\b" -> "event"."""
    best, i, at_start = None, 0, True
    while i < len(alternative):
        rest = alternative[i:]
        if rest.startswith(("\\b", "\\s", " ")):
            i += 1 if rest[0] == " " else 2
            q = _QUANTIFIER.match(alternative, i)
            # a word starts after it, unless the space may be missing ("air ?strike")
            at_start = rest[0] == "\\" and rest[1] == "b" or q is None or q.group()[0] == "+"
            i = q.end() if q else i
            continue
        if rest[0] == "(":
            i = _group_end(alternative, i)
        elif "a" <= rest[0] <= "z":
            w = re.match(r"[a-z]*", rest).group()  # type: ignore[union-attr]  # "[a-z]*" always matches
            i += len(w)
            if _QUANTIFIER.match(alternative, i):  # "raids?": the last letter may be missing
                w = w[:-1]
            if at_start and len(w) >= 2 and (best is None or len(w) > len(best)):
                best = w
        else:
            i += 2 if rest[0] == "\\" else 1
        q = _QUANTIFIER.match(alternative, i)
        if q:
            i = q.end()
        at_start = False
    return best


def _leading_gate(pattern: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """A gate (see :func:`_word_in`) that lets a rule be tried only when a word starts with a word
    every match of one of its alternatives has: the longest such word, else what it starts with."""
    words = set()
    for alt in _top_level(pattern):
        w = _longest_word_start(alt)
        lead = {w} if w else _leading_words(alt)
        if lead is None:
            return None
        words |= lead
    return (frozenset(), frozenset(w[:5] for w in words))


#: per event pattern: (its whole words, a regex for its other alternatives, type, sub-type)
_EVENT_SPLIT = [_split_words(lower(p)) for p, _, _ in EVENT_PATTERNS]
_EVENT_RULES = [
    (words, _ci(letters_first(rest)) if rest else None, t, s)
    for (words, rest), (_, t, s) in zip(_EVENT_SPLIT, EVENT_PATTERNS)
]
_CIVILIAN = _ci(letters_first(r"\bcivilians?\b|\bresidents?\b|\bchildren\b|\bwomen\b|\bvillagers\b"))

_HYPOTHETICAL_CUES = (
    r"\bif\b|\bwould\b|\bcould\b|\bmight\b|\bin case\b|\bin the event\b|\bshould\s+\w+\s+(?:spread|expand|spill)|"
    r"\bthreat(?:en|ened|ens)?\b|\bwarn(?:ed|s|ing)?\b.*\b(?:against|of)\b|\brisk of\b|\bany (?:attack|aggression|incursion)\b|"
    r"\bwill (?:respond|retaliate|defend)\b|\bfears? (?:that|of)\b|\bunless\b|\bpossible\b|"
    r"(?<!pre-)\bplann(?:ed|ing)\b|\bnot tolerate\b|\bapplies only to\b|\bwould apply\b|\bprepar(?:ing|ed) to\b|"
    r"\breserv(?:e|es|ed|ing) the right\b|\bvow(?:s|ed)? to\b|\bplans? to\b|\bintends? to\b|\bready to\b|"
    r"\bshould\s+(?:[\w-]+\s+){0,3}?(?:try|attempt|seek)\s+to\b|"  # "Should troops try to cross into ..."
    # "may" before a verb (not the month: "In May shelling ..."); "did not rule out an offensive"
    r"\bmay\s+(?:be|have|spread|escalate|begin|start|resume|reach|come|follow|attack|strike|launch|try|soon)\b|"
    r"\brul(?:e|es|ed|ing)\s+out\b"
)
_HYPOTHETICAL = _ci(letters_first(_HYPOTHETICAL_CUES))
_CONDITION = re.compile(r"if\b|unless\b|in case\b|in the event\b|should\b")
#: cues that govern only the next few words, not the whole clause ("launchers aimed at Ganja and
#: Mingachevir, the first strike on Armenian territory")
_HYPOTHETICAL_NEAR = _ci(r"\baimed at\b|\bintended\b")
#: how many characters before a mention a near cue reaches
HYPOTHETICAL_NEAR_CHARS = 40

# Cues in the few words before a mention
_BEFORE_CONTEXT = [
    (
        _ci(
            r"\b(?:km|kms|kilometres|kilometers|miles|metres|meters)\s+(?:\([^)]*\)\s+)?(?:(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)(?:ern)?\s+)?(?:of|from)\s+(?:the\s+)?(?:\w+\s+of\s+)?$"
        ),
        "distance reference",
    ),
    (
        _ci(r"\b(?:far|away|miles|kilometres|kilometers|km)\s+(?:\w+\s+)?from\s+(?:the\s+)?$"),
        "distance reference",
    ),
    (
        _ci(
            r"\b(?:war|wars|conflict|dispute|fighting|hostilities|struggle|peace|talks|negotiations|deal|agreement|sovereignty|control)\s+(?:over|about|for|on)\s+(?:the\s+)?(?:control\s+of\s+(?:the\s+)?)?$"
        ),
        "conflict name",
    ),
    (
        _ci(
            r"\b(?:recognition|recogni[sz]ed?|integrity|status|future|sovereignty|independence|annexation|part|borders?)\s+(?:of|over)\s+(?:the\s+)?$"
        ),
        "political reference",
    ),
    (re.compile(r"[A-Z][\w]+\s*[–-]\s*$"), "compound name"),
    (
        _ci(
            r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)\s+of\s+(?:the\s+)?(?:\w+\s+of\s+)?$"
        ),
        "distance reference",
    ),
    (
        _ci(
            r"\b(?:fled|flee|fleeing|evacuated|evacuate|moved|relocated|returned|return|driven|taken|bused|headed|heading|travel(?:l?ed)?|went|go|arrived?|arriving|sent|deported|walked)\s+(?:\w+\s+){0,3}?(?:to|into|towards?|for)\s+(?:the\s+)?(?:\w+\s+of\s+)?$"
        ),
        "destination",
    ),
    (
        _ci(
            r"\b(?:residents?|natives?|refugees?|people|families|man|woman|inhabitants|citizens?|villagers|displaced|evacuees)\s+(?:\w+\s+){0,2}?(?:of|from)\s+(?:the\s+)?(?:\w+\s+(?:of|in)\s+)?$"
        ),
        "origin",
    ),
    (
        _ci(r"\b(?:stuck|stranded|trapped|waiting|living|settled|resettled|housed|sheltered)\s+in\s+(?:the\s+)?$"),
        "origin",
    ),
    (
        _ci(r"\b(?:leave|left|leaving|bound|departed|departing|headed|heading)\s+for\s+(?:the\s+)?$"),
        "destination",
    ),
    (_ci(r"\b(?:have|has|had)\s+(?:now\s+)?crossed\s+into\s+(?:the\s+)?$"), "destination"),
    (
        _ci(r"\bto\s+the\s+(?:border|frontier|area|region)\s+(?:near|of|with)\s+(?:the\s+)?$"),
        "destination",
    ),
    (
        _ci(
            r"\b(?:fired|launched|shot|shelling|shelled|struck|hit|targeted|bombarded|pounded|attack(?:ed)?|firing|fire)\s+(?:\w+\s+){0,3}?from\s+(?:the\s+)?(?:direction\s+of\s+|territory\s+of\s+|positions?\s+(?:in|near|around)\s+(?:the\s+)?|(?:[\w\-]+\s+){0,2}(?:(?:town|village|city|area|district|region|outskirts)\s+of\s+(?:the\s+)?)?)?$"
        ),
        "launch point",
    ),
    (_ci(r"\bfrom\s+the\s+direction\s+of\s+(?:the\s+)?$"), "launch point"),
    (_ci(r"\bfrom\s+(?:the\s+)?(?:territory\s+of\s+)?$"), "origin"),
    (
        _ci(
            r"\b(?:talks|summit|meeting|met|negotiations|ceasefire\s+(?:was\s+)?(?:agreed|signed|brokered)|agreed|signed|hosted|conference|held|mediated|brokered|sign(?:ing)?|agreement|statement\s+signed|declaration|negotiators?|visit(?:ed)?|trip|speaking|spoke|speech|interview|told\s+reporters)\s+(?:\w+\s+){0,4}?(?:in|at)\s+(?:the\s+)?$"
        ),
        "venue",
    ),
    (
        _ci(
            r"\b(?:road|highway|route|corridor|way|flights?|link)\s+(?:\w+\s+){0,2}?(?:to|towards?|linking|connecting)\s+(?:\w+\s+and\s+)?$"
        ),
        "destination",
    ),
    (_ci(r"\btowards?\s+(?:the\s+)?(?:border\s+with\s+)?$"), "destination"),
    (_ci(r"\bvia\s+$"), "route"),
    (
        _ci(
            r"\b(?:capital|president|prime minister|leader|leaders|government|governments|officials?|foreign minister|ambassador|envoy|troops?\s+from)\s+of\s+(?:the\s+)?$"
        ),
        "actor",
    ),
    (
        _ci(
            r"\b(?:to|into|in|at)\s+(?:an?\s+|the\s+)?(?:[\w\-]+\s+)?(?:hospitals?|clinics?|morgues?)\s+in\s+(?:the\s+)?$"
        ),
        "where the wounded were treated",
    ),
    (
        _ci(
            r"\b(?:has|have|had|its|their|operates|keeps|maintains)\s+(?:an?\s+)?(?:[\w-]+\s+)?bases?\s+(?:in|at|near)\s+(?:the\s+)?$"
        ),
        "where a base is",
    ),
    (_ci(r"\bbetween\s+$"), "pair"),
    (_ci(r"\b(?:born|based|headquartered|living|lives|lived|grew up|stationed)\s+in\s+$"), "origin"),
]
_AFTER_CONTEXT = [
    (
        re.compile(
            r"^['’]s\s+(?:[A-Z][\w\-]*\s+){0,3}(?:Ministry|Ministries|Minister|Ombudsman|President|Prime|Foreign|Defence|Defense|Government|government|Prosecutor|State|Security|National|Border|Emergency|Emergencies|Health|Interior|leader|leadership|military|army|forces|officials?|authorities|troops|side|parliament|envoy|ambassador|spokes\w+|embassy|representative|human rights|foreign|defence|defense|president|prime|premier|security|office|statement)\b"
        ),
        "actor",
    ),
    (
        re.compile(
            r"^\s*(?:has\s+|had\s+|have\s+|also\s+|later\s+|then\s+|quickly\s+|swiftly\s+|promptly\s+|officially\s+|repeatedly\s+)?(?:said|says|denied|denies|accused|accuses|claimed|claims|announced|announces|insisted|insists|rejected|rejects|warned|warns|urged|urges|blamed|blames|confirmed|confirms|responded|responds|called|calls|demanded|demands|dismissed|dismisses|stated|states|reported|reports|condemned|condemns|protested|maintains|maintained|argued|argues|agreed|agrees|threatened|vowed|pledged|offered|sent|has\s+sent|signed|refused|refuses|wants|sought|seeks|brokered|brokers|mediated|hosted|hosts|proposed|recognised|recognized|recognizes|backed|supports|supported|dispatched|deployed|would|will|has|had|is|was|and\s+(?:Baku|Yerevan|Moscow|Ankara|Tehran))\b"
        ),
        "actor",
    ),
    (
        re.compile(
            r"^\s+(?:forces\s+|troops\s+|army\s+|units\s+)?(?:shelled|struck|attacked|bombed|fired|launched|targeted|captured|seized|took|retook|invaded|shot|killed|hit|ambushed|downed|violated|breached)\b"
        ),
        "actor",
    ),
    (
        re.compile(
            r"^-?(?:brokered|mediated|backed|led|based|made|supplied|built|drafted|sponsored|allied|friendly)\b"
        ),
        "actor",
    ),
    (re.compile(r"^\s*[-–]\s*(?:brokered|mediated|backed|led)\b"), "actor"),
    (
        re.compile(
            r"^\s+(?:Ombudsman|Conventions?|Convention|Group|Post|Times|Herald|Tribune|Journal|Agency|Television|TV|Radio|News|Press|Airlines|Airways|University|Institute|Committee|Council|Accords?|Agreement|Declaration|Protocol|Principles|Process|Format|Platform|Summit|Statement|Republic\b(?!\s+of)|Ministry|Defence\s+Ministry|Defense\s+Ministry|Foreign\s+Ministry|Army|Armed\s+Forces|Human\s+Rights|Football|Prosecutor|Investigative|Media|Service|Centre|Center|Observatory|Monitor|Today|Daily|Public|Police|Government|Parliament|Assembly|Security\s+Service|State\s+Border|Border\s+Guard|Electric|Railways?|Ombudsperson|Foundation|Fund)\b"
        ),
        "organisation",
    ),
    (
        _ci(
            r"^(?:\s*[-–]\s*|\s+)(?:conflict|war|wars|dispute|issue|question|problem|crisis|peace\s+process|talks|negotiations|settlement|ceasefire|truce|border\s+commission|movement)\b"
        ),
        "conflict name",
    ),
    (
        re.compile(
            r"^\s*[–-]\s*[A-Z][\w]+\s+(?:frontier|border|conflict|war|talks|relations|peace|deal|agreement|normali[sz]ation|commission|ceasefire|front|line|summit)\b"
        ),
        "compound name",
    ),
    (
        re.compile(
            r"^\s+(?:and|or)\s+[A-Z]\w+\s+(?:said|have|had|agreed|signed|accused|traded|blamed|exchanged|are|were)\b"
        ),
        "actor",
    ),
]
_LOCATIVE_BEFORE = _ci(
    r"\b(?:in|at|on|near|close\s+to|(?:spread|spill|expand|extend|escalate)\w*\s+(?:\w+\s+){0,3}?(?:to|into|over|beyond)|into|inside|within|around|including|blockade\s+of|siege\s+of|blocking|blockading|blocked|shook|rocked|pounded|hammered|battered|taken|take|retaken|seize|capture|liberate|downed\s+(?:over|near)|outside|across|over|onto|upon|throughout|along|against|toward|towards|targeting|targeted|target|hit|hitting|strike|struck|striking|shell|shelled|shelling|bomb|bombed|bombing|attack|attacked|attacking|captured|capturing|seized|liberated|took|retook|entered|reached|fired\s+on|fire\s+on|fired\s+at|raids?\s+on|strikes?\s+on|attacks?\s+on|shelling\s+of|bombardment\s+of|capture\s+of|control\s+of|liberation\s+of|outskirts\s+of|parts\s+of|village\s+of|town\s+of|city\s+of|region\s+of|district\s+of|centre\s+of|center\s+of|areas?\s+of|heights?\s+(?:near|above)|positions?\s+(?:in|near))\s+(?:the\s+|its\s+|their\s+|his\s+)?(?:(?:[a-z\-]+\s+){0,2}(?:of|in|near|including)\s+(?:the\s+)?)?(?:[a-z][a-z\-]+(?:['’]s)?\s+)?$"
)
_LOCATIVE_BACK = backward(_LOCATIVE_BEFORE)
#: how the text after a mention says it was hit; each starts with a word for a quick test
_PASSIVE_VERBS = tuple(
    (
        "shelled hit struck attacked bombed targeted captured taken seized liberated retaken damaged destroyed "
        "blockaded surrounded evacuated under cut"
    ).split()
)
_PASSIVE_PHRASES = [*_PASSIVE_VERBS[:-2], r"under\s+(?:fire|attack|shelling)", "cut off"]
_AFTER_PASSIVE = _ci(
    r"^(?:['’]s\s+\w+\s+|\s*,?\s*(?:a|the|an)?\s*(?:[\w\-'’]+,?\s+){0,6}?,?\s*)?(?:was|were|is|are|has been|have been|had been|came|come|remained|remains|(?P<modal>would|will|could|might) be)\s+(?:\w+\s+){0,2}?"
    "(?:" + "|".join(_PASSIVE_PHRASES) + ")"
)


def _passive_after(after_low: str) -> re.Match | None:
    """The lower-cased text after a mention says the place was hit ("was shelled", ", a town of
    5,000, came under fire"); the match's ``modal`` group is set for "would be shelled"."""
    return _AFTER_PASSIVE.match(after_low) if _has_any(after_low, _PASSIVE_VERBS) else None


#: a predicate right after a place that says the event of its phrase has not happened yet
#: ("officials said an attack on Syunik was likely", "a strike on Kapan seemed imminent"); not
#: before "to", where it is the place that is likely to act ("Baku was likely to respond")
_AFTER_UNREAL = re.compile(
    r"^\s+(?:was|is|were|are|seemed|seems|looked|looks|appeared|appears)\s+"
    r"(?:(?:very|highly|increasingly|now|still|more|quite)\s+)?"
    r"(?:likely|unlikely|possible|imminent|expected|probable)\b(?!\s+to\b)"
)
#: "an attack on X was repelled": the attack, not X, is what was repelled
_AFTER_FOILED = re.compile(
    r"^\s+(?:was|were|had\s+been|has\s+been)\s+(?:repelled|repulsed|thwarted|foiled|beaten\s+back)\b"
)


def _did_not_act(after_low: str) -> bool:
    """The lower-cased text after a place that reads as its verb ("X was ...") says the place, or
    the event of its phrase, was acted on or has not happened: "X was shelled", "an attack on X was
    likely", "an attack on X was repelled". Such a place is no actor."""
    return (
        _passive_after(after_low) is not None
        or _AFTER_UNREAL.match(after_low) is not None
        or _AFTER_FOILED.match(after_low) is not None
    )


_AFTER_EVENT_NOUN = _ci(
    r"^\s*(?:[-–]\s*)?(?:was\s+)?(?:shelling|strike|strikes|attack|attacks|clash|clashes|fighting|offensive|explosion|blast|bombardment|massacre|tragedy|raid|assault|incursion|battle)\b"
)
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z\-'’ ]+[A-Z])(?:,\s*[A-Z][\w ]+)?\s*(?:,\s*)?(?:\(?[A-Z][a-z]{2,8}\.?\s+\d{1,2}\)?)?\s*(?:\([^)]{1,40}\)\s*)?(?:[-–—]+|:)"
)


def _rule_words(pattern: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """The literal words of a rule (escapes such as \\b removed) as (whole words, stems); None
    for a rule with none. Rules spell longer words in pieces (resident(s?), evacuat(ed|ion)), so
    those are kept as stems of up to 5 letters; a short word (for, war, go) must be the word itself."""
    text = re.sub(r"\\[a-zA-Z]", " ", pattern).lower()
    whole, stems = set(), set()
    for m in re.finditer(r"[a-z]{2,}", text):
        w = m.group()
        if w in _GENERIC:
            continue
        nxt = text[m.end() : m.end() + 1]
        if len(w) <= 3 and nxt not in ("(", "[", "?"):
            whole.add(w)
        else:  # "fears?": the stem is "fear"
            stems.add((w[:-1] if nxt == "?" else w)[:5])
    return (frozenset(whole), frozenset(stems)) if whole or stems else None


def _word_in(word: str, gate: tuple[frozenset[str], frozenset[str]]) -> bool:
    """True when ``word`` is one of a rule's whole words or starts with one of its stems."""
    whole, stems = gate
    return word in whole or word[:2] in stems or word[:3] in stems or word[:4] in stems or word[:5] in stems


#: words too common to tell rules apart (every rule that has them has a rarer word too)
_GENERIC = frozenset("the of in at on to and ed ing sz ern up".split())


class _Gates:
    """For a list of rules, each with its words (see :func:`_rule_words`; None: a rule that must
    always be tried), the bit mask of the rules a word can belong to. Worked out once per word."""

    def __init__(self, gates: list[tuple[frozenset[str], frozenset[str]] | None]):
        self.gates = gates
        #: the rules without words
        self.always = sum(1 << i for i, g in enumerate(gates) if g is None)
        #: word -> bit mask; read it directly on a hot path, and call :meth:`of` for a word not in it
        self.cache: dict[str, int] = {}

    def of(self, word: str) -> int:
        bits = self.cache.get(word)
        if bits is None:
            bits = sum(1 << i for i, g in enumerate(self.gates) if g is not None and _word_in(word, g))
            if len(self.cache) < 100_000:
                self.cache[word] = bits
        return bits

    def any_of(self, words: frozenset[str] | set[str] | list[str]) -> bool:
        """Whether any of ``words`` can belong to a rule (``of_words(words) != 0``, stopping at the first)."""
        if self.always:
            return True
        cache = self.cache
        for w in words:
            hit = cache.get(w)
            if (self.of(w) if hit is None else hit) != 0:
                return True
        return False

    def of_words(self, words: frozenset[str] | set[str]) -> int:
        """The bit mask of the rules any of ``words`` can belong to."""
        bits, cache = self.always, self.cache
        for w in words:
            hit = cache.get(w)
            bits |= self.of(w) if hit is None else hit
        return bits


#: the after-rules' words: the first word after a mention must be one (else a possessive or a dash)
_AFTER_GATES = _Gates([_rule_words(rx.pattern) for rx, _ in _AFTER_CONTEXT])
#: the after-rule of a place that acted ("Baku shelled", "Armenia killed"), and the prepositions that
#: make the place before such a verb the object of a preposition instead ("a raid on X killed two")
_AFTER_VERB_BIT = 1 << next(i for i, (rx, _) in enumerate(_AFTER_CONTEXT) if "ambushed" in rx.pattern)
_PREPOSITION_END = re.compile(r"\b(?:on|in|at|near|into|over|against)\s+(?:the\s+)?$")
_ALL_AFTER_RULES = (1 << len(_AFTER_CONTEXT)) - 1
#: the words of the event patterns' alternatives that are not whole words: one must be there for those to be tried
_EVENT_REST = _Gates([_leading_gate(rest) if rest else (frozenset(), frozenset()) for _, rest in _EVENT_SPLIT])
_FIRST_WORD = re.compile(r"[\s,]*([a-z]+)")


def _first_word(after_low: str) -> str | None:
    """``_FIRST_WORD.match(after_low).group(1)`` (or None), read character by character: for a
    few characters, faster than a regex call."""
    n = len(after_low)
    i = 0
    while i < n:
        c = after_low[i]
        if c == " " or c == "," or c.isspace():
            i += 1
        else:
            break
    j = i
    while j < n and "a" <= after_low[j] <= "z":
        j += 1
    return after_low[i:j] if j > i else None


#: (rule, reason, runs on the lower-cased text) for the rules before and after a mention; the
#: before-rules are run backwards over the reversed text (see geo._backward), and come with the
#: text that the reversed window must contain for them to match (see geo._backward.required)
_BEFORE_RULES = [
    (back, why, rx.pattern in _LOWERED, need if len(need) > 1 else "")
    for rx, why in _BEFORE_CONTEXT
    for back in (backward(rx),)
    for need in (required(back),)
]
_AFTER_RULES = [(rx, why, rx.pattern in _LOWERED) for rx, why in _AFTER_CONTEXT]


@dataclass(frozen=True)
class Role:
    role: str  # "incident" or "context"
    reason: str
    hypothetical: bool = False


_ROLES: dict[tuple[str, str, bool], Role] = {}


def _role(role: str, reason: str, hypothetical: bool = False) -> Role:
    """The (shared, immutable) Role with these values."""
    r = _ROLES.get((role, reason, hypothetical))
    if r is None:
        r = _ROLES[(role, reason, hypothetical)] = Role(role, reason, hypothetical)
    return r


def classify_event(
    sentence: str, *, low: str | None = None, words: frozenset[str] | None = None
) -> tuple[str | None, str | None]:
    """The ACLED (event_type, sub_event_type) a sentence describes, or (None, None).

    ``low`` (the sentence lower-cased by :func:`lower`) and ``words`` (its set of words) save
    the work when they are already known."""
    low = lower(sentence) if low is None else low
    words = frozenset(_WORD.findall(low)) if words is None else words
    return _kind(_first_rule(low, words), low)


def _kind(rule: int, low: str) -> tuple[str | None, str | None]:
    """(event type, sub-event type) of event rule ``rule`` matched in ``low`` (or none)."""
    if rule == len(_EVENT_RULES):
        return None, None
    t, s = _EVENT_RULES[rule][2:]
    if t == "Explosions/Remote violence" and s.startswith("Shelling") and not _has_any(low, _SHELL_STEMS):
        if _HARM_WORDS.search(low) and _CIVILIAN.search(low):
            return "Violence against civilians", "Attack"
    return t, s


def _first_rule(low: str, words: frozenset[str]) -> int:
    """Index of the first event rule that matches ``low`` (whose set of words is ``words``), or
    ``len(_EVENT_RULES)``."""
    hits = _EVENT_WORDS.intersection(words)
    first = min(map(_EVENT_FIRST.__getitem__, hits)) if hits else len(_EVENT_RULES)
    maybe = -1  # which patterns the words let be tried beyond their whole words; asked for once
    for i in _EVENT_WITH_REST:  # an earlier rule's other alternatives can still come first
        if i >= first:
            break
        if maybe < 0:
            maybe = _EVENT_REST.of_words(words)
        rx = _EVENT_RULES[i][1]
        if maybe >> i & 1 and rx is not None and rx.search(low):
            return i
    return first


#: the last event rule only catches what the others miss (killed, hit, struck): it names no kind of event
_CATCH_ALL = len(_EVENT_RULES) - 1
#: the kind of each event rule; each whole word of the rules before the catch-all with the first
#: of them it is a word of
_EVENT_KIND = [(t, s) for *_, t, s in _EVENT_RULES]
_KIND_FIRST = {w: i for i in reversed(range(_CATCH_ALL)) for w in _EVENT_RULES[i][0]}
_KIND_WORDS = frozenset(_KIND_FIRST)
_WORD_KIND = {w: _EVENT_KIND[i] for w, i in _KIND_FIRST.items()}


def _kind_words(low: str, clean: str, s0: int, s1: int, words: frozenset[str], first: int) -> list[tuple[int, int]]:
    """(offset, rule) of the event words in ``low[s0:s1]`` that name a kind of event, when they
    name more than one kind; else an empty list. ``clean``: ``low`` with only its letters (see
    :func:`letters_only`); ``words``: the sentence's set of words; ``first``: the first rule that
    matches it. The words are the whole words of the rules before the catch-all, each with the
    first of those rules it is a word of, and the phrases of ``first`` when its match is one
    ("opened fire"); the other rules' phrases are not looked for."""
    whole = words & _KIND_WORDS
    kinds = {_WORD_KIND[w] for w in whole}
    phrase = first < _CATCH_ALL and all(_KIND_FIRST[w] != first for w in whole)  # the sentence's event is a phrase
    if phrase:
        kinds.add(_EVENT_KIND[first])
    if len(kinds) < 2:
        return []
    out = []
    for w in whole:  # where each word is: in the letters-only text, a run of letters between spaces
        rule, n = _KIND_FIRST[w], len(w)
        i = clean.find(w, s0, s1)
        while i >= 0:
            if (i == s0 or clean[i - 1] == " ") and (i + n == s1 or clean[i + n] == " "):
                out.append((i, rule))
            i = clean.find(w, i + n, s1)
    rx = _EVENT_RULES[first][1]
    if phrase and rx is not None:
        out.extend((m.start(), first) for m in rx.finditer(low, s0, s1))
    return out


#: each whole word of the event rules, with the first rule it is a word of
_EVENT_FIRST = {w: i for i in reversed(range(len(_EVENT_RULES))) for w in _EVENT_RULES[i][0]}
_EVENT_WORDS = frozenset(_EVENT_FIRST)
#: the rules with alternatives that are not whole words, in order
_EVENT_WITH_REST = [i for i, (_, rx, _, _) in enumerate(_EVENT_RULES) if rx is not None]


#: words of shelling: a sentence without one of them in it is no shelling (see _kind)
_SHELL_STEMS = ("shell", "artillery", "rocket", "missile", "mortar", "grad", "smerch", "projectile", "barrage")
_HARM_WORDS = re.compile(letters_first(r"\bkill|\bwounded|\binjur|\bdead|\bdied"))


def hypothetical_before(text_before: str) -> bool:
    """True when a conditional or threat cue governs the clause that ends at a mention (or a
    near cue such as "aimed at" comes just before it)."""
    clause = _CLAUSE_BREAK.split(text_before)[-1].lower()
    if not _has_cue_word(letters_only(clause).split()):  # the words of _WORD in it
        return False
    if _HYPOTHETICAL_NEAR.search(clause[-HYPOTHETICAL_NEAR_CHARS:]):
        return True
    for m in _HYPOTHETICAL.finditer(clause):
        # a condition ("if talks failed, ...") ends at the next comma; a modal or threat governs the clause
        if not (_CONDITION.match(m.group()) and "," in clause[m.end() :]):
            return True
    return False


_CLAUSE_BREAK = re.compile(
    letters_first(
        r";|:|\.\s|,\s+(?:but|while|and)\s|\bsaid\b|\bsays\b"
        # ", a week after ...", ", days before ...": a time adjunct starts a clause of its own
        r"|,\s+(?:(?:a|an|one|two|three|several|a few)\s+)?(?:(?:days?|weeks?|months?|hours?|years?)\s+)?(?:after|before|since)\b"
    )
)


def dateline_end(text: str) -> int:
    """End offset of a dateline at the start of the text ("STEPANAKERT, Oct 5 (X) —"), else 0."""
    m = _DATELINE.match(text[:160])
    return m.end() if m else 0


class Document:
    """A report's text prepared once for the rules: a lower-cased copy with the same offsets, its
    sentences with their sets of words (runs of a-z) and their events, and where its dateline
    ends. Building one is linear in the text's length."""

    __slots__ = (
        "text",
        "low",
        "clean",
        "sentences",
        "sentence_starts",
        "sentence_words",
        "_events",
        "_rules",
        "_cues",
        "_clauses",
        "_kinds",
        "dateline",
    )

    def __init__(self, text: str):
        self.text = text
        self.low = low = lower(text)
        self.sentences = split_sentences(text)
        self.sentence_starts = [s for s, _ in self.sentences]
        #: ``low`` with only its letters a-z (see :func:`letters_only`)
        self.clean = clean = letters_only(low)
        #: the set of words of each sentence
        self.sentence_words = [frozenset(clean[s:e].split()) for s, e in self.sentences]
        self._events: list[tuple[str | None, str | None] | None] = [None] * len(self.sentences)
        #: the first event rule that matches each sentence (set with its event)
        self._rules: list[int] = [0] * len(self.sentences)
        self._cues: list[bool | None] = [None] * len(self.sentences)
        #: per sentence asked for: the starts of its clauses and whether each has an event word
        self._clauses: dict[int, tuple[list[int], list[bool | None]]] = {}
        #: per sentence asked for: the starts of its clauses for event kinds, its event words of
        #: each kind (see _kind_words) and each clause's event (see :meth:`event_at`)
        self._kinds: dict[int, tuple[list[int], list[tuple[int, int]], list[tuple[str | None, str | None] | None]]] = {}
        self.dateline = dateline_end(text)

    def event(self, si: int) -> tuple[str | None, str | None]:
        """(ACLED event type, sub-event type) of sentence ``si``, or (None, None); worked out
        when first asked for (sentences that name no place never are)."""
        ev = self._events[si]
        if ev is None:
            s, e = self.sentences[si]
            low = self.low[s:e]
            rule = self._rules[si] = _first_rule(low, self.sentence_words[si])
            ev = self._events[si] = _kind(rule, low)
        return ev

    def event_at(self, si: int, offset: int) -> tuple[str | None, str | None]:
        """The event of the mention at ``offset`` in sentence ``si``: that of its own clause when
        the clause names a kind of event ("shelled Goris ..., while Baku said it had responded to
        attacks near Kalbajar": Kalbajar's is a clash), else the sentence's. Clauses end as for
        :meth:`clause_has_event` and also at "said" ("..., officials said, as Azerbaijan
        announced the capture of Qubadli"). The catch-all words (killed, hit) name no kind."""
        ev = self.event(si)
        if ev[0] is None:
            return ev
        hit = self._kinds.get(si)
        if hit is None:
            s0, s1 = self.sentences[si]
            found = _kind_words(self.low, self.clean, s0, s1, self.sentence_words[si], self._rules[si])
            breaks = (
                _sentence_breaks(self.low, s0, s1, self.sentence_words[si], len(_KIND_BREAK_PARTS)) if found else []
            )
            starts = [s0, *breaks]
            hit = self._kinds[si] = (starts, found, [None] * len(starts))
        starts, found, kinds = hit
        if len(starts) == 1:
            return ev
        ci = bisect.bisect_right(starts, offset) - 1
        kind = kinds[ci]
        if kind is None:
            a, b = self._clause_span(si, starts, ci)
            rules = [rule for at, rule in found if a <= at < b]
            kind = kinds[ci] = _kind(min(rules), self.low[a:b]) if rules else ev
        return kind

    def _clause_span(self, si: int, starts: list[int], ci: int) -> tuple[int, int]:
        """(start, end) of clause ``ci`` of sentence ``si``, whose clauses start at ``starts``."""
        return starts[ci], starts[ci + 1] if ci + 1 < len(starts) else self.sentences[si][1]

    def clause_has_event(self, si: int, offset: int) -> bool:
        """Whether the clause of sentence ``si`` that holds ``offset`` names an event (an event
        sentence's other clauses may only be about what else happened: "its units had not crossed
        into Armenia and were deployed in the Kalbajar district")."""
        hit = self._clauses.get(si)
        if hit is None:
            s0, s1 = self.sentences[si]
            if _CLAUSE_WORDS.isdisjoint(self.sentence_words[si]) and ";" not in self.low[s0:s1]:
                starts = [s0]
            else:
                starts = [s0, *_sentence_breaks(self.low, s0, s1, self.sentence_words[si], len(_CLAUSE_END_PARTS))]
            hit = self._clauses[si] = (starts, [None] * len(starts))
        starts, events = hit
        if len(starts) == 1:
            return True  # one clause: the sentence's event is its event
        ci = bisect.bisect_right(starts, offset) - 1
        ev = events[ci]
        if ev is None:
            a, b = self._clause_span(si, starts, ci)
            low = self.low[a:b]
            words = self.clean[a:b].split()
            # a whole event word decides it; else the event rules
            ev = not _EVENT_WORDS.isdisjoint(words)
            if not ev:
                ev = classify_event(self.text[a:b], low=low, words=frozenset(words))[0] is not None
            events[ci] = ev
        return ev

    def has_cue(self, si: int) -> bool:
        """Whether sentence ``si`` has a word of a hypothetical cue (if, would, threatened...)."""
        cue = self._cues[si]
        if cue is None:
            cue = self._cues[si] = _has_cue_word(self.sentence_words[si])
        return cue

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence that holds ``offset``."""
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)


#: the rules read before a mention: the before-rules, one of whose words must be among the last
#: six words before it, then the locative rule, a word that can start it (in, at, near,
#: shelling...) among the last eight
_TAIL_GATES = _Gates([*(_rule_words(rx.pattern) for rx, _ in _BEFORE_CONTEXT), _leading_gate(_LOCATIVE_BEFORE.pattern)])
_LOC_BIT = 1 << len(_BEFORE_CONTEXT)
_BEFORE_BITS = _LOC_BIT - 1
#: where a clause of a sentence ends for the events of its places: a semicolon, a comma before
#: "but", "while", "whereas", and "and"/"but" before a new verb ("... and were deployed"). Fewer
#: breaks than _CLAUSE_BREAK, which also ends a hypothetical cue's reach at "said" or ", and": an
#: event's clause runs on across them ("Baku said shelling hit X", "fired at Ganja, and targeted Y")
#: (only the ends of its matches are used: the "and"/"but" alternatives start at a letter of theirs,
#: so that every alternative starts with a plain character; see letters_first)
_CLAUSE_END_PARTS = (
    r";",
    r",\s+(?:but|while|whereas)\s",
    r"d(?<=\sand)\s+(?=(?:were|was|had|has|have|is|are)\s)",
    r"u(?<=\sbu)t\s+(?=(?:were|was|had|has|have|is|are)\s)",
)
_CLAUSE_END = re.compile("|".join(_CLAUSE_END_PARTS))
#: where a clause ends for the kind of its event: as for _CLAUSE_END, and also at "said"/"says"
_KIND_BREAK_PARTS = (*_CLAUSE_END_PARTS, r"s(?<!\ws)(?:aid|ays)\b")
_KIND_BREAK = re.compile("|".join(_KIND_BREAK_PARTS))
#: the words one of which a sentence must have for each alternative of _KIND_BREAK after the
#: first (";") to match in it: each is a whole word of the sentence where it matches
_BREAK_PART_WORDS = (
    frozenset(("but", "while", "whereas")),
    frozenset(("and",)),
    frozenset(("but",)),
    frozenset(("said", "says")),
)
#: (number of alternatives, which of them) -> the alternation of those, in order
_BREAK_SUBSETS: dict[tuple[int, int], re.Pattern] = {}


def _sentence_breaks(low: str, s0: int, s1: int, words: frozenset[str], parts: int) -> list[int]:
    """The ends of the matches of the alternation of the first ``parts`` alternatives of
    _KIND_BREAK (4: _CLAUSE_END) in sentence ``low[s0:s1]``, whose words are ``words``: as
    ``finditer`` of that alternation gives them, with only the alternatives that can match in the
    sentence (one that cannot match anywhere in it changes no match of the others)."""
    which = 1 if low.find(";", s0, s1) >= 0 else 0
    for k in range(1, parts):
        if not _BREAK_PART_WORDS[k - 1].isdisjoint(words):
            which |= 1 << k
    if which == 0:
        return []
    rx = _BREAK_SUBSETS.get((parts, which))
    if rx is None:
        rx = _BREAK_SUBSETS[(parts, which)] = re.compile(
            "|".join(p for k, p in enumerate(_KIND_BREAK_PARTS[:parts]) if which >> k & 1)
        )
    return [m.end() for m in rx.finditer(low, s0, s1)]


def clause_break_between(doc: Document, a: int, b: int) -> bool:
    """Whether a clause ends (see _KIND_BREAK: "said", ";", ", but") between offsets ``a`` and ``b``
    of ``doc``'s text."""
    return _KIND_BREAK.search(doc.low, a, b) is not None


#: a sentence without one of these words (or a semicolon) is one clause
_CLAUSE_WORDS = frozenset(("and", "but", "while", "whereas"))


_CONTEXT_ROLES = {why: _role("context", why) for _, why in (*_BEFORE_CONTEXT, *_AFTER_CONTEXT)}
_DATELINE_ROLE = _role("context", "dateline")
_NO_EVENT_ROLE = _role("context", "no event in the sentence")
_ELSEWHERE_ROLE = _role("context", "not the place of the sentence's event")
WHERE_REASON = "event placed here by a where-clause"
_WHERE_ROLE = _role("incident", WHERE_REASON)


def decide_role(doc: Document, si: int, start: int, end: int, *, kind: str) -> Role:
    """Role of the mention at [start, end) of ``doc``'s text, inside sentence ``si``."""
    if start < doc.dateline:
        return _DATELINE_ROLE
    text, low = doc.text, doc.low
    s0, s1 = doc.sentences[si]
    b0 = start - 80 if start - 80 > s0 else s0
    a1 = end + 80 if end + 80 < s1 else s1
    after_low = low[end:a1]
    # which after-rules can match: every one after a possessive or a dash, else those with the
    # first word after the mention among their words
    if after_low[:1] in ("'", "’", "-", "–") or after_low[1:2] in ("-", "–"):
        mask = _ALL_AFTER_RULES
    else:
        w = _first_word(after_low)
        mask = 0
        if w is not None:
            bits = _AFTER_GATES.cache.get(w)
            mask = _AFTER_GATES.of(w) if bits is None else bits
    if mask:
        after = text[end:a1]
        while mask:  # in order
            bit = mask & -mask
            mask ^= bit
            rx, why, on_low = _AFTER_RULES[bit.bit_length() - 1]
            if rx.match(after_low if on_low else after):
                if why == "actor" and _did_not_act(after_low):
                    break
                if bit == _AFTER_VERB_BIT and _PREPOSITION_END.search(low, b0, start):
                    continue  # "a strike on Stepanakert killed two": the object of "on" did not kill
                return _CONTEXT_ROLES[why]
    t0 = start - 60 if start - 60 > b0 else b0
    tail_words = doc.clean[t0:start].split()  # the words of the 60 characters before the mention
    # which before-rules can match: those whose words end the text before the mention (and the
    # word-less rule for a hyphenated compound when a dash is there)
    get, of = _TAIL_GATES.cache.get, _TAIL_GATES.of
    mask = 0
    for w in tail_words[-6:]:
        bits = get(w)
        mask |= of(w) if bits is None else bits
    near = mask & _LOC_BIT
    mask &= _BEFORE_BITS
    if text[t0:start].rstrip()[-1:] in ("-", "–"):
        mask |= _TAIL_GATES.always
    if mask:
        back_low = low[b0:start][::-1]  # the rules read the text before the mention backwards
        while mask:  # the candidate rules, in order
            bit = mask & -mask
            mask ^= bit
            rx, why, on_low, needs = _BEFORE_RULES[bit.bit_length() - 1]
            back = back_low if on_low else text[b0:start][::-1]
            if needs in back and rx.match(back):
                if why == "destination" and _CLOSE_TO.match(back_low):
                    continue  # "a road junction close to Madagiz": a place, not where a road leads
                if _where_event(after_low):
                    return _WHERE_ROLE  # "across the river from Jabrayil, where troops had taken villages"
                return _CONTEXT_ROLES[why]
    if doc.event(si)[0] is None:
        return _NO_EVENT_ROLE
    for w in tail_words[-8:-6]:
        bits = get(w)
        near |= (of(w) if bits is None else bits) & _LOC_BIT
    modal = False
    if near and _LOCATIVE_BACK.match(low[t0:start][::-1]):
        reason = "event placed here"
    elif (passive := _passive_after(after_low)) is not None:
        reason = "event placed here"
        modal = bool(passive.group("modal"))  # "Kapan would be evacuated": a modal makes it hypothetical
    elif _AFTER_EVENT_NOUN.match(after_low):
        reason = "event placed here"
    elif kind == "country" and _TERRITORY_PHRASE.search(text, start, end):
        reason = "territory phrase in an event sentence"
    elif _where_event(after_low):
        return _WHERE_ROLE  # the relative clause is the event's own clause, and names no condition
    else:
        return _ELSEWHERE_ROLE
    # the event must be in the mention's own clause ("... and were deployed in the Kalbajar district")
    if not doc.clause_has_event(si, start):
        return _ELSEWHERE_ROLE
    unreal = _AFTER_UNREAL.match(after_low) is not None  # "an attack on Syunik was likely"
    return _role("incident", reason, modal or unreal or _hypothetical(doc, si, start))


def where_event(after_low: str, *, kind_only: bool = False) -> tuple[str | None, str | None] | None:
    """The event (type, sub-type) that a relative clause right after a place names ("X, where
    troops had taken several villages"), or None: also when the clause has a condition or threat,
    and with ``kind_only`` when only a catch-all word (killed, hit) names it. ``after_low``: the
    lower-cased text after the place."""
    m = _WHERE.match(after_low)
    if m is None:
        return None
    clause = after_low[m.end() :]
    clause = clause[: min((i for i in map(clause.find, ",.;") if i >= 0), default=len(clause))]
    words = frozenset(letters_only(clause).split())
    rule = _first_rule(clause, words)
    if rule == len(_EVENT_RULES) or (kind_only and rule == _CATCH_ALL) or _has_cue_word(words):
        return None
    return _kind(rule, clause)


def _where_event(after_low: str) -> bool:
    return where_event(after_low) is not None


_WHERE = re.compile(r",?\s+where\s+")
_CLOSE_TO = backward(_ci(r"\b(?:close|next|adjacent)\s+to\s+(?:the\s+)?$"))
_TERRITORY_PHRASE = re.compile(
    r"\b(?:Armenian|Azerbaijani|Iranian|Russian|Turkish|Georgian)\s+(?:territory|soil|land|airspace)"
)


#: the words of the hypothetical cues: one must be there for the cues to be tried
_CUE_GATES = _Gates([_leading_gate(lower(_HYPOTHETICAL_CUES) + "|" + _HYPOTHETICAL_NEAR.pattern)])


def _has_cue_word(words: frozenset[str] | set[str] | list[str]) -> bool:
    return _CUE_GATES.any_of(words)


def _hypothetical(doc: Document, si: int, start: int) -> bool:
    if not doc.has_cue(si):
        return False
    return hypothetical_before(doc.text[doc.sentences[si][0] : start])


# -- numbers -----------------------------------------------------------------------------------

_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER_WORDS.update(
    {
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "hundred": 100,
        "dozen": 12,
        "a dozen": 12,
        "dozens": 24,
    }
)


def _start_letter(words: list[str]) -> str:
    """An alternation of words, each written "w(?<!\\ww)ord": the same as "\\b(?:word|...)", but
    starting with a letter so that the regex engine can skip ahead to the letters that can start it."""
    return "|".join(f"{re.escape(w[0])}(?<!\\w{re.escape(w[0])}){re.escape(w[1:])}" for w in words)


_NUM_WORDS = r"(?:" + _start_letter(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_NUM_TAIL = r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
_INCLUDING = r"(?:,?\s+including\s+(?:[\w\-]+\s+){0,2}?[\w\-]+,?)?"  # "five people, including a child, were killed"
_OF_ITS = r"(?:\s+of\s+(?:its|their|our|the))?"  # "one of its border guards was wounded"
_KILLED_TAIL = (
    _OF_ITS
    + r"\s+(?:[\w\-]+"
    + _INCLUDING
    + r"\s+){0,3}?(?:were\s+|was\s+|have been\s+|had been\s+)?(?:killed|dead|died|deaths|lives|fatalities|bodies)"
)
_INJURED_TAIL = (
    _OF_ITS
    + r"\s+(?:[\w\-]+"
    + _INCLUDING
    + r"\s+){0,3}?(?:were\s+|was\s+|have been\s+|had been\s+)?(?:injured|wounded|hurt)"
)
#: the digits of a count after its first: "1,100" ("76, was killed": the comma is no digit)
_DIGITS = r"(?:[\d,]*\d)?"
# "at least nine killed": the count and the word for death. The count starts the match (a
# qualifier before it, "at least", "some", changes neither which count is found nor their order),
# and counts in digits and in words are two patterns, each starting with what the engine can skip
# to; _counts() scans them as one.
_KILLED = (
    re.compile(r"(?P<n>\d(?<!\w\d)" + _DIGITS + ")" + _KILLED_TAIL),
    re.compile(r"(?P<n>" + _NUM_WORDS + _NUM_TAIL + ")" + _KILLED_TAIL),
)
_INJURED = (
    re.compile(r"(?P<n>\d(?<!\w\d)" + _DIGITS + ")" + _INJURED_TAIL),
    re.compile(r"(?P<n>" + _NUM_WORDS + _NUM_TAIL + ")" + _INJURED_TAIL),
)
_NUM = r"(?:\d" + _DIGITS + "|" + _NUM_WORDS + _NUM_TAIL + ")"
_KILLING = (
    re.compile(
        r"k(?<!\wk)ill(?:ing|ed)\s+(?:(?:at least|at lease|some|about|around|nearly|more than|over)\s+)?(?P<n>"
        + _NUM
        + r")\b"
    ),
)
_INJURING = (
    re.compile(
        r"(?:i(?<!\wi)njur(?:ing|ed)|w(?<!\ww)ound(?:ing|ed))\s+"
        r"(?:(?:at least|some|about|around|nearly|more than|over)\s+)?(?P<n>" + _NUM + r")\b"
    ),
)


#: a person a singular subject or object can be ("a 76-year-old man died", "killing the pilot")
_PERSON_WORDS = (
    "man woman boy girl child baby teenager civilian resident villager farmer shepherd driver worker "
    "journalist medic doctor soldier serviceman conscript officer policeman pilot person"
).split()
_PERSON = "(?:" + "|".join(_PERSON_WORDS) + ")"
#: a person's age in apposition: "a civilian, 76, was killed", "a man, aged 45,"
_AGE = r"(?:,\s*(?:aged\s+)?\d{1,3},)?"
_WAS = r"\s+(?:was\s+|were\s+|had been\s+|has been\s+|have been\s+)?"  # "were": the last of a list ("two soldiers and a civilian were")
#: one person killed or injured, the subject first: "a 76-year-old man died" (the count is "a")
_ONE_KILLED = (re.compile(r"\b(?P<n>an?)\s+(?:[\w-]+\s+){0,2}?" + _PERSON + _AGE + _WAS + r"(?:killed|died|dead)\b"),)
_ONE_INJURED = (
    re.compile(r"\b(?P<n>an?)\s+(?:[\w-]+\s+){0,2}?" + _PERSON + _AGE + _WAS + r"(?:injured|wounded|hurt)\b"),
)
#: ... and the verb first: "killing the pilot", "wounding a child"
_KILLING_ONE = (re.compile(r"k(?<!\wk)ill(?:ing|ed)\s+(?P<n>a|an|the)\s+(?:[\w-]+\s+){0,2}?" + _PERSON + r"\b"),)
_INJURING_ONE = (
    re.compile(
        r"(?:i(?<!\wi)njur(?:ing|ed)|w(?<!\ww)ound(?:ing|ed))\s+(?P<n>a|an|the)\s+(?:[\w-]+\s+){0,2}?" + _PERSON + r"\b"
    ),
)
_PERSON_SET = frozenset(_PERSON_WORDS)
#: a sentence must have one of these for a count in words to be looked for ("a" only in "a dozen")
_NUMBER_GATE = frozenset(w for k in _NUMBER_WORDS for w in k.split() if w != "a")
_KILLING_WORDS = frozenset(("killing", "killed"))
_INJURING_WORDS = frozenset(("injuring", "injured", "wounding", "wounded"))
_A = frozenset(("a", "an"))
#: the count patterns of deaths and of injuries, in the order they are tried, each as (patterns,
#: counts one person ("a man died"), verb first ("killing nine": no count after the verb), a word
#: one of its matches needs or None, a (digits, words) pair to choose from)
_DEAD_COUNTS = (
    (_KILLED, False, False, None, True),
    (_KILLING, False, True, _KILLING_WORDS, False),
    (_ONE_KILLED, True, False, _A, False),
    (_KILLING_ONE, True, True, _KILLING_WORDS, False),
)
_HURT_COUNTS = (
    (_INJURED, False, False, None, True),
    (_INJURING, False, True, _INJURING_WORDS, False),
    (_ONE_INJURED, True, False, _A, False),
    (_INJURING_ONE, True, True, _INJURING_WORDS, False),
)
#: a first group of people counted with the one a count was found for: "four police officers and
#: two civilians were killed" (searched for in the words just before that count)
_PAIR_BEFORE = re.compile(
    r"\b(?P<n>" + _NUM + r")\s+(?:[\w-]+\s+){0,2}?"
    r"(?:soldiers|servicemen|troops|fighters|personnel|officers|policemen|civilians|people|"
    r"residents|villagers|workers|children|women|men|journalists|medics|rescuers)\s+and\s+$"
)
_ONE_BEFORE = re.compile(r"\ban?\s+(?:[\w-]+\s+){0,2}?" + _PERSON + r"\s+and\s+$")
#: a stated zero: nobody hurt (no casualties at all) or nobody killed. "No reports of casualties" is no zero.
_NOT_A_COUNT = r"(?!(?:immediate|official|reports?|word|information|details|news|confirmation)\b)"
_NONE_HURT = re.compile(
    r"\b(?:no\s+(?:"
    + _NOT_A_COUNT
    + r"[a-z]+\s+){0,3}?(?:was|were|had been|have been)\s+(?:hurt|harmed|injured|wounded)"
    r"|(?:nobody|no one|no-one)\s+(?:was\s+|had been\s+)?(?:hurt|harmed|injured|wounded)"
    r"|no\s+(?:" + _NOT_A_COUNT + r"[a-z]+\s+){0,2}?(?:casualties|injuries)|without\s+(?:any\s+)?casualties)\b"
)
_NONE_KILLED = re.compile(
    r"\b(?:no\s+(?:" + _NOT_A_COUNT + r"[a-z]+\s+){0,3}?(?:was|were|had been|have been)\s+killed"
    r"|(?:nobody|no one|no-one)\s+(?:was\s+|had been\s+)?killed|no\s+(?:"
    + _NOT_A_COUNT
    + r"[a-z]+\s+){0,2}?(?:deaths|fatalities))\b"
)
_ZERO_WORDS = frozenset(("no", "nobody", "without"))

_NEGATED = re.compile(r"\b(?:no|not|none of)\s+$")
#: a count right after the verb: "... and injured 34 people" (the count before it is not its count)
_ACTIVE_COUNT = re.compile(r"\s+(?:(?:at least|some|about|around|nearly|more than|over|up to)\s+)?" + _NUM + r"\b")


#: the patterns of counts in words, which :func:`_counts` tries only where a number word starts
_IN_WORDS = (_KILLED[1], _INJURED[1])
#: the number words that can start a count in words, each as a word of its own ("a dozen" is
#: looked for whole when "dozen" is among a sentence's words)
_NUMBER_STARTS = frozenset(k for k in _NUMBER_WORDS if " " not in k)


def _number_word_starts(low: str, words: frozenset[str]) -> list[int]:
    """The offsets in ``low`` (whose words are ``words``) where a count in words can start, in order:
    every occurrence of each number word it has, and of "a dozen". A count in words starts with a
    number word that no word character comes before and a space or hyphen comes after, so the word
    is one of ``words``: these offsets include every place where a pattern of _IN_WORDS matches."""
    out = []
    for w in [*_NUMBER_STARTS.intersection(words), *(("a dozen",) if "dozen" in words else ())]:
        i = low.find(w)
        while i >= 0:
            out.append(i)
            i = low.find(w, i + 1)
    out.sort()
    return out


def _search_at(rx: re.Pattern, low: str, pos: int, starts: list[int]) -> re.Match | None:
    """``rx.search(low, pos)`` for a pattern that can only match at one of ``starts`` (in order)."""
    for i in starts[bisect.bisect_left(starts, pos) :]:
        m = rx.match(low, i)
        if m is not None:
            return m
    return None


def _counts(low: str, patterns: tuple[re.Pattern, ...], starts: list[int] | None):
    """The matches of the alternation of ``patterns`` (which never match at the same place), in the
    order and without the overlaps that ``finditer`` of the alternation gives. ``starts``: the
    offsets where a count in words can start (see _number_word_starts), where the patterns of
    _IN_WORDS are tried (instead of scanning for them)."""
    pos = 0
    while True:
        m = None  # the earliest match of a pattern (the first pattern's among equals)
        for rx in patterns:
            if starts is not None and (rx is _IN_WORDS[0] or rx is _IN_WORDS[1]):
                hit = _search_at(rx, low, pos, starts)
            else:
                hit = rx.search(low, pos)
            if hit is not None and (m is None or hit.start() < m.start()):
                m = hit
        if m is None:
            return
        if _YEAR.match(m.group("n")):  # "In 2020 three were killed": a year is no count; look on after it
            pos = m.end("n")
            continue
        yield m
        pos = m.end() if m.end() > m.start() else m.start() + 1


#: a sentence has a count of deaths (of injuries) only if it has one of these in it; the test is
#: a substring test of each, which is several times faster than a regex search for any of them
_DEATH_STEMS = ("kill", "dead", "died", "death", "lives", "fatalit", "bodies")
_HURT_STEMS = ("injur", "wound", "hurt")


def _has_any(low: str, stems: tuple[str, ...]) -> bool:
    """Whether any of ``stems`` is in ``low`` (a regex search for their alternation, done faster)."""
    for stem in stems:
        if stem in low:
            return True
    return False


def _to_int(s: str) -> int | None:
    s = s.lower().strip()
    if s[:1].isdigit():
        try:
            return int(s.replace(",", ""))
        except ValueError:
            return None
    if s in _NUMBER_WORDS:  # "a dozen"
        return _NUMBER_WORDS[s]
    parts = re.split(r"[- ]", s)
    total = 0
    for p in parts:
        if p not in _NUMBER_WORDS:
            return None
        total += _NUMBER_WORDS[p]
    return total


def casualties(
    sentence: str, *, low: str | None = None, words: frozenset[str] | None = None
) -> tuple[int | None, int | None]:
    """(fatalities, injured) stated in a sentence, conservative (the first/lowest figure).

    ``low`` and ``words`` as for :func:`classify_event`."""
    (dead, _), (hurt, _) = casualties_at(sentence, low=low, words=words)
    return dead, hurt


#: no count stated, and where it is (see casualties_at)
_NO_COUNT: tuple[int | None, int | None] = (None, None)


def casualties_at(
    sentence: str, *, low: str | None = None, words: frozenset[str] | None = None
) -> tuple[tuple[int | None, int | None], tuple[int | None, int | None]]:
    """As :func:`casualties`, each count with the offset in ``low`` (or ``sentence``) where its
    phrase starts: ((fatalities, offset), (injured, offset)). A stated zero ("nobody was hurt")
    and no count have no offset."""
    low = lower(sentence) if low is None else low
    words = frozenset(_WORD.findall(low)) if words is None else words
    if _COUNT_WORDS.isdisjoint(words) and not _has_digit(low):
        return _NO_COUNT, _NO_COUNT  # no number, no "a man", no "nobody": no count

    one_person = not _PERSON_SET.isdisjoint(words)  # the counts of one person need one of these words
    # which of the (digits, words) count patterns can match: skipping the one for number words
    # when there is none saves most of the time
    digits, numbers = _has_digit(low), not _NUMBER_GATE.isdisjoint(words)
    which = (0, 1) if digits and numbers else (0,) if digits else (1,) if numbers else ()
    starts = _number_word_starts(low, words) if numbers else None

    dead = (
        _first_count(low, words, _DEAD_COUNTS, one_person, which, starts) if _has_any(low, _DEATH_STEMS) else _NO_COUNT
    )
    hurt = (
        _first_count(low, words, _HURT_COUNTS, one_person, which, starts) if _has_any(low, _HURT_STEMS) else _NO_COUNT
    )
    if (dead[0] is None or hurt[0] is None) and not _ZERO_WORDS.isdisjoint(words):
        # a stated zero where no count is stated: "nobody was hurt" (so nobody killed), "no deaths"
        none_hurt = _NONE_HURT.search(low) is not None
        if dead[0] is None and (none_hurt or _NONE_KILLED.search(low)):
            dead = (0, None)
        if hurt[0] is None and none_hurt:
            hurt = (0, None)
    return dead, hurt


def _first_count(
    low: str,
    words: frozenset[str],
    kinds: tuple,
    one_person: bool,
    which: tuple[int, ...],
    starts: list[int] | None,
) -> tuple[int | None, int | None]:
    """(count, offset) of the earliest count in ``low`` (whose words are ``words``) of the count
    patterns ``kinds`` (_DEAD_COUNTS or _HURT_COUNTS); ``one_person``: whether a word for one
    person is there; ``which``: which of a (digits, words) pair of patterns can match; ``starts``:
    where a count in words can start (see _counts)."""
    vals = []
    for patterns, singular, verb_first, needs, pair in kinds:
        if (singular and not one_person) or (needs is not None and needs.isdisjoint(words)):
            continue
        if pair:
            patterns = tuple(patterns[i] for i in which)
        for m in _counts(low, patterns, starts):
            if not verb_first and _ACTIVE_COUNT.match(low, m.end()):
                continue  # "nine civilians and injured 34": the verb's own count follows it
            if _NEGATED.search(low, max(0, m.start() - 12), m.start()):
                continue  # "no one was hurt"
            v = 1 if singular else _to_int(m.group("n"))
            if v is not None and v < 100_000:  # (years are no counts: _counts skips them)
                if not verb_first:  # "four officers and two civilians were killed": both groups count
                    both = _PAIR_BEFORE.search(low, max(0, m.start() - 60), m.start())
                    w = _to_int(both.group("n")) if both else None
                    if w is None and _ONE_BEFORE.search(low, max(0, m.start() - 40), m.start()):
                        w = 1  # "a woman and a child had been killed"
                    v += w if w is not None and w < 100_000 else 0
                vals.append((m.start(), v))
                break  # the first good count of a pattern is its earliest
    if not vals:
        return _NO_COUNT
    at, v = min(vals)
    return v, at


_YEAR = re.compile(r"(19|20)\d\d$")
_DIGIT = re.compile(r"\d")
_ASCII_DIGITS = tuple("0123456789")


def _has_digit(low: str) -> bool:
    """Whether ``low`` has a decimal digit (``_DIGIT.search``): in an ASCII string, a substring test
    of each of 0-9 (a string knows whether it is ASCII without a scan), else the regex search."""
    return _has_any(low, _ASCII_DIGITS) if low.isascii() else _DIGIT.search(low) is not None


_NUMBER_WORD_SET = frozenset(w for k in _NUMBER_WORDS for w in k.split())
_COUNT_WORDS = _NUMBER_WORD_SET | _ZERO_WORDS | {"an", "the"}


# -- dates ---------------------------------------------------------------------------------------

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTH_DAY = _ci(
    r"\b(?P<m>"
    + "|".join(sorted(_MONTHS, key=len, reverse=True))
    + r")\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>(?:19|20)\d\d))?"
)
_DAY_MONTH = _ci(
    r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>"
    + "|".join(sorted(_MONTHS, key=len, reverse=True))
    + r")\b(?:,?\s+(?P<y>(?:19|20)\d\d))?"
)
_WEEKDAY = _ci(
    r"\b(?:on|late on|early on|last|since|overnight into|the night of)?\s*(?P<w>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)


#: a time counted back from the report's date: "a day earlier", "two weeks ago", and "came three
#: weeks after" (what the sentence reports came before the report's news by that long)
_BACK = r"(?P<n{0}>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{{1,2}})\s+(?P<u{0}>days?|weeks?|months?)"
_DAYS_BACK = _ci(
    r"\b(?:"
    + _BACK.format("")
    + r"\s+(?:ago|earlier)|(?:came|comes|come|spoke|speaks|followed|follows)\s+"
    + _BACK.format("2")
    + r"\s+after)\b"
    r"|\b(?P<day>(?:a|the)\s+day\s+earlier|the\s+day\s+before(?=\s*[,.])|the\s+previous\s+day)\b"
)
_UNIT = {"day": (1, 1), "week": (7, 2), "month": (30, 3)}  # days, date precision
#: before a date: the date names a thing ("the Nov. 10 ceasefire"), not the day of the event
_DATE_OF_A_THING = re.compile(r"\bthe\s+$")


def _days_back(m: re.Match) -> tuple[int, int]:
    """(days, date precision) of a :data:`_DAYS_BACK` match."""
    if m.group("day"):
        return 1, 1
    n = m.group("n") or m.group("n2")
    k = 1 if n in ("a", "an") else int(n) if n.isdigit() else _NUMBER_WORDS[n]
    days, precision = _UNIT[(m.group("u") or m.group("u2")).rstrip("s")]
    return k * days, precision


_IN_MONTH = re.compile(r"\bin (?:early |mid-?|late )?(" + "|".join(calendar.month_name[1:]) + r")\b")
#: the words each date pattern needs (one of them), and all of them
_MONTH_WORDS = frozenset(_MONTHS)
_WEEKDAY_WORDS = frozenset(_WEEKDAYS)
_UNIT_WORDS = frozenset(("day", "days", "week", "weeks", "month", "months"))  # for _DAYS_BACK
_NIGHT_WORDS = frozenset(("yesterday", "night"))
_DATE_WORDS = _MONTH_WORDS | _WEEKDAY_WORDS | _UNIT_WORDS | _NIGHT_WORDS
_YESTERDAY = re.compile(r"\byesterday\b|\blast night\b")
_EARLIER_THIS_MONTH = re.compile(r"\bearlier this month\b")
_LAST_WEEK = re.compile(r"\blast week\b")
_THIS_WEEK = re.compile(r"\bearlier this week\b|\bthis week\b")
_LAST_MONTH = re.compile(r"\blast month\b")


@lru_cache(maxsize=4096)
def parse_date(s: str | None) -> date | None:
    if not s:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", str(s))
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def resolve_date(
    sentence: str, report_date: str | None, *, low: str | None = None, words: frozenset[str] | None = None
) -> tuple[str | None, int | None]:
    """(ISO date, precision 1 day / 2 week / 3 month) of the event a sentence describes.

    ``low`` and ``words`` as for :func:`classify_event`."""
    ref = parse_date(report_date)
    low = lower(sentence) if low is None else low
    words = frozenset(_WORD.findall(low)) if words is None else words
    if _DATE_WORDS.isdisjoint(words):
        return (ref.isoformat(), 1) if ref else (None, None)
    # each pattern is tried only when a word it needs is there
    for rx in (_MONTH_DAY, _DAY_MONTH) if not _MONTH_WORDS.isdisjoint(words) else ():
        m = rx.search(low)
        while m and _DATE_OF_A_THING.search(low, max(0, m.start() - 7), m.start()):
            m = rx.search(low, m.end())  # "under the Nov. 10 ceasefire": not the event's day
        if m:
            mon = _MONTHS[m.group("m").lower().rstrip(".")]
            day = int(m.group("d"))
            year = int(m.group("y")) if m.group("y") else (ref.year if ref else None)
            if year is None:
                return None, None
            if ref and not m.group("y") and (mon, day) > (ref.month, ref.day) and mon - ref.month > 1:
                year -= 1  # "Dec 30" in a January report
            try:
                return date(year, mon, day).isoformat(), 1
            except ValueError:
                pass
    if ref is None:
        return None, None
    m = _WEEKDAY.search(low) if not _WEEKDAY_WORDS.isdisjoint(words) else None
    if m:
        return _last_weekday(ref, m.group("w")), 1
    m = _DAYS_BACK.search(low) if not _UNIT_WORDS.isdisjoint(words) else None
    if m:
        days, precision = _days_back(m)
        return (ref - timedelta(days=days)).isoformat(), precision
    if not _NIGHT_WORDS.isdisjoint(words) and _YESTERDAY.search(low):
        return (ref - timedelta(days=1)).isoformat(), 1
    month, week = "month" in words, "week" in words
    if month and _EARLIER_THIS_MONTH.search(low):
        return ref.replace(day=1).isoformat(), 3
    if week and _LAST_WEEK.search(low):
        return (ref - timedelta(days=7)).isoformat(), 2
    if week and _THIS_WEEK.search(low):
        return (ref - timedelta(days=ref.weekday())).isoformat(), 2
    if month and _LAST_MONTH.search(low):
        first = ref.replace(day=1) - timedelta(days=1)
        return first.replace(day=1).isoformat(), 3
    m = _IN_MONTH.search(sentence) if not _MONTH_WORDS.isdisjoint(words) else None
    if m:
        mon = list(calendar.month_name).index(m.group(1))
        year = ref.year if mon <= ref.month else ref.year - 1
        return date(year, mon, 1).isoformat(), 3
    return ref.isoformat(), 1


def _last_weekday(ref: date, weekday: str) -> str:
    """The ISO date of the last ``weekday`` ("monday"...) on or before ``ref``."""
    return (ref - timedelta(days=(ref.weekday() - _WEEKDAYS[weekday]) % 7)).isoformat()


def weekdays_in(low: str, s0: int, s1: int, words: frozenset[str], report_date: str | None) -> list[tuple[int, str]]:
    """(offset, ISO date) of each weekday named in ``low[s0:s1]`` ("took X on Monday and shot
    down drones over Y on Tuesday"), resolved from the report date, when it names two or more
    different ones; else an empty list. ``words``: the sentence's set of words."""
    ref = parse_date(report_date)
    if ref is None or len(words & _WEEKDAY_WORDS) < 2:
        return []
    return [(m.start(), _last_weekday(ref, m.group("w"))) for m in _WEEKDAY.finditer(low, s0, s1)]


#: a name of capitalised words (and "of", "for"); its repeats are possessive ("*+"): what follows a
#: name is a lower-case claim verb, which no part of it can be, so giving parts back never finds a
#: match, and the regex engine does not try (a search is several times faster)
_NAME = r"[A-Z][\w'’\-]*+(?:\s+(?:[A-Z][\w'’\-]*+|of|for))*+"
_CLAIM_VERBS = "said says claimed claims reported reports announced stated accused alleged".split()
_CLAIMS = r"\s+(?:has\s+|had\s+)?(?:" + "|".join(_CLAIM_VERBS) + ")"
#: who a claim is attributed to: "according to X" / "citing X", or "X said". It is one pattern,
#: (?:according to|citing|cited by)\s+(?P<a>(?:the\s+)?NAME(?:\s+and ...)*)|(?P<b>(?:the\s+)?NAME)CLAIMS,
#: run as three whose first characters differ (a, c; t; A-Z), so each lets the regex engine skip
#: ahead; the leftmost of their matches is the one pattern's match.
_REPORTED = (
    re.compile(
        r"(?:according to|citing|cited by)\s+(?P<a>(?:the\s+)?[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|of|for|and))*)"
    ),
    re.compile(r"(?P<a>the\s+" + _NAME + ")" + _CLAIMS),
    re.compile(r"(?P<a>" + _NAME + ")" + _CLAIMS),
)


#: one of these words must be in a sentence for _REPORTED to be tried: the first pattern needs
#: one of the first, the others a claim verb
_CITING_WORDS = frozenset(["according", "citing", "cited"])
_CLAIM_WORDS = frozenset(_CLAIM_VERBS)
_REPORT_WORDS = _CITING_WORDS | _CLAIM_WORDS


def reported_by(sentence: str, fallback: str | None = None, *, words: frozenset[str] | None = None) -> str | None:
    """Who the sentence attributes the claim to, where stated ("Azerbaijan's Defence Ministry").

    ``words``: the sentence's set of lower-cased words, when already known."""
    words = frozenset(_WORD.findall(lower(sentence))) if words is None else words
    if _REPORT_WORDS.isdisjoint(words):
        return fallback
    citing, claims = not _CITING_WORDS.isdisjoint(words), not _CLAIM_WORDS.isdisjoint(words)
    found = [m for rx, on in zip(_REPORTED, (citing, claims, claims)) if on and (m := rx.search(sentence)) is not None]
    if not found:
        return fallback
    who = min(found, key=lambda m: m.start()).group("a").strip()
    who = re.sub(r"^(?:the|The)\s+", "", who)
    if who.lower() in ("it", "he", "she", "they", "officials", "this", "that"):
        return fallback
    return who or fallback
