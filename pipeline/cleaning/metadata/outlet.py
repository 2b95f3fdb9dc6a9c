"""The outlet: the name that the page's credits, copyright line, prompts and domain names agree on."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import NamedTuple

from pipeline.cleaning.metadata.byline import _EMAIL, _PARTICLES
from pipeline.cleaning.metadata.dates import _MONTH
from pipeline.cleaning.metadata.page import (
    _ALL_STOP,
    _GLUED_WORDS,
    _HEADER_WIDGETS,
    _UI_CHROME,
    _ends_sentence,
    _Field,
    _Page,
    _proper,
    _words,
)

_BRAND_WORD = r"(?:[A-Z][a-z]?\.(?=\s+[A-Z])|[A-Z][\w&'’-]*(?:\.[\w&'’-]+)*)"  # "St. Lucia", dots inside: "S.Paulo", "LWN.net"
_BRAND_JOIN = r"(?:&|de|del|della|des|du|da|do|dos|das|of|from|the|la|le|el|i)(?![\w'’-])"  # between a name's words only
_BRAND = rf"{_BRAND_WORD}(?:(?:\s+{_BRAND_JOIN})*\s+{_BRAND_WORD})*"  # "Atlas Obscura", "Folha de S.Paulo", "La Voz del Ebro"
_COPYRIGHT = re.compile(r"(?i)©|\(c\)|\bcopyright\b|\ball rights reserved\b")
_COPYRIGHT_NOISE = re.compile(
    r"(?i)©|\(c\)|\bcopyright\b|\b(?:19|20)\d{2}\b(?:\s*[-–]\s*(?:19|20)\d{2}\b)?|\ball rights reserved\b|"
    r"\btous droits réservés\b|\balle rechte vorbehalten\b|\btodos (?:los|os) derechos reservados\b|\btodos os direitos reservados\b"
)
_COPYRIGHT_MARK = re.compile(r"©|\(c\)|\b(?:19|20)\d{2}\b", re.I)  # or more words than "Copyright Policy", a link
_LEADING_NOISE = re.compile(rf"^(?:[\s,:–—-]|\bby\b|{_COPYRIGHT_NOISE.pattern[4:]})+", re.I)  # "© 2020 — X", "Copyright 2020 by X"
_HOLDER_END = re.compile(r"\s*[|•·;/]\s*|\.\s+|,\s+|\s[-–—]\s")
_HOLDER_WORDS = 5
# A holder named like a company that owns outlets ("Dow Jones & Company", "MediaNews Group"): often not the outlet's own name.
_PARENT_COMPANY = re.compile(
    r"(?i)\b(?:group|media|company|companies|networks?|ventures|interactive|holdings|corporation|enterprises|publishing|"
    r"publications|communications|software|broadcasting|partners)\b"
)
_LEGAL_FORM = re.compile(r"(?i)[\s,]+(?:inc|llc|ltd|limited|gmbh|plc|corp|corporation|s\.?a|ag|co)\.?$")
_CREDITS = [  # lines that credit the outlet, each with what its lines hold in lower case
    ("photo", re.compile(rf"\b(?P<outlet>{_BRAND}) (?:staff |file )?photos? by\b")),
    ("staff", re.compile(rf"(?i:\bby)\s+(?P<outlet>{_BRAND})\s+(?i:staff|news staff)\b|^(?P<staff>{_BRAND})\s+(?i:staff)$")),
    (":", re.compile(rf"^(?i:from|source|quelle|fuente|fonte|via)\s*:\s*(?P<outlet>{_BRAND})$")),
    # a consent notice that names the site: "Evening Standard would like to keep you informed", "X uses cookies"
    (" would like to", _CONSENT := re.compile(rf"^(?P<outlet>{_BRAND})(?: (?i:and (?:its|our) partners))? (?i:would like to|uses? cookies)\b")),
    (" cookies", _CONSENT),
    # its publisher after it: "Homefront is published by ...", "The Review is part of ... Group"
    (" is ", re.compile(rf"^(?P<outlet>{_BRAND}) is (?:published by|owned by|operated by|produced by|part of|a (?:\w+ )?(?:brand|title|publication) of|"
                        r"(?:proudly )?powered by|hosted by|built with)\b")),  # a blog's footer: "Field Notes is proudly powered by WordPress"
]
_PROMPTS = [  # short lines that invite the reader to the outlet
    re.compile(rf"\b(?i:get|about|advertise with|subscribe to|welcome to|join|sign up for|support|follow|try)\s+(?i:our\s+|the\s+)?(?P<outlet>{_BRAND})"),
    re.compile(rf"\b(?P<outlet>{_BRAND})(?:['’]s?)? (?:\w+ )?(?i:newsletters?|app)\b"),
    # in other languages: "Vous êtes abonné à Libération", "S'abonner au Monde", "Acerca de CNET", "Über SPIEGEL"
    re.compile(rf"(?i:\babonn(?:er|é|ée|ez-vous)\s+(?:à|au)|\bsuivre|\bà propos de|\bacerca de|\büber|\bsuscr[íi]bete a|\bassine\s+[ao]|\bsiga\s+[ao])"
               rf"\s+(?i:l[ea]\s+|l['’])?(?P<outlet>{_BRAND})"),
]
# The link to the page about the site, which names it: "About Engadget", "Acerca de CNET" (not "About Us", "About our ads").
_ABOUT = re.compile(rf"^(?i:about|à propos de|acerca de|über|sobre|chi siamo)\s+(?P<outlet>{_BRAND})")
_SITE_AFTER = re.compile(r"\s+[|–—-]\s+(?P<site>[^|–—]{3,60})$")  # "Headline - The Coastal Times"
_SITE_BEFORE = re.compile(r"(?P<site>[^|–—]{3,60}?)\s+[|–—-]\s+")  # "The Coastal Times | Headline"
_HANDLE = re.compile(r"(?i)\bfollow(?:\s+us)?(?:\s+on\s+\w+)?\s*:?\s+@(?P<outlet>\w{3,})")
_WRITER_FOR = re.compile(
    rf"\b(?i:writer|reporter|editor|correspondent|columnist|contributor|producer)s?\s+(?i:for|at|with)\s+(?P<outlet>{_BRAND})"
)
# A desk, not an outlet: "By Editorial Staff", "Web Desk".
_DESK_WORDS = frozenset({"editorial", "news", "web", "online", "digital", "staff", "desk", "team", "wire", "newsroom", "editors", "editor", "the"})
_NOT_OUTLET_LINES = _HEADER_WIDGETS | {"headline_list", "related_links", "trailing_teasers"}
_PROMPT_HEAD = re.compile(r"^(?i:get|join|try|follow|subscribe to|sign up for)\s+(?:(?i:the|our)\s+)?(?=[A-Z])")  # "Get the X newsletter"
_PROMPT_TAIL = re.compile(r"(?:['’]s|\s+(?i:newsletters?|app))$")  # "Herald's", "Subscribe to our Herald Newsletter"
_PUBLISHED_IN = re.compile(r"(?i)^(?:published in|publié dans|publicado en|veröffentlicht in)$")  # the name on the next line
_PROMPT_HINT = re.compile(  # lower case: what every prompt holds
    r"\b(?:get|about|advertise|subscribe|welcome|join|sign up|support|follow|try)\b|newsletter|\bapp\b|abonn|suivre|propos|acerca|über|suscr|assine|siga"
)
# Where the next link's text runs into a name's later word: "ABC13 HoustonSubmit A News Tip" (not "BuzzFeed", "The CityLab Daily").
_GLUED_LINK = re.compile(r"(?<=[a-z]{4})(?=[A-Z][a-z]{4,})")
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
_DOMAIN = re.compile(  # with letters of any script: "Aktuálně.cz"
    r"(?i)(?<![@\w.-])(?:https?://)?(?P<outlet>(?:(?:[^\W_]|-)+\.)*[^\W_](?:[^\W_]|-){2,}\.(?:(?:com|net|org|co|ac|gov)\.)?"
    r"(?:com|net|org|info|news|tv|fm|io|tech|blog|media|" + "|".join(_COUNTRY_DOMAINS) + r"))(?![\w-]|\.\w)"
)
_SMALL_NAME_WORDS = _PARTICLES | {"of", "from", "and", "&", "for", "on", "the", "i", "des", "del", "della", "et", "und"}
_PROMPT_VERBS = frozenset({"get", "join", "subscribe", "follow", "support", "try", "sign", "about", "advertise", "welcome", "contact", "read", "watch", "download"})
_ARTICLES = frozenset({"the", "le", "la", "les", "l", "el", "los", "las", "il", "lo", "der", "die", "das", "de", "het", "o", "a", "os"})
_CODE = re.compile(r"[(){};=<>\"`]")  # a line of code, whose names look like domains ("res.ok", "fetch('a.com')")
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "ne", "or", "go"})
_MAIL_PROVIDERS = frozenset({"gmail", "yahoo", "hotmail", "outlook", "live", "icloud", "aol", "protonmail", "mail",
                             "naver", "daum", "hanmail", "qq", "163", "gmx", "web"})
_SIGNOFF_WORDS = 8
_SIGN_AT = 40  # characters into a line of any length where a copyright sign opens a footer
_BY_COPYRIGHT = 2  # lines from the copyright line where the footer repeats the masthead
_MASTHEAD_REPEATS = 2  # a logo's name comes back in the footer; a section's label over every teaser
_PROMPT_WORDS = 10
_CREDIT_WORDS = 40  # of a line that may credit the outlet (the copyright notice after an article)
_NAMED_KINDS = frozenset({"title suffix", "domain", "email", "copyright", "parent company", "agency", "handle"})  # evidence that can only be a name
_OUTLET_WEIGHT = {"copyright": 2.0, "parent company": 1.5, "credit": 2.0, "masthead": 2.0, "agency": 2.0, "email": 1.5, "domain": 1.5, "handle": 1.0, "logo": 1.0, "written name": 1.0, "prompt": 1.0, "about": 0.5, "top line": 1.0, "title suffix": 1.5}
_MORE_LINES = 0.5  # for each further line of a kind that names it (at most `_MORE_LINES_CAP`)
_MORE_LINES_CAP = 1
_MENTION = 0.1  # for each mention of the name on the page (at most `_MENTIONS_CAP`)
_MENTIONS_CAP = 8
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
    while words and words[-1].lower() in _SMALL_NAME_WORDS:
        words.pop()  # "The Courier and its licensors"
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
        if ("©" in text or "(c)" in low or "copyright" in low or "rights reserved" in low) and (sign := _COPYRIGHT.search(text)) and (
                _COPYRIGHT_MARK.search(text) or words > 3) and (words <= _CREDIT_WORDS or sign.start() < _SIGN_AT):
            found += [_Credit(name, "parent company" if _PARENT_COMPANY.search(name) else "copyright", i)
                      for name in _copyright_holders(text)]
        if not line.kept or words <= _PROMPT_WORDS and not _CODE.search(text):
            if "." in text:
                found += [_Credit(_site_label(m.group("outlet")), "domain", i) for m in _DOMAIN.finditer(text)]
            if _PROMPT_HINT.search(low) and i != lo - 1:
                found += [_Credit(m.group("outlet"), "prompt", i) for pattern in _PROMPTS for m in pattern.finditer(text)]
            if m := _ABOUT.match(text):
                found.append(_Credit(m.group("outlet"), "about", i))
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
    found += _masthead_credits(page, hi)
    cleaned = [c._replace(name=_PROMPT_HEAD.sub("", _PROMPT_TAIL.sub("", name)) if c.kind == "prompt" else name)
               for c in found + _staff_credits(page) if (name := _unglued(c.name).strip(" .,-–|:'’"))]
    named = [c for c in cleaned if len(_fold(c.name)) >= 3 and (c.kind in _NAMED_KINDS or _brand_like(c.name) and _proper(page, c.name))
             and not _DESK_WORDS.issuperset(c.name.lower().split())]
    return named + _logos(page, named)


def _unglued(name: str) -> str:
    """A name up to where the next link's text runs into one of its later words ("ABC13 HoustonSubmit A News Tip")."""
    first, space, rest = name.partition(" ")
    m = _GLUED_LINK.search(rest)
    return first + space + rest[: m.start()] if m else name


