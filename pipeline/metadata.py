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

import bisect
import calendar
import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import takewhile
from typing import NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH_STOP_WORDS


# --- dates -------------------------------------------------------------------------------------

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
}
_OTHER_ABBREVIATIONS = {"janv": 1, "févr": 2, "fév": 2, "fev": 2, "avr": 4, "juil": 7, "sept": 9, "déc": 12, "jän": 1, "mrt": 3}


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
    re.compile(rf"\b{_MONTH}\s+{_DAY}(?:st|nd|rd|th)?,?\s+{_YEAR}\b", re.I),  # March 12, 2024
    re.compile(rf"\b{_DAY}(?:st|nd|rd|th|er|º|\.)?(?:\s+de)?[\s.-]*{_MONTH},?[\s.-]*(?:de\s+)?{_YEAR}\b", re.I),  # 12 March 2024
    re.compile(r"\b(?P<year>(?:19|20)\d{2})[-./](?P<month>[01]?\d)[-./](?P<day>[0-3]?\d)(?:[^0-9]|$)"),  # 2024-03-12
    re.compile(r"\b(?P<first>[0-3]?\d)[./-](?P<second>[0-3]?\d)[./-](?P<year>(?:19|20)\d{2})(?:[^0-9]|$)"),  # 12.03.2024
    re.compile(r"(?P<year>(?:19|20)\d{2})\s*[년年]\s*(?P<month>[01]?\d)\s*[월月]\s*(?P<day>[0-3]?\d)\s*[일日]"),
]
_NUMERIC = 2  # the patterns from here on have no month names
_LETTERS = re.compile(r"[^\W\d_]+")
# In a stamp only (see `_header_dates`): 11.03.17, 2/26/15.
_SHORT_NUMERIC_DATE = re.compile(r"(?:^|[^\d.:/])(?P<first>[0-3]?\d)([./])(?P<second>[0-3]?\d)\2(?P<year>\d{2})(?![\d.:/])")

_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|and|&|de|da|van|von|bin|al))*"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?"
# Pattern strings that both Python's re and Hyperscan (see `pipeline.vocabulary`) accept.
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
    return any(word in _MONTHS for word in _LETTERS.findall(text.lower()))


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


# --- the page ----------------------------------------------------------------------------------


class PageLine(NamedTuple):
    text: str
    reason: str | None
    """the cleaner's chrome reason, None for text"""
    kept: bool
    """in the cleaned body"""


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    byline: str | None = None
    outlet: str | None = None
    dateline: str | None = None
    published_date: dt.date | None = None
    basis: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    """for each field found, what it was read from (a headline above the article, a byline line, ...)"""


# Chrome that sits inside an article's header as often as around it (share bars, picture credits).
_HEADER_WIDGETS = frozenset(
    {"share_widget", "font_size_widget", "symbols_only", "ui_control", "follow_prompt", "advertisement", "non_english_ui",
     "photo_credit", "tag_list", "comments_widget"}
)
_CAPTIONS = frozenset({"photo_caption", "duplicate_caption"})
_LISTS = frozenset({"headline_list", "related_links", "trailing_teasers"})  # lines of links to other stories
# Page chrome that may sit between a headline and its article.
_UI_CHROME = frozenset({"account_ui", "cookie_notice", "newsletter_prompt", "copyright", "browser_notice", "promo_prompt",
                        "legal_notice", "paywall_prompt", "navigation"})
