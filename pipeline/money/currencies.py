"""Currency vocabulary: ISO 4217 codes, names, unit words, symbols and subunits from CLDR (via
babel) plus news usage.

The news usage that CLDR lacks (short words such as "won", prefixes such as "S$", subunits such
as "paise") is kept, documented, in `currencies.toml`.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from babel import Locale
from babel.numbers import get_currency_name, get_territory_currencies, list_currencies


@dataclass(frozen=True)
class Subunit:
    part: float
    """Share of the whole unit (0.01 for a cent)."""
    currency: str | None
    """Code the word names alone, "$" for a bare dollar's subunit, None: only after a whole figure."""


@dataclass(frozen=True)
class CurrencyVocabulary:
    codes: frozenset[str]
    """Every ISO 4217 code CLDR knows."""
    words: dict[str, str]
    """Lower-case currency names and words -> code ("south korean won", "euros", "won")."""
    symbols: dict[str, str]
    """Lower-case symbols and prefixes -> code ("€", "s$", "hk$", "rs")."""
    territory_signs: frozenset[str]
    """The symbols made of a territory code and "$" ("tt$"): written in capitals, without a space."""
    letter_symbols: dict[str, str]
    """One capital letter -> code, read only before an amount with a scale or separators ("N")."""
    subunits: dict[str, Subunit]
    """Lower-case subunit words and signs ("cents", "¢", "paise", "kopiykas")."""
    dollars: frozenset[str]
    """Codes of currencies written with a dollar sign."""
    not_alone: frozenset[str]
    """Codes that are also English words in capitals."""
    ambiguous: frozenset[str]
    """Currency words that are also English words: not money after a bare year."""
    not_before: frozenset[str]
    """Currency words never read before a number."""
    traps: dict
    """The `[traps]` table: words that make a pound word weight or a `p` not pence (pipeline/money_traps.py)."""
    places: dict
    """The `[places]` table: codes read as names, generic domains (pipeline/places.py)."""
    outlets: dict[str, str]
    """Outlet name, lower case without "the" -> territory whose dollar its bare "$" means."""


@lru_cache(maxsize=1)
def vocabulary() -> CurrencyVocabulary:
    data = tomllib.loads(resources.files("pipeline.money").joinpath("currencies.toml").read_text("utf-8"))
    codes = frozenset(c for c in list_currencies() if len(c) == 3 and c.isalpha())
    english = Locale("en")
    tender = _current_tender(english, codes)
    words: dict[str, str] = {}
    for code in sorted(codes):
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale=english).lower()
            if name != code.lower():
                words.setdefault(name, code)
    for name, code in (_country_forms(english, codes) | _unit_words(english, tender, data["unit_words"]["english"])).items():
        words.setdefault(name, code)
    words.update(data["words"])
    dollars = frozenset(c for c in tender if get_currency_name(c, locale=english).lower().endswith(" dollar"))
    written = _cldr_symbols(english, codes) | data["symbols"]
    signs = {sign: code for sign, code in _territory_dollar_signs(english, dollars).items() if sign not in written}
    return CurrencyVocabulary(
        codes=codes,
        words=words,
        symbols=signs | written,
        territory_signs=frozenset(signs),
        letter_symbols=data["letter_symbols"],
        subunits={k: Subunit(v["part"], v.get("currency")) for k, v in data["subunits"].items()},
        dollars=dollars,
        not_alone=frozenset(data["codes"]["not_alone"]),
        ambiguous=frozenset(data["unit_words"]["ambiguous"]),
        not_before=frozenset(data["before_number"]["not"]),
        traps=data["traps"],
        places=data["places"],
        outlets=data["outlets"],
    )


def _current_tender(english: Locale, codes: frozenset[str]) -> frozenset[str]:
    """Codes that some territory uses as legal tender today."""
    return frozenset(
        c for t in english.territories if t.isalpha() for c in get_territory_currencies(t, tender=True) if c in codes
    )


def _cldr_symbols(english: Locale, codes: frozenset[str]) -> dict[str, str]:
    return {
        sym.lower(): code
        for code, sym in english.currency_symbols.items()
        if code in codes and code != "XXX" and sym != "$" and sym.upper() != code and not sym.isalpha()
    }


def _territory_dollar_signs(english: Locale, dollars: frozenset[str]) -> dict[str, str]:
    """"<territory code>$" for each territory whose tender is a dollar ("tt$", "fj$", "bz$")."""
    signs = {}
    for territory in english.territories:
        current = get_territory_currencies(territory, tender=True) if territory.isalpha() and len(territory) == 2 else []
        if len(current) == 1 and current[0] in dollars:
            signs[f"{territory.lower()}$"] = current[0]
    return signs


def _unit_words(english: Locale, tender: frozenset[str], common_words: list[str]) -> dict[str, str]:
    """The last word of CLDR's names ("hryvnia" of "Ukrainian hryvnia") where one current
    currency alone uses it, less words that are ordinary English."""
    users = defaultdict(set)
    for code in tender:
        for count in (1, 2):
            users[get_currency_name(code, count=count, locale=english).lower().rpartition(" ")[2]].add(code)
    return {word: codes.pop() for word, codes in users.items() if len(codes) == 1 and word not in common_words}


def _country_forms(english: Locale, codes: frozenset[str]) -> dict[str, str]:
    """"<country> <unit>" names ("malaysia ringgits", "south korea won") beside CLDR's
    "<adjective> <unit>" ones, for each country with one legal tender."""
    forms = {}
    for territory, country in english.territories.items():
        current = get_territory_currencies(territory, tender=True) if territory.isalpha() else []
        if len(current) != 1 or current[0] not in codes:
            continue
        for count in (1, 2):
            adjective, _, unit = get_currency_name(current[0], count=count, locale=english).lower().rpartition(" ")
            if adjective:
                forms[f"{country.lower()} {unit}"] = current[0]
    return forms
