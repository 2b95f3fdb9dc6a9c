"""Monetary figures: extraction, numbers, currencies, exchange rates, the money table and claims.

`extract_money` is the public entry point (outside scorers import it from here).
"""

from pipeline.money.extract import extract_money

__all__ = ["extract_money"]