# Chrome that a headline never is.
_NOT_HEADLINE = _HEADER_WIDGETS | _UI_CHROME | {"byline", "publication_date", "author_signoff"}
_STOP_WORDS = {  # the commonest function words: enough to tell a page's language and its content words
    "en": "the and of to in is that for it with was on as are be this by at from have has he she they we you not but or an will said its",
    "fr": "le la les de des du et est un une en que qui dans pour pas sur au aux avec ce il elle sont ont par plus mais ou se",
    "de": "der die das und ist nicht ein eine zu den dem mit von sich auf für im auch es sie wird wurde als bei nach aus oder",
    "es": "el la los las de del y en que un una es por con para se no su al lo como más pero sus ha fue",
    "pt": "o a os as de do da dos das e em que um uma é não para com por se no na mais ao sua seu foi",
    "it": "il lo la i gli le di del della e è che un una per con non in su si da al sono ha come",
    "nl": "de het een en van is dat niet op te in zijn met voor die er aan ook als bij door naar maar wordt",
    "cs": "a je se na v ve že to s z do o k i by jako ale pro jsou byl od po který která",
}
_STOP_SETS = {lang: frozenset(words.split()) for lang, words in _STOP_WORDS.items()}
_LANGUAGE_WORDS = 600  # words a page's language is judged on
_PLAIN_WORD = re.compile(r"\w+")
_DAY_FIRST_LINES = 50  # lines of the article the order of its dates is judged on (with those above it)
_ALL_STOP = frozenset().union(ENGLISH_STOP_WORDS, *_STOP_SETS.values())
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_SENTENCE_END = (".", "!", "?", "…", "。")
_CLOSERS = "\"'”’»)]"
_SENTENCE_BREAK = re.compile(r"[a-z0-9]{2}[.!?][\"'”’)]*\s+[\"'“‘(]*[A-Z]")  # not after "St." or "U.S."
# A link's text run into the end of a line: "... on Mobile MalwarePrevious article" (not "MacBook", "PlayStation").
_GLUED_TAIL_LINK = re.compile(r"[a-z]{4}[A-Z][a-z]+(?: [a-z]+)*$")
_BREADCRUMB = re.compile(r"\s[>»/|]\s")
_GLUED_WORDS = re.compile(r"\b[A-Z][a-z]{2,}[A-Z][a-z]")  # link texts run together: "HomeLatest NewsNollywood"
_URL_OR_EMAIL = re.compile(r"https?://|www\.|@\w")
_OPENING_LINES = 10
_OPENING_RUN = 400
_HEADER_REACH = 40  # lines above the article searched for its header
_FAR_REACH = 150  # lines above the article searched for a headline over its byline
_CHROME_RUN = 6  # short or chrome lines (a menu) that end the header
_HEADER_GAP = 8  # lines of furniture between a headline and what it stands over
_STANDFIRST_DISCOUNT = 0.6
_OVER_ARTICLE = 0.3
_FULL_STOP = 0.3
_KICKER_WORDS = 4
_STAMP_REST_WORDS = 6
_TITLE_WORDS = (3, 30)
_TWO_PART_TITLE_WORDS = 20
_HEADLINE_WORDS = 12
_GLUED_LABELS_WORDS = 8
_SHARED_WORDS = 0.3  # of a header line's content words that the article's opening holds
_OPENING_CHARS = 5000
_LOWER_WORDS_CHARS = 20000  # of paragraphs read for the words a page writes in lower case
_STAMP_WORDS = 20
_NAME_WORDS = 4  # of one person's name
_NAME_LINE_WORDS = 12
_ABOVE_HEADLINE = 3  # lines over the headline a byline or stamp is looked for
_BODY_REACH = 6  # lines into the body a byline or stamp is looked for


def _words(text: str) -> int:
    return len(text.split())


def _ends_sentence(text: str) -> bool:
    return text.rstrip(_CLOSERS).endswith(_SENTENCE_END)


def _is_prose(text: str) -> bool:
    """A paragraph: a long line, or a sentence of 8 words or more that ends in a full stop (a
    headline may end in ! or ?, a teaser in an ellipsis), or of 15 or more."""
    words = _words(text)
    if words > _TITLE_WORDS[1]:
        return True
    end = text.rstrip(_CLOSERS)
    if words < 8 or not end.endswith(_SENTENCE_END) or end.endswith(("…", "...")):
        return False
    return end.endswith((".", "。")) or words >= 15


def _title_like(text: str) -> bool:
    """Shaped like a headline: a few words, one sentence or two short ones, not a label, a list
    item, a breadcrumb trail or a fragment."""
    words = _words(text)
    first = next((c for c in text if c.isalnum()), "")
    if not _TITLE_WORDS[0] <= words <= _TITLE_WORDS[1] or first.islower():
        return False
    if text[:1] in "•·*-–—" or text.rstrip()[-1:] in ",;:" or _URL_OR_EMAIL.search(text):
        return False
    if len(_BREADCRUMB.findall(text)) >= 2 or len(_GLUED_WORDS.findall(text)) >= 2 or _GLUED_TAIL_LINK.search(text):
        return False
    if words <= _GLUED_LABELS_WORDS and _repeats_a_word(text):
        return False
    if words > _TWO_PART_TITLE_WORDS and text.rstrip(_CLOSERS).endswith("."):
        return False  # a sentence: a caption or a paragraph
    breaks = len(_SENTENCE_BREAK.findall(text))
    return breaks == 0 or (breaks == 1 and words <= _TWO_PART_TITLE_WORDS)


def _repeats_a_word(text: str) -> bool:
    """Link texts run together ("Sign up to comment and more Sign up", "Search this site Search")."""
    stems = [w.lower()[:4] for w in _WORD.findall(text) if len(w) >= 3 and w.lower() not in _ALL_STOP]
    return len(set(stems)) < len(stems)


def _headline_sized(text: str) -> bool:
    """A title-like line short enough to be a headline that ends in a full stop."""
    return _words(text) <= _HEADLINE_WORDS and _title_like(text)


def _content_stems(text: str) -> set[str]:
    """The content words of a text, cut to five letters so that inflections meet."""
    return {w[:5] for w in _WORD.findall(text.lower()) if len(w) >= 3 and w not in _ALL_STOP}


def _language(texts: Iterable[str]) -> str | None:
    """The page's language among those of `_STOP_WORDS`, by the share of its words that are their
    function words; None when no list reaches a tenth."""
    sample: list[str] = []
    for text in texts:
        sample += _PLAIN_WORD.findall(text.lower())
        if len(sample) >= _LANGUAGE_WORDS:
            break
    total = len(sample)
    if not total:
        return None
    found = Counter(sample)
    counts = {lang: sum(found[w] for w in stops if w in found) for lang, stops in _STOP_SETS.items()}
    lang, hits = max(counts.items(), key=lambda kv: kv[1], default=(None, 0))
    return lang if hits >= 0.1 * total else None


