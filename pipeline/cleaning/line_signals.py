"""Signals a single line gives that hold on any outlet: link texts the page copy glued together,
a menu's items run into one line or parted by bars, a photographer's credit, a consent panel's
text, a script other than the page's.

A rendered page loses the boundaries between adjacent links: a share bar's labels come out as
"ShareTweetEmail", an author box as "Jane DoeJane Doe", a section menu as "News Sport Weather
Culture Travel Video". Article prose has none of these shapes.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

# A lower-case letter run straight into a capitalised word: the seam between two link texts.
_SEAM = re.compile(r"[^\W\d_A-Z]{2}(?=[A-Z][^\W\d_A-Z])")
_TOKEN = re.compile(r"\S+")
_LETTERS = re.compile(r"[^\W\d_]+")
_GLUED_WORDS = 8
_CONSENT_WORDS = 80
_CONSENT_TERMS_MIN = 3
_READER = frozenset({"you", "your"})
_CONSENT_TERMS = frozenset(
    {"cookies", "cookie", "consent", "partners", "vendors", "device", "devices", "preferences", "personalised", "personalized",
     "advertising", "ads", "tracking", "identifiers", "geolocation", "personalizing", "personalising", "privacy"}
)
_LINK_SEPARATOR = re.compile(r"\s+[|•·]\s+")
_LINK_LIST_ITEMS = 3
_LINK_WORDS = 3
# A picture's credit in the form newspapers give it: a photographer's name "for" the outlet ("Jane Doe for The Gazette").
_FOR_OUTLET = re.compile(r"^[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,2} for (?:The |the )?[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,3}$")
_MENU_WORDS = 10
# Greek, Cyrillic, Hebrew, Arabic, Indic, Thai, Hangul, kana, CJK and half-width kana.
_OTHER_SCRIPT = re.compile(
    "[\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff\u0900-\u0dff\u0e00-\u0e7f\u1100-\u11ff"
    "\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]"
)
LETTER = re.compile(r"[^\W\d_]")


def is_glued_links(text: str, words: int) -> bool:
    """Link texts run together: two seams or more in a short line ("ShareTweetEmail"), or one
    short text written twice without a space ("Jane DoeJane Doe")."""
    if words > _GLUED_WORDS:
        return False
    if len(_SEAM.findall(text)) >= 2:
        return True
    half = len(text) // 2
    return len(text) >= 6 and len(text) % 2 == 0 and text[:half] == text[half:] and " " not in text[half - 1: half + 1]


def is_run_on_menu(text: str, words: int) -> bool:
    """A menu's items in one line: many capitalised words, hardly a stop word, no punctuation
    that prose or a headline would have."""
    if words < _MENU_WORDS or text[-1:] in ".!?:;,\"'”’)" or "," in text:
        return False
    tokens = _TOKEN.findall(text)
    capitalised = sum(1 for t in tokens if t[:1].isupper() or not t[:1].isalpha())
    stops = sum(1 for t in tokens if t.casefold() in STOP_WORDS)
    return capitalised == len(tokens) and stops * 10 <= len(tokens)


def is_link_list(text: str) -> bool:
    """Links in a row, parted by bars or dots: three or more short items, each a label that opens
    with a capital ("Order Reprints | Today's Paper | Subscribe", "Share: Facebook | X | Email");
    a headline with its site's name has two, and a sentence's words are longer runs."""
    items = _LINK_SEPARATOR.split(text.strip())
    return len(items) >= _LINK_LIST_ITEMS and all(
        0 < len(item.split()) <= _LINK_WORDS and not item[:1].islower() and item[-1:] not in ".!?" for item in items)


def is_photographer_credit(text: str) -> bool:
    return _FOR_OUTLET.match(text) is not None


def is_consent_notice(text: str, words: int) -> bool:
    """A consent panel's text: the site speaking to the reader (you, your) about three or more of
    cookies, consent, partners, devices, personal data, preferences and personalised ads.
    Panels run to 80 words a line and seldom say "we use cookies"; an article that reports on
    tracking speaks of "users", not to "you"."""
    folded = text.casefold()
    if words > _CONSENT_WORDS or "you" not in folded:
        return False
    found = set(_LETTERS.findall(folded))
    if not _READER & found:
        return False
    terms = len(_CONSENT_TERMS & found) + ("personal" in found and bool({"data", "information"} & found))
    return terms >= _CONSENT_TERMS_MIN


def is_latin(text: str) -> bool:
    """Whether most letters are Latin rather than Hangul, kana, CJK, Cyrillic, Arabic, ..."""
    others = len(_OTHER_SCRIPT.findall(text))
    return not others or 2 * others < len(LETTER.findall(text))
