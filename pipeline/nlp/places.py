"""Places named in text, mapped to territories (ISO 3166 alpha-2 codes), and the dollar each uses.

The gazetteer comes from libraries: babel's English territory names and the cities of its time
zones, countryinfo's names, other spellings, capitals, provinces and demonyms. A name that two
territories claim goes to the more populous one when it is ten times larger ("Kingston":
Jamaica, not Norfolk Island; "Victoria": Australia's state, not the capital of the Seychelles),
else to neither. Web domains map to a territory by their country-code top-level domain.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import lru_cache

from babel import Locale
from babel.core import get_global
from babel.numbers import get_territory_currencies
from countryinfo import CountryInfo

from pipeline.money.currencies import vocabulary

# A province list longer than this holds counties and districts ("Bruce", "Cook", "Grey" in New
# Zealand's), names too common to tell a country by.
MAX_PROVINCES = 60
_RUN = re.compile(r"[A-Z][\w.&-]*(?:[ \t]+(?:(?:of|and|the|de|da|du|la|le)[ \t]+)?[A-Z][\w.&-]*)*")
_HOST = re.compile(r"(?i)\b(?:https?://)?(?:[a-z0-9-]+\.)+(?P<tld>[a-z]{2,})\b(?![.-]?[a-z0-9])")


def _names_of(country: dict, codes_as_names: list[str]) -> Iterator[str]:
    yield country["name"]
    for alt in country.get("altSpellings") or []:
        if len(alt) == 2 and alt.isupper():
            yield ".".join(alt) + "."
            if alt in codes_as_names:
                yield alt
        elif len(alt) > 3 or not alt.isupper():
            yield alt
    capitals = country.get("capital") or []
    for capital in [capitals] if isinstance(capitals, str) else capitals:
        yield capital
        yield re.sub(r"(?:\s+\S*\.)+$", "", capital)  # "Washington D.C." -> "Washington"
    provinces = country.get("provinces") or []
    if len(provinces) <= MAX_PROVINCES:
        yield from provinces
    demonym = country.get("demonym") or ""
    if demonym:
        yield from (demonym, demonym + "s")


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, str]:
    """Place name as written ("Ontario", "Hong Kong", "Canadians") -> territory."""
    claims: dict[str, dict[str, int]] = defaultdict(dict)
    population: dict[str, int] = {}
    codes_as_names = vocabulary().places["codes_as_names"]
    for country in CountryInfo.all().values():
        territory = (country.get("ISO") or {}).get("alpha2")
        if territory:
            population[territory] = country.get("population") or 0
            for name in _names_of(country, codes_as_names):
                claims[name][territory] = population[territory]
    english = Locale("en")
    for territory, name in english.territories.items():
        if territory.isalpha() and len(territory) == 2:
            claims[name][territory] = population.get(territory, 0)
    for zone, territory in get_global("zone_territories").items():
        # A zone's city is its last part ("America/St_Johns") unless CLDR spells it ("St. John’s").
        city = english.time_zones.get(zone, {}).get("city") or zone.rpartition("/")[2].replace("_", " ")
        if len(territory) == 2 and not city.startswith(("GMT", "UTC")):
            claims[city][territory] = population.get(territory, 0)
    return {name: winner for name, sides in claims.items() if name and (winner := _winner(sides))}


def _winner(sides: dict[str, int]) -> str | None:
    ranked = sorted(sides.items(), key=lambda kv: -kv[1])
    if len(ranked) == 1 or ranked[0][1] >= 10 * max(ranked[1][1], 1):
        return ranked[0][0]
    return None


def territory_of(place: str | None) -> str | None:
    """Territory of a place as a dateline or an outlet writes it ("TORONTO", "Kingston, Jamaica")."""
    if not place:
        return None
    names = gazetteer()
    for part in [place, *reversed(place.split(","))]:
        part = part.strip()
        for form in (part, part.title()):
            if form in names:
                return names[form]
    return None


def territories_named(text: str) -> Counter[str]:
    """How often the text names a place of each territory (longest names first: "New South Wales")."""
    names = gazetteer()
    found: Counter[str] = Counter()
    for run in _RUN.finditer(text):
        words = [w.removesuffix("'s").removesuffix("’s") for w in run.group().split()]
        i = 0
        while i < len(words):
            for n in range(min(5, len(words) - i), 0, -1):
                name = " ".join(words[i: i + n])
                if name in names or name.rstrip(".,") in names:
                    found[names.get(name) or names[name.rstrip(".,")]] += 1
                    i += n
                    break
            else:
                i += 1
    return found


def territory_of_host(tld: str) -> str | None:
    """Territory of a country-code top-level domain ("au", "uk"), None for generic ones."""
    tld = tld.lower()
    if len(tld) != 2 or tld in vocabulary().places["generic_domains"]:
        return None
    territory = "GB" if tld == "uk" else tld.upper()
    return territory if territory in Locale("en").territories else None


def territories_of_hosts(text: str) -> Counter[str]:
    """How often the text shows a web address of each territory ("www.example.com.au", "cbc.ca")."""
    return Counter(t for m in _HOST.finditer(text) if (t := territory_of_host(m.group("tld"))))


def dollar_of(territory: str | None) -> str | None:
    """The dollar a territory uses as tender, if it uses one."""
    if not territory:
        return None
    current = get_territory_currencies(territory, tender=True)
    return next((c for c in current if c in vocabulary().dollars), None)
