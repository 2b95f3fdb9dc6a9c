"""Numbers as news writes them: digits with separators, number words and scale words."""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "half": 0.5, "quarter": 0.25, "dozen": 12,
}
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "grand": 1e3,
    "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5,
    "million": 1e6, "millions": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
    "crore": 1e7, "crores": 1e7,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9,
    "trillion": 1e12, "trillions": 1e12, "tn": 1e12, "trn": 1e12,
}
_WORD_UNITS = sorted((w for w in UNITS if w not in ("a", "an")), key=len, reverse=True)
_SPELLED_SCALES = ("hundred", "thousand", "million", "billion", "trillion", "lakhs?", "crores?")

DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
WORD_NUMBER = (
    r"(?:(?:a|an|" + "|".join(_WORD_UNITS) + r")(?:[\s-]+(?:and\s+)?(?:a\s+)?(?:"
    + "|".join(_WORD_UNITS + list(_SPELLED_SCALES)) + r")\b)*)"
)
SCALE = r"(?i:thousand|millions?|mn|mln|m|billions?|bn|bln|b|trillions?|tn|trn|k|lakhs?|lacs?|crores?|hundred)"

_TOKEN = re.compile(r"[a-z]+")


def parse_digits(text: str) -> float:
    return float(text.replace(",", ""))


def parse_words(text: str) -> float | None:
    """Value of a spelled number ("forty-five", "two hundred", "half a"), or None."""
    total, current = 0.0, 0.0
    seen = False
    for token in _TOKEN.findall(text.lower()):
        if token == "and":
            continue
        if token in ("a", "an") and seen:
            continue
        if token in UNITS:
            current += UNITS[token]
            seen = True
        elif token in SCALES:
            scale = SCALES[token]
            current = (current or 1) * scale
            if scale >= 1e3:
                total, current = total + current, 0.0
            seen = True
        else:
            return None
    return total + current if seen else None


def scale_of(words: str | None) -> float:
    """Product of the scale words ("lakh crore" = 1e12), 1 for none."""
    value = 1.0
    for word in (words or "").lower().split():
        value *= SCALES[word]
    return value
