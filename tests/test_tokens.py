"""Fast scans agree with their plain definitions: name tokens, sentence breaks, words, who reported a claim."""

from __future__ import annotations

import json
import re

from geo import places
from tests.conftest import ROOT

# the definition, as one regular expression (tokenize finds the same spans faster)
SPEC = re.compile(
    r"(?<![^\W\d_])(?:[" + places._upper_class() + r"][^\W\d_]*(?:['’ʼ][^\W\d_]+)*"
    r"|(?:" + "|".join(sorted(places.FEATURE_WORDS, key=len, reverse=True)) + r")(?![^\W\d_]))"
)
TRICKY = (
    "D'village and O’district; villages of Şuşa, the Mount Murov pass, mountains, 5village, village_2, "
    "xvillage, villagex, ÉVillage, Stepanakert-Khankendi river\nlake, ÇAYLI ridge's bridge, "
    "корпус Village, Արցախ district, river's edge, 'town' (city)"
)


def _spans(text: str) -> list[tuple[int, int]]:
    t = places.tokenize(text)
    return [(a, a + len(w)) for a, w in zip(t.start, t.text)]


def test_tokens_are_the_spec_spans_with_possessives_cut() -> None:
    texts = [TRICKY] + [
        json.loads(x)["text"] for x in (ROOT / "data" / "corpus" / "reports.jsonl").read_text("utf-8").splitlines()
    ]
    for text in texts:
        spec = []
        for m in SPEC.finditer(text):
            a, b = m.span()
            pm = re.search(r"['’]s?$", m.group())
            if pm and len(m.group()) - len(pm.group()) >= 2:
                b -= len(pm.group())
            spec.append((a, b))
        assert _spans(text) == spec


def test_tokens_carry_keys_and_case() -> None:
    t = places.tokenize("Shelling near Şuşa's village")
    assert t.text == ["Shelling", "Şuşa", "village"]
    assert t.key == ["shelling", "susa", "village"]
    assert t.capitalised == [True, True, False]
    assert t.end[1] - t.start[1] == len("Şuşa")


def test_sentence_breaks_are_the_spec_breaks() -> None:
    import random

    from geo import events

    spec = re.compile(r"[.!?]+[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n")
    rnd = random.Random(7)
    alphabet = list("ab .!?\n\n  \"'”’)(“‘AZ09\t")
    texts = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40))) for _ in range(5000)] + [TRICKY]
    for t in texts:
        assert [m.span() for m in events._SENTENCE_BREAK.finditer(t)] == [m.span() for m in spec.finditer(t)], t


def test_letters_only_splits_into_the_words_of_the_word_pattern() -> None:
    import random

    from geo import events

    rnd = random.Random(3)
    alphabet = list("abzAZ09 -'’\n\t_.əşİ𝔸ÿ\u00a0") + ["ab", "z"]
    texts = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30))) for _ in range(5000)] + [TRICKY]
    for t in texts:
        low = events.lower(t)
        clean = events.letters_only(low)
        assert len(clean) == len(low) and clean.split() == re.findall(r"[a-z]+", low), t
        a, b = sorted(rnd.sample(range(len(low) + 1), 2)) if len(low) > 1 else (0, len(low))
        assert clean[a:b].split() == re.findall(r"[a-z]+", low[a:b]), t  # the same offsets