def _masthead_credits(page: _Page, hi: int) -> list[_Credit]:
    """The page's top line, a masthead when it comes back under the article (at `hi`); and a masthead that
    the footer repeats by the copyright line. Not an item of a menu that the footer repeats."""
    lines = page.lines
    found = []
    top = next((k for k, line in enumerate(lines) if line.reason not in _UI_CHROME | _HEADER_WIDGETS
                and line.text.split()[0].lower() not in _PROMPT_VERBS), None)  # not a button ("Get started")
    if top is not None and _logo_text(lines[top].text):
        copies = [k for k in range(max(top + 1, hi), len(lines)) if lines[k].text == lines[top].text]
        again = sum(line.text == lines[top].text for line in lines[top + 1:])
        masthead = 1 <= again <= _MASTHEAD_REPEATS and any(not _menu_copy(page, top, k) for k in copies)
        found.append(_Credit(lines[top].text, "masthead" if masthead else "top line", top))
    header = {line.text: k for k, line in reversed(list(enumerate(lines[: page.start or 0])))}
    for k in (k for k, line in enumerate(lines) if line.reason == "copyright"):
        for j in range(max(0, k - _BY_COPYRIGHT), min(len(lines), k + _BY_COPYRIGHT + 1)):
            first = header.get(lines[j].text)
            if first is not None and first != top and _logo_text(lines[j].text) and lines[j].reason not in _NOT_OUTLET_LINES | _UI_CHROME \
                    and not _menu_copy(page, first, j):
                found.append(_Credit(lines[j].text, "masthead", j))
    return found


