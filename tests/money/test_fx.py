import datetime as dt

import polars as pl
import pytest

from pipeline.money import fx
from pipeline.money.table import with_fx


def test_fx_weekend_uses_the_business_day_before():
    rate, day = fx.rate("EUR", "USD", dt.date(2025, 2, 8))  # a Saturday
    assert day == dt.date(2025, 2, 7)
    assert 0.95 < rate < 1.15


@pytest.mark.parametrize("currency", ["USD", "KRW", "SGD", "JPY", "GBP"])
def test_fx_has_rates_for_news_currencies(currency):
    assert fx.rate(currency, "USD", dt.date(2025, 2, 4)) is not None


@pytest.mark.parametrize("currency", ["TWD", "XYZ", "AED"])
def test_fx_returns_none_without_an_ecb_rate(currency):
    assert fx.rate(currency, "USD", dt.date(2025, 2, 4)) is None


def test_fx_usd_is_identity():
    assert fx.rate("USD", "USD", dt.date(2024, 6, 3))[0] == pytest.approx(1.0)


def test_fx_each_figure_converts_at_its_page_date_else_its_story_date_else_the_latest_rates():




    documents = pl.DataFrame({
        "doc_id": ["dated", "same-story", "alone"],
        "published_date": [dt.date(2025, 2, 8), None, None],
        "story_id": ["s1", "s1", "s2"],
    })
    money = pl.DataFrame({"doc_id": ["dated", "same-story", "alone", "alone"], "amount": [100.0, 100.0, 100.0, 5.0],
                          "currency": ["EUR", "EUR", "EUR", "XYZ"]})
    out = with_fx(money, documents)
    assert out["fx_basis"].to_list() == ["published_date", "story_date", "latest_available", None]
    assert out["fx_date"].to_list()[:2] == [dt.date(2025, 2, 7)] * 2  # a Saturday: the Friday's rate
    assert out["fx_date"][2] == fx.latest_rate_date()
    assert out["amount_usd"][0] == pytest.approx(100.0 * fx.rate("EUR", "USD", dt.date(2025, 2, 8))[0])
    assert out["amount_usd"][1] == out["amount_usd"][0] and out["amount_usd"][3] is None


@pytest.mark.parametrize(
    ("usd", "basis", "flags", "links"),
    [
        ([100.0, 104.0], ["published_date"] * 2, [[], []], [None, "a"]),
        ([100.0, 160.0], ["published_date"] * 2, [["restatement_disagrees"], ["restatement_disagrees"]], [None, None]),
        ([100.0, 108.0], ["latest_available"] * 2, [["undated"], ["undated"]], [None, "a"]),
        ([100.0, None], ["published_date", None], [[], ["no_usd_rate"]], [None, "a"]),
    ],
)
def test_fx_review_flags_facts_and_keeps_only_agreeing_links(usd, basis, flags, links):
    from pipeline.money.table import reviewed

    money = pl.DataFrame({"money_id": ["a", "b"], "restates": [None, "a"], "amount_usd": usd, "fx_basis": basis})
    out = reviewed(money)
    assert out["flags"].to_list() == flags
    assert out["equivalent_of"].to_list() == links
