"""Conversion to US dollars with the ECB reference rates shipped inside `currencyconverter`.

No rate is fetched at run time: the package's bundled history is the only source, so a build is
reproducible for a given package version.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from currency_converter import CurrencyConverter, RateNotFoundError

_MAX_LOOKBACK_DAYS = 10


@lru_cache(maxsize=1)
def converter() -> CurrencyConverter:
    return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)


def known_currencies() -> frozenset[str]:
    return frozenset(converter().currencies)


def latest_rate_date() -> dt.date:
    """The last business day in the shipped table that has a USD rate."""
    return converter().bounds["USD"].last_date


@lru_cache(maxsize=4096)
def rate(currency: str, to: str, on: dt.date) -> tuple[float, dt.date] | None:
    """(units of `to` per unit of `currency`, rate date): the rate of `on` or the nearest business
    day before it; None when the table has no such rate."""
    if currency not in known_currencies() or to not in known_currencies():
        return None
    for back in range(_MAX_LOOKBACK_DAYS + 1):
        day = on - dt.timedelta(days=back)
        try:
            return converter().convert(1.0, currency, to, date=day), day
        except RateNotFoundError:
            continue
    return None

