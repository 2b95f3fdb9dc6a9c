"""Numbers as news writes them: digits with separators, number words and scale words."""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# Parts of one: "a quarter" and "three quarters" multiply the count before them, "and a half" adds.
FRACTIONS = {"half": 0.5, "quarter": 0.25, "quarters": 0.25, "third": 1 / 3, "thirds": 1 / 3}
SCALES = {
    "dozen": 12, "hundred": 1e2, "thousand": 1e3, "k": 1e3, "grand": 1e3,
    "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5,
    "million": 1e6, "millions": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
    "crore": 1e7, "crores": 1e7, "cr": 1e7,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9,
    "trillion": 1e12, "trillions": 1e12, "tn": 1e12, "trn": 1e12,
}
_WORD_UNITS = sorted([w for w in UNITS if w not in ("a", "an")] + list(FRACTIONS), key=len, reverse=True)
_SPELLED_SCALES = ("dozen", "hundred", "thousand", "million", "billion", "trillion", "lakhs?", "crores?")

DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
# The first word may open a sentence ("A quarter of a million pounds"); matching the rest
# case-sensitively keeps the pattern cheap at every position of a page.
WORD_NUMBER = (
    r"(?:(?:" + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in ["an", "a"] + _WORD_UNITS) + r")\b(?:[\s-]+(?:and\s+|of\s+)?(?:a\s+)?(?:"
    + "|".join(_WORD_UNITS + list(_SPELLED_SCALES)) + r")\b)*)"
)
SCALE = r"(?i:thousand|millions?|mn|mln|m|billions?|bn|bln|b|trillions?|tn|trn|k|lakhs?|lacs?|crores?|cr|hundred)"

_TOKEN = re.compile(r"[a-z]+")


def parse_digits(text: str) -> float:
    return float(text.replace(",", ""))


def parse_words(text: str) -> float | None:
    """Value of a spelled number ("forty-five", "two hundred", "half a", "a quarter of a"), or None."""
    total, current, count = 0.0, 0.0, None  # count: the unit just read, which a fraction multiplies
    seen = after_and = False
    last_scale = 0.0
    for token in _TOKEN.findall(text.lower()):
        if token == "of" and count is not None:
            return None  # "of" only follows a fraction: "a quarter of a million", not "one of a"
        if token == "and":
            after_and, count = True, None
        if token in ("and", "of") or (token in ("a", "an") and seen):
            continue
        if token in FRACTIONS:
            if after_and and not current and last_scale:
                total += FRACTIONS[token] * last_scale  # "a million and a half"
            elif count is not None:
                current += count * FRACTIONS[token] - count
            else:
                current += FRACTIONS[token]
            count = None
        elif token in UNITS:
            count = UNITS[token]
            current += count
        elif token in SCALES:
            scale = SCALES[token]
            current, count = (current or 1) * scale, None
            if scale >= 1e3:
                total, current, last_scale = total + current, 0.0, scale
        else:
            return None
        seen, after_and = True, False
    return total + current if seen else None


def scale_of(words: str | None) -> float:
    """Product of the scale words ("lakh crore" = 1e12), 1 for none."""
    value = 1.0
    for word in (words or "").lower().split():
        value *= SCALES[word]
    return value