def _day_first(lang: str | None, texts: Sequence[str]) -> bool:
    """Whether the page writes 03.04.2024 for 3 April: outside English always; in English, when its
    stamps with month names put the day first ("3 April 2024") more often than not."""
    if lang != "en":
        return True
    day_first = month_first = 0
    for text in texts:
        if _may_hold_date(text) and _words(text) <= _STAMP_WORDS and _names_a_month(text):
            month_first += len(_DATE_PATTERNS[0].findall(text))
            day_first += len(_DATE_PATTERNS[1].findall(text))
    return day_first > month_first


@dataclass
class _Page:
    lines: list[PageLine]
    lang: str | None
    day_first: bool
    start: int | None  # the article's first paragraph
    opening: set[str]  # the content stems of the article's opening
    paragraphs: str  # the article's paragraphs, where common words are written in lower case
    sorted_texts: list[str] = field(default_factory=list)  # for finding the lines that continue a line
    kinds: dict[int, str | None] = field(default_factory=dict)  # `_furniture` of the lines asked about
    lower: dict[str, bool] = field(default_factory=dict)  # whether the paragraphs write a word in lower case
    shares: dict[str, float] = field(default_factory=dict)  # `_shared_share` of the lines asked about


def _page(lines: list[PageLine]) -> _Page:
    texts = [line.text for line in lines]
    body = [line.text for line in lines if line.kept]
    paragraphs = [i for i, line in enumerate(lines) if line.kept and _is_prose(line.text)]
    start = _article_start(lines, paragraphs)
    opening: set[str] = set()
    chars = 0
    for i in paragraphs if start is not None else []:
        if i >= start:
            opening |= _content_stems(texts[i])
            chars += len(texts[i])
            if chars >= _OPENING_CHARS:
                break
    lang = _language(body or texts)
    head = texts[: (start or 0) + _DAY_FIRST_LINES]  # the page's own stamps, the article's opening
    prose = " ".join(texts[i] for i in paragraphs)[:_LOWER_WORDS_CHARS]
    return _Page(lines, lang, _day_first(lang, head), start, opening, prose, sorted(texts))


def _article_start(lines: list[PageLine], paragraphs: list[int]) -> int | None:
    """The first paragraph of the article (of the kept `paragraphs`, by index): the first that
    opens a run of them (`_OPENING_RUN` characters within `_OPENING_LINES` lines), is not
    headline-sized and has no stamp or byline under it before the next, else the first that is not
    headline-sized."""
    candidates = [i for i in paragraphs if not _headline_sized(lines[i].text)]
    for k, i in enumerate(candidates):
        run = sum(len(lines[j].text) for j in takewhile(lambda j: j <= i + _OPENING_LINES, candidates[k:]))
        following = candidates[k + 1] if k + 1 < len(candidates) else len(lines)
        if run >= _OPENING_RUN and not any(_stamp_between(lines[j]) for j in range(i + 1, following)):
            return i
    return candidates[0] if candidates else None


def _stamp_between(line: PageLine) -> bool:
    """A stamp or byline: the paragraph over it is in the article's header (an author's bio, a teaser)."""
    return line.reason in ("publication_date", "byline") or is_dateline_stamp(line.text) or is_byline(line.text)


# --- the header: headline, byline, stamp -------------------------------------------------------

