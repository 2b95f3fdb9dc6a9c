"""The byline: names after a 'By'-like word, or a line of names beside a stamp, a role or a handle."""

from __future__ import annotations

import re

from pipeline.cleaning.metadata.dates import _LETTER, _MONTHS, _dates
from pipeline.cleaning.metadata.page import (
    _ALL_STOP,
    _HEADER_WIDGETS,
    _NAME_LINE_WORDS,
    _WORD,
    _ends_sentence,
    _Field,
    _is_prose,
    _Page,
    _proper,
    _words,
)
from pipeline.cleaning.metadata.stamps import (
    _TIME,
    _header_dates,
    _is_time_line,
    is_time_since,
)

_NAME_WORDS = 4  # of one person's name
_BY_MARKER = re.compile(
    r"(?i)(?:^|(?<=[\s/|•·—–(-]))(?:(?:written|posted|words|reported|reporting|story|text|interview|interviewed|compiled|photographs|photos)"
    r"(?:\s+and\s+(?:text|words|photographs|photos))?\s+by|by|par|von|por|door|di|av|af|od|oleh|"
    r"(?:author|autor|auteur|auteurs|texte?|words|автор|yazar|penulis)\s*:)\s*:?\s+(?=\S)"
)
_CREDIT_BEFORE = re.compile(
    r"(?i)\b(?:photos?|photographs?|images?|pictures?|illustrations?|video|graphics?|reviewed|edited|powered|translated|"
    r"hosted|designed|sponsored|presented|supported|fotos?|made|built|produced|created|inspired|followed|curated)\s*$"
)
_GLUED_BY = re.compile(r"\bBy(?=[A-Z][a-z])")
_MARKER_ONLY = re.compile(r"(?i)^(?:by|par|von|por|door|di|av|af|od|oleh|written by|posted by|authors?|auteur|autor|words|автор|yazar|penulis)\s*:?$")
# Where a reporter filed from, after the name: "Jane Doe in New York and John Roe in London", "Jane Doe at Anfield".
_FILED_IN = re.compile(r"\s+(?:in|at)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}(?=\s+(?:and|&)\s+|\s*,\s*|\s*$)")
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
# Words that end the names of a byline: the stamp that follows them, a weekday, the outlet after them ("For The Post").
_NOT_NAMES = _WEEKDAYS | frozenset(
    """posted published updated modified last publié publiée mis publicado publicada atualizado actualizado aktualisiert
    veröffentlicht gepubliceerd bijgewerkt pubblicato aggiornato for the in at""".split()
)
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’.-]*(?:['’.-][^\W\d_]*)*\.?")  # "O’Brien", "Hyun-woo", "M."
_GLUED_TAIL = re.compile(r"([A-Z][a-z]{3,})[A-Z][a-z]")  # not "McDonald", "DeAndre"
_NAME_PIECE = re.compile(r"[(),&]|[^\s(),&]+")
_NAME_SPLIT = re.compile(r",|\s[-–—|•·/]\s|[•|·@(]|\s[-–—/]$")


def _is_role_line(text: str) -> bool:
    """"Games Editor", "Seattle Times business reporter", "BuzzFeed News Reporter", and where the
    byline's reporters filed from ("Reporting from Denver and Phoenix")."""
    words = [w.lower() for w in _WORD.findall(text)]
    return 0 < len(words) <= 6 and (any(w in _ROLES for w in words) or words[:2] == ["reporting", "from"]) and not _ends_sentence(text)


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
    text = _cut_at_date(text, day_first).split(";")[0]  # "Reporting by X; Editing by Y"
    pieces = list(_NAME_PIECE.finditer(text))
    end = names = person = 0
    shouted = False  # the names are written in capitals
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
            if names and shouted and not piece.isupper():
                break  # "By ANNA KOWALSKI Associated Press": the agency after names in capitals
            shouted = shouted if names else piece.isalpha() and piece.isupper() and len(piece) > 1
            names += 1
            person += 1
            if person > _NAME_WORDS:
                return None  # a title in title case, not a name
            end = m.end()
        elif low in _PARTICLES and k + 1 < len(pieces) and pieces[k + 1].group()[:1].isupper() and not (low in _CONNECTORS and person >= 2):
            continue
        elif low in _CONNECTORS or piece in "()":
            person = 0
        else:
            break
    name = _less_lone_word(text[:end].strip(" ,(&"))
    if name.count("(") > name.count(")"):
        name += ")"
    return name if names and len(name) >= 3 else None


def _less_lone_word(names: str) -> str:
    """Names without a last single word after a comma, an outlet's rather than a person's ("Jane Roe, Reuters")."""
    head, _, last = names.rpartition(",")
    return head.rstrip() if head and len(last.split()) == 1 and len(head.split(",")[-1].split()) >= 2 else names


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
            return part, beside or any(is_time_since(p) for p in parts)
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


_EMAIL = re.compile(r"(?P<name>[^@]*?)\s*\(?(?P<user>[\w.+-]+)@(?P<domain>[\w-]+(?:\.[\w-]+)+)\)?\s*$")


def _lifted_byline(page: _Page) -> _Field | None:
    """Outside the header: the first short line that opens with a 'By'-like word, else a sign-off's name."""
    for line in page.lines:
        text = _GLUED_BY.sub("By ", line.text).lstrip("(")  # "(Reporting by ...; Editing by ...)" under the article
        if (line.reason == "byline" or _words(text) <= _NAME_LINE_WORDS and not _is_prose(text)) and (m := _BY_MARKER.match(text)):
            if _person(page, name := _names(text[m.end():], page.day_first)):
                return _Field(name, "byline line")
    for line in page.lines:
        if line.reason == "author_signoff" and (m := _EMAIL.search(line.text)):
            name = m.group("name").strip(" ,-")
            if _all_names(name) and _person(page, name):
                return _Field(name, "sign-off")
    return _bio(page) or _dash_signoff(page)


_DASH_SIGNOFF = re.compile(r"^(?:[—–]|--?)\s*(?P<name>[^,;|()]+?)\s*(?:[,|(].{0,40})?$")  # "— Jane Roe, Reuters"
_SIGNOFF_REACH = 3  # lines after the article's last paragraph


def _dash_signoff(page: _Page) -> _Field | None:
    """The name an article signs off with on a line of its own after its last paragraph ("— Jane Roe")."""
    kept = [i for i, line in enumerate(page.lines) if line.kept and _is_prose(line.text)]
    if not kept:
        return None
    for line in page.lines[kept[-1] + 1: kept[-1] + 1 + _SIGNOFF_REACH]:
        m = _DASH_SIGNOFF.match(line.text) if _words(line.text) <= _NAME_LINE_WORDS else None
        if m and _all_names(m.group("name")) and _person(page, m.group("name")):
            return _Field(m.group("name"), "sign-off under the article")
    return None


_BIO = re.compile(r"^(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s+(?:is|was)\s+(?:a|an|the|our)\s+(?P<role>.{0,80})")
_BIO_WORDS = 40
_BARE_NAMES_REACH = 2  # lines under the headline: the byline's place, or under a standfirst
_OUTLET_JOINS = frozenset({"of", "the", "and", "&", "de", "du", "la", "le", "del"})  # small words inside an outlet's name


def _bio(page: _Page) -> _Field | None:
    """The name an author's note opens with ("Perry Bacon Jr. is a senior writer for FiveThirtyEight.")."""
    for line in page.lines:
        m = _BIO.match(line.text) if _words(line.text) <= _BIO_WORDS else None
        role = m and any(w.lower() in _ROLES for w in _WORD.findall(m.group("role"))[:6])
        if role and _all_names(name := m.group("name")) and _person(page, name):
            return _Field(name, "author's note")
    return None


def _bare_names(page: _Page, lo: int, hi: int) -> _Field | None:
    """A line of people's names and nothing else (but where each filed from: "Jane Doe in London
    and John Roe in Paris") right under the headline (line lo - 1), or under the standfirst under
    it, before the article (at hi); widgets between do not count."""
    lines = [i for i in range(lo, hi) if page.lines[i].reason not in _HEADER_WIDGETS][:_BARE_NAMES_REACH]
    for i in lines:
        text, _, outlet = _FILED_IN.sub("", page.lines[i].text).partition(",")
        if _words(text) <= 2 * _NAME_WORDS and page.lines[i].reason != "copyright" and _all_names(text) and _person(page, text) \
                and _names_an_outlet(outlet):
            return _Field(text, "names under the headline")
    return None


def _names_an_outlet(text: str) -> bool:
    """Nothing, or an outlet's name after a byline's names ("The Associated Press", "for The Courier")."""
    words = text.split()
    if words[:1] == ["for"]:
        words = words[1:]
    return len(words) <= _NAME_WORDS and all(w[:1].isupper() or w in _OUTLET_JOINS for w in words)
