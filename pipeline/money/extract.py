"""Monetary figures in text: spans, values in whole units, ISO 4217 currency, qualifier, ranges,
restatements in another currency, and the reading of a bare dollar sign.

`extract_money(text, **context)` is the entry point. Context keys (all optional):
`published_date` (date used to test restatement ratios), `dateline` (place that opens the story),
`outlet` (the publication's name), `url` (the page's address), `dollar_currency` (force the
reading of a bare `$`). How a bare `$` is read is in pipeline/dollars.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from pipeline.money import traps
from pipeline.money.currencies import CurrencyVocabulary, vocabulary
from pipeline.money.dollars import dollar_reading
from pipeline.money.numbers import (
    DIGITS,
    SCALE,
    WORD_NUMBER,
    parse_digits,
    parse_words,
    scale_of,
)

QUALIFIERS = {
    "up_to": ["up to", "no more than", "as much as", "as high as", "a maximum of", "a max of", "not more than"],
    "more_than": ["more than", "over", "above", "exceeding", "in excess of", "upwards of", "north of", "greater than", "higher than"],
    "less_than": ["less than", "under", "below", "lower than", "fewer than", "not even", "short of"],
    "at_least": ["at least", "no less than", "a minimum of", "not less than"],
    "about": ["about", "around", "approximately", "approx.", "roughly", "some", "nearly", "almost", "close to",
              "an estimated", "estimated", "circa", "an approximate", "or about", "or around", "or roughly"],
}
_QUALIFIER_OF = {phrase: q for q, phrases in QUALIFIERS.items() for phrase in phrases}
_QUALIFIER_BEFORE = re.compile(
    r"(?i)(?<![\w])(" + "|".join(re.escape(p) for p in sorted(_QUALIFIER_OF, key=len, reverse=True)) + r"|between)\s*$"
)
_RESTATEMENT_GAP = re.compile(r"^\s*(?:[(\[]|[,;]?\s*or|,?\s*(?:equivalent to|equal to|worth))\s*(?:about|around|roughly|approximately|some|nearly|almost|~)?\s*$", re.I)


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    amount: float
    amount_high: float | None
    currency: str | None  # None: a bare dollar, resolved per document
    explicit: bool
    qualifier: str | None = None


def extract_money(text: str, **context) -> list[dict]:
    """Every monetary figure in `text`, in order, as dicts with at least `start`, `end`, `text`,
    `amount`, `amount_high`, `currency`, `qualifier`; also `currency_basis` and `equivalent_of`
    (index in the returned list of the figure this one restates, or None)."""
    figures = _non_overlapping([_with_fraction(text, f) for f in _non_overlapping(_candidates(text))])
    figures = [_with_qualifier(text, f) for f in figures]
    links = _restatements(text, figures)
    dollar, basis = dollar_reading(text, figures, links, context)
    rows = []
    for i, f in enumerate(figures):
        currency = f.currency or dollar
        rows.append({
            "start": f.start,
            "end": f.end,
            "text": text[f.start:f.end],
            "amount": _tidy(f.amount),
            "amount_high": _tidy(f.amount_high),
            "currency": currency,
            "qualifier": f.qualifier,
            "currency_basis": "explicit" if f.currency else basis,
            "equivalent_of": links.get(i),
        })
    return rows


def _tidy(amount: float | None) -> float | None:
    """The amount without binary floating-point residue: 4.1 * 1e9 is 4099999999.9999995 in floats;
    written figures never carry more than 12 significant digits."""
    return None if amount is None else float(f"{amount:.12g}")


# --------------------------------------------------------------------------- patterns

def _alternation(options: list[str]) -> str:
    return "|".join(sorted(options, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    v = vocabulary()
    codes = _alternation(sorted(v.codes - v.not_alone))
    amount = r"(?P<num{n}>" + DIGITS + "|" + WORD_NUMBER + r")(?:[\s-]?(?P<scale{n}>" + SCALE + r"(?:\s+" + SCALE + r")?)(?![a-z]))?"
    joiner = r"\s?(?P<joiner>-|–|—|to|and)\s?"
    prefixed = re.compile(
        r"(?P<prefix>" + _prefix(v, codes) + r")\s?" + amount.replace("{n}", "1")
        + r"(?:" + joiner + r"(?P<prefix2>" + _prefix(v, codes) + r")?\s?" + amount.replace("{n}", "2") + r")?"
        + r"(?:\s+(?i:dollars?|" + _alternation([re.escape(w) for w in v.words if " " not in w]) + r")(?![\w-]))?"
    )
    # A word after a hyphen ("3.5-billion-yuan", "a 50-cent coin"); a code after the amount may
    # carry the scale after it ("75 USD million").
    suffixed = re.compile(
        r"(?<![\w.,$€£¥₩₹])(?<!\w-)" + amount.replace("{n}", "1")
        + r"(?:" + joiner + amount.replace("{n}", "2") + r")?(?:\s|-(?=[a-z]))?" + _suffix(v, codes)
        + r"(?:\s(?P<scale_after>" + SCALE + r")(?![a-z]))?"
    )
    return prefixed, suffixed


def _prefix(v: CurrencyVocabulary, codes: str) -> str:
    # "US $" and "HK $" occur with a space; a one-letter prefix only in tokenised text ("c $ 100"),
    # and never one that is a word of its own ("a $5 fee", "I $").
    written = [s for s in v.symbols if s not in v.territory_signs]
    symbols = [re.escape(s).replace(r"\$", r"\s?\$" if len(s) > 2 and s.endswith("$") else r"\$") for s in written]
    spaced_letters = [s[0] for s in written if len(s) == 2 and s[0].isalpha() and s[1] == "$" and s[0] not in "ai"]
    return (
        r"(?:(?<![\w$])(?i:" + _alternation(symbols) + r")"
        r"|(?<!\S)(?i:[" + "".join(spaced_letters) + r"])\s\$(?=\s?\d)"
        r"|(?<![\w$])(?:" + _alternation([re.escape(s.upper()) for s in v.territory_signs]) + r")"
        r"|(?<![\w$])(?=[A-Za-z]{3}\$)(?i:" + codes + r")\$"
        r"|(?<![\w$])(?=[A-Z]{3}\s?\d)(?:" + codes + r")"
        r"|(?<![\w$])(?=[A-Za-z]{3}\s?\d)(?i:usd|eur|gbp|jpy|cny|cad|aud|nzd|chf|inr|krw|sgd|hkd)(?=\s?\d)"
        r"|(?<![\w$])(?:" + "|".join(v.letter_symbols) + r")(?=\d)"
        r"|\$)"
    )


def _suffix(v: CurrencyVocabulary, codes: str) -> str:
    words = [re.escape(w).replace(r"\ ", r"\s+") for w in v.words] + [r"u\.s\.\s+dollars?", r"dollars?", r"bucks?"]
    dollar_signs = [re.escape(s) for s in v.symbols if s.endswith("$") and len(s) > 1 and s not in v.territory_signs]
    return (
        r"(?P<suffix>(?P<subunit>" + _subunit_words(v) + r")(?!\w|\.[a-z])"
        r"|(?i:" + _alternation(words) + r")(?![\w-])"
        r"|(?P<code>" + codes + r")(?![\w])"
        r"|(?i:usd|eur|gbp|jpy|cny|cad|aud|nzd|chf|inr|krw|sgd|hkd|rs|rm)(?![\w])"
        r"|(?i:" + _alternation(dollar_signs) + r")(?![\w$])"
        r"|[€$£¥₩₹])"
    )


def _subunit_words(v: CurrencyVocabulary) -> str:
    """Subunit words in any case; one-letter ones ("c", "p") in lower case only ("35C" is a temperature)."""
    words = [re.escape(w).replace(r"\ ", r"\s+") for w in v.subunits if len(w) > 1 or not w.isalpha()]
    return r"(?i:" + _alternation(words) + r")|" + "|".join(w for w in v.subunits if len(w) == 1 and w.isalpha())


@lru_cache(maxsize=1)
def _fraction_pattern() -> re.Pattern:
    """What may follow a whole figure: its subunits ("and 43 sen", "50", "and fourteen")."""
    return re.compile(
        r"^(?:\s+and\s+|\s+)(?P<num>\d{1,2}|" + WORD_NUMBER + r")(?:\s?(?P<sub>" + _subunit_words(vocabulary()) + r")(?![\w]))?"
        r"(?P<end>(?=\s*(?:$|[.,;:!?)])))?",
    )


# --------------------------------------------------------------------------- candidates

def _candidates(text: str) -> list[Figure]:
    prefixed, suffixed = _patterns()
    return list(_scan(prefixed, text, _from_prefixed)) + list(_scan(suffixed, text, _from_suffixed)) + list(_named_before(text))


_AMOUNT_AFTER_WORD = re.compile(r"(?<=[^\W\d_]\s)(?P<num>" + DIGITS + r")(?:[\s-]?(?P<scale>" + SCALE + r"(?:\s+" + SCALE + r")?)(?![a-z]))?(?![\w$€£¥₩₹])")
_WORDS_BEFORE = re.compile(r"(?<![\w.'’])(?:[^\W\d_][\w.'’]*\s){1,3}$")
# A name that follows an amount is that amount's unit ("5 euros 99 cents"), not a prefix.
_AFTER_AMOUNT = re.compile(r"(?:\d|\b(?:" + SCALE + r"|" + WORD_NUMBER + r"))[\s-]?$")


def _named_before(text: str) -> Iterator[Figure]:
    """The currency named before the number: "ringgit 42", "Malaysian ringgits 42", "yen 10 billion"."""
    for m in _AMOUNT_AFTER_WORD.finditer(text):
        named = _name_before(text, m.start())
        if not named or not (m.group("scale") or not re.fullmatch(r"(?:19|20)\d\d", m.group("num"))):
            continue  # "Euro 2024"
        start, currency = named
        amount = parse_digits(m.group("num")) * scale_of(m.group("scale"))
        if amount > 0 and not _AFTER_AMOUNT.search(text, max(0, start - 20), start):
            yield Figure(start, m.end(), amount, None, currency, True)


def _name_before(text: str, at: int) -> tuple[int, str] | None:
    """(start, code) of the longest currency name of up to three words ending just before `at`."""
    v = vocabulary()
    window = _WORDS_BEFORE.search(text, max(0, at - 40), at)
    if not window:
        return None
    words = list(re.finditer(r"\S+", window.group()))
    for k in range(len(words), 0, -1):
        name = " ".join(w.group() for w in words[-k:]).lower().replace("u.s.", "us")
        if name in v.words:
            return None if name in v.not_before else (window.start() + words[-k].start(), v.words[name])
    return None


def _scan(pattern: re.Pattern, text: str, build) -> Iterator[Figure]:
    """Like finditer, but a rejected or shortened match does not swallow the text after it
    ("has $300 million", "USD 3.5 million and EUR 2 million")."""
    pos = 0
    while m := pattern.search(text, pos):
        figure = build(text, m)
        if figure:
            yield figure
        pos = max(figure.end if figure else m.start() + 1, m.start() + 1)


def _value(m: re.Match, n: int) -> float | None:
    raw = m.group(f"num{n}")
    if raw is None:
        return None
    base = parse_digits(raw) if raw[0].isdigit() or raw[0] == "." else parse_words(raw)
    if base is None:
        return None
    return base * scale_of(m.group(f"scale{n}"))


def _range(m: re.Match, text: str) -> tuple[float, float | None, int] | None:
    """(low, high, end) of the amount part; a range shares the scale of its high end ("$2-3 billion")."""
    low = _value(m, 1)
    if low is None:
        return None
    if m.group("num2") is None:
        return low, None, m.end()
    first_end = m.end("scale1") if m.group("scale1") else m.end("num1")
    joiner = m.group("joiner")
    second = m.groupdict().get("prefix2")
    other_currency = second and not _same_currency(_currency_of_prefix(m.group("prefix")), _currency_of_prefix(second))
    if other_currency or (joiner == "and" and not re.search(r"(?i)\bbetween\s*$", text[: m.start()])):
        return low, None, first_end
    high = _value(m, 2)
    if high is None:
        return low, None, first_end
    if m.group("scale1") is None and m.group("scale2"):
        low *= scale_of(m.group("scale2"))
    return (low, high, m.end()) if high >= low else (low, None, first_end)


def _same_currency(first: str | None, second: str | None) -> bool:
    """Whether two prefixes can bound one range; a bare "$" repeats any dollar ("US$5-$6 million")."""
    if second is None:
        return first is None or first in vocabulary().dollars
    return first == second


def _from_prefixed(text: str, m: re.Match) -> Figure | None:
    currency = _currency_of_prefix(m.group("prefix"))
    if currency == "" or (m.group("prefix") in vocabulary().letter_symbols and not _looks_like_money(m)) or _word_after_sign(m):
        return None
    parts = _range(m, text)
    if parts is None or parts[0] <= 0:
        return None
    low, high, end = parts
    return Figure(m.start(), end, low, high, currency, currency is not None)


def _looks_like_money(m: re.Match) -> bool:
    """Whether the amount after a one-letter sign is money: "N200m", "R2,500", not "N95" or "R2"."""
    return bool(m.group("scale1") or "," in m.group("num1"))


def _word_after_sign(m: re.Match) -> bool:
    """A spelled amount after a sign that is no figure: a lone "a" ("$ a", "Rs a") or one glued
    to a sign of letters ("RSA" is not "Rs" + "a")."""
    num, prefix = m.group("num1"), m.group("prefix")
    if num[0].isdigit() or num[0] == ".":
        return False
    lone = num.lower() in ("a", "an") and not m.group("scale1")
    return lone or (prefix[-1].isalpha() and m.start("num1") == m.end("prefix"))


def _currency_of_prefix(prefix: str) -> str | None:
    """ISO code of a prefix, None for a bare dollar, "" for something that is not a currency."""
    v = vocabulary()
    key = re.sub(r"\s+", "", prefix).lower()
    if key == "$":
        return None
    if key in v.symbols:
        return v.symbols[key]
    if prefix in v.letter_symbols:
        return v.letter_symbols[prefix]
    code = key.rstrip("$").upper()
    if code in v.codes and (code not in v.not_alone or key.endswith("$")):
        return code
    return ""


def _from_suffixed(text: str, m: re.Match) -> Figure | None:
    if m.group("subunit"):
        return _subunit_figure(text, m)
    key = re.sub(r"\s+", " ", m.group("suffix")).lower()
    if not m.group("num1")[0].isdigit() and not key[0].isalpha():
        return None  # "a $10 million deal": a sign after a word number belongs to the next figure
    if not (m.group("scale1") or m.group("num2")) and traps.is_price_year(text, m.start(), m.group("num1")):
        return None
    currency = _currency_of_suffix(text, m, key)
    parts = _range(m, text)
    if currency == "" or parts is None or parts[0] <= 0:
        return None
    low, high, _ = parts
    end = m.end()
    if m.group("scale_after"):
        if m.group("code") and not m.group("scale1") and not m.group("scale2"):
            scale = scale_of(m.group("scale_after"))
            low, high = low * scale, high * scale if high is not None else None
        else:
            end = m.end("suffix")
    return Figure(m.start(), end, low, high, currency, currency is not None)


def _currency_of_suffix(text: str, m: re.Match, key: str) -> str | None:
    """ISO code of a suffix, None for a bare dollar, "" for something that is not money here."""
    v = vocabulary()
    word = key.replace("u.s.", "us")
    if key == "$" or key in ("buck", "bucks") or "dollar" in key and word not in v.words:
        return None
    if word in v.words:
        return v.words[word] if _plausible_word_figure(text, m, word) else ""
    if key in v.symbols:
        return v.symbols[key]
    code = key.upper()
    return code if code in v.codes and code not in v.not_alone else ""


def _subunit_figure(text: str, m: re.Match) -> Figure | None:
    """"50p", "10¢", "ten pennies", "30 euro cents": whole units, in the subunit's currency."""
    key = re.sub(r"\s+", " ", m.group("subunit")).lower()
    subunit = vocabulary().subunits[key]
    is_digit = m.group("num1")[0].isdigit()
    if m.group("scale1") or m.group("num2") or subunit.currency is None or (len(key) == 1 and key.isalpha() and not is_digit):
        return None
    if key == "p" and traps.is_not_pence(text, m.start(), m.group("num1")):
        return None
    value = parse_digits(m.group("num1")) if is_digit else parse_words(m.group("num1"))
    if not value:
        return None
    currency = None if subunit.currency == "$" else subunit.currency
    return Figure(m.start(), m.end("suffix"), value * subunit.part, None, currency, currency is not None)


