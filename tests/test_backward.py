"""Rules run backwards (geo._backward) agree with the same rules run forwards."""

from __future__ import annotations

import json
import re

import pytest

from geo import events, reading
from geo._backward import NotReversible, backward, required
from tests.conftest import ROOT


def _windows() -> list[str]:
    """The 80 characters before every capital letter of the labelled corpus, as text and lower-cased."""
    out = []
    for line in (ROOT / "data" / "corpus" / "reports.jsonl").read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        low = events.lower(text)
        for m in re.finditer(r"[A-Z]", text):
            out += [text[max(0, m.start() - 80) : m.start()], low[max(0, m.start() - 80) : m.start()]]
    return out


WINDOWS = _windows() + [
    "",
    "\n",
    "12 km (7 miles) north-east of the village of ",
    "shelled from positions near the\n",
    "talks in\n",
    "war over\n\n",
    "Armenia-",
    "a journalist based in ",
    "aid went via ",
]
RULES = [rx for rx, _ in events._BEFORE_CONTEXT] + [events._LOCATIVE_BEFORE, reading._NEAR]


@pytest.mark.parametrize("rule", RULES, ids=[f"rule{i}" for i in range(len(RULES))])
def test_backward_rule_matches_where_the_forward_rule_does(rule: re.Pattern) -> None:
    back = backward(rule)
    forward = [bool(rule.search(w)) for w in WINDOWS]
    assert any(forward) and not all(forward), "the windows exercise the rule"
    assert [bool(back.match(w[::-1])) for w in WINDOWS] == forward


def test_backward_handles_classes_repeats_and_boundaries() -> None:
    rule = re.compile(r"\b(?:[A-Z][a-z]+|\d{2,3}[^\s,]?)\s*(?:of\s+)+?$")
    for text, hit in [
        ("near Tavush of ", True),
        ("near 123x of of\n", True),
        ("nearTavush of ", False),
        ("near 1 of ", False),
        ("near Tavush of x", False),
    ]:
        assert bool(rule.search(text)) is hit
        assert bool(backward(rule).match(text[::-1])) is hit


@pytest.mark.parametrize("pattern", [r"(?<=a)b$", r"(a)\1$", r"(?i:a)$", r"ab", r"(?=a)a$"])
def test_backward_refuses_what_it_cannot_rewrite(pattern: str) -> None:
    with pytest.raises(NotReversible):
        backward(re.compile(pattern))


def test_alternatives_that_share_their_start_are_merged_and_match_the_same() -> None:
    rule = re.compile(r"\b(?:near|next\s+to|in|on|inside|\d+\s+km\s+from|\d+\s+miles\s+from)\s+$")
    back = backward(rule)
    assert back.pattern.count("n(?:") >= 1  # "ni", "no", "edisni" merged under their first letter
    texts = ["near ", "next to ", "in ", "on ", "inside ", "5 km from ", "5 miles from ", "xin ", "nea ", "5 km to "]
    for text in texts:
        assert bool(back.match(text[::-1])) is bool(rule.search(text)), text


GATED = [(back, need) for back, _, _, need in events._BEFORE_RULES if need]


@pytest.mark.parametrize("back,need", GATED, ids=[need for _, need in GATED])
def test_a_before_rule_gated_by_its_required_text_matches_the_same_windows(back: re.Pattern, need: str) -> None:
    """decide_role tries a before-rule only when the reversed window holds its required text."""
    reversed_windows = [w[::-1] for w in WINDOWS]
    hits = [bool(back.match(w)) for w in reversed_windows]
    assert [need in w and hit for w, hit in zip(reversed_windows, hits)] == hits
    assert any(hits) and any(need not in w for w in reversed_windows), "the windows exercise the gate"


def test_required_text_of_a_rule() -> None:
    assert required(re.compile(r"\s+morf(?:\s+\w+){0,3}\s+(?:derif|tohs)\b")) == "morf"
    assert required(re.compile(r"(?:ni|no)\s+")) == "n"  # the parser takes out the shared "n"
    assert required(re.compile(r"(?:ni|ot)\s+")) == ""
    launch = next(rx for rx, why in events._BEFORE_CONTEXT if why == "launch point")
    assert required(backward(launch)) == "morf"  # "fired from": "from", reversed
