"""The headline: the title-like line over the article whose words it shares or that stands over its byline or
stamp, and the furniture (widgets, captions, stamps, bylines) a header is made of."""

from __future__ import annotations

import bisect
import re

from pipeline.cleaning.metadata.byline import (
    _BY_MARKER,
    _MARKER_ONLY,
    _is_role_line,
    _marked_names,
    _name_line,
)
from pipeline.cleaning.metadata.dates import ANY_DATE
from pipeline.cleaning.metadata.page import (
    _CLOSERS,
    _HEADER_REACH,
    _HEADER_WIDGETS,
    _NAME_LINE_WORDS,
    _STAMP_WORDS,
    _UI_CHROME,
    _WORD,
    PageLine,
    _content_stems,
    _is_prose,
    _Page,
    _title_like,
    _words,
)
from pipeline.cleaning.metadata.stamps import _TIME, _header_dates, _is_time_line

_SITE_SUFFIX = re.compile(r"\s+[|–—:-]\s+\S")  # what joins a headline and the site's name in a page's title
_SITE_PREFIX = re.compile(r"\S\s+[|–—:-]\s+$")  # ... or the site's name and the headline
_CAPTIONS = frozenset({"photo_caption", "duplicate_caption"})
_CREDIT_AFTER = re.compile(r"\s*\([^()]*\)$")  # a caption's credit after its sentence: "(Jane Doe/The Gazette)"
_LISTS = frozenset({"headline_list", "related_links", "trailing_teasers"})  # lines of links to other stories
# Chrome that a headline never is.
_NOT_HEADLINE = _HEADER_WIDGETS | _UI_CHROME | {"byline", "publication_date", "author_signoff", "outlet_template"}
_FAR_REACH = 150  # lines above the article searched for a headline over its byline
_CHROME_RUN = 6  # short or chrome lines (a menu) that end the header
_HEADER_GAP = 8  # lines of furniture between a headline and what it stands over
_LIST_RUN = 3  # related title-like lines in a row that make a list rather than a headline and its dek
_STANDFIRST_DISCOUNT = 0.6
_OVER_ARTICLE = 0.3
_FULL_STOP = 0.3
_WRITTEN_AGAIN = 0.3  # for a line the page writes again: a headline comes back as the page's title, a kicker seldom does
_KICKER_WORDS = 4
_STAMP_REST_WORDS = 6
# Words a sentence does not end on (articles, "of", "and"), written in lower case, in the languages of `_STOP_WORDS`.
_JOINING_WORDS = frozenset(
    "the a an of and or le la les un une des du et der die das den dem ein eine einer und el los las del y il lo gli della "
    "het een van o os da dos das e".split()  # not "do", "as": "Things to do"
)
_SHARED_WORDS = 0.3  # of a header line's content words that the article's opening holds


def _shared_share(page: _Page, text: str) -> float:
    """The share of a line's content words that the article's opening holds."""
    if text not in page.shares:
        stems = _content_stems(text)
        page.shares[text] = len(stems & page.opening) / len(stems) if stems else 0.0
    return page.shares[text]


def _shares_words(page: _Page, text: str) -> bool:
    return _shared_share(page, text) >= _SHARED_WORDS


def _furniture(page: _Page, i: int) -> str | None:
    """What, besides headline and standfirst, a line of an article's header is: "widget" (share
    bars, picture credits), "caption", "stamp" (a date or time), "byline" or "names" (a line that
    looks like a person's name and nothing more); None for anything else."""
    if i not in page.kinds:
        page.kinds[i] = _line_furniture(page, page.lines[i])
    return page.kinds[i]


def _line_furniture(page: _Page, line: PageLine) -> str | None:
    text = line.text
    if line.reason in _HEADER_WIDGETS:
        return "widget"
    if line.reason in _CAPTIONS:
        return "caption"  # or a headline the cleaner took for a caption
    if line.reason == "publication_date" or _is_time_line(text) or _is_stamp_line(text, page.day_first):
        return "stamp"
    if line.reason in ("byline", "author_signoff") or _BY_MARKER.match(text) or _is_role_line(text) or _marked_names(text, page.day_first):
        return "byline"
    return "names" if _words(text) <= _NAME_LINE_WORDS and _name_line(text, page.day_first) and not _title_like(text) else None


def _is_stamp_line(text: str, day_first: bool) -> bool:
    """A line that states a date and little else (a headline may hold a date too)."""
    if _words(text) > _STAMP_WORDS or not _header_dates(text, day_first):
        return False
    rest = _TIME.sub(" ", ANY_DATE.sub(" ", text))
    return not _title_like(text) or len(_WORD.findall(rest)) <= _STAMP_REST_WORDS or bool(_BY_MARKER.search(text))