def _plausible_word_figure(text: str, m: re.Match, word: str) -> bool:
    """Reject words that are money only sometimes: "300 pounds of cargo", "a 9-pound baby", "in 2020 won"."""
    if traps.is_weight(text, m.start(), m.end("suffix"), word, bool(m.group("scale1") or m.group("scale2"))):
        return False
    if word in vocabulary().ambiguous:
        num = m.group("num1")
        if re.fullmatch(r"(?:19|20)\d\d", num) and not m.group("scale1"):
            return False
    return True


def _non_overlapping(found: list[Figure]) -> list[Figure]:
    """Longest first among overlapping candidates, then in text order."""
    chosen: list[Figure] = []
    for f in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        if all(f.end <= c.start or f.start >= c.end for c in chosen):
            chosen.append(f)
    return sorted(chosen, key=lambda f: f.start)


def _with_fraction(text: str, f: Figure) -> Figure:
    """"15 dollars 50", "thirteen dollars and forty-five cents", "20 ringgit and 43 sen", "US$3 and fourteen"."""
    if f.amount_high is not None or f.amount != int(f.amount) or f.amount >= 1e6:
        return f
    m = _fraction_pattern().match(text[f.end:])
    if not m or (m.group("sub") is None and m.group("end") is None):
        return f
    num = m.group("num")
    count = parse_digits(num) if num[0].isdigit() else parse_words(num)
    subunit = vocabulary().subunits.get(re.sub(r"\s+", " ", m.group("sub") or "cents").lower())
    if count is None or not 0 < count < 1 / subunit.part or subunit.currency not in (None, "$", f.currency):
        return f
    end = f.end + (m.end("sub") if m.group("sub") else m.end("num"))
    return replace(f, end=end, amount=f.amount + count * subunit.part)


def _with_qualifier(text: str, f: Figure) -> Figure:
    m = _QUALIFIER_BEFORE.search(text[max(0, f.start - 40): f.start])
    if not m or m.group(1).lower() == "between":
        return f
    return replace(f, qualifier=_QUALIFIER_OF[m.group(1).lower()])


# --------------------------------------------------------------------------- restatements and $

def _restatements(text: str, figures: list[Figure]) -> dict[int, int]:
    """Index of a figure -> index of the figure it restates, e.g. "US$500 billion ($684 billion)"."""
    links = {}
    for i in range(1, len(figures)):
        a, b = figures[i - 1], figures[i]
        # Two bare dollars are one currency: "$12 million, $6 million or $3 million" is a list.
        if _RESTATEMENT_GAP.match(text[a.end: b.start]) and a.currency != b.currency:
            links[i] = i - 1
            if b.qualifier is None and a.qualifier is not None:
                figures[i] = replace(b, qualifier=a.qualifier)
    return links