_TIME = re.compile(r"(?i)\b\d{1,2}[:h.]\d{2}\s*(?:[ap]\.?m\.?)?\b|\b\d{1,2}\s*[ap]\.?m\.?\b")
_RELATIVE_STAMP = re.compile(r"(?i)^(?:\d+\s*[mhdw]|\d+\s*(?:min|mins|minutes?|hours?|hrs?|days?)(?:\s+ago)?)$")
_UPDATE_WORDS = re.compile(
    r"(?i)\b(?:updated?|modified|edited|mis à jour|mise à jour|actualizado|atualizado|aktualisiert|bijgewerkt|aggiornato)\b"
)
_BY_MARKER = re.compile(
    r"(?i)(?:^|(?<=[\s/|•·—–(-]))(?:(?:written|posted|words|reported|story|text)\s+by|by|par|von|por|door|av|od|"
    r"(?:author|autor|auteur|auteurs|texte?)\s*:)\s*:?\s+(?=\S)"
)
_CREDIT_BEFORE = re.compile(
    r"(?i)\b(?:photos?|photographs?|images?|pictures?|illustrations?|video|graphics?|reviewed|edited|powered|translated|"
    r"hosted|designed|sponsored|presented|supported|fotos?|made|built|produced|created|inspired|followed|curated)\s*$"
)
_GLUED_BY = re.compile(r"\bBy(?=[A-Z][a-z])")
_MARKER_ONLY = re.compile(r"(?i)^(?:by|par|von|por|door|av|od|written by|posted by)\s*:?$")
_PARTICLES = frozenset("de da das do dos du del della der den van von le la di bin al ibn y e".split())
_CONNECTORS = frozenset("and & et und y e og en with avec mit con com ,".split())
_ROLES = frozenset(
    """reporter reporters editor editors writer writers correspondent correspondents contributor contributors columnist
    staff engineer producer director manager analyst author founder president officer ceo cto chief senior associate head
    lead professor journalist journaliste journalistin rédacteur rédactrice redakteur redakteurin correspondant
    correspondante envoyé envoyée spécial spéciale periodista corresponsal redactor redactora repórter jornalista
    colaborador colaboradora photographer intern researcher scientist developer designer advocate evangelist desk team
    critic blogger host anchor""".split()
)
_WEEKDAYS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun lundi mardi
    mercredi jeudi vendredi samedi dimanche montag dienstag mittwoch donnerstag freitag samstag sonntag lunes martes
    miércoles jueves viernes sábado domingo segunda terça quarta quinta sexta""".split()
)
# Words that end the names of a byline: the stamp that follows them, a weekday.
_NOT_NAMES = _WEEKDAYS | frozenset(
    """posted published updated modified last publié publiée mis publicado publicada atualizado actualizado aktualisiert
    veröffentlicht gepubliceerd bijgewerkt pubblicato aggiornato""".split()
)
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’.-]*(?:['’.-][^\W\d_]*)*\.?")  # "O’Brien", "Hyun-woo", "M."
_GLUED_TAIL = re.compile(r"([A-Z][a-z]{3,})[A-Z][a-z]")  # not "McDonald", "DeAndre"
_NAME_PIECE = re.compile(r"[(),&]|[^\s(),&]+")
_NAME_SPLIT = re.compile(r",|\s[-–—|•·]\s|[•|·@(]|\s[-–—]$")


class _Field(NamedTuple):
    value: object
    basis: str


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
    return (_TIME.search(text) is not None and len(_WORD.findall(rest)) <= 2) or _RELATIVE_STAMP.match(text.strip()) is not None


def _is_role_line(text: str) -> bool:
    """"Games Editor", "Seattle Times business reporter", "BuzzFeed News Reporter"."""
    words = [w.lower() for w in _WORD.findall(text)]
    return 0 < len(words) <= 6 and any(w in _ROLES for w in words) and not _ends_sentence(text)


def _person(page: _Page, name: str | None) -> bool:
    """Whether names are people's rather than common words the page also writes in lower case
    ("Business News", "Open Future")."""
    return bool(name) and _proper(page, name)


def _marked_names(text: str, day_first: bool) -> str | None:
    """The names after a 'By'-like word that opens a byline on this line ("ByAlex Roe" too)."""
    text = _GLUED_BY.sub("By ", text)
    for m in _BY_MARKER.finditer(text):
        if _opens_byline(text[: m.start()], day_first) and (name := _names(text[m.end():], day_first)):
            return name
    return None


def _opens_byline(before: str, day_first: bool) -> bool:
    """Whether a 'By'-like word after `before` opens a byline: at the start of the line, after a
    separator or a stamp ("on March 10, 2015 by ..."), not inside a name ("Diane von ...") or after
    a credit ("Photo by ...")."""
    before = before.rstrip()
    if not before or before[-1] in "|•·—–-/(:" or _TIME.search(before) or _dates(before, day_first):
        return not _CREDIT_BEFORE.search(before)
    return False


def _beside_stamp_or_role(page: _Page, i: int) -> bool:
    """Whether the nearest line over or under line i that is not a widget (a follow button, a share
    bar) is a stamp, a role or a handle."""
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(page.lines):
            text = page.lines[k].text
            if _header_dates(text, page.day_first) or _is_time_line(text) or _is_role_line(text) or text.startswith("@"):
                return True
            if page.lines[k].reason not in _HEADER_WIDGETS:
                break
            k += step
    return False


def _cut_at_date(text: str, day_first: bool) -> str:
    found = _dates(text, day_first)
    cut = found[0].start if found else len(text)
    if m := _TIME.search(text):
        cut = min(cut, m.start())
    return text[:cut]


def _names(text: str, day_first: bool) -> str | None:
    """The names a byline opens with ("Jane Roe and John Doe", "Martin Untersinger (avec Damien
    Leloup)"), up to a date, a separator, a role or anything that is not a name."""
    text = _cut_at_date(text, day_first)
    pieces = list(_NAME_PIECE.finditer(text))
    end = names = person = 0
    for k, m in enumerate(pieces):
        piece = m.group().strip(".:")
        low = piece.lower()
        if low in _NOT_NAMES or low in _MONTHS and m.group().endswith("."):
            break
        if glued := _GLUED_TAIL.match(piece):  # "Meg JamesStaff": a label run into the name
            names += 1
            end = m.start() + len(glued.group(1))
            break
        if piece[:1].isupper() and _LETTER.match(piece) and low not in _ROLES:
            if k and pieces[k - 1].group() == "," and _role_follows(pieces[k:]):
                break
            names += 1
            person += 1
            if person > _NAME_WORDS:
                return None  # a title in title case, not a name
            end = m.end()
        elif low in _PARTICLES and k + 1 < len(pieces) and pieces[k + 1].group()[:1].isupper():
            continue
        elif low in _CONNECTORS or piece in "()":
            person = 0
        else:
            break
    name = text[:end].strip(" ,(&")
    if name.count("(") > name.count(")"):
        name += ")"
    return name if names and len(name) >= 3 else None


def _role_follows(pieces: list[re.Match]) -> bool:
    """Whether the words after a comma, up to the next comma, name a role ("Software Engineer on ...")."""
    for m in pieces:
        if m.group() == ",":
            return False
        if m.group().lower().strip(".") in _ROLES:
            return True
    return False


