"""The page model: its lines with the cleaner's verdicts, its language, the order of its dates, where the article
starts; the shapes of lines (prose, title-like) and the words the page writes in lower case."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import takewhile
from typing import NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH_STOP_WORDS

from pipeline.cleaning.metadata.dates import (
    _DATE_PATTERNS,
    _may_hold_date,
    is_byline,
    is_dateline_stamp,
)


class PageLine(NamedTuple):
    text: str
    reason: str | None
    """the cleaner's chrome reason, None for text"""
    kept: bool
    """in the cleaned body"""


# Chrome that sits inside an article's header as often as around it (share bars, picture credits).
_HEADER_WIDGETS = frozenset(
    {"share_widget", "font_size_widget", "symbols_only", "ui_control", "follow_prompt", "advertisement", "non_english_ui",
     "photo_credit", "tag_list", "comments_widget"}
)
# Page chrome that may sit between a headline and its article.
_UI_CHROME = frozenset({"account_ui", "cookie_notice", "newsletter_prompt", "copyright", "browser_notice", "promo_prompt",
                        "legal_notice", "paywall_prompt", "navigation"})
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
_ENGLISH_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
                  r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?(?![\w'’])")  # capitalised: not "may"
_MONTH_DAY = re.compile(rf"\b{_ENGLISH_MONTH}\s+[0-3]?\d(?:st|nd|rd|th)?(?!\d|\s*[%:])")
_DAY_MONTH = re.compile(rf"(?<![\d.,])\b[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?{_ENGLISH_MONTH}")
_OPENING_LINES = 10
_OPENING_RUN = 400
_HEADER_REACH = 40  # lines above the article searched for its header
_TITLE_WORDS = (3, 30)
_TWO_PART_TITLE_WORDS = 20
_HEADLINE_WORDS = 12
_GLUED_LABELS_WORDS = 8
_OPENING_CHARS = 5000
_LOWER_WORDS_CHARS = 20000  # of paragraphs read for the words a page writes in lower case
_STAMP_WORDS = 20
_NAME_LINE_WORDS = 12


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


def language(texts: Iterable[str]) -> str | None:
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
    """Whether the page writes 03/04/2024 for 3 April: outside English always; in English, when it puts
    the day first ("3 April", "13/04/2024") more often than not, in its stamps and paragraphs."""
    if lang != "en":
        return True
    whole = "\x00".join(texts)  # a separator no pattern crosses
    month_first = len(_MONTH_DAY.findall(whole))  # in paragraphs too: "on 3 March", "by March 3"
    day_first = len(_DAY_MONTH.findall(whole))
    for text in texts:
        if not _may_hold_date(text) or _words(text) > _STAMP_WORDS:
            continue
        for first, second in ((int(m.group("first")), int(m.group("second"))) for m in _DATE_PATTERNS[3].finditer(text)):
            day_first += first > 12 >= second  # "13/04/2024"
            month_first += second > 12 >= first  # "04/13/2024"
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
    lang = language(body or texts)
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


class _Field(NamedTuple):
    value: object
    basis: str


def _proper(page: _Page, name: str) -> bool:
    """Whether a name is more than words its paragraphs write in lower case ("News", "Policy", "Join")."""
    return not all(_written_in_lower(page, w.lower()) for w in _WORD.findall(name))


def _written_in_lower(page: _Page, word: str) -> bool:
    """Whether the paragraphs write a word in lower case at least as often as capitalised inside a
    sentence ("la libération de 91 prisonniers" once, "les recommandations de Libération" five times)."""
    if word not in page.lower:
        found = word in page.paragraphs and re.findall(rf"(?<![\w'’.-]){re.escape(word)}(?![\w'’-]|\.\w)", page.paragraphs)
        capital = re.findall(rf"(?<=[a-z,;] ){re.escape(word[:1].upper() + word[1:])}(?![\w'’-])", page.paragraphs) if found else []
        page.lower[word] = bool(found) and len(found) >= len(capital)
    return page.lower[word]