def _may_be_headline(page: _Page, i: int) -> bool:
    line = page.lines[i]
    kind = _furniture(page, i)
    if kind == "caption" and _CREDIT_AFTER.sub("", line.text).rstrip(_CLOSERS).endswith("."):
        return False  # a caption (before its credit); a headline the cleaner took for one (a repeated line) has no full stop
    if line.reason in _NOT_HEADLINE or line.reason == "menu_list" or not _title_like(line.text) or kind not in (None, "caption"):
        return False
    return not _cut_copy(page, line.text) and not _cut_short(line.text)


def _cut_short(text: str) -> bool:
    """Whether the text stops in the middle of a sentence, as a teaser cut to length does, on a word that
    joins what follows ("... budget for the", "after months of…")."""
    words = text.rstrip(_CLOSERS).rstrip(".…").split()
    return bool(words) and words[-1] in _JOINING_WORDS


def _cut_copy(page: _Page, text: str) -> bool:
    """Whether the text is a copy of another line cut off in the middle of a word ("... and tour announce")."""
    for other in page.sorted_texts[bisect.bisect_right(page.sorted_texts, text):]:
        if not other.startswith(text):
            return False
        if other[len(text)].isalnum():
            return True
    return False


def _passable(page: _Page, i: int) -> bool:
    """Whether a line may sit between a headline and what it stands over: header furniture,
    page chrome, a short label."""
    line = page.lines[i]
    return bool(_furniture(page, i)) or line.reason in _UI_CHROME or _words(line.text) <= 3


def _over_stamp(page: _Page, i: int, depth: int = 1) -> float:
    """How surely line i stands over the article's byline or stamp: 1 when the first line under it
    that is not a widget, chrome or a label is one, less when a standfirst that does comes first."""
    end = page.start if page.start is not None and page.start > i else len(page.lines)
    for k in range(i + 1, min(end, i + _HEADER_GAP + 1)):
        kind = _furniture(page, k)
        if kind in ("stamp", "byline", "names"):
            # names may be capitalised words only, unless a stamp follows them or a lone "By" stands over them
            named = _stamp_follows(page, k, end) or _MARKER_ONLY.match(page.lines[k - 1].text) is not None
            sure = 1.0 if kind != "names" or named else _STANDFIRST_DISCOUNT
            return sure if not _headline_under(page, k, end) else _STANDFIRST_DISCOUNT * sure
        if _passable(page, k):
            continue
        text = page.lines[k].text
        if depth and (k == i + 1 or _shares_words(page, text)) and (_title_like(text) or _is_prose(text)):
            return _STANDFIRST_DISCOUNT * _over_stamp(page, k, depth - 1)
        return 0.0
    return 0.0


def _stamp_follows(page: _Page, k: int, end: int) -> bool:
    """Whether a stamp comes right under line k (only widgets between): then a line of names there is a byline."""
    for j in range(k + 1, min(end, k + 3)):
        if (kind := _furniture(page, j)) != "widget":
            return kind == "stamp"
    return False


def _headline_under(page: _Page, k: int, end: int) -> bool:
    """Whether a related title-like line comes between line k and the article (at `end`): then
    the byline or stamp at k heads that line, and the line over it is a bio or a kicker."""
    for j in range(k + 1, min(end, k + _HEADER_GAP + 1)):
        if not _passable(page, j):
            text = page.lines[j].text
            return _title_like(text) and not _is_prose(text) and _shares_words(page, text)
    return False


def _headline(page: _Page) -> int | None:
    """The headline's line. Walking up from the article's first paragraph through its header
    (standfirst, byline, stamps, widgets, chrome and short lines between), the title-like lines
    met are scored by the share of their words the article holds and by whether they stand over
    its byline, stamp or first paragraph; the best, or the related line stacked on top of it (a
    headline over its dek), is the headline, unless it is a short kicker over a longer one."""
    if page.start is None:
        return None
    scores = _header_scores(page, page.start)
    best = _prefer_far(page, page.start, max(scores, key=lambda i: (scores[i], -i)) if scores else None)
    if best is not None and best not in scores:  # far up: the title-like lines over it may be stacked on it
        scores = {k: 0.0 for k in range(max(0, best - _HEADER_GAP), best) if _may_be_headline(page, k)}
    while best is not None and (above := _stacked_above(page, best, scores)) is not None:
        best = above
    return _without_site_name(page, best, scores)


def _without_site_name(page: _Page, best: int | None, scores: dict[int, float]) -> int | None:
    """The headline itself rather than the page's title that repeats it with the site's name
    ("Crews restore power ... | Riverton Gazette" or "Riverton Gazette - Crews restore ..." over "Crews restore power ...")."""
    if best is None:
        return None
    text = page.lines[best].text
    for i in sorted(scores, reverse=True):
        other = page.lines[i].text
        if i != best and len(other) < len(text) and (text.startswith(other) and _SITE_SUFFIX.match(text[len(other):])
                                                     or text.endswith(other) and _SITE_PREFIX.search(text[: -len(other)])):
            return i
    return best


