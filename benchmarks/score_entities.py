"""Precision and recall of canonical PERSON/ORG entities in a built warehouse against the
hand-checked gold list of the seeds (tests/data/seed_entities.json).

A predicted entity is right when its label equals a gold entity's and its name or one of its
aliases is that gold entity's name or alias (compared after folding case, spaces and hyphens);
a second predicted entity for the same gold entity counts as wrong (a missed merge).
Usage: python -m benchmarks.score_entities [warehouse/news.duckdb] [--show-errors]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb

from pipeline.entities import normalise

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "seed_entities.json"
LABELS = ("PERSON", "ORG")


def load_gold(path: Path = GOLD) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["entities"]


def score(predicted: list[tuple[str, str, list[str]]], gold: list[dict]) -> dict:
    """predicted: (name, label, aliases) of PERSON/ORG entities."""
    index = {}
    for i, g in enumerate(gold):
        for name in [g["name"], *g["aliases"]]:
            index.setdefault((normalise(name), g["label"]), i)
    hits, wrong = set(), []
    for name, label, aliases in predicted:
        found = {index[(normalise(n), label)] for n in [name, *aliases] if (normalise(n), label) in index}
        target = min(found) if found else None
        if target is None or target in hits:
            wrong.append((name, label))
        else:
            hits.add(target)
    precision = (len(predicted) - len(wrong)) / len(predicted) if predicted else 1.0
    recall = len(hits) / len(gold) if gold else 1.0
    missed = [(g["name"], g["label"]) for i, g in enumerate(gold) if i not in hits]
    return {"precision": precision, "recall": recall, "wrong": wrong, "missed": missed}


def predicted_entities(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, list[str]]]:
    return con.execute("select name, label, aliases from entities where label in ('PERSON', 'ORG')").fetchall()


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    con = duckdb.connect(args[0] if args else str(ROOT / "warehouse" / "news.duckdb"), read_only=True)
    result = score(predicted_entities(con), load_gold())
    print(f"canonical PERSON/ORG entities: precision {result['precision']:.3f}  recall {result['recall']:.3f}")
    if "--show-errors" in sys.argv:
        for name, label in result["wrong"]:
            print(f"  wrong  {label:<6} {name}")
        for name, label in result["missed"]:
            print(f"  missed {label:<6} {name}")


if __name__ == "__main__":
    main()
