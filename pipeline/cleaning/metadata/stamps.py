"""The publication stamp in an article's header: its dates, update dates, times."""

from __future__ import annotations

import datetime as dt
import re

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
# A stamp without its year ("Nov 18", "18 November, 10:04 am"), which the page's copyright line gives.
_YEARLESS_DATES = (re.compile(rf"(?i)^{_MONTH}\s+{_DAY}(?:st|nd|rd|th)?(?!\w)"), re.compile(rf"(?i)^{_DAY}(?:st|nd|rd|th|\.)?\s+{_MONTH}(?!\w)"))
_COPYRIGHT_YEAR = re.compile(r"(?:©|\(c\)|(?i:copyright))\D{0,12}(?:(?:19|20)\d{2}\s*[-–]\s*)?(?P<year>(?:19|20)\d{2})")
_YEARLESS_STAMP_WORDS = 6
_TIME = re.compile(r"(?i)\b\d{1,2}[:h.]\d{2}\s*(?:[ap]\.?m\.?)?\b|\b\d{1,2}\s*[ap]\.?m\.?\b")
# A stamp's time since publication at the end of a line ("8h", "James Roe • 3d", "2 hours ago", "il y a 3 jours"),
# or a whole line of a count and a unit without "ago" ("2 hours", "5 min"): see `_time_since`.
_AGO = re.compile(
    r"(?i)(?:^|[\s•·|,(-])(?:(?P<n>\d{1,3})\s?(?P<short>[mhdw])|(?:(?:il y a|vor|hace|há)\s+)(?P<n_before>\d{1,3}|une?|einem?|una?)\s+(?P<unit_before>\w+)"
    r"|(?P<n_after>\d{1,3}|an?|one)\s*(?P<unit_after>[^\W\d_]+)(?P<ago>\s+ago)?)\s*\)?$"
)
_UNIT_DAYS = {  # days in a unit of `_AGO`; 0 for one shorter than a day
    **dict.fromkeys("s m h sec secs second seconds min mins minute minutes hr hrs hour hours minuten stunde stunden minuto minutos "
                    "hora horas heure heures".split(), 0),
    **dict.fromkeys("d day days jour jours tag tagen día días dia dias".split(), 1),
    **dict.fromkeys("w wk wks week weeks semaine semaines woche wochen semana semanas".split(), 7),
}
_AGO_WORDS = 8  # of a line that holds a stamp of the time since publication
_ANCHOR_REST_WORDS = 6  # words besides its dates of a line that dates a story on the page ("Kim Roe • February 19, 2017")
_UPDATE_WORDS = re.compile(
    r"(?i)\b(?:updated?|modified|edited|mis à jour|mise à jour|actualizado|atualizado|aktualisiert|bijgewerkt|aggiornato|"
    r"aktualizováno|aktualizace|zaktualizowano|aktualizacja|обновлено|güncellendi|güncelleme|uppdaterad|opdateret|oppdatert|diperbarui)\b"
)


def _header_dates(text: str, day_first: bool) -> list[tuple[dt.date, bool]]:
    """(date, is an update) for the dates of a header line; in a paragraph only one that opens it
    ("April 17, 2015 -- Imagine ...")."""
    found = _dates(text, day_first)
    if _words(text) > _STAMP_WORDS or _is_prose(text) and not is_dateline_stamp(text):
        found = [f for f in found if f.start <= 3]
    elif not found:
        found = [_Found(m.start(), m.end(), d) for m in _SHORT_NUMERIC_DATE.finditer(text) if (d := _date_of(m, day_first, 2000))]
    out = []
    for f in found:
        before = text[max(0, f.start - 20): f.start]
        out.append((f.date, _UPDATE_WORDS.search(before) is not None))
    return out


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
        if line.reason in ("byline", "publication_date") and (date := find_date(line.text, page.day_first)):
            return _Field(date, "stamp line")
    return None


def _yearless_stamp(page: _Page, lo: int, hi: int) -> _Field | None:
    """A stamp in lines lo..hi that gives day and month only, in the year of the page's copyright line."""
    years = [int(m.group("year")) for line in page.lines if line.reason == "copyright" and (m := _COPYRIGHT_YEAR.search(line.text))]
    if not years:
        return None
    for line in page.lines[lo:hi]:
        text = _TIME.sub(" ", line.text).strip(" ,|·-")
        if _words(text) > _YEARLESS_STAMP_WORDS:
            continue
        for m in filter(None, (pattern.match(text) for pattern in _YEARLESS_DATES)):
            try:
                return _Field(dt.date(max(years), _MONTHS[m.group("month").lower().rstrip(".")], int(m.group("day"))),
                              "stamp without a year, in the copyright's year")
            except ValueError:
                continue
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


def _ago_stamp(page: _Page, lo: int, hi: int) -> _Field | None:
    """A stamp in lines lo..hi that gives the time since publication, counted back from `_page_today`."""
    age = next((a for line in page.lines[lo:hi] if not _is_prose(line.text) and (a := _ago(line.text)) is not None), None)
    if age is None or (today := _page_today(page)) is None:
        return None
    return _Field(today - age, "stamp of the time since publication, from the page's own dates")
