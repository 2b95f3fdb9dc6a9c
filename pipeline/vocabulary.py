"""The page-chrome vocabulary of `data/chrome.toml`, matched against every line of a page at once.

Searching each line with each of the vocabulary's 125 case-insensitive patterns is what would make
cleaning slow. Hyperscan compiles every pattern into one automaton and scans a whole page in one
pass; its matches name the lines that *may* match a pattern, and Python's `re`, whose semantics the
vocabulary is written in, confirms each of those few candidates on its line.

For Hyperscan the patterns are widened to what it accepts without Unicode properties: word
boundaries are dropped and `\\w`, `\\d` also accept any non-ASCII character, and the page is
lower-cased before the scan, character by character as Python's case-insensitive matching
compares them (and with the three letters it takes for ASCII ones but `str.lower` does not
mapped to those: İ, ı and ſ). A widened pattern matches wherever the original does (and more),
so confirming its candidates gives exactly the lines the original patterns match.

The same scan answers the classifier's other "may this line be ..." questions (`HINTS`): a line
that does not open like a byline cannot be one, a line without a date cannot be a publication
stamp, one without a letter of another script than Latin cannot be non-Latin, one with an ASCII
letter is not letterless. So those tests run on few lines.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import hyperscan

from pipeline import metadata, scripts

_NON_ASCII = r"\x{80}-\x{10FFFF}"
_FLAGS = hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_MULTILINE
# name -> a pattern every line of that kind matches (widened like the vocabulary's):
# - byline: how a byline opens;
# - dated: a date or a time ago, in a publication stamp;
# - other_script: a letter of another script than Latin, in a non-Latin line (matched to the
#   line's end, so that a line of such letters is reported once rather than once per letter);
# - letterless: no ASCII letter on the lower-cased line, in a line without letters;
HINTS = {
    "byline": metadata.BYLINE_HINT_PATTERN,
    "dated": metadata.STAMP_HINT_PATTERN,
    "other_script": scripts.OTHER_SCRIPT_PATTERN + r"[^\n]*$",
    "letterless": r"^[^a-z\n]+$",
}
_NO_CANDIDATES: frozenset[int] = frozenset()
_AS_ASCII = {"İ": "i", "ı": "i", "ſ": "s"}


@dataclass(frozen=True)
class Pattern:
    reason: str
    max_words: int
    regex: re.Pattern


@dataclass(frozen=True)
class Vocabulary:
    patterns: tuple[Pattern, ...]
    """Every pattern of every rule, in file order: the first that matches names the reason."""
    database: hyperscan.Database
    """All patterns, widened (see the module docstring), pattern id = position in `patterns`,
    then the hints, ids from len(patterns) on."""
    hint_ids: dict[str, int]

    def candidates(self, lines: list[str]) -> list[set[int] | frozenset[int]]:
        """For each line (without line breaks), the patterns and hints that may match it."""
        found: list[set[int] | frozenset[int]] = [_NO_CANDIDATES] * len(lines)
        page = "\n".join(lines)
        if not page.isascii():  # lower-case the few distinct non-ASCII characters one by one
            for char in set(scripts.non_ascii(page.encode("utf-8"))):
                lower = _AS_ASCII.get(char) or char.lower()
                if lower != char:
                    page = page.replace(char, lower)
        data = page.encode("utf-8").lower()  # and ASCII letters at C speed
        hits: list[tuple[int, int]] = []  # (end, pattern) of every match

        def on_match(pattern: int, _start: int, end: int, _flags: int, _context: object) -> None:
            hits.append((end, pattern))

        self.database.scan(data, match_event_handler=on_match)
        hits.sort()  # Hyperscan reports matches mostly, not always, in the order of their ends
        line = counted_to = 0
        for end, pattern in hits:
            line += data.count(b"\n", counted_to, end)
            counted_to = end
            if found[line] is _NO_CANDIDATES:
                found[line] = set()
            found[line].add(pattern)
        return found

    def reason(self, text: str, words: int, candidates: set[int] | frozenset[int]) -> str | None:
        """The reason of the first pattern, among `candidates`, that matches `text` within its
        rule's word limit."""
        for i in sorted(candidates):
            if i >= len(self.patterns):
                break  # hints
            pattern = self.patterns[i]
            if words <= pattern.max_words and pattern.regex.search(text):
                return pattern.reason
        return None


@lru_cache(maxsize=1)
def chrome_vocabulary() -> Vocabulary:
    """The vocabulary, compiled once per process (about half a second for Hyperscan)."""
    data = tomllib.loads(resources.files("pipeline.data").joinpath("chrome.toml").read_text("utf-8"))
    patterns = tuple(Pattern(r["reason"], r["max_words"], re.compile(p, re.I)) for r in data["rule"] for p in r["patterns"])
    database = hyperscan.Database()
    widened = [widen(p).encode("utf-8") for p in [p.regex.pattern for p in patterns] + list(HINTS.values())]
    database.compile(expressions=widened, ids=list(range(len(widened))), elements=len(widened), flags=_FLAGS)
    return Vocabulary(patterns, database, {name: len(patterns) + i for i, name in enumerate(HINTS)})


def widen(pattern: str) -> str:
    """A Hyperscan pattern that matches at least wherever the Python pattern does (see the module
    docstring). Raises ValueError on a negated class with a class escape, which widening would
    narrow instead."""
    out, i, in_class, negated = [], 0, False, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            escape = pattern[i: i + 2]
            if escape == "\\u":
                out.append(f"\\x{{{pattern[i + 2: i + 6]}}}")
                i += 6
                continue
            if escape in ("\\w", "\\d") and negated:
                raise ValueError(f"cannot widen {escape} in a negated class: {pattern!r}")
            if escape in ("\\w", "\\d"):
                out.append(escape + _NON_ASCII if in_class else f"[{escape}{_NON_ASCII}]")
            elif escape != "\\b":
                out.append(escape)
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class, negated = True, pattern[i + 1: i + 2] == "^"
        elif ch == "]" and in_class and pattern[i - 1] != "[" and pattern[i - 2: i] != "[^":
            in_class = negated = False
        out.append(ch)
        i += 1
    return "".join(out)