def _logo_text(text: str) -> bool:
    """A line that may be only an outlet's name (a logo's text): a few words, a name, not a sentence or a button."""
    return 1 <= _words(text) <= 4 and _brand_like(text) and not _ends_sentence(text) and text.split()[0].lower() not in _PROMPT_VERBS


def _menu_copy(page: _Page, i: int, k: int) -> bool:
    """Whether line k repeats line i as an item of a menu repeated with it (a neighbour comes back beside it)."""
    lines = page.lines
    return any(0 <= i + d < len(lines) and 0 <= k + d < len(lines) and lines[i + d].text == lines[k + d].text for d in (-1, 1))


def _staff_credits(page: _Page) -> list[_Credit]:
    """The outlet's account that a page asks to follow ("Follow @FiveThirtyEight"), and the outlet
    its writers work for ("Perry Bacon Jr. is a senior writer for FiveThirtyEight")."""
    found = []
    for i, line in enumerate(page.lines):
        if _words(line.text) > _CREDIT_WORDS or "@" not in line.text and " for " not in line.text and " at " not in line.text:
            continue
        found += [_Credit(m.group("outlet"), "handle", i) for m in _HANDLE.finditer(line.text)]
        found += [_Credit(m.group("outlet"), "credit", i) for m in _WRITER_FOR.finditer(line.text)]
    return found


