"""The currency of a bare "$" in one document, and the evidence for it (`currency_basis`).

Evidence, strongest first:
- `context`: the caller forces a reading (`dollar_currency`);
- `restatement_rate`: the exchange rate of a restatement ("£100 million ($127 million)") fits
  one of the dollars the other evidence allows (or, without any, one of all dollars);
- `document_names_currency`: a note on the page ("all figures in Canadian dollars"), else the one
  other dollar the document's figures name ("A$20 million ... $35 million");
- `dateline`: the place that opens the story, given (`dateline`) or at the head of the text
  ("TORONTO —");
- `place_names`: the places the text names, when one dollar country's outnumber, at least
  twice, the US's and every other's;
- `outlet`: the outlet (`outlet`): a documented table, a domain or a place in its name;
- `domain`: the web address the caller gives (`url`) or the page shows most ("www.x.com.au");
- `default_usd`: no evidence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from typing import Protocol
from urllib.parse import urlsplit

from pipeline.money import fx
from pipeline.money.currencies import vocabulary
from pipeline.nlp.places import (
    dollar_of,
    territories_named,
    territories_of_hosts,
    territory_of,
    territory_of_host,
)

RESTATEMENT_TOLERANCE = 0.05
_OPENING_PLACE = re.compile(
    r"^\W*(?P<place>[A-Z][A-Z.'’ -]{2,40}?)(?:,\s*(?P<region>[A-Z][A-Za-z.' ]{1,30}?))?\s*(?:\([^)]{0,40}\)\s*)?[-–—:]"
)
_NOTE = re.compile(
    r"(?i)\b(?:figures|amounts|prices|values|sums|numbers)\b[^.()\n]{0,30}?\bin\s+(?P<unit>(?:[a-z.]+\s+){0,2}dollars|[A-Z]{3}\b|[A-Z]{1,3}\$)"
)


class Amount(Protocol):
    currency: str | None  # None: a bare dollar
    amount: float


def dollar_reading(text: str, figures: list[Amount], links: dict[int, int], context: dict) -> tuple[str, str]:
    """(currency, evidence) for every bare dollar in one document."""
    if context.get("dollar_currency"):
        return context["dollar_currency"], "context"
    if not any(f.currency is None for f in figures):
        return "USD", "default_usd"
    dollars = vocabulary().dollars
    stated = _stated_dollar(text)
    named = {f.currency for f in figures if f.currency in dollars and f.currency != "USD"}
    evidence = _country_evidence(text, context)
    allowed = named | {"USD"} | {d for d, _ in evidence} | ({stated} if stated else set())
    # A restatement's rate can tell the US dollar from the ones the page names or its country uses.
    from_ratio = _dollar_from_restatement(figures, links, context.get("published_date"), allowed if len(allowed) > 1 else dollars)
    if from_ratio:
        return from_ratio, "restatement_rate"
    if stated:
        return stated, "document_names_currency"
    if len(named) == 1:
        return named.pop(), "document_names_currency"
    return evidence[0] if evidence else ("USD", "default_usd")


def _stated_dollar(text: str) -> str | None:
    """The dollar a note on the page says its figures are in ("All figures in Canadian dollars")."""
    v = vocabulary()
    for m in _NOTE.finditer(text):
        unit = re.sub(r"\s+", " ", m.group("unit")).lower().replace("u.s.", "us")
        code = v.words.get(unit) or v.symbols.get(unit) or (unit.upper() if unit.upper() in v.codes else None)
        if code in v.dollars:
            return code
    return None


def _country_evidence(text: str, context: dict) -> list[tuple[str, str]]:
    """(dollar, basis) from the page's country, strongest first: dateline, places, outlet, domain."""
    found = [
        (dollar_of(_dateline_territory(text, context.get("dateline"))), "dateline"),
        (_dollar_of_places(territories_named(text)), "place_names"),
        (dollar_of(_outlet_territory(context.get("outlet"))), "outlet"),
        (dollar_of(_domain_territory(text, context.get("url"))), "domain"),
    ]
    return [(dollar, basis) for dollar, basis in found if dollar]


def _dateline_territory(text: str, dateline: str | None) -> str | None:
    if dateline:
        return territory_of(dateline)
    m = _OPENING_PLACE.match(text)
    return territory_of(m.group("place")) or territory_of(m.group("region")) if m else None


def _dollar_of_places(named: Counter[str]) -> str | None:
    """The dollar of the country whose places the text names most, at least twice and more often
    than the US's and any other dollar country's; the US's places alone prove nothing, as every
    page names them."""
    by_dollar: Counter[str] = Counter()
    for territory, n in named.items():
        if dollar := dollar_of(territory):
            by_dollar[dollar] += n
    ranked = [(d, n) for d, n in by_dollar.most_common() if d != "USD"]
    if not ranked or ranked[0][1] < 2 or ranked[0][1] <= by_dollar["USD"]:
        return None
    return ranked[0][0] if len(ranked) == 1 or ranked[0][1] > ranked[1][1] else None


def _outlet_territory(outlet: str | None) -> str | None:
    """The territory of an outlet: the documented table, a domain or the places its name holds."""
    if not outlet:
        return None
    key = re.sub(r"^the\s+", "", re.sub(r"\s+", " ", outlet.strip().lower()))
    if key in vocabulary().outlets:
        return vocabulary().outlets[key]
    hosts = territories_of_hosts(outlet) or territories_named(outlet)
    return _most_common(hosts)


def _domain_territory(text: str, url: str | None) -> str | None:
    host = urlsplit(url).hostname if url and "//" in url else url
    if host:
        return territory_of_host(host.rpartition(".")[2])
    return _most_common(territories_of_hosts(text))


def _most_common(counts: Counter[str]) -> str | None:
    ranked = counts.most_common(2)
    return ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None


def _dollar_from_restatement(
    figures: list[Amount], links: dict[int, int], published: dt.date | None, candidates: Iterable[str]
) -> str | None:
    """The candidate dollar whose exchange rate explains a restatement pair with a bare dollar on
    one side; without a publication date, mid-year rates of recent years stand in."""
    dates = [published] if published else [dt.date(year, 6, 30) for year in range(fx.latest_rate_date().year - 8, fx.latest_rate_date().year)]
    best: tuple[float, str] | None = None
    for b, a in links.items():
        known, bare = (figures[a], figures[b]) if figures[b].currency is None else (figures[b], figures[a])
        if known.currency is None or bare.currency is not None:
            continue
        for code in sorted(set(candidates) - {known.currency}):
            for day in dates:
                found = fx.rate(known.currency, code, day)
                if not found:
                    continue
                error = abs(known.amount * found[0] - bare.amount) / bare.amount
                if error <= RESTATEMENT_TOLERANCE and (best is None or error < best[0]):
                    best = (error, code)
    return best[1] if best else None
