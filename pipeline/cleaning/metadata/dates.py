"""Calendar dates as pages write them, in fifteen languages; the byline and publication-stamp line tests."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import NamedTuple

_MONTH_NAMES = {  # month names by language, in month order; their first three letters abbreviate them
    "en": " ".join(calendar.month_name[i].lower() for i in range(1, 13)),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "cs": "ledna února března dubna května června července srpna září října listopadu prosince",
    "cs_nominative": "leden únor březen duben květen červen červenec srpen září říjen listopad prosinec",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "da": "januar februar marts april maj juni juli august september oktober november december",
    "no": "januar februar mars april mai juni juli august september oktober november desember",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "tr": "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
    "id": "januari februari maret april mei juni juli agustus september oktober november desember",
}
_OTHER_ABBREVIATIONS = {"janv": 1, "févr": 2, "fév": 2, "fev": 2, "avr": 4, "juil": 7, "sept": 9, "déc": 12, "jän": 1, "mrz": 3, "mrt": 3}


def _month_table() -> dict[str, int]:
    table = dict(_OTHER_ABBREVIATIONS)
    for names in _MONTH_NAMES.values():
        for i, name in enumerate(names.split(), start=1):
            table.setdefault(name, i)
            table.setdefault(name[:3], i)
    return table


_MONTHS = _month_table()
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DATE_PATTERNS = [
    # a year may have the next link's text glued to it: "Apr. 26, 2022Apr. 26, 2022"
    # or a month glued to the link before it: "Associated PressDecember 2, 2016"
    re.compile(rf"(?:\b|(?-i:(?<=[a-z])(?=[A-Z]))){_MONTH}\s+{_DAY}(?:st|nd|rd|th)?,?\s+{_YEAR}(?!\d)", re.I),  # March 12, 2024
    re.compile(rf"\b{_DAY}(?:st|nd|rd|th|er|º|\.)?(?:\s+(?:de|of))?[\s.-]*{_MONTH},?[\s.-]*(?:de\s+)?{_YEAR}(?!\d)", re.I),  # 12 March 2024
    re.compile(r"\b(?P<year>(?:19|20)\d{2})[-./](?P<month>[01]?\d)[-./](?P<day>[0-3]?\d)(?:[^0-9]|$)"),  # 2024-03-12
    re.compile(r"\b(?P<first>[0-3]?\d)(?:[./-]|\.\s)(?P<second>[0-3]?\d)(?:[./-]|\.\s)(?P<year>(?:19|20)\d{2})(?:[^0-9]|$)"),  # 12.03.2024, 2. 10. 2018
    re.compile(r"(?P<year>(?:19|20)\d{2})\s*[년年]\s*(?P<month>[01]?\d)\s*[월月]\s*(?P<day>[0-3]?\d)\s*[일日]"),
]
_NUMERIC = 2  # the patterns from here on have no month names
_LETTERS = re.compile(r"[^\W\d_]+")
_GLUED_CAPITALISED = re.compile(r"(?<=[a-z])[A-Z][a-z]+")
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|and|&|de|da|van|von|bin|al))*"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?"
BYLINE_PATTERN = rf"^(?i:(?:written |reported |words )?by)\s+(?P<name>{_NAME}(?:,\s*{_NAME})*)"
STAMP_PATTERN = r"(?i)^(?:posted|published|updated|last updated|modified|date|first published)\b\s*(?:on|at)?\s*:?"
ANY_DATE_PATTERN = "(?i)" + re.sub(r"\(\?P<\w+>", "(?:", "|".join(p.pattern for p in _DATE_PATTERNS))
DATE_ONLY_PATTERN = rf"(?i)^{_WEEKDAY}(?:{ANY_DATE_PATTERN[4:]})[\s,|:0-9apmestgmuc.]*$"
ANY_DATE = re.compile(ANY_DATE_PATTERN)
RELATIVE_TIME_PATTERN = r"(?i)\b\d+\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago\b"
_RELATIVE_TIME = re.compile(RELATIVE_TIME_PATTERN)
# Words a date-and-time stamp is made of besides the dates themselves.
_STAMP_VOCABULARY = re.compile(
    r"(?i)\b(?:posted|published|updated|last|modified|original(?:ly)?|first|date|on|at|ago|just|now|today|yesterday|"
    r"seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|a\.?m\.?|p\.?m\.?|"
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?|"
    r"(?-i:[A-Z]{1,2}[SD]?T|UTC|GMT|KST|JST|CES?T|BST|IST|AEST))\b"  # time zones only in capitals
)
_LETTER = re.compile(r"[^\W\d_]")
_BYLINE = re.compile(BYLINE_PATTERN)
_BYLINE_FIRST_LETTERS = frozenset("BbWwRr")  # of "by", "written", "reported", "words": a cheap pre-test
_STAMP = re.compile(STAMP_PATTERN)
_DATE_ONLY = re.compile(DATE_ONLY_PATTERN)


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


class _Found(NamedTuple):
    start: int
    end: int
    date: dt.date


def _dates(text: str, day_first: bool = True) -> list[_Found]:
    """Every calendar date written in the text, in order. `day_first` reads 03.04.2024 as 3 April
    (else as March 4) where neither number is over 12."""
    if not _may_hold_date(text):
        return []
    found = []
    for pattern in _DATE_PATTERNS if _names_a_month(text) else _DATE_PATTERNS[_NUMERIC:]:
        for m in pattern.finditer(text):
            if date := _date_of(m, day_first):
                found.append(_Found(m.start(), m.end(), date))
    found.sort()
    return [f for i, f in enumerate(found) if i == 0 or f.start >= found[i - 1].end]


def _names_a_month(text: str) -> bool:
    """A cheap test before the patterns with month names (an alternation of some hundred names)."""
    return any(word in _MONTHS for word in _LETTERS.findall(text.lower())) or any(
        word.lower() in _MONTHS for word in _GLUED_CAPITALISED.findall(text))


def _date_of(m: re.Match, day_first: bool, century: int = 0) -> dt.date | None:
    groups = m.groupdict()
    if "first" in groups:  # day and month in the order the page writes them, unless a number says
        a, b = int(groups["first"]), int(groups["second"])
        day, month = (a, b) if a > 12 or (day_first and b <= 12) else (b, a)
    else:
        name = groups["month"]
        month = int(name) if name.isdigit() else _MONTHS.get(name.lower().rstrip("."), 0)
        day = int(groups["day"])
    try:
        return dt.date(century + int(groups["year"]), month, day)
    except ValueError:
        return None


def find_date(text: str, day_first: bool = True) -> dt.date | None:
    """The first calendar date written in the text, or None."""
    found = _dates(text, day_first)
    return found[0].date if found else None