def test_reported_by_is_the_one_pattern_s_leftmost_match() -> None:
    import random

    from geo import events

    spec = re.compile(
        r"(?:according to|citing|cited by)\s+(?P<a>(?:the\s+)?[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|of|for|and))*)"
        r"|(?P<b>(?:the\s+)?[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|of|for))*)\s+(?:has\s+|had\s+)?"
        r"(?:said|says|claimed|claims|reported|reports|announced|stated|accused|alleged)"
    )

    def expected(s: str) -> str | None:
        m = spec.search(s)
        who = re.sub(r"^(?:the|The)\s+", "", (m.group("a") or m.group("b")).strip()) if m else None
        return None if who is None or who.lower() in ("it", "he", "she", "they", "officials", "this", "that") else who

    words = "the The Baku Yerevan said says according to citing cited by of for and Defence Ministry bathe xBaku it"
    words = (words + " has").split()
    rnd = random.Random(11)
    texts = [" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 9))) for _ in range(5000)]
    texts += ["Azerbaijan's Defence Ministry said on Sunday", "according to the Artsakh Ombudsman and Reuters"]
    for t in texts:
        assert events.reported_by(t) == expected(t), t


def test_word_gates_pass_wherever_their_rule_matches() -> None:
    """A gate derived from a rule (geo.events._leading_gate) must never rule out a real match."""
    from geo import events

    lows = []
    for line in (ROOT / "data" / "corpus" / "reports.jsonl").read_text("utf-8").splitlines():
        low = events.lower(json.loads(line)["text"])
        lows += [low[a:b] for a, b in events.split_sentences(low)]
        lows += [low[max(0, m.start() - 60) : m.start()] for m in re.finditer(r"\S+", low)]
    lows += ["in case of an attack on ", "air strikes on ", "landmines near ", "had been planning strikes on "]
    matched = dict.fromkeys(["event", "cue", "locative"], 0)
    for low in lows:
        words = set(events._WORD.findall(low))
        for i, (_, rx, _, _) in enumerate(events._EVENT_RULES):
            if rx is not None and rx.search(low):
                matched["event"] += 1
                assert events._EVENT_REST.of_words(words) >> i & 1, (i, low)
        if events._HYPOTHETICAL.search(low) or events._HYPOTHETICAL_NEAR.search(low):
            matched["cue"] += 1
            assert events._has_cue_word(words), low
        if events._LOCATIVE_BEFORE.search(low):
            matched["locative"] += 1
            assert events._TAIL_GATES.of_words(words) & events._LOC_BIT, low
    assert min(matched.values()) > 20, matched


def test_letters_first_patterns_find_what_their_sources_find() -> None:
    """Each pattern rewritten by geo.events.letters_first matches exactly where its source does
    (only the ends for the clause ends, the only part of their matches that is used), and each
    matches somewhere in the test text."""
    from geo import events, reading

    same, ends = "spans", "ends"
    sources = [
        (events._ci(events._HYPOTHETICAL_CUES), events._HYPOTHETICAL, same),
        (events._ci(r"\bcivilians?\b|\bresidents?\b|\bchildren\b|\bwomen\b|\bvillagers\b"), events._CIVILIAN, same),
        (re.compile(r"\bkill|\bwounded|\binjur|\bdead|\bdied"), events._HARM_WORDS, same),
        (
            re.compile(r"\b(?:since|so far|to date|in total|overall|toll|altogether|in all)\b"),
            reading._CUMULATIVE,
            same,
        ),
        (
            re.compile(
                r"[;:]|\.\s|,\s+(?:but|while|and)\s|\bsaid\b|\bsays\b|,\s+(?:(?:a|an|one|two|three|several|a few)\s+)?"
                r"(?:(?:days?|weeks?|months?|hours?|years?)\s+)?(?:after|before|since)\b"
            ),
            events._CLAUSE_BREAK,
            same,
        ),
        (
            re.compile(r";|,\s+(?:but|while|whereas)\s|\s(?:and|but)\s+(?=(?:were|was|had|has|have|is|are)\s)"),
            events._CLAUSE_END,
            ends,
        ),
        *(
            (events._ci(rest), rx, same)
            for (_, rest), (_, rx, _, _) in zip(events._EVENT_SPLIT, events._EVENT_RULES)
            if rest is not None
        ),
    ]
    texts = [
        events.lower(json.loads(x)["text"])
        for x in (ROOT / "data" / "corpus" / "reports.jsonl").read_text("utf-8").splitlines()
    ]
    texts += [
        "pre-planned strikes, planned strikes; a wounded man and were killed, xkill, landmines and mines",
        "the war could spread, troops crossed the border and moved deep into, took back the town, death toll",
        "unsaid essays, she says; xif, motif, skill, the brand were, withstand was, disarmament, warn",
    ]
    for source, fast, compare in sources:
        hits = 0
        for t in texts:
            want = [m.span() for m in source.finditer(t)]
            got = [m.span() for m in fast.finditer(t)]
            if compare == ends:
                want, got = [b for _, b in want], [b for _, b in got]
            assert got == want, (fast.pattern, t[:80])
            hits += len(want)
        assert hits, source.pattern  # a pattern that never matches here proves nothing


def test_counts_in_words_are_found_where_a_scan_finds_them() -> None:
    """The patterns of counts in words are tried only where a number word starts; from every
    offset, that finds the match a search finds."""
    from geo import events

    texts = [
        "a dozen soldiers were killed; a  dozen died, twenty-one people died and someone said ten were hurt",
        "often ten, a dozen men were injured; x-two soldiers killed, _three killed, 3two killed, éfive killed",
        "Tens died. Nine of the soldiers were killed, nineteen wounded, hundred hurt, dozens of people dead",
    ] + [json.loads(x)["text"] for x in (ROOT / "data" / "corpus" / "reports.jsonl").read_text("utf-8").splitlines()]
    found = 0
    for text in texts:
        doc = events.Document(text)
        for si, (s0, s1) in enumerate(doc.sentences):
            low, words = doc.low[s0:s1], doc.sentence_words[si]
            starts = events._number_word_starts(low, words)
            for rx in events._IN_WORDS:
                for pos in range(len(low) + 1):
                    want = rx.search(low, pos)
                    got = events._search_at(rx, low, pos, starts)
                    assert (got and got.span()) == (want and want.span()), (low, pos)
                    found += want is not None
    assert found > 500


def test_territory_phrases_are_the_pattern_s_matches() -> None:
    """_territory_matches tries the territory pattern only at the tokens where it can start; it
    finds what the pattern's finditer finds."""
    import random

    rnd = random.Random(5)
    before = ["", " ", "D'", "O’", "Xʼ", "x", "5", "_", "-", "(", "Ş", "'s "]
    demonyms = ["Armenian", "Azeri", "Iranian", "Georgian", "armenian", "Armenians", "Turkish"]
    gaps = [" ", "  ", "\n", "", " sovereign ", "-", " the "]
    what = ["territory", "territories", "soil", "lands", "land", "airspace", "territoryx", "soils"]
    after = ["", ".", "'s", "x", " ", "’"]

    def phrase() -> str:
        return "".join(rnd.choice(part) for part in (before, demonyms, gaps, what, after))

    texts = ["".join(phrase() for _ in range(rnd.randint(1, 4))) for _ in range(20000)] + [TRICKY]
    texts += ["Shells fell on Armenian territory and D'Armenian soil, not on Armenian's lands or 5Iranian soil."]
    texts += [
        json.loads(x)["text"] for x in (ROOT / "data" / "corpus" / "reports.jsonl").read_text("utf-8").splitlines()
    ]
    found = 0
    for t in texts:
        want = [m.span() for m in places._TERRITORY.finditer(t)]
        assert [m.span() for m in places._territory_matches(t, places.tokenize(t))] == want, t
        found += len(want)
    assert found > 5000


def test_the_near_gate_passes_wherever_near_matches() -> None:
    """parse_report tries the "near X" pattern only when the last word of the letters-only text
    before a place is one of _NEAR_LAST; wherever the pattern matches, that word is one of them."""
    from geo import events, reading

    texts = ["near Ganja, outside  Tovuz, around the town of Agdam, km from\nShusha, close to the village of Talish"]
    texts += [
        json.loads(x)["text"] for x in (ROOT / "data" / "corpus" / "reports.jsonl").read_text("utf-8").splitlines()
    ]
    matched = 0
    for text in texts:
        low = events.lower(text)
        clean = events.letters_only(low)
        for p in range(1, len(low) + 1):
            if reading._NEAR_BACK.match(low[max(0, p - 30) : p][::-1]):
                matched += 1
                assert clean[max(0, p - 30) : p].split()[-1] in reading._NEAR_LAST, text[max(0, p - 30) : p]
    assert matched > 30


def test_sentences_are_the_spans_between_breaks_that_have_text() -> None:
    """split_sentences keeps a span between breaks only when it has more than white space; it
    tells so without stripping each span. The definition: strip each span."""
    import random

    from geo import events

    def spec(text: str) -> list[tuple[int, int]]:
        spans, start = [], 0
        for m in events._SENTENCE_BREAK.finditer(text):
            if text[m.start()] == "." and events._ABBREV_END.search(text, max(0, m.start() - 6), m.start() + 1):
                continue
            if text[start : m.end()].strip():
                spans.append((start, m.end()))
            start = m.end()
        if text[start:].strip():
            spans.append((start, len(text)))
        return spans or [(0, len(text))]

    rnd = random.Random(2)
    alphabet = [*"ab .!?\n\n  \t\u2003\x0b\"'”’)(“‘AZ09", "Mr.", "U.S.", " km."]
    texts = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30))) for _ in range(30000)] + [TRICKY]
    for t in texts:
        assert events.split_sentences(t) == spec(t), t