def _logos(page: _Page, credits: list[_Credit]) -> list[_Credit]:
    """A line that is only the name of one of the page's domains or handles ("Barron's" for
    barrons.com): the outlet's logo. Not those of e-mail domains, which are often a parent
    company's ("dowjones.com"), nor a share bar's "Twitter" or a story's title in a list."""
    labels = {_fold(c.name) for c in credits if c.kind in ("domain", "handle") and len(_fold(c.name)) >= 4}
    return [_Credit(line.text.strip(" .,:;-–"), "logo", i) for i, line in enumerate(page.lines)
            if labels and line.text[:1].isupper() and _words(line.text) <= _HOLDER_WORDS and line.reason not in _NOT_OUTLET_LINES
            and _fold(line.text) in labels]


def _support(key: str, credits: list[tuple[str, _Credit]], mentions: int) -> float:
    """The weight of the evidence for a name (folded: `key`): each kind of credit that names it (or
    a name that holds it, or that it holds) once, a little more for a further line, a little for
    its mentions on the page."""
    lines: dict[str, set[int]] = {}
    for other, credit in credits:
        if key in other or other in key:
            lines.setdefault(credit.kind, set()).add(credit.line)
    if "parent company" in lines:
        lines.pop("email", None)  # reporters' addresses are often at the parent company's domain ("dowjones.com")
    more = sum(len(found) - 1 for found in lines.values())
    return (sum(_OUTLET_WEIGHT[kind] for kind in lines) + _MORE_LINES * min(more, _MORE_LINES_CAP)
            + _MENTION * min(mentions, _MENTIONS_CAP))


