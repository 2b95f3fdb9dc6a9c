"""How the names of one entity relate: a person's name and its short forms, an organisation and
its initials or web address, a country and the forms it is written in. Pure string functions."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from babel import Locale
from countryinfo import CountryInfo
from spacy.lang.en.stop_words import STOP_WORDS

from pipeline.money.currencies import vocabulary

_INITIAL = re.compile(r"^[A-Z]\.?$")
_WEB_DOMAIN = re.compile(r"\.(?:com|net|org|info|io|co|tv|news|co\.uk|com\.au|co\.nz|ca)$", re.I)
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,5}$")
_SKIPPED_IN_INITIALS = frozenset({"of", "and", "the", "for", "&", "de", "du", "la"})
GIVEN_NAME_PREFIX_MIN = 3  # "Pat" for "Patrick", "Geoff" for "Geoffrey"; not "Al" for "Alan"


def name_words(name: str) -> list[str]:
    """A person's name as its words, middle initials left out ("Thomas W. Malone" -> Thomas, Malone)."""
    words = name.split()
    return [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and _INITIAL.match(w))]


def could_be_full_name(name: str) -> bool:
    """A person's full name has no function word in it: "Never Trump" and "Will Donald" are a
    model's cuts of a sentence (at the cost of "Will Smith")."""
    return not any(w.lower() in STOP_WORDS for w in name.split())


def person_key(name: str) -> str:
    """What two written forms of one person's full name share: their words without middle initials."""
    return " ".join(name_words(name))


def is_part_of(short: str, full: str, at_end: bool = False) -> bool:
    """`short`'s words are a run of `full`'s (a surname, a given name, "Van Der Beek" of "James
    Van Der Beek"); with `at_end`, the run that ends it (a surname)."""
    part, whole = name_words(short), name_words(full)
    if not part or len(part) >= len(whole):
        return False
    starts = [len(whole) - len(part)] if at_end else range(len(whole) - len(part) + 1)
    return any(whole[i: i + len(part)] == part for i in starts)


def is_given_name_variant(short: str, full: str) -> bool:
    """One person's given name written short ("Pat Simmons" / "Patrick Simmons", or "Geoff" alone
    for "Geoffrey Skelley"): the same surname (when `short` has one) and a given name that begins
    the other's."""
    a, b = name_words(short), name_words(full)
    if not a or not b or a == b or len(a) > len(b) or (len(a) > 1 and a[1:] != b[len(b) - len(a) + 1:]):
        return False
    if len(a) == 1 and len(b) < 2:
        return False
    first, other = a[0], b[0]
    return first != other and len(first) >= GIVEN_NAME_PREFIX_MIN and other.startswith(first) and other[len(first):].isalpha()


def initials(name: str) -> set[str]:
    """The acronyms a name can be written as: its capitalised words' first letters ("Harris County
    Sheriff's Office" -> HCSO), and all its words' ("Department of Justice" -> DOJ as well as DJ);
    and, of three letters or more, those of the name less its first words, a place or a qualifier
    ("Minnesota Department of Natural Resources" -> DNR)."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w[0].isalnum()]
    capitalised = [w[0] for w in words if w[0].isupper() and w.lower() not in _SKIPPED_IN_INITIALS]
    every = "".join(w[0].upper() for w in words if w != "&")
    tails = {"".join(capitalised[k:]) for k in range(1, len(capitalised) - 2)}
    return {a for a in ("".join(capitalised), every) if len(a) >= 2} | tails


def acronym_letters(text: str) -> str:
    """An acronym's letters, less the ampersand it may join them with ("HP&L" -> HPL)."""
    return text.replace("&", "")


def is_acronym(text: str) -> bool:
    return _ACRONYM.match(text) is not None


def without_web_domain(name: str) -> str:
    """A website's name without its domain ending: "Snopes.com" -> "Snopes"."""
    base = _WEB_DOMAIN.sub("", name)
    return base if base and base != name and "." not in base.strip(".") else name


def unique(candidates: Iterable[str]) -> str | None:
    """The one candidate, or None when there are none or several."""
    found = set(candidates)
    return next(iter(found)) if len(found) == 1 else None


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Country name as written ("United States", "U.S.", "US", "USA", "South Korea") -> its
    territory's English name, from babel's territories and countryinfo's names and spellings; not
    its cities, provinces or demonyms (Seoul is not South Korea)."""
    english = Locale("en").territories
    codes_as_names = set(vocabulary().places["codes_as_names"])
    found: dict[str, str] = {}
    for country in CountryInfo.all().values():
        code = (country.get("ISO") or {}).get("alpha2")
        if not code or code not in english:
            continue
        forms = {country.get("name") or "", english[code], (country.get("ISO") or {}).get("alpha3") or ""}
        for alt in country.get("altSpellings") or []:
            if len(alt) == 2 and alt.isupper():
                forms.add(".".join(alt) + ".")
                forms.update({alt} & codes_as_names)
            elif "," not in alt:
                forms.add(alt)
        for form in forms - {""}:
            found.setdefault(form, english[code])
    return found


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """Nationality words and their plurals ("Israeli", "Palestinians"), from countryinfo: the
    gazetteer holds them, but they are NORP, not places."""
    found = set()
    for country in CountryInfo.all().values():
        for word in (country.get("demonym") or "").split(","):
            if word.strip():
                found.update({word.strip(), word.strip() + "s"})
    return frozenset(found)
