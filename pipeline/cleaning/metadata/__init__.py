"""Article metadata read off a page copy as an editor reads it: headline, byline, outlet, dateline
and publication date.

The page's lines come with the cleaner's verdicts (chrome reason, kept in the body or not). The
article starts at the first kept paragraph that opens a run of them. Above it sits its header: the headline,
then perhaps a standfirst, a byline, a publication stamp, share bars and a picture. The headline is
the top title-like line of that header, whose lines are about what the article is about (they
share its words), and null when there is none. Byline and stamp are read from the headline to a
few lines into the body, so that a date in the body or a teaser's byline is not taken for the
page's own. The outlet is the name that the page's credits, copyright line, prompts and domain
names agree on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from pipeline.cleaning.metadata.byline import _bare_names, _byline, _lifted_byline
from pipeline.cleaning.metadata.dates import find_date, is_byline, is_dateline_stamp
from pipeline.cleaning.metadata.headline import _headline
from pipeline.cleaning.metadata.outlet import _SITE_AFTER, _SITE_BEFORE, _fold, _outlet
from pipeline.cleaning.metadata.page import PageLine, _Field, _page
from pipeline.cleaning.metadata.stamps import _published

__all__ = ["Metadata", "PageLine", "extract", "find_date", "is_byline", "is_dateline_stamp"]


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    byline: str | None = None
    outlet: str | None = None
    dateline: str | None = None
    published_date: dt.date | None = None
    basis: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    """for each field found, what it was read from (a headline above the article, a byline line, ...)"""


_ABOVE_HEADLINE = 3  # lines over the headline a byline or stamp is looked for
_BODY_REACH = 6  # lines into the body a byline or stamp is looked for
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})"
    r"(?:,\s*(?:[A-Z][a-z]+\.?\s+\d{1,2}|[A-Z][a-z]+))?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&-]{0,30})\))?\s*[-–—]+\s"
)


def _without_outlet(title: _Field | None, outlet: _Field | None) -> _Field | None:
    """The headline without the outlet's name that a page's title adds after or before a separator."""
    if not title or not outlet:
        return title
    name, text = _fold(outlet.value), title.value
    after, before = _SITE_AFTER.search(text), _SITE_BEFORE.match(text)
    for m, rest in ((after, text[: after.start()] if after else ""), (before, text[before.end():] if before else "")):
        if m and (site := _fold(m.group("site"))) and (site in name or name in site):
            return _Field(rest, title.basis + ", less the outlet's name")
    return title


def extract(lines: Iterable[tuple]) -> Metadata:
    """Metadata from a page's non-blank lines in order, each as (text, chrome reason or None[,
    kept in the body]); a line is taken as kept when it has no reason, unless told."""
    page = _page([PageLine(line[0], line[1], line[1] is None if len(line) < 3 else line[2]) for line in lines])
    head = _headline(page)
    start = page.start if page.start is not None else 0
    lo = head + 1 if head is not None else max(0, start - _BODY_REACH)
    hi = min(len(page.lines), start + _BODY_REACH + 1)
    above = max(0, lo - 1 - _ABOVE_HEADLINE)  # a byline or stamp may sit over the headline
    opening = [line.text for line in page.lines[start: start + 3]]
    dateline = next((m for text in opening if (m := _DATELINE.match(text))), None)
    fields = {
        "title": _Field(page.lines[head].text, "title-like line over the article") if head is not None else None,
        "byline": (_byline(page, lo, hi) or (_bare_names(page, lo, start) if head is not None else None)
                   or _byline(page, above, lo - 1) or _lifted_byline(page)),
        "outlet": _outlet(page, dateline, lo, hi, head),
        "dateline": _Field(dateline.group("place").title(), "dateline") if dateline else None,
        "published_date": _published(page, above, lo, hi),
    }
    fields["title"] = _without_outlet(fields["title"], fields["outlet"])
    found = {name: f for name, f in fields.items() if f is not None}
    return Metadata(**{name: f.value for name, f in found.items()}, basis={name: f.basis for name, f in found.items()})
