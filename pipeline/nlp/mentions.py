"""Entity mentions: NER spans trimmed to the name they hold, or dropped when they hold none."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from pipeline.nlp import credits, cues, names

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "PRODUCT", "LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW"})
# Job titles are trimmed from a name; courtesy titles stay in the mention ("Mr Altman" is a
# surface form of Sam Altman) and are set aside only when resolving the name.
_JOB_TITLE = re.compile(r"^(?:(?:president|ceo|chairman|chairwoman|chief|executive|vice)\.?\s+)+", re.I)
# Military and political ranks are courtesy titles too ("Lt. Col. Alexander Vindman", "Sen. Warren").
COURTESY_TITLE = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|dr|prof|sir|dame|lt|col|gen|sgt|ssgt|msgt|tsgt|maj|capt|cpl|lcpl|spc|pfc|pvt|brig|adm|cmdr|cdr|ens|"
    r"rep|sen|gov|rev|insp|det|supt)\.?\s+)+", re.I
)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_APOSTROPHES = "'’‘ʼ"
_POSSESSIVE = re.compile(rf"(?:[{_APOSTROPHES}]s|[{_APOSTROPHES}])$")
_POSSESSOR_BEFORE = re.compile(rf"(?:[A-Z][\w.&-]*\s)*[A-Z][\w.&-]*[{_APOSTROPHES}]s\s$")
_INNER_POSSESSIVE = re.compile(rf"^.+?[{_APOSTROPHES}]s\s+(?=\S)")
# Words that name a kind of institution, not one: after a possessive they belong to the name
# ("Harris County Sheriff's Office", "Murdoch Children's Research Institute"), unlike a name
# ("The Verge's Stadia" is The Verge and Stadia).
_GENERIC_ORG_WORDS = frozenset(
    "office offices department institute institution research center centre hospital clinic school college university "
    "academy foundation fund association society council committee commission agency bureau board court police salon "
    "spa restaurant bar cafe store shop club team unit division service services program programme lab laboratory "
    "museum library church health medical care and of the for".split()
)
# Lower-case words names are made with, besides their capitalised ones.
_NAME_PARTICLES = frozenset(
    "of and the for to on in at upon de del della der den des du da di dos das la le les van von zu und y e al el bin ibn".split()
)
_SENTENCE_WORD = re.compile(r"(?P<separator>\s*,\s*|\s+[-–—|]\s+)|[^\s,]+")
# Partners' names ending in "and"/"&" make one firm's name: "Little, Brown and Company",
# "Skadden, Arps, Slate, Meagher & Flom".
_FIRM = re.compile(r",[^,]*\s(?:and|&)\s[^,]*$")
_LEGAL_FORM = re.compile(r"(?:Inc|Ltd|LLC|LLP|L\.P|LP|Co|Corp|PLC|plc|S\.A|AG|GmbH|N\.V|Jr|Sr|II|III|IV)\b")
# Function words that are given names too ("Will Smith", "May Lee", "Can Dündar").
_GIVEN_NAME_STOP_WORDS = frozenset({"will", "may", "can"})
_ABBREVIATION_END = re.compile(r"(?:\b[A-Za-z]\.[A-Za-z]\.|\b(?:Inc|Co|Corp|Ltd|Jr|Sr|St)\.)$")
_EDGE_PUNCT = "\"'“”‘’()[]{}.,;:!?-–—*•"
_TRAILING_ROLE = re.compile(r"\s+(?:executive|vice|chief|chairman|chairwoman|ceo|president|founder|co-founder)$", re.I)
_NAME_CONTINUES = re.compile(r"-[a-z]{1,3}(?![\w-])")
# Upper-case words spaCy's small model often tags ORG that name a field, a role, a file format or a
# unit, not an organisation.
_GENERIC_ACRONYMS = frozenset({
    "AI", "AGI", "CEO", "CFO", "CTO", "HBM", "GPU", "CPU", "IT", "R&D", "IPO", "ESG", "EV", "EVS", "VR", "AR", "ML", "API",
    "PC", "TV", "USB", "HDR", "LAN", "RAM", "SMS", "GPS", "DNA", "PDF", "DOC", "PPT", "JPEG", "JPG", "PNG", "GIF",
    "KB", "MB", "GB", "TB", "3D", "4K", "COVID", "COVID-19", "PII", "FAQ", "Q&A", "DIY", "ASAP", "PH.D", "PHD", "MD", "MBA", "JR", "SR",
})
# A prefix or suffix joined by a hyphen is not part of the name: "anti-Biden", "Kroger-owned", "Seoul-based".
_AFFIX = re.compile(r"^(?:anti|pro|ex|non|post|pre|neo|pan|mid|all)-(?=[A-Z])|(?<=[a-z])-(?:owned|based|led|backed|run|born|made|style|era)$")
# Words of the page's user interface that copies glue to the name beside them ("EmailJohn Smith",
# "TwitterFacebook", "Jane DoeFollow").
_UI_WORDS = frozenset(
    "email e-mail share tweet print comment comments follow subscribe facebook twitter instagram linkedin whatsapp "
    "pinterest reddit youtube tumblr flipboard telegram messenger updated previous next related close menu video "
    "videos photo photos advertisement sponsored sign login logout reply save".split()
)
_LOWER_WORD = re.compile(r"\b[a-z][a-z-]+\b")
_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z])")
_FOOTNOTE = re.compile(r"(?<=[a-z])\.?\d{1,2}$")


_TITLED_NAME = re.compile(
    r"\b(?:CEO|Chairman|Chairwoman|President|Vice Chairman|Executive Chairman|Chief Executive|Founder|"
    r"Prime Minister|Minister|Governor|Senator)\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+(?:-[a-z]+)?){1,2})\b"
    r"|(?P<courtesy>\b(?:Mr|Mrs|Ms|Dr)\.?\s+[A-Z][a-z]+(?:-[a-z]+)?)\b"
    # A name with an age in apposition: "Eloise Parry, 21, was taken ..."
    r"|(?P<aged>\b[A-Z][a-z]+(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][a-z]+(?:[-'’][A-Za-z]+)?){1,2})(?=,[ \t]*\d{1,3},)"
)
# A lower-case kind of institution after a place's or a name's words is the name's end ("West
# Mercia police", "Royal Shrewsbury hospital").
_INSTITUTION_AFTER = re.compile(r" (?:police|hospital|council|constabulary|fire service|ambulance service)\b(?! [A-Z])")
_OUTLET_WORD = re.compile(rf"^{credits.OUTLET_WORDS}$")
_OF_FIELD = re.compile(r"\s(?:of|for)\s+[A-Z][a-z]+$")
_FIELDS = re.compile(r"^[A-Z][a-z]+(?:,\s+[A-Z][a-z]+)*,?\s+(?:and|&)\s+[A-Z][a-z]+$")
_MID_SENTENCE_THE = re.compile(r"[a-z,;] The\s$")
# "the Tor Browser, which ..." is a thing; "the Trump administration" names a person.
_THE_BEFORE = re.compile(r"\bthe\s$")
_MODIFIES = re.compile(r"[’']?s?\s+[a-z]")
_POSSESSIVE_PRONOUNS = frozenset({"my", "your", "his", "her", "their"})
_QUOTATION = re.compile(r"[“\"]([^“”\"\n]{3,80})[”\"]")
_TITLE_MAX_WORDS = 6
_CALENDAR = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b"
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str


def clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim honorifics, leading articles, possessives, quotes, punctuation and trailing job titles,
    keeping offsets exact."""
    while True:
        piece = text[start:end]
        m = _JOB_TITLE.match(piece) or _LEADING_ARTICLE.match(piece) or _possessor(piece)
        if m and m.end() < len(piece):
            start += m.end()
            continue
        m = _AFFIX.match(piece)
        if m:
            start += m.end()
            continue
        m = _POSSESSIVE.search(piece) or _TRAILING_ROLE.search(piece) or _FOOTNOTE.search(piece) or _AFFIX.search(piece)
        if m and m.start() > 0:
            end = start + m.start()
            continue
        if piece and piece[0] in _EDGE_PUNCT + " ":
            start += 1
            continue
        if piece and piece[-1] in _EDGE_PUNCT + " " and not _ABBREVIATION_END.search(piece):
            end -= 1
            continue
        return start, end


