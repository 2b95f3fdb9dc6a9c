"""Keep-recall and drop-rate of `clean_text` on the shared cleaning dev set (../shared), on
our own pages (tests/data/cleaning) and the blind pages' tune fold (tests/data/blind), the folds
rules are tuned on, and on the shared pages dev set and the blind pages' check fold, the check
folds: rules are never written from their pages, only their pooled figures are printed.
All are scored by the shared scorer's own functions.

Usage: python -m benchmarks.score_cleaning
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from pipeline.cleaning.cleaner import clean_text

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "benchmarks" / "cleaning-dev"
PAGES = ROOT.parent / "shared" / "benchmarks" / "pages-dev"
BLIND = ROOT / "tests" / "data" / "blind"
SETS = {
    "shared cleaning-dev": (SHARED / "docs", SHARED / "gold.jsonl"),
    "tests/data/cleaning": (ROOT / "tests" / "data" / "cleaning" / "docs", ROOT / "tests" / "data" / "cleaning" / "gold.jsonl"),
    "tests/data/blind tune": (BLIND / "docs", BLIND / "cleaning_tune.jsonl"),
}
CHECK = {
    "shared pages-dev (CHECK)": (PAGES / "docs", PAGES / "gold.jsonl"),
    "blind check (CHECK)": (BLIND / "docs", BLIND / "cleaning_check.jsonl"),
}


def scorer():
    spec = importlib.util.spec_from_file_location("cleaning_score", SHARED / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def evaluate(docs: Path, gold: Path) -> dict:
    """The scorer's pooled summary (keep_recall, drop_rate, h, ...) for one set."""
    score = scorer()
    rows = []
    for g in score.load_gold(str(gold)):
        text = score.read(str(docs / g["doc"]))
        rows.append(score.score_doc(g, clean_text(text), str(docs), False))
    return score.summarize(rows, "overall")


def main() -> None:
    for name, (docs, gold) in {**SETS, **CHECK}.items():
        s = evaluate(docs, gold)
        print(f"{name:<24} docs {s['docs']:>3}  keep-recall {s['keep_recall']:.3f}  drop-rate {s['drop_rate']:.3f}  H {s['h']:.3f}")


if __name__ == "__main__":
    main()
