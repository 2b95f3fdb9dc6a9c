"""Precision, recall and F1 of `extract_money` on (currency, amount) pairs.

Reads `../shared/benchmarks/money-dev/cases.jsonl` and `tests/data/money_cases.jsonl` (our own
news-style cases). A prediction matches an expected figure when the currencies are equal and the
values agree within 0.5%. Usage: python -m benchmarks.score_money [--show-errors]
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from pipeline.money import extract_money

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "shared money-dev": ROOT.parent / "shared" / "benchmarks" / "money-dev" / "cases.jsonl",
    "tests/data": ROOT / "tests" / "data" / "money_cases.jsonl",
}


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


def score(cases: list[dict], show: bool) -> tuple[float, float, float]:
    tp = n_pred = n_exp = 0
    for case in cases:
        predicted = extract_money(case["text"], **context_of(case))
        hits, wrong, missed = match(predicted, case["expected"])
        tp, n_pred, n_exp = tp + hits, n_pred + len(predicted), n_exp + len(case["expected"])
        if show and (wrong or missed):
            print(f"  {case['id']}: {case['text'][:100]!r}")
            for p in wrong:
                print(f"      extra  {p['text']!r} {p['amount']} {p['currency']}")
            for e in missed:
                print(f"      missed {e['surface']!r} {e['value']} {e['currency']}")
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_exp if n_exp else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    show = "--show-errors" in sys.argv
    pooled: list[dict] = []
    for name, path in SETS.items():
        if not path.exists():
            print(f"{name}: {path} not found")
            continue
        cases = load(path)
        pooled += cases
        p, r, f1 = score(cases, show)
        print(f"{name:<18} {len(cases):>4} cases  precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}")
    p, r, f1 = score(pooled, False)
    print(f"{'all':<18} {len(pooled):>4} cases  precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}")


if __name__ == "__main__":
    main()