def _name_line(text: str, day_first: bool) -> tuple[str, bool] | None:
    """(names, whether a date, a handle or a role is beside them) for a line of people's names ("Dan Goodin - Apr 16, 2015", "Devindra Hardawar, @devindra",
    "Oct 12, 2021 12:34 PM EDT | Ravi Patel", "Hannah Reid and Joseph Mwangi")."""
    spans = [(f.start, f.end) for f in _dates(text, day_first)] + [m.span() for m in _TIME.finditer(text)]
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " | " + text[end:]
    parts = [part.strip(" -–—,") for part in _NAME_SPLIT.split(text)]
    for part in parts:
        if part and _all_names(part):
            beside = bool(spans) or "@" in text or any(w.lower() in _ROLES for w in _WORD.findall(text))
            return part, beside or any(_RELATIVE_STAMP.match(p) for p in parts)
    return None


def _all_names(text: str) -> bool:
    """Words that are all names of people (two to four each), joined by particles and "and"-like words."""
    tokens = text.split()
    words = [t.lower() for t in tokens if t.lower() not in _CONNECTORS and t.lower() not in _PARTICLES]
    if len(set(words)) < len(words):
        return False  # link texts run together ("Search Query Submit Search")
    names = person = 0
    for k, token in enumerate(tokens):
        low = token.lower().strip(".")
        if low in _CONNECTORS and 0 < k < len(tokens) - 1:
            person = 0
            continue
        if low in _PARTICLES and k + 1 < len(tokens):
            continue
        if (not token[:1].isupper() or not _NAME_WORD.fullmatch(token)
                or low in _ALL_STOP or low in _ROLES or low in _MONTHS or low in _NOT_NAMES):
            return False
        names += 1
        person += 1
        if person > _NAME_WORDS:
            return False
    return 2 <= names and len(tokens) <= 2 * _NAME_WORDS


def _byline(page: _Page, lo: int, hi: int) -> _Field | None:
    """A byline in lines lo..hi: one with a 'By'-like word before the names, else a line of names
    beside a stamp, a role or a handle."""
    lines = page.lines
    for i in range(lo, hi):
        text = lines[i].text
        if _is_prose(text) or lines[i].reason in ("copyright", "photo_credit"):
            continue
        if _MARKER_ONLY.match(text) and i + 1 < len(lines) and _person(page, name := _names(lines[i + 1].text, page.day_first)):
            return _Field(name, "names under a 'By' line")
        if _person(page, name := _marked_names(text, page.day_first)):
            return _Field(name, "byline")
    for i in range(lo, hi):
        text = lines[i].text
        if _is_prose(text) or _words(text) > _NAME_LINE_WORDS:
            continue
        found = _name_line(text, page.day_first)
        if found and _person(page, found[0]) and (found[1] or _beside_stamp_or_role(page, i)):
            return _Field(found[0], "names beside a stamp")
    return None


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
    if kind == "caption" and line.text.rstrip(_CLOSERS).endswith("."):
        return False  # a caption; a headline the cleaner took for one (a repeated line) has no full stop
    if line.reason in _NOT_HEADLINE or line.reason == "menu_list" or not _title_like(line.text) or kind not in (None, "caption"):
        return False
    return not _cut_copy(page, line.text)


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
            sure = 1.0 if kind != "names" else _STANDFIRST_DISCOUNT  # names may be capitalised words only
            return sure if not _headline_under(page, k, end) else _STANDFIRST_DISCOUNT * sure
        if _passable(page, k):
            continue
        text = page.lines[k].text
        if depth and _shares_words(page, text) and (_title_like(text) or _is_prose(text)):
            return _STANDFIRST_DISCOUNT * _over_stamp(page, k, depth - 1)
        return 0.0
    return 0.0


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
    lines, start = page.lines, page.start
    if start is None:
        return None
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
            score = share + _over_stamp(page, i) + (_OVER_ARTICLE if over_article else 0.0) - (_FULL_STOP if full_stop else 0.0)
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
    best = max(scores, key=lambda i: (scores[i], -i)) if scores else None
    if (best is None or not _over_stamp(page, best)) and (far := _far_headline(page)) is not None:
        # a headline over its byline further up wins over one that stands over nothing, or over
        # the article only (a video's title) and shares fewer of its words
        if best is None or not all(_passable(page, k) for k in range(best + 1, start)) or (
                _shared_share(page, lines[far].text) >= _shared_share(page, lines[best].text)):
            best = far
    while best is not None and (above := _stacked_above(page, best, scores)) is not None:
        best = above
    return best


def _far_headline(page: _Page) -> int | None:
    """Past the lines the walk reached (a video player, a score box between header and article):
    the nearest line over the article that shares its words and stands right over a byline or stamp."""
    start = page.start or 0
    for i in range(start - 1, max(-1, start - _FAR_REACH), -1):
        if _may_be_headline(page, i) and _shares_words(page, page.lines[i].text) and _over_stamp(page, i) == 1.0:
            return i
    return None


