"""Literal strings a regular expression cannot match without, for cheap pre-filtering.

`required_literals(pattern)` returns a set of lower-case strings such that every match of the
pattern contains at least one of them, or None when no such set of strings (of `min_length`, by
default 3, or more characters; 2 or more for non-ASCII) can be read off the pattern. A substring
test for those strings is much cheaper than running unanchored, case-insensitive searches over
every line of a page.
"""

from __future__ import annotations

import re
from re import _constants as C  # noqa: N812
from re import _parser

from spacy.lang.en.stop_words import STOP_WORDS

_MIN_LENGTH = 3
_MIN_LENGTH_NON_ASCII = 2  # two Hangul or CJK characters are already a word


def required_literals(pattern: str, min_length: int = _MIN_LENGTH) -> frozenset[str] | None:
    found = _required(_parser.parse(pattern, re.I), min_length)
    return frozenset(s.lower() for s in found) if found else None


def _required(seq, min_length: int) -> set[str] | None:
    candidates: list[set[str]] = []
    run: list[str] = []
    for op, av in list(seq) + [(None, None)]:
        if op is C.LITERAL:
            run.append(chr(av))
            continue
        if len(run) >= (min_length if "".join(run).isascii() else min(min_length, _MIN_LENGTH_NON_ASCII)):
            candidates.append({"".join(run)})
        run = []
        found = _required_item(op, av, min_length)
        if found:
            candidates.append(found)
    # The most selective requirement: no string of it made of stop words only (" the " is on every
    # line of prose), then the set whose shortest string is longest.
    return max(candidates, key=lambda s: (not any(map(_common, s)), min(map(len, s)))) if candidates else None


def _common(literal: str) -> bool:
    words = literal.lower().split()
    return bool(words) and all(w in STOP_WORDS for w in words)


def _required_item(op, av, min_length: int) -> set[str] | None:
    if op is C.SUBPATTERN:
        return _required(av[3], min_length)
    if op is C.BRANCH:
        branches = [_required(b, min_length) for b in av[1]]
        return set().union(*branches) if all(branches) else None
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _required(av[2], min_length)
    return None