def _possessor(piece: str) -> re.Match | None:
    """The possessor and its "'s " opening `piece`, unless what follows is a kind of institution."""
    m = _INNER_POSSESSIVE.match(piece)
    if m is None or all(w.lower() in _GENERIC_ORG_WORDS for w in re.findall(r"[^\W\d_]+", piece[m.end():])):
        return None
    return m


def _with_possessor(text: str, start: int, end: int) -> int:
    """The start of an organisation's name the model cut after its possessor, when what it kept
    only says what kind of institution it is ("Aisha's" + "Salon and Spa", "Harris County Sheriff's"
    + "Office")."""
    words = re.findall(r"[^\W\d_]+", text[start:end])
    m = _POSSESSOR_BEFORE.search(text, max(0, start - 60), start)
    if m is None or not words or not all(w.lower() in _GENERIC_ORG_WORDS for w in words):
        return start
    return m.start()


def sentence_word_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span cut at the sentence's own words the model took into it: lower-case words that no
    name is made with ("American Music Awards after Swift"), and the commas and spaced dashes of a
    list or a menu ("Ubuntu, Debian", "Aston Villa - West"); names keep their particles ("Bank of
    America", "Friends of the Earth", "Ludwig van Beethoven"; see `_joins_two_names` for "the"), and the
    comma before a legal form or a suffix ("U.S. Games Systems, Inc.", "Martin Luther King, Jr.") and
    a firm's partners (`_FIRM`)."""
    parts, at = [], start
    firm = _FIRM.search(text, start, end) is not None
    previous = ""
    for m in _SENTENCE_WORD.finditer(text, start, end):
        word = m.group()
        glued = word.isalpha() and word.islower() and (word not in _NAME_PARTICLES or _joins_two_names(text, previous, m.end(), end))
        if glued or (m.group("separator") and not firm and not _LEGAL_FORM.match(text, m.end(), end)):
            parts.append((at, m.start()))
            at = m.end()
        previous = word
    return [(a, b) for a, b in parts + [(at, end)] if b > a]


def _joins_two_names(text: str, previous: str, at: int, end: int) -> bool:
    """A "the" at `at` right after a capitalised word, before a name the page writes elsewhere too,
    opens the sentence's next name ("told Billboard the Doobies have ..."); after a particle, or
    before words written only there, it is the name's ("Bank of the West", "Uncover the Smoking Gun")."""
    rest = text[at:end].strip()
    return text[at - 3: at] == "the" and previous[:1].isupper() and text.count(rest) > 1


def possessive_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span cut at an inner possessive into its two names ("The Verge's Stadia review" -> "The
    Verge", "Stadia review"), or whole."""
    piece = text[start:end]
    m = _possessor(piece)
    if m is None:
        return [(start, end)]
    apostrophe = start + max(piece.rfind(a, 0, m.end()) for a in _APOSTROPHES)
    return [(start, apostrophe), (start + m.end(), end)]


def titled_people(text: str, entities: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """PERSON spans for names the model missed right after a title ("CEO Huh Yoon-hong", "Mr Son")
    or before an age ("Eloise Parry, 21,")."""
    taken = [(s, e) for s, e, _ in entities]
    found = []
    for m in _TITLED_NAME.finditer(text):
        start, end = next(m.span(g) for g in ("name", "courtesy", "aged") if m.group(g))
        if not any(start < e and s < end for s, e in taken) and not _CALENDAR.search(text[start:end]):
            found.append((start, end, "PERSON"))
    return found


def joined_neighbours(text: str, entities: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Sorted `entities` with a place or nationality the model cut off the name it opens joined to
    it, one space apart: "U.S." + "District Court" is one court, "Han" + "Lee" one person (not
    "Israeli" + "Netanyahu": a nationality's word stays apart from a person); and with the fields
    the model cut off an organisation's name (`_lists_fields`) and a newspaper's second word
    (`_pairs_outlet_words`)."""
    joined: list[tuple[int, int, str]] = []
    for start, end, label in entities:
        first = text[joined[-1][0]: joined[-1][1]] if joined else ""
        gap = text[joined[-1][1]: start] if joined else ""
        second = text[start:end]
        if joined and ((gap == " " and _opens_name(first, joined[-1][2], label)) or _lists_fields(first, gap, second, label)
                       or _pairs_outlet_words(first, gap, second, label)):
            joined[-1] = (joined[-1][0], end, label)
        else:
            joined.append((start, end, label))
    return joined


def _lists_fields(first: str, gap: str, second: str, label: str) -> bool:
    """An organisation "of" a list of fields that the model cut at the list's comma: "American
    Academy of Allergy" + ", " + "Asthma and Immunology" (kept whole as a firm's name is)."""
    return label == "ORG" and gap == ", " and _OF_FIELD.search(first) is not None and _FIELDS.match(second) is not None


def _pairs_outlet_words(first: str, gap: str, second: str, label: str) -> bool:
    """Two newspaper words joined by "and" are one newspaper's name ("Post and Courier", "News
    and Observer"), not a list of two."""
    return label == "ORG" and gap in {" and ", " & "} and _OUTLET_WORD.match(first) is not None and _OUTLET_WORD.match(second) is not None


def _opens_name(first: str, first_label: str, label: str) -> bool:
    """A place opens an organisation's name ("U.S. District Court"; a nationality does not: "Korean
    SK Telecom"), a one-word place or nationality that no country claims a person's ("Han Lee")."""
    if label == "ORG":
        return first_label == "GPE"
    one_word = first_label in {"GPE", "NORP"} and " " not in first
    return label == "PERSON" and one_word and first not in names.demonyms() and first not in names.country_names()


def mention_spans(text: str, entities: list[tuple[int, int, str]]) -> list[Span]:
    """Name mentions worth counting: cleaned spans of name labels (and of people named after a
    title whom the model missed), none crossing a line break, none in a credit, none that only
    the page's lines around the article hold (see `pipeline.nlp.credits`), and none made of words the
    page also writes in lower case (`_common_words`)."""
    spans = []
    lower_words = set(_LOWER_WORD.findall(text))
    titles = quoted_titles(text)
    found = titled_people(text, entities) + cues.platform_mentions(text, entities)
    for start, end, label in joined_neighbours(text, sorted(entities + found)):
        if label not in NAME_LABELS or text[start - 1: start] == "#":  # a hashtag is not a name
            continue
        if label == "PERSON" and (m := _NAME_CONTINUES.match(text, end)):
            end = m.end()  # the tokenizer cut a given name at its hyphen: "Chung Shin" + "-a"
        if label == "PERSON":
            start, end = _without_ui_words(text, start, end)
        elif label == "ORG":
            start = _with_possessor(text, start, end)
        parts = [p for piece in sentence_word_parts(text, *unglue(text, start, end)) for p in possessive_parts(text, *piece)]
        spans += [span for part in parts if (span := _part_span(text, part, label, lower_words, titles))]
    return credits.article_spans(text, spans)


def _part_span(text: str, part: tuple[int, int], label: str, lower_words: set[str], titles: list[tuple[int, int]]) -> Span | None:
    """The cleaned mention of one part of a model's span, if it is a name: not a common word, not
    no one's name, not inside a quoted title; a place or an organisation takes the lower-case
    kind of institution after it ("West Mercia police")."""
    s, e = clean_span(text, *part)
    if label in {"ORG", "GPE"} and (m := _INSTITUTION_AFTER.match(text, e)):
        e, label = m.end(), "ORG"
    if not _is_name(text[s:e]) or _common_words(text[s:e], label, lower_words) or _no_ones_name(text, s, e, label):
        return None
    return None if any(a <= s and e <= b and (a, b) != (s, e) for a, b in titles) else Span(s, e, label)


def quoted_titles(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words of short title-case quotations ("“Takin’ It to the Streets.”", "“Don’t
    Buy Books by Crooks”"): a song's, a book's or a slogan's title, whose words are not names of
    their own unless a name is the whole quotation ("“Mini Mike”")."""
    found = []
    for m in _QUOTATION.finditer(text):
        phrase = m.group(1)
        if len(phrase.split()) <= _TITLE_MAX_WORDS and credits.is_title(phrase, min_words=2, lower_max=0):
            start = m.start(1) + len(phrase) - len(phrase.lstrip(_EDGE_PUNCT + " "))  # "“Streets,”" holds "Streets"
            found.append((start, m.start(1) + len(phrase.rstrip(_EDGE_PUNCT + " "))))
    return found


def _common_words(surface: str, label: str, lower_words: set[str]) -> bool:
    """A capitalised word the page also writes in lower case ("Groups don't ..."), or a 'person'
    made only of such words ("Muscular Dystrophy"): a sentence's or a heading's words, not a name.
    (An organisation may be made of common words: "Democratic Party".)"""
    words = surface.split()
    capitalised = all(w[1:] == w[1:].lower() for w in words)  # "US" or "IT" is an acronym, not "us" or "it"
    return capitalised and all(w.lower() in lower_words for w in words) and (len(words) == 1 or label == "PERSON")


def _no_ones_name(text: str, start: int, end: int, label: str) -> bool:
    """A 'person' with a digit in it is a product, a quarter, a variant or a hash ("Destiny 2",
    "Q3", "Omicron BA.2", "sha256"), one opening with a function word a title or a slogan ("My
    Struggle", "Never Trump"), one after a capitalised "The" within a sentence a title ("beginning
    with The Force Awakens"), one after "the" that is not a modifier a thing ("the Tor Browser, which"):
    no one is named so. Nor is an organisation whose name opens with "my", "his" ... ("My New Order")."""
    surface = text[start:end]
    first = surface.split()[0].lower() if " " in surface else ""
    if label != "PERSON":
        return label == "ORG" and first in _POSSESSIVE_PRONOUNS
    titled = _MID_SENTENCE_THE.search(text, max(0, start - 6), start) is not None
    thing = _THE_BEFORE.search(text, max(0, start - 5), start) is not None and not _MODIFIES.match(text, end)
    return any(ch.isdigit() for ch in surface) or (first in STOP_WORDS and first not in _GIVEN_NAME_STOP_WORDS) or titled or thing


def _is_name(surface: str) -> bool:
    """Long enough, on one line, written like a name (a capital or a digit), not a generic acronym,
    a function word or a title alone ("Lt. Col.")."""
    if len(surface) < 2 or "\n" in surface or not any(ch.isalpha() for ch in surface):
        return False
    if not any(ch.isupper() or ch.isdigit() for ch in surface) or surface.upper() in _GENERIC_ACRONYMS:
        return False
    if surface.lower() in STOP_WORDS and not surface.isupper():  # "Next", "Never" opening a line; not "US"
        return False
    return bool(COURTESY_TITLE.sub("", surface + " ").strip())


def unglue(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the user-interface words a copy glued to it ("EmailJohn Smith" -> "John
    Smith", "Jane DoeFollow" -> "Jane Doe"); empty when it is nothing else ("TwitterFacebook")."""
    surface = text[start:end]
    cuts = [0] + [m.start() for m in _GLUE.finditer(surface)] + [len(surface)]
    if len(cuts) == 2:
        return start, end
    return _between_ui_words(text, start, list(zip(cuts, cuts[1:]))) or (start, start)


def _without_ui_words(text: str, start: int, end: int) -> tuple[int, int]:
    """A person's span without the user-interface words a link or a share bar put beside the name
    ("Email Jane Doe", "Twitter Gary Lineker", "Jane Doe Follow"); whole when it is only such words
    (a platform the model took for a person: its cue makes it an organisation)."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text[start:end])]
    return _between_ui_words(text, start, words) or (start, end)


def _between_ui_words(text: str, start: int, pieces: list[tuple[int, int]]) -> tuple[int, int] | None:
    """From the first to the last of `pieces` (offsets from `start`) that is not a user-interface
    word; None when every piece is one."""
    kept = [(a, b) for a, b in pieces if re.sub(r"\W", "", text[start + a: start + b]).lower() not in _UI_WORDS]
    return (start + kept[0][0], start + kept[-1][1]) if kept else None


def mention_id(doc_id: str, start: int, end: int) -> str:
    return hashlib.sha1(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:16]


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """Case, hyphens, spaces and punctuation folded: "Chung Shin-a" == "Chung Shina" == "CHUNG SHIN A"."""
    return re.sub(r"[\W_]+", "", name.casefold())