def test_feature_words_found_in_the_letters_only_text_are_those_of_the_text() -> None:
    """tokenize looks for feature words in the letters-only copy of the text when it is given,
    and only for those among the sentences' words when they are given; the tokens are the same
    as when it looks for every feature word in the text."""
    import random

    from geo import events

    rnd = random.Random(9)
    pieces = ["river", "River", "RIVER", "riVer", "iver", "r", "village", "villages", "Village", "town"]
    pieces += ["x", "é", "É", "\u212a", "5", "_", " ", "-", "'", "’s", "Şuşa", "Lake", "lake", "lAke", "mount"]
    texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12))) for _ in range(20000)] + [TRICKY]
    texts += ["Riveriver, riveriver and Riverriver", "the villagesvillage town"]
    texts += [
        json.loads(x)["text"] for x in (ROOT / "data" / "corpus" / "reports.jsonl").read_text("utf-8").splitlines()
    ]
    for t in texts:
        doc = events.Document(t)
        a = places.tokenize(t)
        for b in (
            places.tokenize(t, clean=doc.clean),
            places.tokenize(t, clean=doc.clean, sentence_words=doc.sentence_words),
        ):
            assert (a.start, a.end, a.text) == (b.start, b.end, b.text), t


def test_has_digit_is_the_digit_search() -> None:
    """_has_digit tests ASCII text without a regex; it agrees with the search everywhere."""
    import random

    from geo import events

    rnd = random.Random(4)
    alphabet = list("ab 09,.٣²’—x")  # an Arabic-Indic three is a decimal digit; a superscript two is not
    for _ in range(20000):
        t = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 8)))
        assert events._has_digit(t) == (events._DIGIT.search(t) is not None), t


