"""Title, byline recall, published date and outlet of `clean_document(raw).metadata` on the shared
pages-dev set, in a TUNE and a CHECK fold grouped by site, on our own pages (tests/data/metadata)
and on the blind pages' tune and check folds (tests/data/blind), scored by the shared scorer
(../shared/benchmarks/pages-dev/score_metadata.py).

The folds: docs are grouped by the registrable domain of their gold `url` (a doc without one is
its own group), the groups shuffled with a fixed seed, and groups go to CHECK until it holds a
third of the docs. Rules are written looking at TUNE pages only; CHECK is only scored.

Usage: python -m benchmarks.score_metadata [--out DIR] [--details FOLD]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import tempfile
from pathlib import Path
from types import ModuleType
from urllib.parse import urlsplit

from pipeline.cleaning.cleaner import clean_document

ROOT = Path(__file__).resolve().parent.parent
PAGES_DEV = ROOT.parent / "shared" / "benchmarks" / "pages-dev"
OWN = ROOT / "tests" / "data" / "metadata"
SEED = 20
CHECK_SHARE = 1 / 3
BLIND = ROOT / "tests" / "data" / "blind"
NAMES = {"TUNE": "pages-dev TUNE", "CHECK": "pages-dev CHECK", "OWN": "tests/data/metadata", "BLIND": "blind tune",
         "BLIND-CHECK": "blind check (CHECK)"}


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("metadata_score", PAGES_DEV / "score_metadata.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def site(url: str | None, doc: str) -> str:
    """The registrable domain of a url ("news.example.co.uk" -> "example.co.uk"), else the doc itself."""
    if not url:
        return doc
    labels = (urlsplit(url).hostname or doc).lower().split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in {"co", "com", "org", "net", "ac", "gov"} else 2
    return ".".join(labels[-keep:])


def folds(gold: dict[str, dict]) -> dict[str, list[str]]:
    """{"TUNE": docs, "CHECK": docs}: whole sites to CHECK, in a seeded order, until it holds a third."""
    groups: dict[str, list[str]] = {}
    for doc, g in sorted(gold.items()):
        groups.setdefault(site(g.get("url"), doc), []).append(doc)
    order = sorted(groups)
    random.Random(SEED).shuffle(order)
    check: list[str] = []
    for name in order:
        if len(check) + len(groups[name]) <= round(CHECK_SHARE * len(gold)):
            check += groups[name]
    return {"TUNE": sorted(set(gold) - set(check)), "CHECK": sorted(check)}


def predict(docs: Path, names: list[str]) -> list[dict]:
    """One prediction row per doc, in the scorer's format."""
    rows = []
    for name in names:
        meta = clean_document((docs / name).read_text(encoding="utf-8")).metadata
        date = meta.published_date.isoformat() if meta.published_date else None
        rows.append({"doc": name, "title": meta.title, "byline": meta.byline, "published_date": date, "outlet": meta.outlet})
    return rows


def evaluate(docs: Path, gold_path: Path, only: list[str] | None = None) -> tuple[dict, dict, list[dict]]:
    """The scorer's result, its per-doc verdicts and our predictions for the docs of `gold_path`
    (or `only` those)."""
    score = scorer()
    gold = {d: g for d, g in score.load_gold(str(gold_path)).items() if only is None or d in only}
    rows = predict(docs, sorted(gold))
    res, per_doc = score.score(gold, {r["doc"]: r for r in rows})  # by name: the scorer's file reader knows only NNN.txt
    return res, per_doc, rows


def sets() -> list[tuple[str, Path, Path, list[str] | None]]:
    """(label, docs, gold, only these docs) of every set scored: the two folds of pages-dev, our own pages, the blind pages' two folds."""
    split = folds(scorer().load_gold(str(PAGES_DEV / "gold.jsonl")))
    found = [(fold, PAGES_DEV / "docs", PAGES_DEV / "gold.jsonl", docs) for fold, docs in split.items()]
    blind = [("BLIND", BLIND / "docs", BLIND / "metadata_tune.jsonl", None), ("BLIND-CHECK", BLIND / "docs", BLIND / "metadata_check.jsonl", None)]
    return [*found, ("OWN", OWN / "docs", OWN / "gold.jsonl", None), *blind]


def line(label: str, res: dict) -> str:
    f = lambda x: "  n/a" if x is None else f"{x:.3f}"  # noqa: E731
    return (f"{label:<22} docs {res['docs']:>3}  title {f(res['title_accuracy'])}  byline recall {f(res['byline_recall'])}"
            f" (precision {f(res['byline_precision'])})  date {f(res['date_accuracy'])}  site {f(res['site_accuracy'])}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, help="folder for the predictions (default: a temporary one)")
    ap.add_argument("--details", choices=["TUNE", "OWN", "BLIND"], help="print each doc's gold, prediction and verdicts")
    a = ap.parse_args()
    out = a.out or Path(tempfile.mkdtemp(prefix="score_metadata_"))
    out.mkdir(parents=True, exist_ok=True)
    for label, docs, gold, only in sets():
        res, per_doc, rows = evaluate(docs, gold, only)
        (out / f"{label}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        if a.details == label:
            for doc, x in per_doc.items():
                print(doc, json.dumps(x, ensure_ascii=False))
        print(line(NAMES[label], res))
    print(f"predictions in {out}")


if __name__ == "__main__":
    main()