def _mentions(text: str, name: str) -> int:
    """How often the page writes a name as a whole word ("Libé" is not in "Libération"): as written,
    unless it is a domain's name in lower case (the section "POLITICS" is not the word "politics")."""
    word = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", 0 if name != name.lower() else re.I)
    return len(word.findall(text))


def _title_suffix(page: _Page, head: int | None) -> list[_Credit]:
    """The name the page's title adds to the headline (line `head`) after or before a separator
    ("Headline | The Courier", "The Courier - Headline")."""
    title = page.lines[head].text if head is not None else None
    found = []
    for i, line in enumerate(page.lines):
        if not title or len(line.text) <= len(title) or title not in line.text:
            continue
        after = _SITE_AFTER.fullmatch(line.text[len(title):]) if line.text.startswith(title) else None
        before = _SITE_BEFORE.fullmatch(line.text[: -len(title)]) if line.text.endswith(title) else None
        if (m := after or before) and _words(site := m.group("site").strip()) <= _HOLDER_WORDS and len(_fold(site)) >= 3:
            found.append(_Credit(site, "title suffix", i))
    return found


def _brand(best: str, names: dict[str, str], scores: dict[str, float], credits: list[tuple[str, _Credit]]) -> str:
    """For a name only a parent company's credit gives, the page's brand of that company: the best
    supported other name that has its first word among its words ("Wellspring Health News" atop a
    page that "© Wellspring Media Ltd" closes, "The Vintner's Almanac" over "© Almanac Publishing")."""
    if {c.kind for key, c in credits if key == names[best]} != {"parent company"}:
        return best
    stem = _fold(best.removeprefix("The ").split()[0])
    brands = [name for name in scores if name != best and len(stem) >= 4 and stem in {_fold(w) for w in name.split()}]
    return max(brands, key=lambda name: (scores[name], len(name))) if brands else best


def _outlet(page: _Page, dateline: re.Match | None, lo: int, hi: int, head: int | None = None) -> _Field | None:
    """The name the most evidence agrees on (names one of which holds the other agree); of names
    as strongly supported, one not a parent company's, the one written so most often, then the fullest."""
    credits = [(_fold(c.name), c) for c in _outlet_credits(page, dateline, lo, hi) + _title_suffix(page, head)]
    if not credits:
        return None
    text = "\n".join(line.text for line in page.lines)
    names = {c.name: key for key, c in credits}
    scores = {name: _support(key, credits, _mentions(text, name)) for name, key in names.items()}
    exact = Counter(key for key, _ in credits)  # of names as strongly supported, the one most often written so
    parent = {key for key, c in credits if c.kind == "parent company"}
    best = max(scores, key=lambda name: (round(scores[name], 6), names[name] not in parent, exact[names[name]], len(name)))
    if scores[best] < _OUTLET_MIN_SCORE:
        return None
    best = _brand(best, names, scores, credits)
    kinds = sorted({c.kind for key, c in credits if key in names[best] or names[best] in key})
    return _Field(best, " and ".join(kinds))
