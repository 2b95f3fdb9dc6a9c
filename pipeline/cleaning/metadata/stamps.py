"""The publication stamp in an article's header: its dates, update dates, times."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from pipeline.cleaning.metadata.dates import (
    _DAY,
    _MONTH,
    _MONTHS,
    ANY_DATE,
    _date_of,
    _dates,
    _Found,
    find_date,
    is_dateline_stamp,
)
from pipeline.cleaning.metadata.page import (
    _HEADER_REACH,
    _STAMP_WORDS,
    _WORD,
    _Field,
    _is_prose,
    _Page,
    _words,
)

# In a stamp only (see `_header_dates`): 11.03.17, 2/26/15.
_SHORT_NUMERIC_DATE = re.compile(r"(?:^|[^\d.:/])(?P<first>[0-3]?\d)([./])(?P<second>[0-3]?\d)\2(?P<year>\d{2})(?![\d.:/])")
# A stamp without its year ("Nov 18", "18 November, 10:04 am", "Tuesday, March 3"), which the page's copyright line gives;
# its weekday, where it has one, must fall on the date in that year or the one before.
_WEEKDAYS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")
_NAMED_WEEKDAY = rf"(?:(?P<weekday>{'|'.join(_WEEKDAYS)})day,?\s*)?"
_YEARLESS_DATES = (re.compile(rf"(?i)^{_NAMED_WEEKDAY}{_MONTH}\s+{_DAY}(?:st|nd|rd|th)?(?!\w)"),
                   re.compile(rf"(?i)^{_NAMED_WEEKDAY}{_DAY}(?:st|nd|rd|th|\.)?\s+{_MONTH}(?!\w)"))
_COPYRIGHT_YEAR = re.compile(r"(?:©|\(c\)|(?i:copyright))\D{0,12}(?:(?:19|20)\d{2}\s*[-–]\s*)?(?P<year>(?:19|20)\d{2})")
_YEARLESS_STAMP_WORDS = 6
# A wire dateline that opens a paragraph with day and month only: "LONDON, March 3 (Reuters) - ".
_YEARLESS_DATELINE = re.compile(r"^[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3},\s*(?P<date>[^()–—-]{3,30}?)\s*(?:\([^()]{1,30}\))?\s*[-–—]")
_TIME = re.compile(r"(?i)\b\d{1,2}[:h.]\d{2}\s*(?:[ap]\.?m\.?)?\b|\b\d{1,2}\s*[ap]\.?m\.?\b")
# A stamp's time since publication at the end of a line ("8h", "James Roe • 3d", "2 hours ago", "il y a 3 jours"),
# or a whole line of a count and a unit without "ago" ("2 hours", "5 min"): see `_time_since`.
_AGO = re.compile(
    r"(?i)(?:^|[\s•·|,(-])(?:(?P<n>\d{1,3})\s?(?P<short>[mhdw])|(?:(?:il y a|vor|hace|há)\s+)(?P<n_before>\d{1,3}|une?|einem?|una?)\s+(?P<unit_before>\w+)"
    r"|(?P<n_after>\d{1,3}|an?|one)\s*(?P<unit_after>[^\W\d_]+)(?P<ago>\s+(?:ago|fa|geleden|temu|назад|önce|sedan|siden))?)\s*\)?$"
)
_UNIT_DAYS = {  # days in a unit of `_AGO`; 0 for one shorter than a day
    **dict.fromkeys("s m h sec secs second seconds min mins minute minutes hr hrs hour hours minuten stunde stunden minuto minutos "
                    "hora horas heure heures ora ore minuti uur minuut godzin godziny godzinę minut minuty minutę час часа часов "
                    "минут минуты минуту saat dakika timme timmar minuter time timer minutter".split(), 0),
    **dict.fromkeys("d day days jour jours tag tagen día días dia dias giorno giorni dag dagen dagar dage dager dzień dni "
                    "день дня дней gün".split(), 1),
    **dict.fromkeys("w wk wks week weeks semaine semaines woche wochen semana semanas settimana settimane weken tydzień tygodnie "
                    "tygodni неделю недели недель hafta vecka veckor uge uger uke uker".split(), 7),
}
_AGO_WORDS = 8  # of a line that holds a stamp of the time since publication
_ANCHOR_REST_WORDS = 6  # words besides its dates of a line that dates a story on the page ("Kim Roe • February 19, 2017")
# What a paragraph or a long line holds before a date that stamps it: nothing or "On", a dateline's place or a byline
# ("NEW YORK, ", "By Jane Roe, "), a name before a separator ("Le Monde | "); and in a paragraph, what comes after it
# before the story: a time, an agency, a dash ("April 17, 2015 -- Imagine", "March 3, 2020 (Reuters) - ", "/PRNewswire/ --").
_BEFORE_STORY_DATE = re.compile(
    r"^(?:(?i:on|le|am|el|il)\s+|(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*\s*(?:,|\(\w[\w .&-]{0,30}\))\s*|[^.!?|•·]{1,40}\s[|•·]\s)?$"
)
_AFTER_STORY_DATE = re.compile(r"^(?:,?\s*\d{1,2}[:h.]\d{2}\s*(?i:[ap]\.?m\.?)?)?\s*(?:\([^()]{1,30}\)|/[^/]{1,30}/)?\s*(?:[-–—|•·:]|$)")
# The words before a date that say the article was posted then ("Posted by Jane Roe on Tuesday,"), opening the line or a
# part of it, after a few words at most ("This entry was posted on"), not a clause ("The report, published on ...").
_POSTED = re.compile(
    r"(?i)^(?:.*[|•·]\s*)?(?:[^\s,;.|•·]+\s+){0,4}(?:posted|published|publié|publiée|publicado|publicada|pubblicato|veröffentlicht|gepubliceerd|opublikowano|publicerad|"
    r"udgivet|publisert)\b(?:\s+(?:by|in|par|von|por|door)\s+(?-i:[A-Z])[^,;|.]{0,40}?)?(?:\s+(?:on|le|am|el|il|em|op|den|dne|w dniu))?"
    r"\s*:?\s*(?:[^\W\d_]+,?\s+)?$"
)
_POSTED_HINT = re.compile(r"(?i)posted|publi|veröffentlicht|udgivet")
_POSTED_WORDS = 40
_OTHER_STORIES = frozenset({"headline_list", "related_links", "trailing_teasers", "navigation", "menu_list"})
_UPDATE_WORDS = re.compile(
    r"(?i)\b(?:updated?|modified|edited|mis à jour|mise à jour|actualizado|atualizado|aktualisiert|bijgewerkt|aggiornato|"
    r"aktualizováno|aktualizace|zaktualizowano|aktualizacja|обновлено|güncellendi|güncelleme|uppdaterad|opdateret|oppdatert|diperbarui)\b"
)


def _header_dates(text: str, day_first: bool) -> list[tuple[dt.date, bool]]:
    """(date, is an update) for the dates of a header line; in a paragraph only one that opens it
    ("April 17, 2015 -- Imagine ...")."""
    found = _dates(text, day_first)
    if _words(text) > _STAMP_WORDS or _is_prose(text) and not is_dateline_stamp(text):
        found = [f for f in found if _BEFORE_STORY_DATE.match(text[: f.start])
                 and (not _is_prose(text) or _AFTER_STORY_DATE.match(text[f.end:]))]
    elif not found:
        found = [_Found(m.start(), m.end(), d) for m in _SHORT_NUMERIC_DATE.finditer(text) if (d := _date_of(m, day_first, 2000))]
    return [(f.date, _is_update(text, f)) for f in found]


def _is_update(text: str, found: _Found) -> bool:
    return _UPDATE_WORDS.search(text[max(0, found.start - 20): found.start]) is not None


def _is_time_line(text: str) -> bool:
    """A stamp without a date: "1:39 PM ET", "8h", "2 hours ago"."""
    rest = _TIME.sub(" ", text)
    return (_TIME.search(text) is not None and len(_WORD.findall(rest)) <= 2) or is_time_since(text)


def is_time_since(text: str) -> bool:
    """A line that is only a stamp of the time since publication: "8h", "3 days ago", "2 hours"."""
    m = _time_since(text.strip())
    return m is not None and m.start() == 0


def _time_since(text: str) -> re.Match | None:
    """The stamp of the time since publication that ends a line; a count and unit without "ago" only as the whole line."""
    m = _AGO.search(text)
    if m is None or (m.group("unit_after") and not m.group("ago") and (m.start() > 0 or not m.group("n_after").isdigit())):
        return None
    return m if (m.group("short") or m.group("unit_before") or m.group("unit_after")).lower() in _UNIT_DAYS else None


def _stamped(page: _Page, lo: int, hi: int) -> _Field | None:
    """The publication stamp's date in lines lo..hi; an update date only when no other is there."""
    updates = []
    for i in range(lo, hi):
        for date, update in _header_dates(page.lines[i].text, page.day_first):
            if not update:
                return _Field(date, "stamp in the article's header")
            updates.append(date)
    return _Field(updates[0], "update stamp in the article's header") if updates else None