def test_first_word_is_the_pattern_s_word() -> None:
    """decide_role reads the first word after a place character by character; it is the word the
    pattern finds."""
    import random

    from geo import events

    rnd = random.Random(6)
    alphabet = list(" ,\n\t\u2003\x0babzA1-.’é")
    for _ in range(30000):
        t = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 8)))
        m = events._FIRST_WORD.match(t)
        assert events._first_word(t) == (m.group(1) if m else None), t


def test_sentence_breaks_are_the_pattern_s_matches() -> None:
    """A sentence's clause breaks are searched for with only the alternatives whose words it has;
    the ends are those of the whole pattern's finditer."""
    import random

    from geo import events

    rnd = random.Random(8)
    pieces = [" and were", " and", "and ", " but is", ", but ", ", while ", ", whereas ", "; ", " said", " says"]
    pieces += ["unsaid", " saidx", "xand was", " brand is", " but\n", "\n\n", " killed", ". ", "Tovuz", " x"]
    texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 14))) for _ in range(20000)] + [TRICKY]
    texts += [
        json.loads(x)["text"] for x in (ROOT / "data" / "corpus" / "reports.jsonl").read_text("utf-8").splitlines()
    ]
    found = 0
    for text in texts:
        doc = events.Document(text)
        for si, (s0, s1) in enumerate(doc.sentences):
            for rx, parts in ((events._CLAUSE_END, 4), (events._KIND_BREAK, 5)):
                want = [m.end() for m in rx.finditer(doc.low, s0, s1)]
                assert events._sentence_breaks(doc.low, s0, s1, doc.sentence_words[si], parts) == want, text[s0:s1]
                found += len(want)
    assert found > 5000
