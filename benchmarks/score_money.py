"""Precision, recall and F1 of `extract_money` on (currency, amount) pairs, overall and per tag.

Reads `../shared/benchmarks/money-dev/cases.jsonl`, `tests/data/money_cases.jsonl` (our own
news-style cases, looked at while writing rules) and `tests/data/money_cases_check.jsonl` (a third
of the tagged cases of issue 23, drawn per tag at random with seed 23 before the rules were
written, and kept out of sight while writing them: the honest estimate of how the rules
generalise). A prediction matches an expected figure when the currencies are equal and the values
agree within 0.5%. Usage: python -m benchmarks.score_money [--show-errors]
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from pipeline.money.extract import extract_money

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "shared money-dev": ROOT.parent / "shared" / "benchmarks" / "money-dev" / "cases.jsonl",
    "tests/data": ROOT / "tests" / "data" / "money_cases.jsonl",
    "tests/data check": ROOT / "tests" / "data" / "money_cases_check.jsonl",
}
UNTAGGED = "(untagged)"


@dataclass
class Tally:
    hits: int = 0
    predicted: int = 0
    expected: int = 0
    cases: int = 0

    def add(self, hits: int, predicted: int, expected: int) -> None:
        self.hits, self.predicted, self.expected, self.cases = (
            self.hits + hits, self.predicted + predicted, self.expected + expected, self.cases + 1)

    def scores(self) -> tuple[float, float, float]:
        p = self.hits / self.predicted if self.predicted else 1.0
        r = self.hits / self.expected if self.expected else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def context_of(case: dict) -> dict:
    """The case's context for extract_money, with ISO dates parsed."""
    context = dict(case.get("context", {}))
    if "published_date" in context:
        context["published_date"] = dt.date.fromisoformat(context["published_date"])
    return context


def match(predicted: list[dict], expected: list[dict]) -> tuple[int, list[dict], list[dict]]:
    """(true positives, unmatched predictions, unmatched expectations)."""
    left = list(expected)
    wrong = []
    for p in predicted:
        hit = next((e for e in left if e["currency"] == p["currency"]
                    and abs(e["value"] - p["amount"]) <= 0.005 * max(abs(e["value"]), 1e-9)), None)
        if hit:
            left.remove(hit)
        else:
            wrong.append(p)
    return len(predicted) - len(wrong), wrong, left


def tallies(cases: list[dict], show: bool) -> tuple[Tally, dict[str, Tally]]:
    """The overall tally and one per tag (a case counts under each of its tags)."""
    total, by_tag = Tally(), defaultdict(Tally)
    for case in cases:
        predicted = extract_money(case["text"], **context_of(case))
        hits, wrong, missed = match(predicted, case["expected"])
        for tally in [total] + [by_tag[tag] for tag in case.get("tags") or [UNTAGGED]]:
            tally.add(hits, len(predicted), len(case["expected"]))
        if show and (wrong or missed):
            print(f"  {case['id']}: {case['text'][:100]!r}")
            for p in wrong:
                print(f"      extra  {p['text']!r} {p['amount']} {p['currency']} ({p['currency_basis']})")
            for e in missed:
                print(f"      missed {e['surface']!r} {e['value']} {e['currency']}")
    return total, dict(by_tag)


def score(cases: list[dict], show: bool) -> tuple[float, float, float]:
    return tallies(cases, show)[0].scores()


def _line(name: str, tally: Tally) -> str:
    p, r, f1 = tally.scores()
    return f"{name:<22} {tally.cases:>4} cases  precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}"


def main() -> None:
    show = "--show-errors" in sys.argv
    pooled: list[dict] = []
    tables = []
    for name, path in SETS.items():
        if not path.exists():
            print(f"{name}: {path} not found")
            continue
        cases = load(path)
        pooled += cases
        total, by_tag = tallies(cases, show)
        print(_line(name, total))
        tables.append((name, by_tag))
    print(_line("all", tallies(pooled, False)[0]))
    for name, by_tag in tables:
        print(f"\nper tag, {name}")
        for tag in sorted(by_tag):
            print("  " + _line(tag, by_tag[tag]))


if __name__ == "__main__":
    main()
