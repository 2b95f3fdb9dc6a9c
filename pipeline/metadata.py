"""Article metadata read off a page copy: headline, byline, outlet, dateline and publication date."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.regex_literals import required_literals

_MONTHS = {
    name.lower(): i
    for i in range(1, 13)
    for name in (calendar.month_name[i], calendar.month_abbr[i], "sept" if i == 9 else calendar.month_abbr[i])
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DATE_PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d{2})[-./](?P<month>\d{1,2})[-./](?P<day>\d{1,2})(?:[^0-9]|$)"),
]
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|and|&|de|da|van|von|bin|al))*"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?"
# Pattern strings that both Python's re and Polars' Rust regex engine accept (no look-around).
BYLINE_PATTERN = rf"^(?i:(?:written |reported |words )?by)\s+(?P<name>{_NAME}(?:,\s*{_NAME})*)"
STAMP_PATTERN = r"(?i)^(?:posted|published|updated|last updated|modified|date|first published)\b\s*(?:on|at)?\s*:?"
ANY_DATE_PATTERN = "(?i)" + re.sub(r"\(\?P<\w+>", "(?:", "|".join(p.pattern for p in _DATE_PATTERNS))
DATE_ONLY_PATTERN = rf"(?i)^{_WEEKDAY}(?:{ANY_DATE_PATTERN[4:]})[\s,|:0-9apmestgmuc.]*$"
ANY_DATE = re.compile(ANY_DATE_PATTERN)
RELATIVE_TIME_PATTERN = r"(?i)\b\d+\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago\b"
_RELATIVE_TIME = re.compile(RELATIVE_TIME_PATTERN)
# What every publication stamp holds (see `is_dateline_stamp`): a calendar date or a time ago.
STAMP_HINT_PATTERN = f"(?i)(?:{ANY_DATE_PATTERN[4:]})|(?:{RELATIVE_TIME_PATTERN[4:]})"
# How every byline opens (see `is_byline`).
BYLINE_HINT_PATTERN = r"(?i)^(?:written |reported |words )?by\s"
# Words a date-and-time stamp is made of besides the dates themselves.
_STAMP_VOCABULARY = re.compile(
    r"(?i)\b(?:posted|published|updated|last|modified|original(?:ly)?|first|date|on|at|ago|just|now|today|yesterday|"
    r"seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|a\.?m\.?|p\.?m\.?|"
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?|"
    r"(?-i:[A-Z]{1,2}[SD]?T|UTC|GMT|KST|JST|CES?T|BST|IST|AEST))\b"  # time zones only in capitals
)
_LETTER = re.compile(r"[^\W\d_]")
_LIFTED = frozenset({"byline", "publication_date", "author_signoff"})  # the chrome metadata is read from
_TITLE_MAX_WORDS = 30
_TWO_PART_TITLE_WORDS = 20
_SENTENCE_BREAK = re.compile(r"[a-z0-9]{2}[.!?][\"'”’)]*\s+[\"'“‘(]*[A-Z]")  # not after "St." or "U.S."
_BYLINE = re.compile(BYLINE_PATTERN)
_BYLINE_FIRST_LETTERS = frozenset("BbWwRr")  # of "by", "written", "reported", "words": a cheap pre-test
_STAMP = re.compile(STAMP_PATTERN)
_DATE_ONLY = re.compile(DATE_ONLY_PATTERN)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})"
    r"(?:,\s*(?:[A-Z][a-z]+\.?\s+\d{1,2}|[A-Z][a-z]+))?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&-]{0,30})\))?\s*[-–—]+\s"
)
_EMAIL = re.compile(r"(?P<name>[^@]*?)\s*\(?(?P<user>[\w.+-]+)@(?P<domain>[\w-]+(?:\.[\w-]+)+)\)?\s*$")
_OUTLET_PATTERNS = [
    re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?P<outlet>[A-Z][\w&.'’ -]{1,60}?)\s*(?:[.,|]|all rights|$)", re.I),
    re.compile(r"\b(?P<outlet>[A-Z][\w&]*(?: [A-Z][\w&]*){0,3}) (?:staff |file )?photos? by\b"),
    re.compile(r"\bget (?P<outlet>[A-Z][\w&.' -]{0,40}?)['’]s? (?:\w+ )?newsletters?\b", re.I),
]

# What every match of each outlet pattern holds, lower-cased (each pattern must require one): only
# the lines that hold one are worth searching. A scan of the lower-cased page finds them with these
# alternations (`Vocabulary.candidates`); else `_lines_holding` does.
_OUTLET_LITERALS = [required_literals(p.pattern, min_length=1) for p in _OUTLET_PATTERNS]
OUTLET_HINT_PATTERNS = ["|".join(re.escape(literal) for literal in sorted(literals)) for literals in _OUTLET_LITERALS]


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    byline: str | None = None
    outlet: str | None = None
    dateline: str | None = None
    published_date: dt.date | None = None


def is_byline(text: str) -> bool:
    """A short line that opens with 'By <Name>'."""
    return text[:1] in _BYLINE_FIRST_LETTERS and _BYLINE.match(text) is not None and len(text.split()) <= 30


def is_dateline_stamp(text: str) -> bool:
    """A line that only states when the article was posted or updated: "Posted : February 4,
    2025", or dates, times, time zones and stamp words with separators and nothing else
    ("Nov 18, 2019 @17:19 PM · Updated: Nov 18, 2019 @17:26 PM", "2 days ago at 07:52 am")."""
    if not (_may_hold_date(text) or "ago" in text.lower()):  # what a stamp cannot do without
        return False
    words = len(text.split())
    if words > 24:
        return False
    date = find_date(text)
    if words <= 14 and ((_STAMP.match(text) and date) or _DATE_ONLY.match(text)):
        return True
    dated = date is not None or _RELATIVE_TIME.search(text) is not None
    return dated and not _LETTER.search(_STAMP_VOCABULARY.sub(" ", ANY_DATE.sub(" ", text)))


def _may_hold_date(text: str) -> bool:
    """A cheap test before the date patterns: every date they find has a year starting 19 or 20."""
    return "19" in text or "20" in text


def find_date(text: str) -> dt.date | None:
    """The first calendar date written in the text, or None."""
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            month = m.group("month")
            month_no = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip("."))
            try:
                return dt.date(int(m.group("year")), month_no or 0, int(m.group("day")))
            except (TypeError, ValueError):
                continue
    return None


def extract(lines: list[tuple[str, str | None]], outlet_lines: list[list[int]] | None = None) -> Metadata:
    """Metadata from (line text, chrome reason or None) pairs, in page order. `outlet_lines`: for
    each outlet pattern, the indices among the lines with text of those that hold one of its
    literals (`OUTLET_HINT_PATTERNS`), when a scan of the page has found them."""
    texts = [t for t, _ in lines if t]
    plain = [t for t, reason in lines if t and reason is None]
    lifted = [(t, reason) for t, reason in lines if reason in _LIFTED]  # a few lines, sorted out below
    bylines = [t for t, reason in lifted if reason == "byline"]
    stamps = [t for t, reason in lifted if reason in ("byline", "publication_date")]
    signoffs = [t for t, reason in lifted if reason == "author_signoff"]
    dateline = next((m for t in plain[:6] if (m := _DATELINE.match(t))), None)
    return Metadata(
        title=_title(plain),
        byline=_byline(bylines, signoffs),
        outlet=_outlet(texts, dateline, signoffs, outlet_lines),
        dateline=dateline.group("place").title() if dateline else None,
        published_date=_published(stamps, texts),
    )


def _title(plain: list[str]) -> str | None:
    """The first line of 3 to 30 words that is not chrome: where pages put the headline. Headlines
    are one sentence, or two short ones ("X Is Falling. Why You Shouldn't Worry."); a page that
    opens with a paragraph has no headline in its text: None."""
    for text in plain:
        words = len(text.split())
        if words < 3 or text.startswith(("•", "-", "*")):
            continue
        breaks = len(_SENTENCE_BREAK.findall(text))
        return text if words <= _TITLE_MAX_WORDS and (breaks == 0 or (breaks == 1 and words <= _TWO_PART_TITLE_WORDS)) else None
    return None


def _byline(bylines: list[str], signoffs: list[str]) -> str | None:
    for text in bylines:
        name = _BYLINE.match(text).group("name")
        return re.split(r"\s+(?:posted|published|updated)\b", name, flags=re.I)[0].strip(" ,")
    for text in signoffs:
        m = _EMAIL.search(text)
        if m and m.group("name").strip():
            return m.group("name").strip(" ,-")
    return None


def _outlet(
    texts: list[str], dateline: re.Match | None, signoffs: list[str], outlet_lines: Iterable[list[int]] | None
) -> str | None:
    if outlet_lines is None:
        page = "\n".join(texts).encode("utf-8").lower()
        outlet_lines = (_lines_holding(page, literals) for literals in _OUTLET_LITERALS)
    for pattern, lines in zip(_OUTLET_PATTERNS, outlet_lines):
        for i in lines:
            m = pattern.search(texts[i])
            if m and len(m.group("outlet").strip()) > 1:
                return m.group("outlet").strip(" .,-")
    if dateline and dateline.group("agency"):
        return dateline.group("agency")
    for text in signoffs:
        m = _EMAIL.search(text)
        if m:
            return m.group("domain")
    return None


def _lines_holding(page: bytes, literals: frozenset[str]) -> list[int]:
    """Indices, in order, of the lines of `page` (lines joined by line breaks, encoded, ASCII
    letters lower-cased: enough while the literals' letters are ASCII, as a test holds) that hold
    one of `literals`."""
    found = set()
    for literal in literals:
        encoded = literal.encode("utf-8")
        line, counted_to = 0, 0
        at = page.find(encoded)
        while at >= 0:
            line += page.count(b"\n", counted_to, at)
            found.add(line)
            counted_to = at
            line_end = page.find(b"\n", at)
            at = page.find(encoded, line_end + 1) if line_end >= 0 else -1
    return sorted(found)


def _published(stamps: list[str], texts: list[str]) -> dt.date | None:
    """A posted/published stamp's date, else a date-only line near the top of the page."""
    for text in stamps:
        if date := find_date(text):
            return date
    for text in texts[:40]:
        if _may_hold_date(text) and _DATE_ONLY.match(text) and (date := find_date(text)):
            return date
    return None