def _stacked_above(page: _Page, i: int, scores: dict[int, float]) -> int | None:
    """The related title-like line right above line i (only furniture, chrome and labels between),
    unless it is as short as a kicker."""
    for k in range(i - 1, max(-1, i - _HEADER_GAP - 1), -1):
        if k in scores:
            related = _shares_words(page, page.lines[k].text)
            return k if related and _words(page.lines[k].text) > _KICKER_WORDS else None
        if not _passable(page, k):
            return None
    return None


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


# --- the outlet --------------------------------------------------------------------------------

_BRAND_WORD = r"[A-Z][\w&'’-]*(?:\.[\w&'’-]+)*"  # dots only inside: "S.Paulo", "LWN.net"
_BRAND = rf"{_BRAND_WORD}(?:\s+(?:{_BRAND_WORD}|&|de|of|the|du|la|le|i))*"  # "Atlas Obscura", "Folha de S.Paulo"
_COPYRIGHT = re.compile(r"(?i)©|\(c\)|\bcopyright\b")
_COPYRIGHT_NOISE = re.compile(
    r"(?i)©|\(c\)|\bcopyright\b|\b(?:19|20)\d{2}\b(?:\s*[-–]\s*(?:19|20)\d{2}\b)?|\ball rights reserved\b|"
    r"\btous droits réservés\b|\balle rechte vorbehalten\b|\btodos (?:los|os) derechos reservados\b|\btodos os direitos reservados\b"
)
_COPYRIGHT_MARK = re.compile(r"©|\(c\)|\b(?:19|20)\d{2}\b", re.I)  # or more words than "Copyright Policy", a link
_LEADING_NOISE = re.compile(rf"^(?:[\s,]|{_COPYRIGHT_NOISE.pattern[4:]})+", re.I)
_HOLDER_END = re.compile(r"\s*[|•·;/]\s*|\.\s+|,\s+|\s[-–—]\s")
_HOLDER_WORDS = 5
_LEGAL_FORM = re.compile(r"(?i)[\s,]+(?:inc|llc|ltd|limited|gmbh|plc|corp|corporation|s\.?a|ag|co)\.?$")
_CREDITS = [  # lines that credit the outlet, each with what its lines hold in lower case
    ("photo", re.compile(rf"\b(?P<outlet>{_BRAND}) (?:staff |file )?photos? by\b")),
    ("staff", re.compile(rf"(?i:\bby)\s+(?P<outlet>{_BRAND})\s+(?i:staff|news staff)\b|^(?P<staff>{_BRAND})\s+(?i:staff)$")),
    (":", re.compile(rf"^(?i:from|source|quelle|fuente|fonte|via)\s*:\s*(?P<outlet>{_BRAND})$")),
]
_PROMPTS = [  # short lines that invite the reader to the outlet
    re.compile(rf"\b(?i:get|about|advertise with|subscribe to|welcome to|join|sign up for|support|follow|try)\s+(?P<outlet>{_BRAND})"),
    re.compile(rf"\b(?P<outlet>{_BRAND})(?:['’]s?)? (?:\w+ )?(?i:newsletters?|app)\b"),
]
_PUBLISHED_IN = re.compile(r"(?i)^(?:published in|publié dans|publicado en|veröffentlicht in)$")  # the name on the next line
_PROMPT_HINT = re.compile(r"\b(?:get|about|advertise|subscribe|welcome|join|sign up|support|follow|try)\b|newsletter|\bapp\b")  # lower case: what every prompt holds
_GLUED_DATE = re.compile(rf"(?P<outlet>{_BRAND}[a-z])(?={_MONTH}\s*\d)")  # "Associated PressDecember 2, 2016"
_COUNTRY_DOMAINS = (  # ISO 3166 codes in use as top-level domains (not "js", "py", "ok")
    "ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz ca cc cd "
    "cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk fm fo fr ga gd ge "
    "gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh "
    "ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw "
    "mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb "
    "sc sd se sg sh si sk sl sm sn so sr ss st sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us "
    "uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw"
).split()
_DOMAIN = re.compile(
    r"(?i)(?<![@\w.-])(?:https?://)?(?P<outlet>(?:[a-z0-9-]+\.)*[a-z0-9][a-z0-9-]{2,}\.(?:(?:com|net|org|co|ac|gov)\.)?"
    r"(?:com|net|org|info|news|tv|fm|io|tech|blog|media|" + "|".join(_COUNTRY_DOMAINS) + r"))(?![\w-]|\.\w)"
)
_SMALL_NAME_WORDS = _PARTICLES | {"of", "and", "&", "for", "on", "the", "i", "des", "del", "della", "et", "und"}
_PROMPT_VERBS = frozenset({"get", "join", "subscribe", "follow", "support", "try", "sign", "about", "advertise", "welcome", "contact", "read", "watch", "download"})
_ARTICLES = frozenset({"the", "le", "la", "les", "l", "el", "los", "las", "il", "lo", "der", "die", "das", "de", "het", "o", "a", "os"})
_CODE = re.compile(r"[(){};=<>\"`]")  # a line of code, whose names look like domains ("res.ok", "fetch('a.com')")
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "ne", "or", "go"})
_MAIL_PROVIDERS = frozenset({"gmail", "yahoo", "hotmail", "outlook", "live", "icloud", "aol", "protonmail", "mail",
                             "naver", "daum", "hanmail", "qq", "163", "gmx", "web"})
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})"
    r"(?:,\s*(?:[A-Z][a-z]+\.?\s+\d{1,2}|[A-Z][a-z]+))?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&-]{0,30})\))?\s*[-–—]+\s"
)
_EMAIL = re.compile(r"(?P<name>[^@]*?)\s*\(?(?P<user>[\w.+-]+)@(?P<domain>[\w-]+(?:\.[\w-]+)+)\)?\s*$")
_SIGNOFF_WORDS = 8
_PROMPT_WORDS = 10
_CREDIT_WORDS = 40  # of a line that may credit the outlet (the copyright notice after an article)
_NAMED_KINDS = frozenset({"domain", "email", "copyright", "agency"})  # evidence that can only be a name
_OUTLET_WEIGHT = {"copyright": 2.0, "credit": 2.0, "masthead": 2.0, "agency": 2.0, "email": 1.5, "domain": 1.5, "prompt": 1.0, "top line": 1.0}
_MORE_LINES = 0.5  # for each further line of a kind that names it (at most `_MORE_LINES_CAP`)
_MORE_LINES_CAP = 1
_MENTION = 0.1  # for each mention of the name on the page (at most `_MENTIONS_CAP`)
_MENTIONS_CAP = 5
_OUTLET_MIN_SCORE = 1.5