def _lifted_stamp(page: _Page, hi: int) -> _Field | None:
    """Outside the header: the first line down to a little past it that the cleaner took for a stamp or byline."""
    for line in page.lines[: hi + _HEADER_REACH]:
        if line.reason in ("byline", "publication_date") and (found := _dates(line.text, page.day_first)):
            update = _is_update(line.text, found[0])
            return _Field(found[0].date, "update stamp line" if update else "stamp line")
    return None


def _posted_stamp(page: _Page) -> _Field | None:
    """The article's own note of its posting, under it as often as over it ("This entry was posted on March 3,
    2020", "Posted by Jane Roe on 3 March 2020"): the first on the page outside the lists of other stories."""
    for line in page.lines[page.start or 0:]:
        if line.reason in _OTHER_STORIES or _words(line.text) > _POSTED_WORDS or not _POSTED_HINT.search(line.text):
            continue
        for f in _dates(line.text, page.day_first):
            if _POSTED.match(line.text[: f.start]):
                return _Field(f.date, "note of the article's posting")
    return None


def _published(page: _Page, above: int, lo: int, hi: int) -> _Field | None:
    """The publication date: the stamp in the header or over the headline, else the time since publication it gives
    from the page's date bar, a note of the posting, a stamp line (an update's date only when none gives another), a
    stamp without a year, the time since publication from the page's other stamps."""
    header = [f for f in (_stamped(page, lo, hi), _stamped(page, above, lo - 1)) if f]
    if published := next((f for f in header if not f.basis.startswith("update")), None):
        return published
    # before a stamp line, which may be that date over the header
    if ago := _ago_stamp(page, above, hi, lambda: _dated_page(page, above), "the page's date over the header"):
        return ago
    found = header + [f for f in (_posted_stamp(page), _lifted_stamp(page, hi)) if f]  # a comment's date may be a stamp line
    first = next((f for f in found if not f.basis.startswith("update")), found[0] if found else None)
    return first or _yearless_stamp(page, above, hi) or _ago_stamp(page, above, hi, lambda: _page_today(page), "the page's own dates")