def _header_scores(page: _Page, start: int) -> dict[int, float]:
    """The title-like lines met walking up from the article's first paragraph at `start` through its
    header, by line, with their scores; the walk ends at a run of chrome or at lines of nothing."""
    lines = page.lines
    scores: dict[int, float] = {}
    misses = chrome_run = 0
    found = False  # a line that shares the article's words or stands over its stamp
    any_related = False  # a line that shares the article's words
    for i in range(start - 1, max(-1, start - _HEADER_REACH), -1):
        text = lines[i].text
        share = _shared_share(page, text)
        if _may_be_headline(page, i):
            over_article = i == start - 1 and lines[i].reason not in _LISTS
            # away from the article, a full stop ends standfirsts, bios and captions more often than headlines
            full_stop = not over_article and lines[i].text.rstrip(_CLOSERS).endswith(".")
            score = (share + _over_stamp(page, i) + (_OVER_ARTICLE if over_article else 0.0) - (_FULL_STOP if full_stop else 0.0)
                     + (_WRITTEN_AGAIN if _copies(page, i) > 1 else 0.0))
            related = share >= _SHARED_WORDS
            if related or score >= _OVER_ARTICLE and not any_related:  # structure alone, until a line shares words
                scores[i] = score
                chrome_run = 0
                found |= score > _OVER_ARTICLE
                any_related |= related
                continue
        if share >= _SHARED_WORDS and (_is_prose(text) or _words(text) <= 3):
            continue  # a standfirst; a table of contents under the headline
        if _furniture(page, i):
            continue
        if _passable(page, i):
            chrome_run += 1
            if chrome_run > _CHROME_RUN:
                break
        elif not found and misses < 2:
            misses += 1
        else:
            break
    return scores


def _copies(page: _Page, i: int) -> int:
    """How often the page writes line i's text (a headline comes back as the page's title)."""
    text = page.lines[i].text
    return bisect.bisect_right(page.sorted_texts, text) - bisect.bisect_left(page.sorted_texts, text)


def _prefer_far(page: _Page, start: int, best: int | None) -> int | None:
    """The best of the walk, or the headline over a byline further up (`_far_headline`)."""
    if (best is None or not _over_stamp(page, best)) and (far := _far_headline(page)) is not None:
        # a headline over its byline further up wins over one that stands over nothing, or over
        # the article only (a video's title) and shares fewer of its words
        if best is None or not all(_passable(page, k) for k in range(best + 1, start)) or (
                _shared_share(page, page.lines[far].text) >= _shared_share(page, page.lines[best].text)):
            best = far
    return best


def _far_headline(page: _Page) -> int | None:
    """Past the lines the walk reached (a video player, a score box between header and article):
    the nearest line over the article that shares its words and stands over a byline or stamp (`_sure_over_stamp`)."""
    start = page.start or 0
    for i in range(start - 1, max(-1, start - _FAR_REACH), -1):
        if _may_be_headline(page, i) and _shares_words(page, page.lines[i].text) and _sure_over_stamp(page, i):
            return i
    return None


def _sure_over_stamp(page: _Page, i: int) -> bool:
    """Whether line i stands right over a byline or stamp, or over a standfirst right over one."""
    sure = _over_stamp(page, i)
    standfirst = i + 1 < len(page.lines) and not _passable(page, i + 1)
    return sure == 1.0 or standfirst and sure >= _STANDFIRST_DISCOUNT


def _stacked_above(page: _Page, i: int, scores: dict[int, float]) -> int | None:
    """The related title-like line right above line i (only furniture, chrome and labels between),
    unless it is a kicker (as short as one, or written fewer times than line i) or the last of a list of related stories' titles."""
    for k in range(i - 1, max(-1, i - _HEADER_GAP - 1), -1):
        if k in scores:
            related = _shares_words(page, page.lines[k].text) and not _related_list(page, k)
            kicker = _words(page.lines[k].text) <= _KICKER_WORDS or _copies(page, k) < _copies(page, i)
            return k if related and not kicker else None
        if not _passable(page, k):
            return None
    return None


def _related_list(page: _Page, k: int) -> bool:
    """Whether line k ends a run of `_LIST_RUN` or more related title-like lines: a list of stories
    on the same subject ("More on MacBook Pro"), not a headline over its dek."""
    run = 0
    while k - run >= 0 and run < _LIST_RUN and _may_be_headline(page, k - run) and _shares_words(page, page.lines[k - run].text):
        run += 1
    return run >= _LIST_RUN
