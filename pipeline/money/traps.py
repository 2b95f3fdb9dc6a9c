"""Currency words and signs that follow a number as units of something else: pounds of weight
("300 pounds of cargo", "a 9-pound baby", "He lost 40 pounds"), a `p` that is a video
resolution or a provisional year ("1080p", "2023p"), and a year that names a price level ("in
2020 dollars"). The words that decide are data
(`[traps]` in currencies.toml)."""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.money.currencies import vocabulary

_YEAR = re.compile(r"(?:19|20)\d\d")
_PRICE_YEAR = re.compile(r"(?i)\b(?:in|of|at|constant)\s+(?:(?:constant|real|inflation-adjusted)\s+)?$")
_SENTENCE_END = re.compile(r"[.!?\n](?:\s|$)")


def _words(options: list[str]) -> str:
    return "|".join(re.escape(o).replace(r"\ ", r"\s+") for o in sorted(options, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    traps = vocabulary().traps
    return {
        "of_money": re.compile(r"\s+of\s+(?:the\s+)?(?:" + _words(traps["money_after_pounds_of"]) + r")\b", re.I),
        "of": re.compile(r"\s+of\b", re.I),
        "noun": re.compile(r"\s+(?:" + _words(traps["money_nouns"]) + r")\b", re.I),
        "before": re.compile(r"\b(?:" + _words(traps["weight_before"]) + r")\s+(?:(?:about|around|nearly|almost|over|more than|some|roughly)\s+)?$", re.I),
        "after": re.compile(r"[\s,]+(?:(?:and\s+)?\d+\s+)?(?:" + _words(traps["weight_after"]) + r")\b", re.I),
        "cue": re.compile(r"(?:£|\b(?:" + _words([c for c in traps["pence_cues"] if c != "£"]) + r")\b)", re.I),
    }


def is_weight(text: str, start: int, end: int, word: str, scaled: bool) -> bool:
    """Whether the pound word ending at `end` (figure from `start`) weighs rather than pays."""
    if not word.startswith("pound") or "sterling" in word:
        return False
    p = _patterns()
    after = text[end: end + 60]
    if p["of"].match(after):
        return not p["of_money"].match(after)
    if p["after"].match(after):
        return True
    if scaled:
        return False
    if p["before"].search(text[max(0, start - 30): start]):
        return True
    compound = word == "pound" or text[start:end].find("-pound") >= 0
    return compound and not _is_one(text[start:end]) and not p["noun"].match(after)


def _is_one(figure: str) -> bool:
    return bool(re.match(r"(?i)(?:1|one|a)\b", figure))


def is_not_pence(text: str, start: int, number: str) -> bool:
    """Whether "<number>p" at `start` is a resolution or a provisional year rather than pence."""
    if not number.isdigit():
        return False
    resolution = int(number) in vocabulary().traps["resolutions"]
    if not resolution and not _YEAR.fullmatch(number):
        return False
    return not _patterns()["cue"].search(_sentence(text, start))


def _sentence(text: str, at: int) -> str:
    """The sentence around position `at`, roughly: from the last end of sentence to the next."""
    opening = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, at - 300), at)), default=max(0, at - 300))
    closing = _SENTENCE_END.search(text, at)
    return text[opening: closing.start() if closing else at + 300]


def is_price_year(text: str, start: int, number: str) -> bool:
    """Whether "<year> <currency>" at `start` names a price level, not a sum ("in 2020 dollars")."""
    return bool(_YEAR.fullmatch(number)) and bool(_PRICE_YEAR.search(text, max(0, start - 30), start))