def _fold(text: str) -> str:
    """Lower case, letters and digits only: how names are compared (the scorers' norm)."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"^the\b\W*", "", text)
    return "".join(c for c in text if c.isalnum())


def _brand_like(name: str) -> bool:
    """A name, not a phrase: every word capitalised but the small ones, and not opening with one
    ("Our Newsletter", "Portions of this content are" are not names)."""
    words = name.split()
    if not words or not words[0][:1].isupper() or (words[0].lower() in _ALL_STOP and words[0].lower() not in _ARTICLES):
        return False
    if words[0].lower() in _PROMPT_VERBS:
        return False  # "Join Newsletter", "Support Snopes"
    return all(w[:1].isupper() or w[:1].isdigit() or w in _SMALL_NAME_WORDS for w in words)


def _site_label(domain: str) -> str:
    """The name part of a domain: "m.heraldsun.com.au" -> "heraldsun", "hacks.mozilla.org" -> "mozilla"."""
    labels = domain.split(".")[:-1]
    while len(labels) > 1 and labels[-1].lower() in _SECOND_LEVEL:
        labels.pop()
    return labels[-1] if labels else domain


def _copyright_holders(text: str) -> list[str]:
    """The names next to a copyright sign, after it or before it ("© 2019 The Republic unless
    otherwise noted. Privacy Policy", "Citylab.com © 2019 The Atlantic Monthly Group")."""
    m = _COPYRIGHT.search(text)
    after = _LEADING_NOISE.sub("", text[m.start():])  # a sentence that starts after the notice is not its holder
    before = [part for part in _HOLDER_END.split(_COPYRIGHT_NOISE.sub(" ", text[: m.start()])) if part.strip()]
    parts = [_HOLDER_END.split(after, 1)[0], before[-1] if before else ""]
    return [name for part in parts if (name := _holder(part))]


def _holder(part: str) -> str | None:
    """A copyright holder's name out of the words by the sign, up to the first word in lower case."""
    words = []
    for word in _COPYRIGHT_NOISE.sub(" ", part).strip(" .,-–").split():
        if word[:1].islower() and word not in _SMALL_NAME_WORDS and not _DOMAIN.fullmatch(word) and words:
            break
        words.append(word)
    name = _LEGAL_FORM.sub("", " ".join(words)).strip(" .,-–")
    if not name or _words(name) > _HOLDER_WORDS or len(_GLUED_WORDS.findall(name)) > 1:
        return None
    if domain := _DOMAIN.fullmatch(name):
        return _site_label(domain.group("outlet"))
    return name if _brand_like(name) or name.isalpha() and len(name) > 3 else None


class _Credit(NamedTuple):
    name: str
    kind: str
    line: int


def _outlet_credits(page: _Page, dateline: re.Match | None, lo: int, hi: int) -> list[_Credit]:
    """Every place the page names its outlet: copyright lines, credits, the domains of its chrome
    and of its reporters' addresses, prompts to follow or subscribe, the agency of the dateline,
    the page's top line (a masthead when it comes back under the article)."""
    found: list[_Credit] = []
    for i, line in enumerate(page.lines):
        text, words = line.text, _words(line.text)
        if line.kept and words > _CREDIT_WORDS:
            continue  # a paragraph of the article
        low = text.lower()
        if ("©" in text or "(c)" in low or "copyright" in low) and _COPYRIGHT.search(text) and (_COPYRIGHT_MARK.search(text) or words > 3) and words <= _CREDIT_WORDS:
            found += [_Credit(name, "copyright", i) for name in _copyright_holders(text)]
        if not line.kept or words <= _PROMPT_WORDS and not _CODE.search(text):
            if "." in text:
                found += [_Credit(_site_label(m.group("outlet")), "domain", i) for m in _DOMAIN.finditer(text)]
            if _PROMPT_HINT.search(low) and i != lo - 1:
                found += [_Credit(m.group("outlet"), "prompt", i) for pattern in _PROMPTS for m in pattern.finditer(text)]
        for literal, pattern in _CREDITS:
            if literal in low:
                found += [_Credit(m.group("outlet") or m.group("staff"), "credit", i) for m in pattern.finditer(text)]
        if _PUBLISHED_IN.match(text) and i + 1 < len(page.lines) and _brand_like(page.lines[i + 1].text):
            found.append(_Credit(page.lines[i + 1].text, "credit", i))
        if lo <= i < hi:
            found += [_Credit(m.group("outlet"), "credit", i) for m in _GLUED_DATE.finditer(text)]
        if "@" in text and (line.reason == "author_signoff" or words <= _SIGNOFF_WORDS) and (m := _EMAIL.search(text)):
            if (label := _site_label(m.group("domain"))).lower() not in _MAIL_PROVIDERS:
                found.append(_Credit(label, "email", i))
    if dateline and dateline.group("agency"):
        found.append(_Credit(dateline.group("agency"), "agency", -1))
    top = next((k for k, line in enumerate(page.lines) if line.reason not in _UI_CHROME | _HEADER_WIDGETS), None)
    if top is not None and 1 <= _words(text := page.lines[top].text) <= 4 and _brand_like(text) and not _ends_sentence(text):
        again = any(line.text == text for line in page.lines[max(top + 1, hi):])
        found.append(_Credit(text, "masthead" if again else "top line", top))
    cleaned = [c._replace(name=re.sub(r"['’]s$", "", c.name.strip(" .,-–|:'’"))) for c in found]
    return [c for c in cleaned if len(_fold(c.name)) >= 3 and (c.kind in _NAMED_KINDS or _brand_like(c.name) and _proper(page, c.name))]


def _proper(page: _Page, name: str) -> bool:
    """Whether a name is more than words its paragraphs write in lower case ("News", "Policy", "Join")."""
    return not all(_written_in_lower(page, w.lower()) for w in _WORD.findall(name))


def _written_in_lower(page: _Page, word: str) -> bool:
    if word not in page.lower:
        page.lower[word] = re.search(rf"(?<![\w'’.-]){re.escape(word)}(?![\w'’-]|\.\w)", page.paragraphs) is not None
    return page.lower[word]


def _support(key: str, credits: list[tuple[str, _Credit]], mentions: int) -> float:
    """The weight of the evidence for a name (folded: `key`): each kind of credit that names it (or
    a name that holds it, or that it holds) once, a little more for a further line, a little for
    its mentions on the page."""
    lines: dict[str, set[int]] = {}
    for other, credit in credits:
        if key in other or other in key:
            lines.setdefault(credit.kind, set()).add(credit.line)
    more = sum(len(found) - 1 for found in lines.values())
    return (sum(_OUTLET_WEIGHT[kind] for kind in lines) + _MORE_LINES * min(more, _MORE_LINES_CAP)
            + _MENTION * min(mentions, _MENTIONS_CAP))


def _outlet(page: _Page, dateline: re.Match | None, lo: int, hi: int) -> _Field | None:
    """The name the most evidence agrees on (names one of which holds the other agree); of names
    as strongly supported, the one written so most often, then the fullest."""
    credits = [(_fold(c.name), c) for c in _outlet_credits(page, dateline, lo, hi)]
    if not credits:
        return None
    text = "\n".join(line.text for line in page.lines).lower()
    names = {c.name: key for key, c in credits}
    scores = {name: _support(key, credits, text.count(name.lower())) for name, key in names.items()}
    exact = Counter(key for key, _ in credits)  # of names as strongly supported, the one most often written so
    best = max(scores, key=lambda name: (round(scores[name], 6), exact[names[name]], len(name)))
    if scores[best] < _OUTLET_MIN_SCORE:
        return None
    kinds = sorted({c.kind for key, c in credits if key in names[best] or names[best] in key})
    return _Field(best, " and ".join(kinds))


# --- the whole ---------------------------------------------------------------------------------


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
        "byline": _byline(page, lo, hi) or _byline(page, above, lo - 1) or _lifted_byline(page),
        "outlet": _outlet(page, dateline, lo, hi),
        "dateline": _Field(dateline.group("place").title(), "dateline") if dateline else None,
        "published_date": _stamped(page, lo, hi) or _stamped(page, above, lo - 1) or _lifted_stamp(page, hi),
    }
    found = {name: f for name, f in fields.items() if f is not None}
    return Metadata(**{name: f.value for name, f in found.items()}, basis={name: f.basis for name, f in found.items()})


def _lifted_byline(page: _Page) -> _Field | None:
    """Outside the header: the first short line that opens with a 'By'-like word, else a sign-off's name."""
    for line in page.lines:
        text = _GLUED_BY.sub("By ", line.text)
        if (line.reason == "byline" or _words(text) <= _NAME_LINE_WORDS and not _is_prose(text)) and (m := _BY_MARKER.match(text)):
            if _person(page, name := _names(text[m.end():], page.day_first)):
                return _Field(name, "byline line")
    for line in page.lines:
        if line.reason == "author_signoff" and (m := _EMAIL.search(line.text)):
            name = m.group("name").strip(" ,-")
            if _all_names(name) and _person(page, name):
                return _Field(name, "sign-off")
    return None
