"""Every text page of ../shared's cleaning-dev and pages-dev sets (89 pages, 6 languages) as one
seeds folder, the whole project materialized on it, and per stage what a user would judge: did the
run publish, was every file placed once, chrome kept and body lost, metadata, money and its flags,
entities per page, and whether every offset holds. Scored with the shared scorers' own functions.
A run that does not publish is still reported, from the staged tables, and says so.

Usage: python -m benchmarks.real_pages [--out DIR] [--json]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import tempfile
import time
from collections import Counter
from pathlib import Path
from types import ModuleType

import dagster as dg
import duckdb
import polars as pl

import pipeline
from benchmarks.run import materialize_all
from pipeline.adapters.annotators import Nlp
from pipeline.adapters.staging import Staging

# The checkout whose code runs, found from the package rather than this file, which may be copied
# elsewhere to run against another checkout.
ROOT = Path(pipeline.__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "benchmarks"
SETS = ("cleaning-dev", "pages-dev")
TABLES = ("documents", "quarantine", "sentences", "mentions", "entities", "money")


def page_files(shared: Path = SHARED) -> dict[str, Path]:
    """Seeds-relative name (`<set>/NNN.txt`) -> shared page, for every NNN.txt of both sets."""
    return {f"{s}/{p.name}": p for s in SETS for p in sorted((shared / s / "docs").glob("[0-9][0-9][0-9].txt"))}


def build_seeds(folder: Path, shared: Path = SHARED) -> list[str]:
    """Copy every page into `folder`, one subfolder per set so the two sets' names do not collide."""
    pages = page_files(shared)
    for name, source in pages.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, folder / name)
    return sorted(pages)


def run(seeds: Path, warehouse: Path, nlp: Nlp | None = None) -> dict:
    """Materialize everything; a failed blocking check raises, so the run is read from its instance."""
    instance = dg.DagsterInstance.ephemeral()
    start = time.perf_counter()
    error = None
    try:
        materialize_all(seeds, warehouse, nlp, instance=instance)
    except Exception as exc:  # reported below, beside the checks that failed
        error = f"{type(exc).__name__}: {exc}"
    seconds = time.perf_counter() - start
    run_id = instance.get_runs()[0].run_id
    evaluations = [e.dagster_event.event_specific_data
                   for e in instance.all_logs(run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION)]
    planned = len(instance.all_logs(run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION_PLANNED))
    return {
        "code": str(ROOT),
        "published": instance.get_latest_materialization_event(dg.AssetKey("warehouse")) is not None,
        "seconds": round(seconds, 1),
        "checks": f"{sum(e.passed for e in evaluations)}/{len(evaluations)} passed, {planned - len(evaluations)} not evaluated",
        "failed_checks": [failed_check(e) for e in evaluations if not e.passed],
        "error": " ".join(error.split()) if error else None,
    }


def failed_check(evaluation: dg.AssetCheckEvaluation) -> str:
    """`name SEVERITY: expectation (severity), ...` from a failed check's metadata."""
    failed = evaluation.metadata.get("failed")
    expectations = [f"{f['expectation']} ({f['severity']})" for f in (failed.value if failed else [])]
    return f"{evaluation.check_name} {evaluation.severity.value}: " + ", ".join(expectations)


def read_tables(warehouse: Path) -> tuple[str, dict[str, pl.DataFrame]]:
    """The published tables, or else the staged ones beside the warehouse; with where they came from."""
    if warehouse.exists():
        with duckdb.connect(str(warehouse), read_only=True) as con:
            return "warehouse", {t: con.sql(f"SELECT * FROM {t}").pl() for t in TABLES}
    staging = Staging(path=str(warehouse.parent / "staging"))
    return "staging (NOT published)", {t: staging.previous(t) for t in TABLES}


def placement(files: list[str], tables: dict[str, pl.DataFrame]) -> dict:
    """Documents and quarantine rows against the files: each file should be placed exactly once."""
    quarantine = tables["quarantine"]
    placed = Counter(tables["documents"]["source_path"].to_list() + quarantine["source_path"].to_list())
    return {
        "files": len(files),
        "documents": tables["documents"].height,
        "quarantined": quarantine.height,
        "quarantine_reasons": [f"{p}: {r}" for p, r in quarantine.select("source_path", "reason").iter_rows()],
        "not_placed": sorted(set(files) - set(placed)),
        "placed_twice": sorted(p for p, n in placed.items() if n > 1),
        "unknown_files": sorted(set(placed) - set(files)),
    }


