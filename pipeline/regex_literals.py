"""Literal strings a regular expression cannot match without, for cheap pre-filtering.

`required_literals(pattern)` returns a set of lower-case strings such that every match of the
pattern contains at least one of them, or None when no such set of strings (of 3+ characters, 2+ for non-ASCII) can
be read off the pattern. A substring test for those strings is much cheaper than running many
unanchored, case-insensitive searches over every line of a page.
"""

from __future__ import annotations

import re
from re import _constants as C  # noqa: N812
from re import _parser

from spacy.lang.en.stop_words import STOP_WORDS

_MIN_LENGTH = 3
_MIN_LENGTH_NON_ASCII = 2  # two Hangul or CJK characters are already a word


def required_literals(pattern: str) -> frozenset[str] | None:
    found = _required(_parser.parse(pattern, re.I))
    return frozenset(s.lower() for s in found) if found else None


def _required(seq) -> set[str] | None:
    candidates: list[set[str]] = []
    run: list[str] = []
    for op, av in list(seq) + [(None, None)]:
        if op is C.LITERAL:
            run.append(chr(av))
            continue
        if len(run) >= (_MIN_LENGTH if "".join(run).isascii() else _MIN_LENGTH_NON_ASCII):
            candidates.append({"".join(run)})
        run = []
        found = _required_item(op, av)
        if found:
            candidates.append(found)
    # The most selective requirement: no string of it made of stop words only (" the " is on every
    # line of prose), then the set whose shortest string is longest.
    return max(candidates, key=lambda s: (not any(map(_common, s)), min(map(len, s)))) if candidates else None


def _common(literal: str) -> bool:
    words = literal.lower().split()
    return bool(words) and all(w in STOP_WORDS for w in words)


def _required_item(op, av) -> set[str] | None:
    if op is C.SUBPATTERN:
        return _required(av[3])
    if op is C.BRANCH:
        branches = [_required(b) for b in av[1]]
        return set().union(*branches) if all(branches) else None
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _required(av[2])
    return None
