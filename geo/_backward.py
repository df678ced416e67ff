"""Rules that look backwards from a mention, run backwards.

A rule about the words before a mention is a pattern anchored at the end of the text
(``"... km from (the )?$"``). Python's regex engine tries such a pattern at every position of
the text and fails at almost all of them. :func:`backward` rewrites the pattern to read the
text reversed, so it is tried at one position only: ``rule.search(text)`` finds a match exactly
when ``backward(rule).match(text[::-1])`` does. Only whether there is a match is kept (groups
become non-capturing); patterns with lookarounds, backreferences or inline flags are refused.

Because only that is kept, the alternatives of a group can be reordered: those that start with
the same item (a character, ``\\s+``...) are merged into one (``raen|ni|no`` -> ``raen|n(?:i|o)``),
so that the engine tests that item once instead of once per alternative. :func:`required` gives the
text a reversed rule cannot match without, for a substring test before the rule is tried.
"""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]  # the parse tree of the standard library's regex compiler
from re import _parser as P  # type: ignore[attr-defined]

_CATEGORIES = {
    C.CATEGORY_DIGIT: r"\d",
    C.CATEGORY_NOT_DIGIT: r"\D",
    C.CATEGORY_SPACE: r"\s",
    C.CATEGORY_NOT_SPACE: r"\S",
    C.CATEGORY_WORD: r"\w",
    C.CATEGORY_NOT_WORD: r"\W",
}


class NotReversible(ValueError):
    """The pattern uses something :func:`backward` does not rewrite."""


def backward(pattern: re.Pattern) -> re.Pattern:
    """The pattern that matches the reversed text at its start wherever ``pattern`` matches
    the text at its end. ``pattern`` must end with ``$`` and carry no flags beyond the default."""
    if pattern.flags & ~re.UNICODE:
        raise NotReversible(f"flags {pattern.flags!r}")
    tree = P.parse(pattern.pattern)
    if not tree.data or tree.data[-1] != (C.AT, C.AT_END):
        raise NotReversible("the pattern must end with $")
    # "$" also matches before a newline that ends the text: read backwards, an optional one first
    return re.compile("\n?" + _reverse(tree.data[:-1]))


def _reverse(seq) -> str:
    return "".join(_item(op, av) for op, av in reversed(list(seq)))


def _merged(alts: list[list]) -> str:
    """An alternation of ``alts`` (each a list of parse items in reading order) in which the
    alternatives that start with the same item (a character, ``\\s+``...) share it; the same
    strings match."""
    by_first: dict[str, list[list]] = {}
    for alt in alts:  # (dicts keep the order of first use)
        by_first.setdefault(_item(*alt[0]) if alt else "", []).append(alt[1:])
    out = []
    for first, rests in by_first.items():
        if first == "" or len(rests) == 1:
            out.extend(first + "".join(_item(op, av) for op, av in rest) for rest in rests)
        else:
            out.append(first + "(?:" + _merged(rests) + ")")
    return "|".join(out)


def required(pattern: re.Pattern) -> str:
    """The longest run of literal characters that every match of ``pattern`` contains (its
    top-level sequence only; "" if none): a text without it cannot match."""
    best, run = "", ""
    for op, av in P.parse(pattern.pattern).data:
        if op is C.LITERAL:
            run += chr(av)
            continue
        best, run = max(best, run, key=len), ""
    return max(best, run, key=len)


def _item(op, av) -> str:
    if op is C.LITERAL:
        return re.escape(chr(av))
    if op is C.NOT_LITERAL:
        return "[^" + re.escape(chr(av)) + "]"
    if op is C.ANY:
        return "."
    if op is C.IN:
        return _charset(av)
    if op is C.AT and av is C.AT_BOUNDARY:
        return r"\b"
    if op is C.AT and av is C.AT_NON_BOUNDARY:
        return r"\B"
    if op is C.BRANCH:
        return "(?:" + _merged([list(reversed(list(alt))) for alt in av[1]]) + ")"
    if op is C.SUBPATTERN:
        _group, add_flags, del_flags, p = av
        if add_flags or del_flags:
            raise NotReversible("inline flags")
        return "(?:" + _reverse(p) + ")"
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        lo, hi, p = av
        q = f"{{{lo},{'' if hi is C.MAXREPEAT else hi}}}"
        return "(?:" + _reverse(p) + ")" + q + ("?" if op is C.MIN_REPEAT else "")
    raise NotReversible(f"{op} {av}")


def _charset(items) -> str:
    out: list[str] = []
    for op, av in items:
        if op is C.NEGATE:
            out.insert(0, "^")
        elif op is C.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is C.RANGE:
            out.append(re.escape(chr(av[0])) + "-" + re.escape(chr(av[1])))
        elif op is C.CATEGORY:
            out.append(_CATEGORIES[av])
        else:
            raise NotReversible(f"{op} in a character set")
    return "[" + "".join(out) + "]"