def load_module(path: Path) -> ModuleType:
    """A shared scorer, imported from its file (../shared is not a package)."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cleaning(documents: pl.DataFrame, shared: Path = SHARED) -> dict:
    """Per set: the cleaning scorer on published clean_text (a page not published scores as empty)."""
    score = load_module(shared / "cleaning-dev" / "score.py")
    clean = dict(zip(documents["source_path"], documents["clean_text"]))
    out = {}
    for s in SETS:
        gold = score.load_gold(str(shared / s / "gold.jsonl"))
        rows = [score.score_doc(g, clean.get(f"{s}/{g['doc']}", ""), str(shared / s / "docs"), False) for g in gold]
        m = score.summarize(rows, s)
        out[s] = (f"body lost {m['must_keep'] - sum(r['n_kept'] for r in rows)}/{m['must_keep']}, "
                  f"chrome kept {m['must_drop'] - sum(r['n_dropped'] for r in rows)}/{m['must_drop']}  "
                  f"(keep-recall {m['keep_recall']:.3f}, drop-rate {m['drop_rate']:.3f}, H {m['h']:.3f}, {m['docs']} docs)")
    return out


def metadata(documents: pl.DataFrame, shared: Path = SHARED) -> dict:
    """The pages-dev metadata scorer on the pages-dev rows (its doc is the basename of source_path)."""
    sm = load_module(shared / "pages-dev" / "score_metadata.py")
    rows = documents.filter(pl.col("source_path").str.starts_with("pages-dev/"))
    pred = {
        sm.doc_name(r["source_path"]): {**r, "published_date": str(r["published_date"] or "")}
        for r in rows.select("source_path", "title", "byline", "published_date", "outlet").iter_rows(named=True)
    }
    res, _ = sm.score(sm.load_gold(str(shared / "pages-dev" / "gold.jsonl")), pred)
    c = res["counts"]
    return {
        "title": f"{res['title_accuracy']:.3f} ({c['title']['ok']}/{c['title']['n']})",
        "byline_recall": f"{res['byline_recall']:.3f} ({c['byline']['hit_tokens']}/{c['byline']['gold_tokens']} tokens, "
                         f"precision {res['byline_precision']:.3f})",
        "date": f"{res['date_accuracy']:.3f} ({c['date']['ok']}/{c['date']['n']})",
        "site": f"{res['site_accuracy']:.3f} ({c['site']['ok']}/{c['site']['n']})",
        "docs_missing": res["docs_missing"],
    }


def money(table: pl.DataFrame) -> dict:
    """Rows, rows per currency, restatement links, and flagged rows by rule where the table has `flags`."""
    out = {
        "rows": table.height,
        "per_currency": dict(table["currency"].value_counts(sort=True).iter_rows()),
        "restatement_links": table["equivalent_of"].is_not_null().sum(),
    }
    if "flags" not in table.columns:  # code from before row flags
        return out | {"flagged_rows": "no flags column"}
    flagged = table.filter(pl.col("flags").list.len() > 0)
    return out | {
        "flagged_rows": flagged.height,
        "flags_by_rule": dict(flagged["flags"].explode().value_counts(sort=True).iter_rows()),
    }


def entities(tables: dict[str, pl.DataFrame]) -> dict:
    """Distinct entities per published page, mentions, and the PERSON/ORG named in most pages."""
    per_doc = tables["mentions"].group_by("doc_id").agg(pl.col("entity_id").n_unique().alias("n"))
    counts = tables["documents"].select("doc_id").join(per_doc, on="doc_id", how="left")["n"].fill_null(0)
    top = (tables["entities"].filter(pl.col("label").is_in(["PERSON", "ORG"]))
           .sort(["n_documents", "n_mentions", "name"], descending=[True, True, False]).head(10))
    return {
        "per_page_mean": round(counts.mean() or 0.0, 1),
        "per_page_max": counts.max() or 0,
        "mentions": tables["mentions"].height,
        "entities": tables["entities"].height,
        "top_person_org": [f"{n} ({lbl}, {d} docs)" for n, lbl, d in top.select("name", "label", "n_documents").iter_rows()],
    }


def offsets(tables: dict[str, pl.DataFrame]) -> dict:
    """Per table: rows checked and rows whose text is not clean_text[start:end] (or whose doc is gone)."""
    clean = tables["documents"].select("doc_id", "clean_text")
    out = {}
    for name in ("sentences", "mentions", "money"):
        rows = tables[name].select("doc_id", "start_char", "end_char", "text").join(clean, on="doc_id", how="left")
        holds = pl.col("text") == pl.col("clean_text").str.slice(pl.col("start_char"), pl.col("end_char") - pl.col("start_char"))
        out[name] = {"rows": rows.height, "broken": rows.filter(~holds.fill_null(False)).height}
    return out


def measure(folder: Path) -> dict:
    """Build the seeds in `folder`, run, and judge every stage."""
    files = build_seeds(folder / "seeds")
    warehouse = folder / "warehouse" / "news.duckdb"
    report = {"run": run(folder / "seeds", warehouse)}
    source, tables = read_tables(warehouse)
    report["run"]["tables_read_from"] = source
    report |= {
        "placement": placement(files, tables),
        "cleaning": cleaning(tables["documents"]),
        "metadata (pages-dev)": metadata(tables["documents"]),
        "money": money(tables["money"]),
        "entities": entities(tables),
        "offsets": offsets(tables),
    }
    return report


def render(report: dict) -> str:
    """One line per measure, `stage  measure  value`, a list one item a line; stage and measure
    are written once."""
    lines = []
    for stage, measures in report.items():
        for j, (name, value) in enumerate(measures.items()):
            items = (value if isinstance(value, list) else [value]) or ["-"]
            for i, item in enumerate(items):
                label = stage if i == j == 0 else ""
                lines.append(f"{label:<22}{name if i == 0 else '':<20}{_text(item)}")
    return "\n".join(lines)


def _text(value: object) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k} {_text(v)}" for k, v in value.items()) or "-"
    return "-" if value is None else str(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="an empty or new folder to keep the seeds and warehouse in")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    args = parser.parse_args()
    if not SHARED.is_dir():
        raise SystemExit(f"needs {SHARED}: the shared benchmark pages (../shared beside the repo)")
    if args.out and args.out.exists() and any(args.out.iterdir()):
        raise SystemExit(f"{args.out} is not empty: a warehouse left there would be read as this run's")
    with tempfile.TemporaryDirectory() as tmp:
        report = measure(args.out or Path(tmp))
    print(json.dumps(report, ensure_ascii=False, default=str) if args.json else render(report))


if __name__ == "__main__":
    main()
