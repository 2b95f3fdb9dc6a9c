import datetime as dt

import pytest

from pipeline import fx


def test_fx_weekend_uses_the_business_day_before():
    amount, day = fx.to_usd(100.0, "EUR", dt.date(2025, 2, 8))  # a Saturday
    assert day == dt.date(2025, 2, 7)
    assert 95 < amount < 115


@pytest.mark.parametrize("currency", ["USD", "KRW", "SGD", "JPY", "GBP"])
def test_fx_has_rates_for_news_currencies(currency):
    assert fx.to_usd(1.0, currency, dt.date(2025, 2, 4)) is not None


@pytest.mark.parametrize("currency", ["TWD", "XYZ", "AED"])
def test_fx_returns_none_without_an_ecb_rate(currency):
    assert fx.to_usd(1.0, currency, dt.date(2025, 2, 4)) is None


def test_fx_usd_is_identity():
    assert fx.to_usd(42.0, "USD", dt.date(2024, 6, 3))[0] == pytest.approx(42.0)
