"""The page-chrome vocabulary of `chrome.toml`, matched against a line in one pass.

Searching each line with each of the vocabulary's 125 case-insensitive patterns in Python's `re`
would take most of cleaning's time. Hyperscan compiles every pattern into one automaton and scans
a line in one pass; its matches name the patterns that *may* match the line, and `re`, whose
semantics the vocabulary is written in, confirms those few candidates.

Hyperscan takes neither `\\b` nor Unicode `\\w` and `\\d` in one database this size, so the
patterns are widened for it: word boundaries are dropped and `\\w`, `\\d` also accept any
non-ASCII character. Its case-insensitive matching folds Unicode letters as `re` does, except for
İ and ı, which `re` also takes for i: lines are scanned with those two written as i. A widened
pattern matches wherever the original does (and more), so confirming its candidates gives exactly
the patterns that match.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import hyperscan

_NON_ASCII = r"\x{80}-\x{10FFFF}"
# A pattern's pieces: a \uXXXX escape, another escape, a class's opening (with a "]" right after it
# that is a literal), any other character.
_PIECE = re.compile(r"\\u[0-9a-fA-F]{4}|\\.|\[\^?\]?|.", re.S)
_FLAGS = hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_SINGLEMATCH
_AS_I = str.maketrans({"İ": "i", "ı": "i"})


@dataclass(frozen=True)
class Pattern:
    reason: str
    max_words: int
    regex: re.Pattern


@dataclass(frozen=True)
class ChromeVocabulary:
    patterns: tuple[Pattern, ...]
    """Every pattern of every rule, in file order: the first that matches names the reason."""
    database: hyperscan.Database
    """All patterns, widened (see the module docstring), pattern id = position in `patterns`."""

    def candidates(self, line: str) -> set[int]:
        """The patterns that may match a line."""
        found: set[int] = set()
        self.database.scan(line.translate(_AS_I).encode("utf-8"), match_event_handler=lambda pattern, *_: found.add(pattern))
        return found

    def reason(self, text: str, words: int) -> str | None:
        """The reason of the first pattern that matches `text` within its rule's word limit."""
        for i in sorted(self.candidates(text)):
            pattern = self.patterns[i]
            if words <= pattern.max_words and pattern.regex.search(text):
                return pattern.reason
        return None


@lru_cache(maxsize=1)
def chrome_vocabulary() -> ChromeVocabulary:
    """The vocabulary, compiled once per process (about half a second for Hyperscan)."""
    data = tomllib.loads(resources.files("pipeline.cleaning").joinpath("chrome.toml").read_text("utf-8"))
    patterns = tuple(Pattern(r["reason"], r["max_words"], re.compile(p, re.I)) for r in data["rule"] for p in r["patterns"])
    database = hyperscan.Database()
    widened = [widen(p.regex.pattern).encode("utf-8") for p in patterns]
    database.compile(expressions=widened, ids=list(range(len(widened))), elements=len(widened), flags=_FLAGS)
    return ChromeVocabulary(patterns, database)


def widen(pattern: str) -> str:
    """A Hyperscan pattern that matches at least wherever the Python pattern does (see the module
    docstring). Raises ValueError on a negated class with a class escape, which widening would
    narrow instead."""
    out, in_class, negated = [], False, False
    for piece in _PIECE.findall(pattern):
        if piece in ("\\w", "\\d"):
            if negated:
                raise ValueError(f"cannot widen {piece} in a negated class: {pattern!r}")
            piece = piece + _NON_ASCII if in_class else f"[{piece}{_NON_ASCII}]"
        elif piece.startswith("\\u"):
            piece = f"\\x{{{piece[2:]}}}"
        elif piece[0] == "[" and not in_class:
            in_class, negated = True, piece.startswith("[^")
        elif piece == "]" and in_class:
            in_class = negated = False
        out.append("" if piece == "\\b" else piece)
    return "".join(out)
