"""Currency vocabulary: ISO 4217 codes, names and symbols from CLDR (via babel) plus news usage.

The news usage that CLDR lacks (short words such as "won", prefixes such as "S$") is kept in
`data/currencies.toml`.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from babel import Locale
from babel.numbers import get_currency_name, get_territory_currencies, list_currencies


@dataclass(frozen=True)
class Vocabulary:
    codes: frozenset[str]
    """Every ISO 4217 code CLDR knows."""
    words: dict[str, str]
    """Lower-case currency names and words -> code ("south korean won", "euros", "won")."""
    symbols: dict[str, str]
    """Lower-case symbols and prefixes -> code ("€", "s$", "hk$", "rs")."""
    dollars: frozenset[str]
    """Codes of currencies written with a dollar sign."""
    not_alone: frozenset[str]
    """Codes that are also English words in capitals."""


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    data = tomllib.loads(resources.files("pipeline.data").joinpath("currencies.toml").read_text("utf-8"))
    codes = frozenset(c for c in list_currencies() if len(c) == 3 and c.isalpha())
    english = Locale("en")
    words: dict[str, str] = {}
    for code in sorted(codes):
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale=english).lower()
            if name != code.lower():
                words.setdefault(name, code)
    for name, code in _country_forms(english, codes).items():
        words.setdefault(name, code)
    words.update(data["words"])
    symbols = {
        sym.lower(): code
        for code, sym in english.currency_symbols.items()
        if code in codes and code != "XXX" and sym != "$" and sym.upper() != code and not sym.isalpha()
    }
    symbols.update(data["symbols"])
    return Vocabulary(
        codes=codes,
        words=words,
        symbols=symbols,
        dollars=frozenset(data["dollars"]["codes"]),
        not_alone=frozenset(data["codes"]["not_alone"]),
    )


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