def _yearless_stamp(page: _Page, lo: int, hi: int) -> _Field | None:
    """A stamp in lines lo..hi that gives day and month only, in the year of the page's copyright line."""
    years = [int(m.group("year")) for line in page.lines if line.reason == "copyright" and (m := _COPYRIGHT_YEAR.search(line.text))]
    if not years:
        return None
    for line in page.lines[lo:hi]:
        text = _TIME.sub(" ", line.text).strip(" ,|·-")
        if dateline := _YEARLESS_DATELINE.match(text):
            text = dateline.group("date")
        elif _words(text) > _YEARLESS_STAMP_WORDS:
            continue
        for m in filter(None, (pattern.match(text) for pattern in _YEARLESS_DATES)):
            if date := _in_year(m, max(years)):
                year = "the copyright's year" if date.year == max(years) else "the year before the copyright's, by its weekday"
                return _Field(date, f"stamp without a year, in {year}")
    return None


def _in_year(m: re.Match, year: int) -> dt.date | None:
    """The day and month of a yearless stamp in `year`, or in the year before when only that puts it on its weekday."""
    weekday = _WEEKDAYS.index(m.group("weekday").lower()) if m.group("weekday") else None
    for y in (year, year - 1) if weekday is not None else (year,):
        try:
            date = dt.date(y, _MONTHS[m.group("month").lower().rstrip(".")], int(m.group("day")))
        except ValueError:
            continue
        if weekday is None or date.weekday() == weekday:
            return date
    return None


def _ago(text: str) -> dt.timedelta | None:
    """The time since publication a stamp line gives at its end ("8h", "3 days ago"), in whole days."""
    m = _time_since(text) if _words(text) <= _AGO_WORDS else None
    if not m:
        return None
    count = m.group("n") or m.group("n_before") or m.group("n_after")
    unit = (m.group("short") or m.group("unit_before") or m.group("unit_after")).lower()
    return dt.timedelta(days=(int(count) if count.isdigit() else 1) * _UNIT_DAYS[unit])


def _page_today(page: _Page) -> dt.date | None:
    """The day the page was copied, at the earliest, from its own stamps: the stories it dates in full are
    older than those it dates by the time since ("3d"), so it is past the newest full date by more than the
    oldest such time. None unless the page dates stories both ways."""
    full: list[dt.date] = []
    ages: list[dt.timedelta] = []
    for line in page.lines:
        if line.reason == "copyright" or _words(line.text) > _STAMP_WORDS or _is_prose(line.text):
            continue
        if (age := _ago(line.text)) is not None:
            ages.append(age)
        elif len(_WORD.findall(_TIME.sub(" ", ANY_DATE.sub(" ", line.text)))) <= _ANCHOR_REST_WORDS:
            full += [date for date, update in _header_dates(line.text, page.day_first) if not update]
    if len(ages) < 2 or not full:
        return None
    return max(full) + max(ages) + dt.timedelta(days=1)


def _dated_page(page: _Page, above: int) -> dt.date | None:
    """The page's own date over the article's header (a site's bar: "Tuesday, March 3, 2020", "mercoledì 11
    novembre 2020"): the one line over line `above`, the top of the header, of a date and at most its weekday."""
    days = {d for line in page.lines[:above] if (d := find_date(line.text, page.day_first))
            and len(_WORD.findall(_TIME.sub(" ", ANY_DATE.sub(" ", line.text)))) <= 1}
    return days.pop() if len(days) == 1 else None


def _ago_stamp(page: _Page, lo: int, hi: int, today: Callable[[], dt.date | None], basis: str) -> _Field | None:
    """A stamp in lines lo..hi that gives the time since publication, counted back from `today()`
    (asked only when there is such a stamp: reading the page's own dates is a pass over all its lines)."""
    age = next((a for line in page.lines[lo:hi] if not _is_prose(line.text) and (a := _ago(line.text)) is not None), None)
    day = today() if age is not None else None
    return _Field(day - age, f"stamp of the time since publication, from {basis}") if day is not None else None
